"""What the CLI commands share: the consoles, --json, error handling, progress bars, answer printing."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Annotated

import typer
from rich.console import Console
from rich.live import Live
from rich.markup import escape as escape_markup
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from ..bulk_summaries import SummaryReport
from ..errors import NewsdeskError
from ..models import Answer, Disagreement

out = Console()
err = Console(stderr=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")]


TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all controls but tab and newline


def visible(text: str) -> str:
    """Control characters (a terminal escape such as ESC[31m, a carriage return) shown as \\x1b instead
    of acting on the terminal; tabs and newlines kept."""
    return TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def escape(text: str) -> str:
    """Text safe to print with rich: controls made visible, markup escaped."""
    return escape_markup(visible(text))


def handles_errors(command: Callable) -> Callable:
    """Turn a NewsdeskError into a one-line message and its exit code (errors.py)."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except NewsdeskError as exc:
            print_error(exc)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def print_error(exc: Exception) -> None:
    err.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on stderr; yields hook(advance, total)."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=None)

        def hook(advance: int, total: int) -> None:
            progress.update(task, total=total, advance=advance)

        yield hook


@contextmanager
def streaming_draft() -> Iterator[Callable[[str], None]]:
    """Show tokens as they arrive (dim, on stderr), then clear them for the verified answer."""
    draft = Text(style="dim")
    with Live(draft, console=err, transient=True, refresh_per_second=12) as live:

        def on_token(token: str) -> None:
            draft.append(token)
            live.update(draft)

        yield on_token


def print_disagreement(disagreement: Disagreement) -> None:
    """A conflict lists each source's figure; an update is a timeline, oldest first."""
    heading = {"update": "Changed over time:", "answers": "The documents answer differently:"}
    out.print(
        f"[magenta]{heading.get(disagreement.kind, 'Sources differ on')} {escape(disagreement.topic)}[/]"
    )
    for claim in disagreement.claims:
        value = f"{claim.qualifier} {claim.value}" if claim.qualifier else claim.value
        when = f"{claim.date} · " if claim.date and disagreement.kind == "update" else ""
        who = f"{claim.source}, " if claim.source else ""
        out.print(f"  • {escape(when + value)} ({escape(who)}{claim.doc_id})", highlight=False)


def print_answer(answer: Answer) -> None:
    style = "yellow" if answer.abstained else "bold"
    out.print(Text(visible(answer.answer), style=style))
    for citation in answer.citations:
        quote = " ".join(citation.quote.split())
        quote = quote if quote.startswith(("“", '"')) else f"“{quote}”"
        out.print(f"  [cyan][{citation.n}][/] {escape(citation.title)} — {escape(quote)}", highlight=False)
    for disagreement in answer.disagreements:
        print_disagreement(disagreement)
    footer = f"{answer.model} · {answer.timings_ms.get('total', 0) / 1000:.1f}s"
    out.print(footer, style="dim")


def print_summary_report(report: SummaryReport) -> None:
    for result in report.results:
        if result.status == "failed":
            err.print(f"[red]failed[/] {result.doc_id}: {escape(result.error or '')}")
        elif result.status == "written" and result.summary:
            summary = result.summary
            why = escape("; ".join(summary.problems))
            mark = "[green]verified[/]" if summary.verified else f"[yellow]unverified[/] ({why})"
            out.print(f"[bold]{escape(summary.title)}[/] [dim]{summary.doc_id}[/] {mark}")
            out.print(escape(summary.summary), highlight=False)
            for line in summary.dropped:
                out.print(f"  dropped: {escape(line)}", style="dim", highlight=False)
            for why in summary.quoted:
                out.print(f"  quoted verbatim: {escape(why)}", style="dim", highlight=False)
    out.print(
        f"{report.written} written ({report.verified} verified), {report.skipped} already in "
        f"{escape(report.out)}, {report.failed} failed in {report.seconds:.1f}s",
        style="dim",
    )
    if report.ignored_lines:
        err.print(f"[yellow]ignored {report.ignored_lines} unreadable line(s) in {escape(report.out)}[/]")
