"""What claim frames cost at index time: `newsdesk index` of the seeds with frames (spaCy parse of every
sentence holding a figure, stored with the document) against the same indexing with the extractor
switched off, in one run.

Both sides share the loaded embedder and spaCy pipeline (loaded before timing), each run indexes into a
fresh store, and the sides alternate A B B A … so the machine's noise hits both. Issue 10 asks for at
most 2x.

    .venv/bin/python bench/index_frames.py [--rounds 3] [--repeat 2]
"""

from __future__ import annotations

import argparse
import time
from unittest import mock

from common import Run, fresh_dir, median, seed_copies, settings_for, table

from service import indexing, nlp
from service.desk import Desk


def index_once(desk_for, corpus, frames: bool) -> float:
    desk = desk_for()
    started = time.perf_counter()
    if frames:
        desk.index([corpus])
    else:
        with mock.patch.object(indexing, "article_claims", lambda article: []):
            desk.index([corpus])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="A B B A pairs per side")
    parser.add_argument("--repeat", type=int, default=1, help="copies of the seeds to index")
    args = parser.parse_args()
    run = Run("Indexing with claim frames vs without")
    run.header()
    corpus = seed_copies(fresh_dir("frames-corpus"), args.repeat)
    warm = Desk(settings_for(fresh_dir("frames-warm")))
    warm.index([corpus])  # loads the embedder and spaCy
    nlp.pipeline()

    def desk_for() -> Desk:
        desk = Desk(settings_for(fresh_dir("frames")))
        desk.__dict__["embedder"] = warm.embedder  # share the loaded model
        return desk

    times: dict[bool, list[float]] = {False: [], True: []}
    for i in range(args.rounds):
        for frames in (False, True) if i % 2 == 0 else (True, False):
            times[frames].append(index_once(desk_for, corpus, frames))
    without, with_frames = median(times[False]), median(times[True])
    chars = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    print(
        table(
            ["side", "median s", "runs", "chars/s", "ratio"],
            [
                ["without frames", f"{without:.2f}", len(times[False]), f"{chars / without:,.0f}", "1.00"],
                [
                    "with frames",
                    f"{with_frames:.2f}",
                    len(times[True]),
                    f"{chars / with_frames:,.0f}",
                    f"{with_frames / without:.2f}",
                ],
            ],
        )
    )
    run.footer()


if __name__ == "__main__":
    main()
