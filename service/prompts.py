"""Prompt templates as files: prompts/NAME.system.txt and prompts/NAME.user.txt with {placeholders}."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import PromptError
from .settings import get_settings


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str

    @property
    def placeholders(self) -> set[str]:
        return {f for part in (self.system, self.user) for _, f, _, _ in string.Formatter().parse(part) if f}

    def render(self, **values: object) -> tuple[str, str]:
        """(system, user) with every placeholder filled; a missing or unexpected value is an error."""
        missing = self.placeholders - values.keys()
        if missing:
            raise PromptError(f"prompt {self.name!r} needs a value for {', '.join(sorted(missing))}")
        extra = values.keys() - self.placeholders
        if extra:
            raise PromptError(f"prompt {self.name!r} has no placeholder for {', '.join(sorted(extra))}")
        return self.system.format(**values), self.user.format(**values)


RETRY = "{user}\n\nYour previous answer was: {previous}\nIt was rejected: {problems}. Answer again."


def retry_prompt(user: str, previous: str, problems: str) -> str:
    """The user prompt again, with the rejected answer and why it was rejected."""
    return RETRY.format(user=user, previous=previous, problems=problems)


def load_prompt(name: str, folder: Path | None = None) -> Prompt:
    return _load(name, folder or get_settings().prompts_dir)


@lru_cache
def _load(name: str, folder: Path) -> Prompt:
    parts = {}
    for part in ("system", "user"):
        path = folder / f"{name}.{part}.txt"
        try:
            parts[part] = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise PromptError(f"cannot read prompt file {path}: {exc.strerror}") from None
    return Prompt(name, parts["system"], parts["user"])
