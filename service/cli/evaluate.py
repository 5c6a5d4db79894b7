"""`newsdesk eval`: score against the seed questions, the gold disagreements, MultiHop-RAG and RAMDocs;
the reports come from service/eval/, their tables are drawn here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.table import Table

from ..desk import Desk
from ..eval import abstention, multihop, ramdocs, seeds, stories
from ..eval.citing import CitationScore
from ..eval.common import fixed_sample, load_json
from ..models import Answer
from ..settings import PROJECT_ROOT, get_settings
from .output import JsonOption, escape, handles_errors, out, print_json, progress_bar

AbstainGateOption = Annotated[
    bool,
    typer.Option(
        help="--no-abstain-gate (diagnostic): answer whenever there is evidence, even when the question "
        "names words the evidence lacks."
    ),
]


def print_report(report: BaseModel, table: Callable[[BaseModel], Table], as_json: bool) -> None:
    if as_json:
        print_json(report.model_dump())
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
    desk = Desk()
    path = questions or desk.settings.eval_dir / "questions.json"
    golds = seeds.load_questions(path)[:limit]
    with progress_bar("Answering") as hook:
        report = seeds.run(
            golds,
            desk.ask,
            lambda doc_id: desk.document(doc_id).text,
            eval_command(),
            on_done=lambda _: hook(1, len(golds)),
            vocabulary=desk.vocabulary,
        )
    print_report(report, seeds_table, as_json)


def seeds_table(report: seeds.EvalReport) -> Table:
    table = Table(title=report.command, caption=citing_caption(report.citing))
    for header in ("id", *seeds.CHECKS, "s"):
        table.add_column(header, no_wrap=True, min_width=len(header))
    table.add_column("text", no_wrap=True, overflow="ellipsis", max_width=50)
    for q in report.questions:
        marks = ["✓" if q.checks[c] else "✗" for c in seeds.CHECKS]
        table.add_row(q.id, *marks, f"{q.seconds:.1f}", escape(q.answer))
    totals = (f"{report.totals[c]:.0%}" for c in seeds.CHECKS)
    table.add_row("total", *totals, f"{report.median_seconds:.1f}")
    return table


def citing_caption(citing: CitationScore) -> str:
    return (
        f"citation support {citing.support:.2f} "
        f"({citing.supported} of {citing.sentences} answer sentences) · "
        f"citation precision {citing.precision:.2f} ({citing.relevant} of {citing.citations} citations)"
    )


def eval_command() -> str:
    """The command line as typed, for the report's title and its `command` field."""
    return " ".join(["newsdesk eval", *sys.argv[2:]])


@eval_app.command("disagreements")
@handles_errors
def eval_disagreements(
    gold: Annotated[
        Path | None,
        typer.Option(help="Gold file in the story-pack format (default tests/gold_disagreements.json)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Score `newsdesk disagreements` on the indexed seeds against their gold conflicts and agreements."""
    desk = Desk()
    path = gold or PROJECT_ROOT / "tests" / "gold_disagreements.json"
    texts = {doc.id: desk.document(doc.id).text for doc in desk.documents()}
    found = desk.disagreements(assertions=False)
    report = stories.evaluate_found(found, texts, load_json(path), desk.vocabulary, eval_command(), str(path))
    print_report(report, story_table, as_json)


@eval_app.command("story")
@handles_errors
def eval_story(
    pack: Annotated[Path, typer.Argument(help="A story pack: a folder with articles/ and gold.json.")],
    as_json: JsonOption = False,
) -> None:
    """Score disagreements on a story pack: conflicts isolated, updates shown as timelines, agreements and
    unrelated figures left alone, questions given only their own disagreements (README, "Story packs")."""
    desk = Desk()
    report = stories.evaluate_story(pack, desk.vocabulary, eval_command(), desk.settings.conflict_window_days)
    print_report(report, story_table, as_json)


@eval_app.command("abstention")
@handles_errors
def eval_abstention(
    packs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Story packs whose 'not stated' questions should abstain (default: the test packs)."
        ),
    ] = None,
    multihop_sample: Annotated[
        int,
        typer.Option("--multihop", help="MultiHop-RAG queries answered from gold evidence (0: none).", min=0),
    ] = 100,
    as_json: JsonOption = False,
) -> None:
    """Score the gate that abstains before the model is called, both ways: answerable questions it stops
    (seeds, story packs, MultiHop-RAG) and unanswerable ones it lets through (no model is run)."""
    desk = Desk()
    chosen = packs or sorted((PROJECT_ROOT / "tests" / "data" / "stories").iterdir())
    report = abstention.evaluate_gate(
        desk, chosen, desk.settings.eval_dir / "questions.json", multihop_sample, eval_command()
    )
    print_report(report, gate_table, as_json)


def gate_table(report: abstention.GateReport) -> Table:
    caption = (
        f"answerable questions stopped {report.over_abstention:.2f} · "
        f"unanswerable questions stopped {report.abstention_recall:.2f}"
    )
    table = Table(title=report.command, caption=caption)
    for header in ("set", "answerable", "wrongly abstained", "unanswerable", "rightly abstained"):
        table.add_column(header)
    for s in report.sets:
        table.add_row(
            s.set, *map(str, (s.answerable, s.wrongly_abstained, s.unanswerable, s.rightly_abstained))
        )
    for row in report.rows:
        if row.abstained != row.should_abstain:
            verdict = "stopped" if row.abstained else "let through"
            table.add_row(escape(row.set), escape(row.question), verdict, escape(row.reason or ""), "")
    return table


def story_table(report: stories.StoryReport) -> Table:
    updates = f"{report.updates_shown:.2f} of {report.updates}" if report.updates else "none in the gold"
    caption = (
        f"conflicts isolated {report.conflicts_isolated:.2f} of {report.conflicts} · "
        f"updates as timelines {updates} · "
        f"agreements reported {report.agreements_reported} · false alarms {report.false_alarms} · "
        f"unrelated figures in disagreements {report.unrelated_figures_reported} · "
        f"unrelated disagreements on questions {report.unrelated_on_questions} of {report.questions} · "
        f"questions given their disagreement {report.questions_given_their_disagreement} of "
        f"{report.questions_with_a_found_disagreement}"
    )
    table = Table(title=report.command, caption=caption)
    for header in ("kind", "topic", "verdict", "figures (doc:value)"):
        table.add_column(header)
    for row in report.reported:
        table.add_row(row.kind, escape(row.topic), escape(row.verdict), escape(", ".join(row.values)))
    for row in report.question_rows:
        if row.unrelated:
            attached = "; ".join(row.attached)
            table.add_row("question", escape(row.question), f"{row.unrelated} unrelated", escape(attached))
    return table


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
                sample,
                answer,
                mode,
                eval_command(),
                abstain_gate=abstain_gate,
                on_done=hook,
                vocabulary=desk.vocabulary,
            )
    print_report(report, multihop_table, as_json)


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
    desk = Desk(get_settings().model_copy(update={"abstain_on_missing_terms": abstain_gate}))
    questions = fixed_sample(ramdocs.load_ramdocs(desk.settings.eval_dir), limit or 40)
    with progress_bar("RAMDocs") as hook:
        report = ramdocs.evaluate_ramdocs(desk, questions, eval_command(), on_done=hook)
    print_report(report, ramdocs_table, as_json)


def format_cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    return str(value)


def multihop_table(report: multihop.RetrievalReport | multihop.AnswerReport) -> Table:
    """Per question type and overall: retrieval metrics, or answer accuracy, whichever the report has."""
    retrieval = isinstance(report, multihop.RetrievalReport)
    columns = (
        ("n", "Hits@4", "Hits@10", "MAP@10", "MRR@10")
        if retrieval
        else (
            "n",
            "accuracy",
            "exact",
            "abstained",
            "fallback",
            "support",
            "citation_precision",
            "median_seconds",
        )
    )
    table = Table(title=report.command, caption=multihop_caption(report))
    table.add_column("question type")
    for column in columns:
        table.add_column(column.replace("_", " "), justify="right")
    for name, summary in [*report.by_type.items(), ("overall", report.overall)]:
        values = summary if isinstance(summary, dict) else summary.model_dump()
        table.add_row(name, *(format_cell(values[c]) for c in columns))
    if retrieval:
        paper = report.paper
        table.add_row("paper (609 articles)", "", *(format_cell(paper.get(c, "")) for c in columns[1:]))
    return table


def multihop_caption(report: multihop.RetrievalReport | multihop.AnswerReport) -> str:
    if isinstance(report, multihop.AnswerReport):
        gate = "" if report.abstain_gate else " (abstention gate off: diagnostic)"
        return f"{report.mode}{gate} · published: {report.paper} · {report.seconds:.0f}s"
    return (
        f"{report.setting}; {report.excluded_null} null queries excluded · "
        f"paper: {report.paper['setting']} · {report.seconds:.0f}s"
    )


def ramdocs_table(report: ramdocs.RamReport) -> Table:
    columns = (
        "n",
        "all_gold",
        "no_wrong",
        "exact",
        "conflict_reported",
        "spurious_conflict",
        "spurious_single_answer",
        "abstained",
        "fallback",
        "support",
        "citation_precision",
        "median_seconds",
    )
    caption = (
        f"published: {report.published} · conflict_reported over the "
        f"{report.overall.with_misinformation} questions with a wrong answer among their documents; "
        f"spurious over those without ({report.overall.single_answer} of them with a single gold answer) · "
        f"{report.seconds:.0f}s"
    )
    table = Table(title=report.command, caption=caption)
    for column in columns:
        table.add_column(column.replace("_", " "), justify="right")
    overall = report.overall.model_dump()
    table.add_row(*(format_cell(overall[c]) for c in columns))
    return table
