"""One module per command; each defines ``command`` (a click command). legation/cli.py lists them."""
