"""The `newsdesk` command: thin Typer commands around the Desk, Rich output, --json everywhere."""

from __future__ import annotations

import ipaddress
import logging
import re
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..desk import Desk
from ..errors import InvalidInput
from ..settings import Settings, get_settings
from ..text import trim_words
from .chat import chat
from .evaluate import eval_app
from .output import (
    JsonOption,
    err,
    escape,
    handles_errors,
    out,
    print_answer,
    print_json,
    print_summary_report,
    progress_bar,
    streaming_draft,
)

app = typer.Typer(
    help="Grounded, cited answers over news articles.\n\n"
    "Start with `newsdesk index` (reads seeds/), then `newsdesk ask QUESTION` or `newsdesk chat`. "
    "Every setting can also come from the environment: NEWSDESK_<SETTING> (see README).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.command()(handles_errors(chat))


@app.command()
@handles_errors
def index(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files (.txt, .md) or folders to index. Default: seeds/.")
    ] = None,
    prune: Annotated[bool, typer.Option(help="Drop documents whose source files no longer exist.")] = False,
    rebuild: Annotated[bool, typer.Option(help="Delete the whole index first and start over.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Index articles: new files are added, changed files replaced, unchanged files skipped.

    Unreadable files (not UTF-8, empty, binary) are reported and skipped; the rest is indexed and the
    exit status is 1. Safe to interrupt: the next run completes the work.
    """
    desk = Desk()
    with progress_bar("Embedding chunks") as hook:
        report = desk.index(paths, prune=prune, rebuild=rebuild, progress=hook)
    if as_json:
        print_json(report.model_dump())
    else:
        out.print(
            f"[bold]{report.documents}[/] documents, {report.chunks} chunks — added {report.added}, "
            f"updated {report.updated}, unchanged {report.unchanged}, removed {report.removed} "
            f"in {report.seconds:.1f}s"
        )
        for skipped in report.skipped:
            err.print(f"[yellow]skipped[/] {escape(skipped.path)}: {escape(skipped.reason)}")
    if report.skipped:
        raise typer.Exit(1)


@app.command()
@handles_errors
def search(
    query: Annotated[str, typer.Argument(help="What to look for, in plain words.")],
    k: Annotated[int | None, typer.Option("-k", help="Number of results (default 5).", min=1, max=50)] = None,
    as_json: JsonOption = False,
) -> None:
    """Hybrid search (dense + BM25, fused by reciprocal rank), results spread across documents."""
    results = Desk().search(query, k)
    if as_json:
        print_json({"query": query, "results": [r.model_dump() for r in results]})
        return
    table = Table("#", "document", "offsets", "text", "score", show_lines=True)
    for i, r in enumerate(results, start=1):
        table.add_row(str(i), escape(r.title), f"{r.start}–{r.end}", escape(r.text), f"{r.score:.4f}")
    out.print(table)


@app.command()
@handles_errors
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id (the file name without extension).")],
    as_json: JsonOption = False,
) -> None:
    """Print a document with its metadata; citation offsets index into this text."""
    article = Desk().document(doc_id)
    if as_json:
        print_json(article.model_dump())
        return
    out.print(f"[bold]{escape(article.title)}[/]")
    meta = [
        f"id {article.id}",
        article.published,
        article.author and f"by {article.author}",
        f"{article.chars} chars",
    ]
    out.print(" · ".join(escape(m) for m in meta if m), style="dim")
    for flag in article.flags:
        out.print(
            f"flagged, never used as evidence ({flag.reason}), characters {flag.start}-{flag.end}: "
            f"{escape(trim_words(flag.text, 120))}",
            style="yellow",
        )
    out.print(escape(article.text), highlight=False)


@app.command()
@handles_errors
def documents(as_json: JsonOption = False) -> None:
    """List the indexed documents."""
    docs = Desk().documents()
    if as_json:
        print_json({"documents": [d.model_dump() for d in docs]})
        return
    table = Table("title", "published", "author", "chars")
    table.add_column("id", no_wrap=True)
    table.add_column("flags")
    for d in docs:
        flags = f"{len(d.flags)} flagged" if d.flags else ""
        table.add_row(escape(d.title), d.published or "", escape(d.author or ""), str(d.chars), d.id, flags)
    out.print(table)


@app.command()
@handles_errors
def ask(
    question: Annotated[str, typer.Argument(help="A question about the articles.")],
    k: Annotated[
        int | None, typer.Option("-k", help="Chunks to retrieve (default 6).", min=1, max=20)
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Answer from the articles, citing the exact passages; say where the sources disagree.

    The model's draft streams to the terminal; what is printed at the end is the verified answer
    (or an extractive one built from the evidence when the draft failed verification).
    Exit code 2 when the chat model cannot be loaded or reached.
    """
    desk = Desk()
    if as_json:
        print_json(desk.ask(question, k).model_dump())
        return
    with streaming_draft() as on_token:
        answer = desk.ask(question, k, on_token=on_token)
    print_answer(answer)


@app.command()
@handles_errors
def disagreements(
    assertions: Annotated[
        bool, typer.Option(help="Also find contradicting statements (asks the chat model; slower).")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Every figure on which the documents disagree, with each source's value and quote."""
    found = Desk().disagreements(assertions=assertions)
    if as_json:
        print_json({"disagreements": [d.model_dump() for d in found]})
        return
    if not found:
        out.print("The documents agree on every figure they share.")
    for disagreement in found:
        table = Table(title=disagreement.topic, show_lines=True, expand=True)
        table.add_column("value", no_wrap=True)
        table.add_column("who says", ratio=1)
        table.add_column("document", ratio=1, overflow="fold")
        table.add_column("quote", ratio=4)
        for claim in disagreement.claims:
            value = f"{claim.qualifier} {claim.value}" if claim.qualifier else claim.value
            table.add_row(
                value, escape(claim.attribution or ""), claim.doc_id, escape(" ".join(claim.quote.split()))
            )
        out.print(table)


@app.command()
@handles_errors
def summarize(
    doc_ids: Annotated[
        list[str] | None, typer.Argument(help="Documents to summarize (ids as `newsdesk documents` lists).")
    ] = None,
    all_docs: Annotated[bool, typer.Option("--all", help="Summarize every indexed document.")] = False,
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="JSONL file to append to (default: NEWSDESK_SUMMARIES_PATH, index/summaries.jsonl). "
            "Articles it already holds are skipped.",
        ),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=32,
            help="Articles at once with the openai provider and a server that runs requests in parallel "
            "(the in-process model always does one at a time).",
        ),
    ] = None,
    shard: Annotated[
        str | None,
        typer.Option(
            metavar="I/N",
            help="Only the I-th of N shares of the documents (by a hash of the id: the same on every "
            "machine). Run 1/N … N/N on N machines, each with its own --out; `cat` merges the files.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """One summary per article: 3–5 sentences, each citing the numbered sentences of that article.

    Each sentence must be supported by the sentences it cites (its numbers counting the same thing, its
    names, quotes and most of its words), and the summary must give the article's headline figures (those
    of its title and opening paragraph). A summary that fails is regenerated once, naming the problems;
    then lines still unsupported are dropped ("dropped") and a headline figure still missing is added as its
    sentence, verbatim ("quoted"). Output is JSONL, one line per article, written as each finishes: safe to
    interrupt, and a re-run skips what is done.
    Exit status 1 when an article failed, 2 when the chat model cannot be reached.
    """
    if bool(doc_ids) == all_docs:
        raise InvalidInput("give document ids or --all (not both)")
    desk = Desk()
    if concurrency and desk.summary_concurrency(concurrency) < concurrency:
        err.print("note: the in-process model runs one call at a time: summarizing one article at a time")
    with progress_bar("Summarizing") as hook:
        report = desk.summarize(
            None if all_docs else doc_ids,
            out=out_path,
            concurrency=concurrency,
            progress=hook,
            shard=parse_shard(shard) if shard else None,
        )
    if as_json:
        print_json(report.model_dump())
    else:
        print_summary_report(report)
    if report.failed:
        raise typer.Exit(1)


def parse_shard(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise InvalidInput(f"--shard takes I/N with 1 ≤ I ≤ N (e.g. 2/4), not {text!r}")
    return int(match[1]), int(match[2])


@app.command()
@handles_errors
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Worker processes. More than 1 needs a Chroma server (NEWSDESK_CHROMA_URL): the embedded "
            "index belongs to one process. Every worker keeps its own model slots.",
        ),
    ] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs). Any address but a loopback one needs an API key:
    NEWSDESK_API_KEY (clients send `Authorization: Bearer <key>`)."""
    import uvicorn

    settings = get_settings()
    check_workers(workers, settings)
    host = host or settings.host
    if not is_loopback(host) and settings.api_key is None:
        raise InvalidInput(
            f"refusing to serve on {host} without an API key: anyone who can reach it could add or "
            "replace articles. Set one, e.g.  export NEWSDESK_API_KEY=$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))')  — or bind 127.0.0.1"
        )
    logging.basicConfig(format="%(levelname)s:  %(message)s")
    logging.getLogger("newsdesk").setLevel(logging.INFO)  # recovery at start, a long document's progress
    port = port or settings.port
    uvicorn.run("service.api:create_app", factory=True, host=host, port=port, workers=workers)


def check_workers(workers: int, settings: Settings) -> None:
    if workers > 1 and not settings.chroma_url:
        raise InvalidInput(
            f"--workers {workers} needs a Chroma server: the embedded index in {settings.index_dir} is one "
            "process's (the other workers' similarity search would not see its writes). Start one, e.g. "
            "`chroma run --path chroma-data --port 8001`, set NEWSDESK_CHROMA_URL=http://127.0.0.1:8001 "
            "and run `newsdesk index` again; or serve with one worker"
        )
    if workers > 1 and settings.llm_provider == "local":
        err.print(
            f"note: each of the {workers} workers loads its own copy of the chat model (about 1.2 GB each); "
            "an LLM server (NEWSDESK_LLM_PROVIDER=openai) is shared by all"
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name other than localhost may resolve anywhere
