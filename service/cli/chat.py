"""`newsdesk chat`: a conversation in the terminal, with /commands."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from ..desk import Desk
from ..errors import InvalidInput, NewsdeskError
from .output import err, escape, out, print_answer, print_disagreement, print_error, streaming_draft

CHAT_HELP = (
    "Commands: /sources N (the full quote of source N and where it is), /disagreements (where the "
    "sources of the last answer differ; `/disagreements all` for the whole corpus), /reset (forget the "
    "conversation), /help, /quit (or Ctrl-D)."
)


def chat(
    k: Annotated[
        int | None, typer.Option("-k", help="Chunks to retrieve per question.", min=1, max=20)
    ] = None,
) -> None:
    """Chat about the articles: answers cite their sources; follow-ups ("Who announced that?") are
    rewritten into standalone questions from the conversation.

    Reads one question per line when stdin is not a terminal, so it can be scripted.
    """
    desk = Desk()
    conversation = desk.conversation()
    interactive = sys.stdin.isatty()
    if interactive:
        out.print(f"[bold]newsdesk chat[/] — {len(desk.documents())} documents. {CHAT_HELP}", highlight=False)
    for line in read_lines(desk.settings.cache_dir / "chat_history", interactive):
        line = line.strip()
        if not line:
            continue
        if line.startswith("/"):
            if run_chat_command(line, conversation, desk):
                return
            continue
        try:
            if interactive:
                with streaming_draft() as on_token:
                    standalone, answer = conversation.send(line, on_token)
            else:
                standalone, answer = conversation.send(line)
        except NewsdeskError as exc:
            print_error(exc)
            continue
        if standalone != line:
            out.print(f"» {escape(standalone)}", style="dim")
        print_answer(answer)


def read_lines(history_file: Path, interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from sys.stdin
        return
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory

    history_file.parent.mkdir(parents=True, exist_ok=True)
    session: PromptSession = PromptSession(history=FileHistory(str(history_file)))
    while True:
        try:
            yield session.prompt("newsdesk> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return


def run_chat_command(line: str, conversation, desk: Desk) -> bool:
    """Run a /command; True means quit."""
    command, _, argument = line.partition(" ")
    if command in ("/quit", "/exit"):
        return True
    if command == "/help":
        out.print(CHAT_HELP, highlight=False)
    elif command == "/reset":
        conversation.reset()
        out.print("Conversation forgotten.", style="dim")
    elif command == "/sources":
        try:
            citation = conversation.source(int(argument) if argument.strip().isdigit() else -1)
        except InvalidInput as exc:
            err.print(f"usage: /sources N — {escape(str(exc))}")
            return False
        out.print(
            f"[cyan][{citation.n}][/] {escape(citation.title)}  ({citation.doc_id}, characters "
            f"{citation.start}–{citation.end})",
            highlight=False,
        )
        out.print(escape(citation.quote), highlight=False)
    elif command == "/disagreements":
        found = (
            desk.disagreements()
            if argument == "all"
            else (conversation.last.disagreements if conversation.last else [])
        )
        if not found:
            out.print("No disagreements among these sources.", style="dim")
        for disagreement in found:
            print_disagreement(disagreement)
    else:
        err.print(f"unknown command {escape(command)}. {CHAT_HELP}")
    return False
