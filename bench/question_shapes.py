"""`ask` latency with answer shapes per question type (service/verdicts.py, now) vs every question through
the plain answer prompt (before c392673), interleaved question by question in one process, on the seed
questions of shared/eval (issue 12: the median may grow at most 1.2×) and on four questions of the new
types over the seeds.

"Before" is reproduced by emptying `service.answer.SHAPED` for that side only (no type gets a shape of its
own, so yes/no, comparison, temporal and order questions take the plain prompt, as before c392673).

    NEWSDESK_LLM_PROVIDER=openai .venv/bin/python bench/question_shapes.py [--rounds 1] [--show-answers]
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Iterator

from common import Run, eval_questions, fresh_dir, median, seed_copies, settings_for, table

from service import answer as answer_module
from service.desk import Desk
from service.questions import question_type

TYPED = [
    "Has Russia officially acknowledged that North Korean troops fought in the Kursk region?",
    "Did the NIS and Shoigu give the same number of military construction workers?",
    "After the NIS reported 10,000 North Korean soldiers in Russia, did a later report give a higher figure?",
    "Was the report of 6,000 engineers going to Kursk published before or after the report of 5,000 "
    "military workers sent to Russia?",
]


@contextlib.contextmanager
def before() -> Iterator[None]:
    shaped = answer_module.SHAPED
    answer_module.SHAPED = frozenset()
    try:
        yield
    finally:
        answer_module.SHAPED = shaped


def timed_ask(desk: Desk, question: str, side: str) -> tuple[float, str]:
    context = before() if side == "before" else contextlib.nullcontext()
    with context:
        start = time.perf_counter()
        answer = desk.ask(question)
        return time.perf_counter() - start, answer.answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rounds", type=int, default=1, help="run both question sets this many times")
    parser.add_argument("--show-answers", action="store_true")
    args = parser.parse_args()

    run = Run("ask() with answer shapes per question type (now) vs the plain prompt for every type (before)")
    run.header()
    desk = Desk(settings_for(fresh_dir("question-shapes/index")))
    desk.index([seed_copies(fresh_dir("question-shapes/seeds"), 1)])
    sets = {"seed questions": eval_questions(), "typed questions": TYPED}
    seconds: dict[tuple[str, str], list[float]] = {}
    rows, answers = [], []
    for round_ in range(args.rounds):
        for name, questions in sets.items():
            for i, question in enumerate(questions):
                sides = ["before", "now"] if (i + round_) % 2 == 0 else ["now", "before"]
                took = {}
                for side in sides:
                    took[side], text = timed_ask(desk, question, side)
                    seconds.setdefault((name, side), []).append(took[side])
                    answers.append((side, question, text))
                kind = question_type(question)
                rows.append([name, kind, question[:60], f"{took['before']:.1f}", f"{took['now']:.1f}"])
    print(table(["set", "type", "question", "before s", "now s"], rows))
    print()
    summary = []
    for name in sets:
        b, n = median(seconds[(name, "before")]), median(seconds[(name, "now")])
        summary.append([name, f"{b:.1f}", f"{n:.1f}", f"{n / b:.2f}"])
    print(table(["set", "median before s", "median now s", "now ÷ before"], summary))
    if args.show_answers:
        print()
        for side, question, text in answers:
            print(f"- **{side}** {question}\n  {text}")
    run.footer()


if __name__ == "__main__":
    main()
