"""Conversations: follow-up questions rewritten into standalone ones, then answered like `ask`.

Used by `newsdesk chat` and by the OpenAI-compatible endpoint (earlier turns are the history).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .errors import InvalidInput
from .llm import TokenHook
from .models import Answer, Citation
from .prompts import load_prompt
from .text import check_query

REFERRING = re.compile(
    r"\b(that|this|these|those|it|its|they|them|their|he|him|his|she|her|there|then|the same)\b", re.I
)
FOLLOW_UP_START = re.compile(r"^\s*(and|what about|how about|also|so|but)\b", re.I)
HISTORY_TURNS = 2  # earlier turns shown to the rewriter: enough for "that", short enough to stay fast
ANSWER_CHARS = 300


@dataclass
class Turn:
    question: str
    answer: str


def needs_rewriting(question: str, history: Sequence[Turn]) -> bool:
    """Only a question that leans on the conversation is rewritten (saves a model call otherwise)."""
    if not history:
        return False
    return bool(REFERRING.search(question) or FOLLOW_UP_START.match(question) or len(question.split()) < 4)


def format_history(history: Sequence[Turn], budget: int) -> str:
    """The newest turns (at most HISTORY_TURNS) whose lines fit in `budget` characters; older turns are
    dropped and a turn that alone is over the budget is cut, so the prompt stays within the context."""
    kept: list[str] = []
    for turn in reversed(history[-HISTORY_TURNS:]):
        lines = f"Q: {' '.join(turn.question.split())}\nA: {' '.join(turn.answer.split())[:ANSWER_CHARS]}"
        if sum(len(k) + 1 for k in kept) + len(lines) > budget:
            if not kept:
                kept.append(lines[:budget])
            break
        kept.append(lines)
    return "\n".join(reversed(kept))


def standalone_question(
    question: str,
    history: Sequence[Turn],
    rewrite: Callable[[str, str], str],
    prompts_dir,
    history_chars: int = 2000,
) -> str:
    """The follow-up as a question that stands on its own; the original when no rewriting is needed or
    the rewrite is unusable. rewrite(system, user) → model reply."""
    if not needs_rewriting(question, history) or history_chars == 0:
        return question
    system, user = load_prompt("condense_question", prompts_dir).render(
        history=format_history(history, history_chars), question=question
    )
    rewritten = rewrite(system, user).strip().strip('"').splitlines()
    candidate = rewritten[0].removeprefix("Rewritten:").strip() if rewritten else ""
    return candidate if 3 <= len(candidate) <= 4 * len(question) + 200 else question


@dataclass
class Conversation:
    """One chat: keeps the turns and the last answer (for /sources and /disagreements)."""

    ask: Callable[[str, TokenHook | None], Answer]
    rewrite: Callable[[str, str], str]
    prompts_dir: object
    history_chars: int = 2000
    question_chars: int = 1000
    history: list[Turn] = field(default_factory=list)
    last: Answer | None = None

    def send(self, question: str, on_token: TokenHook | None = None) -> tuple[str, Answer]:
        """(the standalone question asked, its answer)."""
        question = check_query(question, self.question_chars)
        standalone = standalone_question(
            question, self.history, self.rewrite, self.prompts_dir, self.history_chars
        )
        self.last = self.ask(standalone, on_token)
        self.history.append(Turn(question=standalone, answer=self.last.answer))
        return standalone, self.last

    def source(self, n: int) -> Citation:
        if self.last is None:
            raise InvalidInput("nothing asked yet")
        for citation in self.last.citations:
            if citation.n == n:
                return citation
        raise InvalidInput(f"the last answer has no source [{n}]")

    def reset(self) -> None:
        self.history.clear()
        self.last = None
