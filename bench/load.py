"""`newsdesk serve` under load, with the chat model's gate (now) and effectively without it (before): N
clients looping on GET /search and M clients on POST /ask at once, for a bounded time, against one fresh
server per configuration.

Per endpoint: accepted (200), rejected (429 or 503; whether each carried a `Retry-After` header, and how
many did not), errors (any other status, or an exception other than a timeout), client timeouts; p50/p95
latency of the accepted and of the rejected responses. Per server: its RSS (VmRSS from /proc/PID/status)
after the warm-up and after the load, and the time until idle: from the moment the last client left (its
last response or its timeout), the server's CPU time (utime+stime from /proc/PID/stat) is polled every
0.5 s until it grows by less than 0.05 s per interval for 2 intervals in a row (at most 180 s); reported
is the start of that quiet stretch, and the CPU seconds the server spent after the last client left.

Each server is a subprocess (`newsdesk serve` on a free 127.0.0.1 port) on the same fresh index of a copy
of the seeds (built once with `newsdesk index`). Before the load it answers /health, one /search and one
POST /ask (the first ask loads the in-process chat model, 10–30 s) and is left to settle. Clients are
threads with one httpx.Client each; a search client loops until the deadline (`--seconds`), an ask client
sends `--asks-per-client` asks (0: loops until the deadline), none starts a request after the deadline,
and each request gives up after `--client-timeout` s. Questions and queries: the seed gold questions of
shared/eval/questions.json, in rotation.

The configurations differ only by the server's environment:
  now      the defaults: NEWSDESK_MODEL_SLOTS requests use the chat model at once, NEWSDESK_MODEL_QUEUE
           more may wait for a slot, at most NEWSDESK_MODEL_WAIT s; the others get 429 + Retry-After
  before   NEWSDESK_MODEL_QUEUE=1000 NEWSDESK_MODEL_WAIT=100000: the gate effectively off, nothing is
           rejected, every ask waits its turn, as before backpressure was added. One difference remains:
           a request whose client has gone (a client timeout) is still cancelled, which the service before
           backpressure did not do, so "before" here understates the work left behind after a timeout.
Without those settings in service/settings.py both configurations run the same service (noted in the
output).

    .venv/bin/python bench/load.py                          # now, before: 8 search + 30 ask clients, 60 s
    .venv/bin/python bench/load.py --quick                  # now: 2 search + 4 ask clients, 20 s
    .venv/bin/python bench/load.py --configs now --search-clients 4 --ask-clients 10 --seconds 30
"""

from __future__ import annotations

import argparse
import os
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from common import (
    ROOT,
    WORK,
    Run,
    eval_questions,
    free_port,
    fresh_dir,
    ms,
    percentile,
    proc_status,
    seed_copies,
    start_serve,
    stop,
    table,
)

GATE = ("NEWSDESK_MODEL_SLOTS", "NEWSDESK_MODEL_QUEUE", "NEWSDESK_MODEL_WAIT")
CONFIGS = {
    "now": {},
    "before": {"NEWSDESK_MODEL_QUEUE": "1000", "NEWSDESK_MODEL_WAIT": "100000"},
}
ENDPOINTS = ("POST /ask", "GET /search")
CLK_TCK = os.sysconf("SC_CLK_TCK")
IDLE_INTERVAL, IDLE_CPU, IDLE_QUIET, IDLE_DEADLINE = 0.5, 0.05, 2, 180.0


# --- the server process ----------------------------------------------------------------------------


def rss_mb(pid: int, key: str = "VmRSS") -> float:
    return proc_status(pid, (key,)).get(key, float("nan"))


def cpu_seconds(pid: int) -> float:
    """utime + stime of the process (all its threads), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # fields 14 and 15 of stat(5)


def wait_idle(pid: int, since: float, deadline: float = IDLE_DEADLINE) -> tuple[float | None, float]:
    """Seconds from `since` (a perf_counter time) until the server's CPU time stops growing: the start of
    the first of IDLE_QUIET consecutive intervals of IDLE_INTERVAL s in which it grew by less than IDLE_CPU
    s (None if not within `deadline` s), and the CPU seconds it spent from `since` until then."""
    start_cpu = cpu_seconds(pid)
    prev_t, prev_cpu = time.perf_counter(), start_cpu
    quiet, quiet_start, quiet_cpu = 0, prev_t, prev_cpu
    while time.perf_counter() - since < deadline:
        time.sleep(IDLE_INTERVAL)
        now_t, now_cpu = time.perf_counter(), cpu_seconds(pid)
        grown = (now_cpu - prev_cpu) * IDLE_INTERVAL / max(now_t - prev_t, 1e-6)
        if grown < IDLE_CPU:
            if quiet == 0:
                quiet_start, quiet_cpu = prev_t, prev_cpu
            quiet += 1
            if quiet >= IDLE_QUIET:
                return max(quiet_start - since, 0.0), quiet_cpu - start_cpu
        else:
            quiet = 0
        prev_t, prev_cpu = now_t, now_cpu
    return None, cpu_seconds(pid) - start_cpu


def wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 120) -> float:
    start = time.perf_counter()
    with httpx.Client(base_url=base, timeout=5) as client:
        while time.perf_counter() - start < timeout:
            if proc.poll() is not None:
                raise SystemExit(f"newsdesk serve exited with {proc.returncode}")
            try:
                if client.get("/health").status_code == 200:
                    return time.perf_counter() - start
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
    raise SystemExit(f"newsdesk serve did not answer /health within {timeout} s")


# --- the clients --------------------------------------------------------------------------------------


@dataclass
class Tally:
    """What one endpoint saw."""

    accepted: list[float] = field(default_factory=list)  # latencies, s
    rejected: list[float] = field(default_factory=list)
    rejected_bare: int = 0  # rejected without a Retry-After header
    retry_after: Counter = field(default_factory=Counter)  # header value → count
    errors: Counter = field(default_factory=Counter)  # "HTTP 500", "ConnectError" → count
    timeouts: int = 0

    @property
    def requests(self) -> int:
        return len(self.accepted) + len(self.rejected) + sum(self.errors.values()) + self.timeouts


class Load:
    """N search clients and M ask clients, started together, bounded by a deadline and a client timeout."""

    def __init__(self, base: str, args: argparse.Namespace, questions: list[str]):
        self.base, self.args, self.questions = base, args, questions
        self.tallies = {endpoint: Tally() for endpoint in ENDPOINTS}
        self.lock = threading.Lock()
        self.left: dict[str, list[float]] = {endpoint: [] for endpoint in ENDPOINTS}  # when clients finished
        self.start = self.deadline = 0.0

    def record(self, endpoint: str, send) -> None:
        started = time.perf_counter()
        try:
            response = send()
        except httpx.TimeoutException:
            with self.lock:
                self.tallies[endpoint].timeouts += 1
            return
        except httpx.HTTPError as exc:
            with self.lock:
                self.tallies[endpoint].errors[type(exc).__name__] += 1
            return
        took = time.perf_counter() - started
        with self.lock:
            tally = self.tallies[endpoint]
            if response.status_code == 200:
                tally.accepted.append(took)
            elif response.status_code in (429, 503):
                tally.rejected.append(took)
                value = response.headers.get("retry-after")
                if value is None:
                    tally.rejected_bare += 1
                else:
                    tally.retry_after[f"{response.status_code}: {value}"] += 1
            else:
                tally.errors[f"HTTP {response.status_code}"] += 1

    def search_client(self, i: int, go: threading.Event) -> None:
        with httpx.Client(base_url=self.base, timeout=self.args.client_timeout) as client:
            go.wait()
            n = i
            while time.perf_counter() < self.deadline:
                query = self.questions[n % len(self.questions)]
                self.record("GET /search", lambda q=query: client.get("/search", params={"q": q, "k": 5}))
                n += 1
        with self.lock:
            self.left["GET /search"].append(time.perf_counter())

    def ask_client(self, i: int, go: threading.Event) -> None:
        with httpx.Client(base_url=self.base, timeout=self.args.client_timeout) as client:
            go.wait()
            n = 0
            while time.perf_counter() < self.deadline and (
                self.args.asks_per_client == 0 or n < self.args.asks_per_client
            ):
                question = self.questions[(i + n) % len(self.questions)]
                self.record("POST /ask", lambda q=question: client.post("/ask", json={"question": q}))
                n += 1
        with self.lock:
            self.left["POST /ask"].append(time.perf_counter())

    def active(self, endpoint: str) -> float:
        """Seconds from the start until the endpoint's last client left."""
        return max(self.left[endpoint], default=self.start) - self.start

    def run(self) -> float:
        """Runs every client; returns when the last one left (perf_counter time)."""
        go = threading.Event()
        threads = [
            threading.Thread(target=self.search_client, args=(i, go), daemon=True)
            for i in range(self.args.search_clients)
        ] + [
            threading.Thread(target=self.ask_client, args=(i, go), daemon=True)
            for i in range(self.args.ask_clients)
        ]
        for thread in threads:
            thread.start()
        time.sleep(0.5)  # every client has its httpx.Client ready
        self.start = time.perf_counter()
        self.deadline = self.start + self.args.seconds
        go.set()
        # A request started before the deadline ends within the client timeout (plus connect/write slack).
        hard_stop = self.deadline + self.args.client_timeout * 2 + 30
        for thread in threads:
            thread.join(max(hard_stop - time.perf_counter(), 0))
        stuck = sum(thread.is_alive() for thread in threads)
        if stuck:
            print(f"(warning: {stuck} clients still running at the hard stop; counted as left now)\n")
            return time.perf_counter()
        return max((t for times in self.left.values() for t in times), default=self.start)


# --- one configuration ----------------------------------------------------------------------------


def serve_once(name: str, env: dict[str, str], args: argparse.Namespace, questions: list[str]) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = WORK / "load" / f"serve-{name}.log"
    result: dict = {"log": log_path}
    with log_path.open("w") as log:
        proc = start_serve(port, env, log)
        try:
            result["startup"] = wait_healthy(base, proc)
            with httpx.Client(base_url=base, timeout=300) as client:
                client.get("/search", params={"q": questions[0], "k": 5}).raise_for_status()
                started = time.perf_counter()
                warm = client.post("/ask", json={"question": questions[0]})
                result["warm_ask"] = (warm.status_code, time.perf_counter() - started)
            result["settle"], _ = wait_idle(proc.pid, time.perf_counter(), deadline=60)
            result["rss_before"] = rss_mb(proc.pid)
            cpu_before = cpu_seconds(proc.pid)

            load = Load(base, args, questions)
            left = load.run()
            result["tallies"], result["seconds"] = load.tallies, left - load.start
            result["active"] = {endpoint: load.active(endpoint) for endpoint in ENDPOINTS}
            result["cpu_load"] = cpu_seconds(proc.pid) - cpu_before
            result["idle"], result["cpu_after"] = wait_idle(proc.pid, left)
            result["rss_after"] = rss_mb(proc.pid)
            result["hwm"] = rss_mb(proc.pid, "VmHWM")
            result["cpu_load"] += result["cpu_after"]
        finally:
            stop(proc)
    return result


# --- output -----------------------------------------------------------------------------------------


def secs(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.1f}"


def endpoint_row(endpoint: str, t: Tally, seconds: float) -> list[object]:
    return [
        endpoint,
        t.requests,
        len(t.accepted),
        len(t.rejected),
        t.rejected_bare,
        sum(t.errors.values()),
        t.timeouts,
        ms(percentile(t.accepted, 50)),
        ms(percentile(t.accepted, 95)),
        ms(percentile(t.rejected, 50)),
        ms(percentile(t.rejected, 95)),
        f"{len(t.accepted) / seconds:.2f}" if seconds > 0 else "–",
    ]


def print_config(name: str, r: dict) -> None:
    env = " ".join(f"{k}={v}" for k, v in CONFIGS[name].items()) or "(defaults)"
    print(f"### {name}: {env}\n")
    rows = [endpoint_row(endpoint, r["tallies"][endpoint], r["active"][endpoint]) for endpoint in ENDPOINTS]
    print(
        table(
            [
                "endpoint",
                "requests",
                "accepted",
                "rejected",
                "rejected w/o Retry-After",
                "errors",
                "client timeouts",
                "accepted p50 ms",
                "accepted p95 ms",
                "rejected p50 ms",
                "rejected p95 ms",
                "accepted /s",
            ],
            rows,
        )
    )
    status, took = r["warm_ask"]
    idle = secs(r["idle"]) if r["idle"] is not None else f"not within {IDLE_DEADLINE:.0f}"
    print(
        f"\nServer: healthy after {r['startup']:.1f} s; warm-up ask HTTP {status} in {took:.1f} s; clients"
        f" ran {r['seconds']:.1f} s (first start to last leave); idle {idle} s after the last client left,"
        f" having spent {r['cpu_after']:.1f} CPU s since (CPU s over the whole load: {r['cpu_load']:.1f});"
        f" VmRSS {r['rss_before']:,.0f} MB before, {r['rss_after']:,.0f} MB after"
        f" ({r['rss_after'] / r['rss_before']:.2f}×), VmHWM {r['hwm']:,.0f} MB."
    )
    notes = []
    for endpoint in ENDPOINTS:
        t = r["tallies"][endpoint]
        if t.retry_after:
            seen = ", ".join(f"{v} ×{n}" for v, n in sorted(t.retry_after.items()))
            notes.append(f"{endpoint} Retry-After (status: value ×count): {seen}")
        if t.errors:
            notes.append(f"{endpoint} errors: " + ", ".join(f"{k} ×{n}" for k, n in t.errors.most_common()))
    for note in notes:
        print(f"\n{note}")
    print()


def pct(r: dict, endpoint: str, kind: str, q: float) -> str:
    return ms(percentile(getattr(r["tallies"][endpoint], kind), q))


def print_comparison(results: dict[str, dict]) -> None:
    names = list(results)
    metrics: list[tuple[str, object]] = []
    for endpoint in ENDPOINTS:
        metrics += [
            (f"{endpoint} requests", lambda r, e=endpoint: r["tallies"][e].requests),
            (f"{endpoint} accepted", lambda r, e=endpoint: len(r["tallies"][e].accepted)),
            (f"{endpoint} rejected", lambda r, e=endpoint: len(r["tallies"][e].rejected)),
            (f"{endpoint} rejected w/o Retry-After", lambda r, e=endpoint: r["tallies"][e].rejected_bare),
            (f"{endpoint} errors", lambda r, e=endpoint: sum(r["tallies"][e].errors.values())),
            (f"{endpoint} client timeouts", lambda r, e=endpoint: r["tallies"][e].timeouts),
            (f"{endpoint} accepted p50 ms", lambda r, e=endpoint: pct(r, e, "accepted", 50)),
            (f"{endpoint} accepted p95 ms", lambda r, e=endpoint: pct(r, e, "accepted", 95)),
            (f"{endpoint} rejected p50 ms", lambda r, e=endpoint: pct(r, e, "rejected", 50)),
            (f"{endpoint} rejected p95 ms", lambda r, e=endpoint: pct(r, e, "rejected", 95)),
        ]
    metrics += [
        ("clients ran s", lambda r: secs(r["seconds"])),
        ("s from last client leaving to idle", lambda r: secs(r["idle"])),
        ("server CPU s after last client left", lambda r: secs(r["cpu_after"])),
        ("VmRSS before MB", lambda r: f"{r['rss_before']:,.0f}"),
        ("VmRSS after idle MB", lambda r: f"{r['rss_after']:,.0f}"),
        ("VmRSS after ÷ before", lambda r: f"{r['rss_after'] / r['rss_before']:.2f}×"),
        ("VmHWM at end MB", lambda r: f"{r['hwm']:,.0f}"),
    ]
    rows = [[label, *(get(results[name]) for name in names)] for label, get in metrics]
    print("### Comparison\n")
    print(table(["", *names], rows))
    print()


def gate_settings() -> str:
    """The gate's defaults as the service defines them, or a note that it has none."""
    try:
        from service.settings import Settings
    except ImportError as exc:  # the other side of a half-finished edit
        return f"service.settings does not import ({exc})"
    fields = Settings.model_fields
    names = [n for n in ("model_slots", "model_queue", "model_wait") if n in fields]
    if not names:
        return (
            "service/settings.py has no model_slots/model_queue/model_wait: the server ignores"
            " NEWSDESK_MODEL_*, every configuration runs the same (ungated) service"
        )
    return "defaults " + ", ".join(f"NEWSDESK_{n.upper()}={fields[n].default}" for n in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--configs", nargs="+", choices=list(CONFIGS), default=None)
    parser.add_argument("--search-clients", type=int, default=None, help="GET /search clients (8)")
    parser.add_argument("--ask-clients", type=int, default=None, help="POST /ask clients (30)")
    parser.add_argument("--seconds", type=float, default=None, help="no request starts after this (60)")
    parser.add_argument("--client-timeout", type=float, default=60, help="seconds per request (60)")
    parser.add_argument("--asks-per-client", type=int, default=1, help="0: loop until the deadline (1)")
    parser.add_argument("--quick", action="store_true", help="2 search + 4 ask clients, 20 s, only `now`")
    args = parser.parse_args()
    quick = {"configs": ["now"], "search_clients": 2, "ask_clients": 4, "seconds": 20}
    full = {"configs": list(CONFIGS), "search_clients": 8, "ask_clients": 30, "seconds": 60}
    for key, value in (quick if args.quick else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)

    run = Run("`newsdesk serve` under load: the chat model's gate (now) vs effectively off (before)")
    run.header()
    print(
        f"Load: {args.search_clients} GET /search clients (looping) and {args.ask_clients} POST /ask clients"
        f" ({args.asks_per_client or 'looping'} ask{'s' if args.asks_per_client != 1 else ''} each), for"
        f" at most {args.seconds:g} s, client timeout {args.client_timeout:g} s. Gate: {gate_settings()}.\n"
    )
    questions = eval_questions()
    index_dir = fresh_dir("load/index")
    base_env = {k: v for k, v in os.environ.items() if k not in GATE}
    base_env["NEWSDESK_INDEX_DIR"] = str(index_dir)
    seeds = seed_copies(fresh_dir("load/seeds"), 1)
    newsdesk = str(ROOT / ".venv" / "bin" / "newsdesk")
    subprocess.run(
        [newsdesk, "index", str(seeds), "--json"],
        env=base_env,
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=600,
    )

    results = {}
    for name in args.configs:
        results[name] = serve_once(name, {**base_env, **CONFIGS[name]}, args, questions)
        print_config(name, results[name])
    if len(results) > 1:
        print_comparison(results)
    print(
        "(Rejected: 429 or 503. Latencies are per request, from send to response; a client timeout has"
        " none. Accepted /s: over the time from the start to the endpoint's last client leaving."
        " Idle: the server's utime+stime grew by less than"
        f" {IDLE_CPU} s per {IDLE_INTERVAL} s for {IDLE_QUIET} intervals in a row."
        f" Server logs: {WORK / 'load'}/serve-<config>.log.)"
    )
    run.footer()


if __name__ == "__main__":
    main()
