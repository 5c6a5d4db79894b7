"""Memory of `newsdesk serve`, before and after, in one run: peak (VmHWM) and current (VmRSS, split into
anonymous and file-backed pages) from /proc/PID/status, after startup, after /health, after the first and
second /search and after the first POST /ask (and more asks with --asks).

Each configuration is a fresh server (a subprocess on a free 127.0.0.1 port) on the same fresh index of a
copy of the seeds (built first with `newsdesk index`), the old behaviour chosen by the environment:
  now      the defaults: NEWSDESK_EMBEDDING_BACKEND=onnx, NEWSDESK_LLM_MMAP=false
  mmap     NEWSDESK_LLM_MMAP=true            the GGUF memory-mapped, the default before 98b5faa
  torch    NEWSDESK_EMBEDDING_BACKEND=torch  sentence-transformers on torch, the default before 886f549
  before   both of the above: serve as it was before both commits
Also reported: the model files each server maps (a model loaded twice would show twice).

With --probes, also the chat model alone under other llama.cpp load options, and the embedder alone per
backend, each in a fresh process.

    .venv/bin/python bench/serve_memory.py                    # now, mmap, torch, before
    .venv/bin/python bench/serve_memory.py --configs now before   # quick
    .venv/bin/python bench/serve_memory.py --asks 2 --probes
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from common import (
    ROOT,
    WORK,
    Run,
    eval_questions,
    free_port,
    fresh_dir,
    proc_status,
    seed_copies,
    start_serve,
    stop,
    table,
)

FIELDS = ("VmHWM", "VmRSS", "RssAnon", "RssFile")
CONFIGS = {
    "now": {},
    "mmap": {"NEWSDESK_LLM_MMAP": "true"},
    "torch": {"NEWSDESK_EMBEDDING_BACKEND": "torch"},
    "before": {"NEWSDESK_LLM_MMAP": "true", "NEWSDESK_EMBEDDING_BACKEND": "torch"},
}
STEPS = ("startup", "GET /health", "first GET /search", "second GET /search", "first POST /ask")

# Loads the chat model the way service/llm.py does (plus extra Llama kwargs), evaluates one prompt of
# ~400 tokens, prints memory and times as JSON. Run in a fresh process per variant.
LLAMA_PROBE = """
import json, sys, time
from pathlib import Path
from llama_cpp import Llama
from service.llm import default_model_path
from service.settings import Settings

def status():
    d = dict(l.split(":", 1) for l in Path("/proc/self/status").read_text().splitlines())
    return {k: int(d[k].split()[0]) / 1024 for k in ("VmHWM", "VmRSS", "RssAnon", "RssFile")}

settings = Settings()
extra = json.loads(sys.argv[1])
path = settings.llm_model_path or default_model_path(settings.cache_dir)
kwargs = dict(model_path=str(path), n_ctx=settings.llm_context, n_threads=settings.llm_threads,
              seed=settings.llm_seed, use_mmap=settings.llm_mmap, verbose=False)
kwargs.update(extra)
start = time.perf_counter()
llama = Llama(**kwargs)
load_s = time.perf_counter() - start
loaded = status()
text = Path("seeds/004_45d41598b81b07a6.txt").read_text()[:1800]
tokens = llama.tokenize(text.encode())
eval_s = float("inf")
for _ in range(2):  # best of two: the machine is shared
    llama.reset()
    start = time.perf_counter()
    llama.eval(tokens)
    eval_s = min(eval_s, time.perf_counter() - start)
out = {"load_s": load_s, "loaded": loaded, "after": status(), "tokens": len(tokens), "eval_s": eval_s}
print(json.dumps(out))
"""
# The embedder alone, in a fresh process, as newsdesk loads it for a backend (onnx8: newsdesk's own
# OnnxSentenceEncoder pointed at the int8 copy of the export made by bench/embedders.py).
EMBED_PROBE = """
import json, sys, time
from pathlib import Path

def status():
    d = dict(l.split(":", 1) for l in Path("/proc/self/status").read_text().splitlines())
    return {k: int(d[k].split()[0]) / 1024 for k in ("VmHWM", "VmRSS", "RssAnon", "RssFile")}

start = time.perf_counter()
from service.settings import Settings
from service.embedder import Embedder, OnnxSentenceEncoder
backend = sys.argv[1]
if backend == "onnx8":  # patched in this probe process only
    OnnxSentenceEncoder.exported = staticmethod(lambda folder, cache_dir: Path(sys.argv[2]))
embedder = Embedder(Settings(embedding_backend="torch" if backend == "torch" else "onnx"))
embedder.embed_one("How many sappers went to Kursk?")
print(json.dumps({"load_s": time.perf_counter() - start, "after": status()}))
"""
LLAMA_VARIANTS = {
    "as configured (no mmap, n_ctx 4096, n_batch 512)": {},
    "use_mmap=True (the old default)": {"use_mmap": True},
    "n_batch=n_ubatch=256": {"n_batch": 256, "n_ubatch": 256},
    "n_ctx=2048": {"n_ctx": 2048},
    "n_ctx=2048, n_batch=256": {"n_ctx": 2048, "n_batch": 256, "n_ubatch": 256},
}


def status(pid: int) -> dict[str, float]:
    """The FIELDS of /proc/PID/status, in MB."""
    return proc_status(pid, FIELDS)


def mappings(pid: int) -> dict[str, tuple[float, float]]:
    """Model files mapped into the process: path → (MB mapped in total, MB on disk). Mapped twice the
    file's size would mean the model is loaded twice."""
    mapped: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and parts[5].endswith((".gguf", ".safetensors", ".onnx")):
            start, end = (int(x, 16) for x in parts[0].split("-"))
            mapped[parts[5]] = mapped.get(parts[5], 0.0) + (end - start) / 2**20
    return {path: (size, Path(path).stat().st_size / 2**20) for path, size in mapped.items()}


def wait_listening(port: int, proc: subprocess.Popen, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"newsdesk serve exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"newsdesk serve did not listen within {timeout} s")


def request(url: str, body: dict | None = None, timeout: float = 900) -> tuple[float, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            payload = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        payload = {"error": exc.code, "detail": exc.read().decode(errors="replace")[:200]}
    return time.perf_counter() - start, payload


def serve_once(name: str, env: dict[str, str], asks: int) -> dict:
    """One server: memory after each step, the model files it maps, its lifetime."""
    port = free_port()
    log_path = WORK / "serve-memory" / f"serve-{name}.log"
    steps: list[tuple[str, float, dict[str, float], str]] = []
    with log_path.open("w") as log:
        start = time.perf_counter()
        proc = start_serve(port, env, log)
        try:
            ready = wait_listening(port, proc, 120)
            base = f"http://127.0.0.1:{port}"
            steps.append(("startup", ready, status(proc.pid), ""))
            took, health = request(f"{base}/health")
            steps.append(("GET /health", took, status(proc.pid), f"{health.get('chunks')} chunks"))
            query = urllib.parse.quote("How many sappers went to Kursk")
            took, found = request(f"{base}/search?q={query}&k=5")
            steps.append(("first GET /search", took, status(proc.pid), f"{len(found['results'])} results"))
            took, found = request(f"{base}/search?q={query}&k=5")
            steps.append(("second GET /search", took, status(proc.pid), ""))
            for i, question in enumerate(eval_questions()[:asks]):
                took, answer = request(f"{base}/ask", {"question": question})
                note = answer.get("model", f"HTTP {answer.get('error')}: {answer.get('detail')}")
                steps.append(
                    ("first POST /ask" if i == 0 else "next POST /ask", took, status(proc.pid), note)
                )
            maps = mappings(proc.pid)
        finally:
            stop(proc)
    return {"steps": steps, "maps": maps, "lifetime": time.perf_counter() - start, "log": log_path}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--configs", nargs="+", choices=list(CONFIGS), default=list(CONFIGS))
    parser.add_argument(
        "--asks", type=int, default=1, help="POST /ask requests per server (different questions)"
    )
    parser.add_argument("--probes", action="store_true", help="also the chat model and the embedder alone")
    args = parser.parse_args()

    run = Run("Memory of `newsdesk serve`, before (mmap, torch) vs now (VmHWM / VmRSS from /proc/PID/status)")
    run.header()
    index_dir = fresh_dir("serve-memory/index")
    base_env = {
        k: v for k, v in os.environ.items() if k not in ("NEWSDESK_LLM_MMAP", "NEWSDESK_EMBEDDING_BACKEND")
    }
    base_env["NEWSDESK_INDEX_DIR"] = str(index_dir)
    seeds = seed_copies(fresh_dir("serve-memory/seeds"), 1)
    newsdesk = str(ROOT / ".venv" / "bin" / "newsdesk")
    subprocess.run(
        [newsdesk, "index", str(seeds), "--json"], env=base_env, check=True, capture_output=True, cwd=ROOT
    )

    results = {name: serve_once(name, {**base_env, **CONFIGS[name]}, args.asks) for name in args.configs}

    rows = []
    now_peak = results["now"]["steps"][-1][2]["VmHWM"] if "now" in results else None
    for name, r in results.items():
        by_step = {label: s for label, _, s, _ in r["steps"]}
        last = r["steps"][-1][2]
        env = " ".join(f"{k}={v}" for k, v in CONFIGS[name].items()) or "(defaults)"
        rows.append(
            [
                name,
                env,
                *(f"{by_step[step]['VmHWM']:,.0f}" if step in by_step else "–" for step in STEPS),
                f"{last['RssAnon']:,.0f}",
                f"{last['RssFile']:,.0f}",
                f"{last['VmHWM'] - now_peak:+,.0f}" if now_peak else "–",
                f"{last['VmHWM'] / now_peak:.2f}×" if now_peak else "–",
            ]
        )
    print("### Peak memory (VmHWM MB) after each step, one fresh server per configuration\n")
    print(
        table(
            [
                "config",
                "environment",
                *(f"{step}" for step in STEPS),
                "RssAnon MB at end",
                "RssFile MB at end",
                "peak − now MB",
                "peak ÷ now",
            ],
            rows,
        )
    )
    rows = []
    for name, r in results.items():
        took = {label: seconds for label, seconds, _, _ in r["steps"]}
        notes = "; ".join(note for label, _, _, note in r["steps"] if label.endswith("/ask"))
        files = ", ".join(f"{Path(p).name} {m:,.0f} MB (file {d:,.0f})" for p, (m, d) in r["maps"].items())
        rows.append(
            [
                name,
                f"{took['startup']:.2f}",
                f"{took['first GET /search']:.2f}",
                f"{took['second GET /search']:.2f}",
                f"{took.get('first POST /ask', float('nan')):.1f}",
                f"{r['lifetime']:.0f}",
                files or "none",
                notes,
            ]
        )
    print("\n### Times and mapped model files\n")
    print(
        table(
            [
                "config",
                "startup s",
                "first search s",
                "second search s",
                "first ask s",
                "server lifetime s",
                "model files mapped at the end",
                "answered by",
            ],
            rows,
        )
    )
    print(
        "\n(The first /search loads the embedder, the first /ask the chat model. RssFile is mostly mapped"
        " model files (page cache: shared, evictable, but resident and counted in VmHWM); RssAnon is the"
        " process's own heap (torch or onnxruntime, tokenizers, Chroma, the llama.cpp weights when not"
        " mapped, its KV cache and compute buffers)."
        f" Server logs: {WORK / 'serve-memory'}/serve-<config>.log.)"
    )
    if args.probes:
        llama_variants()
        embedder_variants()
    run.footer()


def llama_variants() -> None:
    """The chat model alone, loaded with other llama.cpp options, each in a fresh process."""
    python = str(ROOT / ".venv" / "bin" / "python")
    rows = []
    for label, extra in LLAMA_VARIANTS.items():
        done = subprocess.run(
            [python, "-c", LLAMA_PROBE, json.dumps(extra)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        a = r["after"]
        rows.append(
            [
                label,
                f"{r['load_s']:.1f}",
                f"{a['VmHWM']:,.0f}",
                f"{a['VmRSS']:,.0f}",
                f"{a['RssAnon']:,.0f}",
                f"{a['RssFile']:,.0f}",
                f"{r['tokens'] / r['eval_s']:.0f}",
            ]
        )
    print(
        "\n### The chat model alone: llama.cpp load options (fresh process each,"
        " one ~400-token prompt, best of 2)\n"
    )
    print(
        table(
            [
                "Llama(...) options",
                "load s",
                "VmHWM MB",
                "VmRSS MB",
                "RssAnon MB",
                "RssFile MB",
                "prompt tok/s",
            ],
            rows,
        )
    )
    print(
        "\n(llama.cpp repacks most Q4_K weights into an anonymous CPU_REPACK buffer for faster matmuls;"
        " with mmap the original pages of those tensors stay mapped and resident as well."
        " Prompt tok/s is the best of two runs per option on a shared machine: compare it loosely.)"
    )


def embedder_variants() -> None:
    from embedders import int8_onnx_path

    from service.embedder import Embedder
    from service.settings import Settings

    python = str(ROOT / ".venv" / "bin" / "python")
    rows = []
    runs = {
        "torch + sentence-transformers (the old default)": ["torch"],
        "onnxruntime + tokenizers (now)": ["onnx"],
        "onnxruntime, int8 weights (experiment)": ["onnx8", str(int8_onnx_path(Embedder(Settings())))],
    }
    for label, argv in runs.items():
        done = subprocess.run(
            [python, "-c", EMBED_PROBE, *argv], cwd=ROOT, capture_output=True, text=True, check=True
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        a = r["after"]
        rows.append(
            [
                label,
                f"{r['load_s']:.1f}",
                f"{a['VmHWM']:,.0f}",
                f"{a['RssAnon']:,.0f}",
                f"{a['RssFile']:,.0f}",
            ]
        )
    print("\n### The embedder alone (fresh process each: import, load, embed one query)\n")
    print(table(["embedder", "import+load+1 query s", "VmHWM MB", "RssAnon MB", "RssFile MB"], rows))


if __name__ == "__main__":
    main()
