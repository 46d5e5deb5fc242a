# legation — two commands on a fresh machine:
#   make demo   installs into .venv and runs the main job on the embedded store (samples → graph → queries,
#               network page, reports) with its output in demo-out/
#   make test   installs into .venv and runs the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := demo-out
STORE  := $(OUT)/store
SEED   := ../shared/corpus

.PHONY: demo test install clean score

$(BIN)/legation: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench,dask]'
	touch $@

install: $(BIN)/legation

demo: $(BIN)/legation
	rm -rf $(OUT) && mkdir -p $(OUT)
	$(BIN)/legation ingest samples $(wildcard $(SEED)) --store $(STORE) --jobs 2
	$(BIN)/legation stats --store $(STORE)
	$(BIN)/legation validate --store $(STORE)
	$(BIN)/legation query meetings-between --param a=RU --param b=PK --store $(STORE)
	$(BIN)/legation export --format trig --out $(OUT)/graph.trig --store $(STORE)
	$(BIN)/legation graph --view states --store $(STORE) --out $(OUT)/network.html --screenshot $(OUT)/network.png
	$(BIN)/legation graph --state RU --state PK --store $(STORE) --out $(OUT)/network-RU-PK.html
	$(BIN)/legation report RU PK --store $(STORE) --out $(OUT)/report-RU-PK.html --screenshot $(OUT)/report-RU-PK.png
	$(BIN)/legation report RU PK --store $(STORE) --out $(OUT)/report-RU-PK.md
	@echo "demo output in $(OUT)/"

test: $(BIN)/legation
	$(BIN)/pytest

score: $(BIN)/legation
	$(BIN)/legation eval tests/gold/dev
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev --cmd "$(BIN)/legation extract --format jsonl"
	$(BIN)/python ../shared/eval/score.py ../shared/eval/plover-dev --cmd "$(BIN)/legation extract --format jsonl"

clean:
	rm -rf $(OUT) .pytest_cache
