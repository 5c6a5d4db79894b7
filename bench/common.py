"""Shared helpers for the benchmarks: machine facts, timing, Markdown tables, the corpora and query sets.

Every benchmark compares ratios measured in the same run (the machine is shared, so absolute numbers are
noisy) and prints a Markdown table, the exact command line and the machine's load at start and end.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as `python bench/x.py` from anywhere

SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
QUESTIONS = SHARED / "eval" / "questions.json"
MULTIHOP = SHARED / "eval" / "multihop"
WORK = Path(os.environ.get("NEWSDESK_BENCH_DIR", "/tmp/newsdesk-bench"))


# --- the machine -----------------------------------------------------------------------------------


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


class Run:
    """Prints the header (command, machine, load at start) and, at the end, the load again."""

    def __init__(self, title: str):
        self.title = title
        self.started = time.perf_counter()
        self.load_start = load()

    def header(self) -> None:
        print(f"## {self.title}\n")
        print("Command:\n")
        print(f"    {command_line()}\n")
        print(
            f"Machine: {os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}, "
            f"load average (1/5/15 min) at start {self.load_start}\n"
        )

    def footer(self) -> None:
        took = time.perf_counter() - self.started
        print(f"\nLoad average at end {load()} (at start {self.load_start}); wall time {took:.0f} s.")


def command_line() -> str:
    script = Path(sys.argv[0])
    with contextlib.suppress(ValueError):
        script = script.resolve().relative_to(ROOT)
    return " ".join([".venv/bin/python", str(script), *map(shlex.quote, sys.argv[1:])])


# --- numbers and tables ------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return "–"
    return f"{seconds * 1000:,.1f}" if seconds < 10 else f"{seconds * 1000:,.0f}"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; numbers are right-aligned."""
    cells = [[str(c) for c in row] for row in rows]
    align = [
        "---:" if rows and all(_numeric(str(r[i])) for r in rows) else "---" for i in range(len(headers))
    ]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def _numeric(text: str) -> bool:
    text = text.replace(",", "").replace("×", "").replace("%", "").strip()
    if text in ("–", ""):
        return True
    try:
        float(text)
    except ValueError:
        return False
    return True


@contextlib.contextmanager
def timed(into: dict[str, float], key: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        into[key] = into.get(key, 0.0) + time.perf_counter() - start


class TimedProxy:
    """Forwards to `target`, adding the time of the named methods to timers[f"{label}.{method}"]."""

    def __init__(self, target: Any, timers: dict[str, float], label: str, methods: tuple[str, ...]):
        self._target, self._timers, self._label, self._methods = target, timers, label, methods

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if name not in self._methods:
            return attr

        def call(*args, **kwargs):
            with timed(self._timers, f"{self._label}.{name}"):
                return attr(*args, **kwargs)

        return call


# --- `newsdesk serve` as a subprocess ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(port: int, env: dict[str, str], log) -> subprocess.Popen:
    """`newsdesk serve` on 127.0.0.1:port with this environment, its output into the open file `log`."""
    newsdesk = str(ROOT / ".venv" / "bin" / "newsdesk")
    command = [newsdesk, "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def stop(proc: subprocess.Popen, timeout: float = 30) -> None:
    """Terminate, and kill if it has not ended within `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def proc_status(pid: int, fields: Sequence[str]) -> dict[str, float]:
    """These fields of /proc/PID/status (VmRSS, VmHWM, RssAnon…), in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in fields:
            values[key] = int(rest.split()[0]) / 1024
    return values


# --- corpora -------------------------------------------------------------------------------------------


_used: set[str] = set()


def fresh_dir(name: str) -> Path:
    """An empty folder under WORK, never the same one twice in a process (Chroma caches one client per
    path: deleting a folder under a live client leaves it writing to a read-only database)."""
    unique, n = name, 1
    while unique in _used:
        n += 1
        unique = f"{name}-{n}"
    _used.add(unique)
    path = WORK / unique
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def seed_copies(folder: Path, repeat: int) -> Path:
    """`repeat` copies of the seed articles under distinct ids (r0_000_…, r1_000_…)."""
    folder.mkdir(parents=True, exist_ok=True)
    for r in range(repeat):
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(path, folder / f"r{r}_{path.name}")
    return folder


def multihop_facts() -> list[tuple[str, str, str]]:
    """(doc_id, title, fact) for every gold evidence fact of MultiHop-RAG, deduplicated by text."""
    truth = json.loads((MULTIHOP / "ground_truth.json").read_text())
    facts: dict[str, tuple[str, str, str]] = {}
    for entry in truth.values():
        for evidence in entry["evidence_list"]:
            text = evidence["fact"]
            doc_id = "mh_" + hashlib.sha1(text.encode()).hexdigest()[:16]
            facts.setdefault(doc_id, (doc_id, evidence["title"], text))
    return list(facts.values())


def fact_files(folder: Path) -> Path:
    """Each fact as `<id>.txt` whose first line is its article title."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, title, fact in multihop_facts():
        (folder / f"{doc_id}.txt").write_text(f"{title}\n{fact}\n", encoding="utf-8")
    return folder


def eval_questions() -> list[str]:
    return [q["question"] for q in json.loads(QUESTIONS.read_text())["questions"]]


def multihop_queries() -> list[str]:
    return [q["question"] for q in json.loads((MULTIHOP / "queries.json").read_text())["queries"]]


def settings_for(index_dir: Path, **overrides):
    """Settings for a throwaway index; everything else as configured (env, .env) or default."""
    from service.settings import Settings

    return Settings(index_dir=index_dir, seeds_dir=SEEDS, **overrides)
