"""Bulk summaries against an LLM server: articles per minute at --concurrency 1, 2, 4, 8.

The server is tests/fake_openai.py in this process: every request takes a fixed `--delay` seconds and
it runs requests in parallel (as vLLM or `llama-server --parallel` do), so what limits the run is how many
requests newsdesk keeps in flight, and newsdesk's own work per article (parsing, the support checks).
Each level summarizes the same copies of the seed articles into a fresh JSONL file.

    .venv/bin/python bench/summaries_server.py [--delay 1.0] [--repeat 3] [--levels 1 2 4 8]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Run, free_port, fresh_dir, seed_copies, settings_for, table

from service.bulk_summaries import SummaryFile
from service.desk import Desk
from tests.fake_openai import FakeOpenAI


def serve_fake(fake: FakeOpenAI) -> str:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(fake.app(), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}/v1"


def one_level(desk: Desk, fake: FakeOpenAI, out: Path, concurrency: int) -> dict[str, float]:
    fake.calls.clear()
    fake.most_in_flight = 0
    cpu, wall = time.process_time(), time.perf_counter()
    report = desk.summarize(None, out=out, concurrency=concurrency)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "articles": report.written,
        "seconds": wall,
        "per_minute": report.written / wall * 60,
        "requests": len(fake.calls),
        "in_flight": fake.most_in_flight,
        "cpu": cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=1.0, help="seconds the fake server takes per request")
    parser.add_argument("--repeat", type=int, default=3, help="copies of the 5 seed articles")
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 2, 4, 8])
    args = parser.parse_args()

    run = Run("Bulk summaries against an LLM server: articles per minute by --concurrency")
    run.header()
    fake = FakeOpenAI(delay=args.delay)
    work = fresh_dir("summaries-server")
    settings = settings_for(
        work / "index", llm_provider="openai", llm_base_url=serve_fake(fake), llm_model="fake"
    )
    desk = Desk(settings)
    desk.index([seed_copies(work / "articles", args.repeat)])
    desk.summarize([desk.documents()[0].id], out=work / "warm.jsonl")  # parser and embedder loaded
    results = {c: one_level(desk, fake, work / f"c{c}.jsonl", c) for c in args.levels}
    assert all(len(SummaryFile(work / f"c{c}.jsonl").read()) == results[c]["articles"] for c in args.levels)

    base = results[args.levels[0]]["per_minute"]
    rows = [
        [
            c,
            r["articles"],
            f"{r['seconds']:.1f}",
            f"{r['per_minute']:.1f}",
            f"{r['per_minute'] / base:.2f}×",
            r["requests"],
            r["in_flight"],
            f"{r['cpu']:.1f}",
        ]
        for c, r in results.items()
    ]
    headers = ["concurrency", "articles", "seconds", "articles/min", "vs 1", "requests", "most in flight"]
    print(table([*headers, "newsdesk CPU s"], rows))
    print(
        f"\nFake server: {args.delay:.2f} s per request, requests run in parallel. Articles: "
        f"{args.repeat} copies of the {len(desk.documents()) // args.repeat} seed articles."
    )
    run.footer()


if __name__ == "__main__":
    main()
