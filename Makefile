# `make run` and `make test` each create .venv when missing and install through constraints.txt
# (which pins the CPU build of torch). The stamp file makes a second run skip the install.
# llama-cpp-python compiles llama.cpp for this CPU, but without its AMX kernels: on CPUs that have AMX
# (Sapphire Rapids and later) they crash the process with the packaged Q4_K_M model.
PYTHON ?= python3
NO_AMX := -mno-amx-tile -mno-amx-int8 -mno-amx-bf16
export CMAKE_ARGS ?= -DCMAKE_C_FLAGS='$(NO_AMX)' -DCMAKE_CXX_FLAGS='$(NO_AMX)'
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean-index record

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt torch==2.13.0
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsdesk index seeds/
	$(BIN)/newsdesk serve

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest --record-mode=none --block-network

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python bench/index_throughput.py --quick
	$(BIN)/python bench/search_latency.py --quick
	$(BIN)/python bench/ask_vs_langchain.py --questions 1 8
	$(BIN)/python bench/serve_memory.py --configs now before
	$(BIN)/python bench/summaries_throughput.py --articles 2
	$(BIN)/python bench/summaries_server.py --delay 0.5 --repeat 2
	$(BIN)/python bench/index_frames.py

clean-index:
	find index -mindepth 1 ! -name README.md -exec rm -rf {} +
