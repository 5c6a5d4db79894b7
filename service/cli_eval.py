"""`newsdesk eval`: score against the seed questions, the gold disagreements, MultiHop-RAG and RAMDocs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .console import JsonOption, handles_errors, out, print_json, progress_bar
from .desk import Desk
from .models import Answer
from .settings import get_settings

AbstainGateOption = Annotated[
    bool,
    typer.Option(
        help="--no-abstain-gate (diagnostic): answer whenever there is evidence, even when the question "
        "names words the evidence lacks."
    ),
]


def print_report(report: dict, table: Callable[[dict], Table], as_json: bool) -> None:
    if as_json:
        print_json(report)
    else:
        out.print(table(report))


eval_app = typer.Typer(help="Score newsdesk against gold questions (see README for the tables).")


@eval_app.callback(invoke_without_command=True)
@handles_errors
def eval_seeds(
    ctx: typer.Context,
    questions: Annotated[
        Path | None, typer.Option(help="Gold questions (default ../shared/eval/questions.json).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N questions.", min=1)] = None,
    as_json: JsonOption = False,
) -> None:
    """Ask every gold question; score answer, cited source, exact quotes, abstention, disagreements."""
    if ctx.invoked_subcommand:
        return
    from . import evaluate

    desk = Desk()
    path = questions or desk.settings.eval_dir / "questions.json"
    golds = evaluate.load_questions(path)[:limit]
    command = eval_command()
    with progress_bar("Answering") as hook:
        report = evaluate.run(
            golds, desk.ask, lambda doc_id: desk.document(doc_id).text, command,
            on_done=lambda _: hook(1, len(golds)),
        )  # fmt: skip
    if as_json:
        print_json(report.model_dump())
        return
    table = Table(title=command)
    for header in ("id", *evaluate.CHECKS, "s"):
        table.add_column(header, no_wrap=True, min_width=len(header))
    table.add_column("text", no_wrap=True, overflow="ellipsis", max_width=50)
    for q in report.questions:
        marks = ["✓" if q.checks[c] else "✗" for c in evaluate.CHECKS]
        table.add_row(q.id, *marks, f"{q.seconds:.1f}", escape(q.answer))
    table.add_row(
        "total", *(f"{report.totals[c]:.0%}" for c in evaluate.CHECKS), f"{report.median_seconds:.1f}"
    )
    out.print(table)


def eval_command() -> str:
    """The command line as typed, for the report's title and its `command` field."""
    return " ".join(["newsdesk eval", *sys.argv[2:]])


@eval_app.command("disagreements")
@handles_errors
def eval_disagreements(
    gold: Annotated[
        Path | None, typer.Option(help="Gold disagreements (default tests/gold_disagreements.json).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Precision and recall of `newsdesk disagreements` against a hand-made gold list, per topic and claim."""
    from . import evaluate
    from .settings import PROJECT_ROOT

    desk = Desk()
    path = gold or PROJECT_ROOT / "tests" / "gold_disagreements.json"
    report = evaluate.evaluate_disagreements(desk.disagreements(), path, eval_command())
    print_report(report, evaluate.disagreement_table, as_json)


@eval_app.command("multihop")
@handles_errors
def eval_multihop(
    mode: Annotated[
        str,
        typer.Option(
            help="retrieval: Hits@4/10, MRR@10 over the gold-fact pool (all queries); gold: answer from "
            "each query's gold evidence; pipeline: `ask` over the fact-pool index."
        ),
    ] = "retrieval",
    limit: Annotated[
        int | None,
        typer.Option(
            help="A fixed sample of N queries (seeded, stratified by type). Default: 40 for the "
            "answer modes, all 500 for retrieval.",
            min=1,
        ),
    ] = None,
    abstain_gate: AbstainGateOption = True,
    as_json: JsonOption = False,
) -> None:
    """MultiHop-RAG (Tang & Yang 2024): retrieval, or answers from gold evidence or the full pipeline.

    The gold evidence facts are indexed once into their own index (<index_dir>/multihop); re-runs skip
    them. Null queries have no evidence: they are left out of retrieval and test abstention in answers.
    """
    from . import eval_multihop as multihop
    from .evaluate import fixed_sample

    if mode not in ("retrieval", "gold", "pipeline"):
        raise typer.BadParameter("use retrieval, gold or pipeline", param_hint="--mode")
    settings = get_settings().model_copy(update={"abstain_on_missing_terms": abstain_gate})
    desk = Desk(multihop.multihop_settings(settings))
    queries = multihop.load_multihop(desk.settings.eval_dir)

    def answer(query: multihop.MultiHopQuery) -> Answer:
        if mode == "pipeline":
            return desk.ask(query.question)
        return multihop.answer_from_gold_evidence(desk, query)

    with progress_bar(f"MultiHop-RAG {mode}") as hook:
        pool = multihop.fact_pool(queries)  # always every query's facts, so samples are comparable
        if mode == "retrieval":
            sample = fixed_sample(queries, limit, stratum=lambda q: q.type) if limit else queries
            report = multihop.evaluate_multihop_retrieval(
                desk, sample, eval_command(), pool=pool, on_done=hook
            )
        else:
            if mode == "pipeline":
                multihop.index_facts(desk, pool)
            sample = fixed_sample(queries, limit or 40, stratum=lambda q: q.type)
            report = multihop.evaluate_multihop_answers(
                sample, answer, mode, eval_command(), abstain_gate=abstain_gate, on_done=hook
            )
    print_report(report, multihop.multihop_table, as_json)


@eval_app.command("ramdocs")
@handles_errors
def eval_ramdocs(
    limit: Annotated[
        int | None, typer.Option(help="A fixed sample of N questions (seeded shuffle). Default 40.", min=1)
    ] = None,
    abstain_gate: AbstainGateOption = True,
    as_json: JsonOption = False,
) -> None:
    """RAMDocs (Wang et al. 2025): each question answered from its own documents, some of them wrong.

    Each question comes with 1-12 documents typed correct, misinformation or noise.

    Scores: every gold answer given, no wrong answer given, exact (both), and the conflict reported with
    two or more documents named.
    """
    from . import eval_ramdocs as ramdocs
    from .evaluate import fixed_sample

    desk = Desk(get_settings().model_copy(update={"abstain_on_missing_terms": abstain_gate}))
    questions = fixed_sample(ramdocs.load_ramdocs(desk.settings.eval_dir), limit or 40)
    with progress_bar("RAMDocs") as hook:
        report = ramdocs.evaluate_ramdocs(desk, questions, eval_command(), on_done=hook)
    print_report(report, ramdocs.ramdocs_table, as_json)
