"""Bulk summaries: articles per minute, sequential and with --concurrency, in the same run.

Each side summarizes the same seed articles into its own fresh JSONL file with the configured chat model
(the in-process llama.cpp model by default, which runs one call at a time, so concurrency cannot help it;
point NEWSDESK_LLM_PROVIDER=openai at a server that runs requests in parallel to see a difference). The
model is loaded before timing; the sides run one after the other, then a re-run over a finished file
shows what resuming costs.

    .venv/bin/python bench/summaries_throughput.py [--concurrency 2] [--articles 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Run, fresh_dir, settings_for, table

from service.bulk_summaries import SummaryFile, summarize_documents
from service.desk import Desk


def summarize(desk: Desk, doc_ids: list[str], out: Path, concurrency: int) -> tuple[float, int, int]:
    """(seconds, written, verified) for one run into `out`. Calls summarize_documents directly: Desk caps
    the concurrency at 1 for the in-process model, because of what this benchmark measured."""
    started = time.perf_counter()
    docs = [doc for doc in desk.documents() if doc.id in doc_ids]
    report = summarize_documents(
        docs, desk.document, desk.summarizer, SummaryFile(out), concurrency=concurrency
    )
    return time.perf_counter() - started, report.written, report.verified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=2, help="the concurrent side's --concurrency")
    parser.add_argument("--articles", type=int, default=5, help="how many seed articles")
    args = parser.parse_args()

    run = Run("Bulk summaries: articles per minute")
    run.header()
    work = fresh_dir("summaries")
    desk = Desk(settings_for(work / "index"))
    desk.index()
    doc_ids = [doc.id for doc in desk.documents()][: args.articles]
    desk.complete("Reply with one word.", "Ready?")  # loads the model outside the timing (no article cached)

    sides = {"sequential": 1, f"--concurrency {args.concurrency}": args.concurrency}
    results = {
        name: summarize(desk, doc_ids, work / f"{i}.jsonl", c) for i, (name, c) in enumerate(sides.items())
    }
    resumed = summarize(desk, doc_ids, work / "0.jsonl", 1)

    rows = []
    base = results["sequential"][0]
    for name, (seconds, written, verified) in results.items():
        rows.append(
            [
                name,
                written,
                verified,
                f"{seconds:.1f}",
                f"{60 * written / seconds:.1f}",
                f"{base / seconds:.2f}",
            ]
        )
    print(table(["side", "articles", "verified", "seconds", "articles/min", "speed-up"], rows))
    print(f"\nA re-run over the same file: {resumed[1]} written in {resumed[0]:.2f} s (everything skipped).")
    run.footer()


if __name__ == "__main__":
    main()
