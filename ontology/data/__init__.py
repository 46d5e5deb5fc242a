"""Reference data of the ontology (TSV files read by ontology.refdata); a package only so that it installs."""
