"""Per-article summaries: 3–5 sentences, each citing [n] sentences of that article only (bulk runs,
the JSONL file and jobs are in bulk_summaries.py).

One article (Summarizer.summarize)
    The model sees the article's sentences numbered 1…n (sentence_passages, so every citation keeps exact
    offsets; headings, bylines, datelines and fragments under MIN_WORDS words are left out) and writes one
    line per fact: "[n] a short sentence". Lines are easier for a 1.5B model than inline citations; they
    are rendered as "a short sentence [n]." and renumbered 1, 2, … in order of use, like answers.
    Articles whose numbered sentences exceed SINGLE_PASS_CHARS (6,000 characters, about 1,500 prompt
    tokens) go map-reduce: chunks of about CHUNK_CHARS (3,000) → 1–2 note lines each, keeping the
    article-wide sentence numbers → one call combines the notes into 3–5 lines. Map-reduce costs a call
    more than a single pass; it is there because a small model given 1,500+ tokens summarizes the lead
    and ignores the rest. The seeds are 3,200–7,300 characters: only the longest one goes map-reduce.

Verification (every line; the summary is `verified` when no line has a problem)
    * it cites at least one sentence, and every [n] is a sentence the model was shown;
    * every number in it occurs in the sentences that line cites. This is stricter than the issue's
      "occurs in its article": a figure is only checkable when it sits in the sentence cited next to it,
      so a number that is in the article but not in its cited sentences is listed as unsupported;
    * the cited sentences hold at least SUPPORT_OVERLAP of its (stemmed) content words, which catches a
      citation to the wrong sentence when there is no number to give it away.
    Before the checks, a line whose citations do not support it is re-pointed to the one sentence that
    nearly restates it: REPAIR_OVERLAP of its words and all of its numbers (repair_citations). The 1.5B
    model copies sentences faithfully but numbers its lines 1, 2, 3 instead of citing them, and does not
    fix that when told. A line that no sentence nearly restates is left to the checks.
    A summary with a problem is regenerated once, with its lines and the problems listed (and, for a line
    citing the wrong sentence, the one that would support it); the attempt with fewer problems is kept
    (the second on a tie). If problems remain it is kept with verified=false, `unsupported_numbers` and the
    `problems` themselves:
    there is no extractive fallback, so an unverified summary stays visible as one. Citations to sentences
    the model was not shown are removed from the text (the line then cites nothing). Lines beyond
    MAX_SENTENCES are dropped; fewer than MIN_SENTENCES lines trigger the regeneration but are not a
    grounding problem. Numbers written as words ("five thousand") are not checked.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .citations import (
    CITATION,
    NUMBER,
    check_quotes,
    cited_numbers,
    normalize_citations,
    numbered,
    numbers_in,
    renumber,
)
from .llm import TokenHook, generate
from .models import Article, Passage, Summary
from .prompts import load_prompt
from .settings import Settings
from .text import is_heading, sentence_passages, word_overlap

MIN_SENTENCES, MAX_SENTENCES = 3, 5
MAX_NOTES = 3  # lines kept from one chunk (the prompt asks for 1 or 2)
MIN_WORDS = 4
SUPPORT_OVERLAP = 0.6
REPAIR_OVERLAP = 0.9
SINGLE_PASS_CHARS = 6000
CHUNK_CHARS = 3000
MAX_TOKENS = 200
RETRY = "\n\nYour previous answer was:\n{previous}\nIt was rejected: {problems}. Write all the lines again."


# --- lines: what the model writes --------------------------------------------------------------


@dataclass
class Line:
    """One fact the model wrote: its sentence without citations, and the sentence numbers it cites."""

    text: str
    cites: list[int]

    def shown(self) -> str:
        """As the model writes it: '[2][5] Workers arrived.'"""
        return f"{''.join(f'[{n}]' for n in self.cites)} {self.text}".strip()

    def render(self) -> str:
        """'Workers arrived.' + [2, 5] → 'Workers arrived [2][5].'"""
        body, end = re.match(r"(.*?)([.!?…]*[\"'”’)]*)$", self.text, re.DOTALL).groups()
        marks = "".join(f"[{n}]" for n in self.cites)
        if not marks:
            return f"{body}{end or '.'}"
        if re.search(r"[\"'”’)]", end):  # after a closing quote: 'He said “yes.” [1]'
            return f"{body}{end} {marks}"
        return f"{body} {marks}{end or '.'}"


LEADING = re.compile(r"^((?:\[\d+\]\s*)+)")
LABEL = re.compile(r"^\s*(?:summary|notes?)\s*:\s*|^(?:[-*•]|\d+[.)])\s+", re.IGNORECASE)  # also bullets


def parse_lines(raw: str) -> list[Line]:
    """The model's output as Lines. Expected: one '[n] sentence' per line; also read: several on one row,
    and prose with trailing citations ('A [1]. B. [2]')."""
    lines: list[Line] = []
    for row in normalize_citations(raw).splitlines():
        row = LABEL.sub("", LABEL.sub("", row.strip()))
        if LEADING.match(row):
            segments = re.split(r"(?<=[.!?”\"])\s+(?=\[\d+\])", row)
        else:  # prose: a citation after the full stop belongs to the sentence before it
            row = re.sub(r"([.!?]+)((?:\s*\[\d+\])+)", r"\2\1", row)
            segments = re.split(r"(?<=[.!?])\s+(?=[^\s\[])", row)
        for segment in segments:
            lead = LEADING.match(segment)
            segment = segment[lead.end() :] if lead else segment
            text = " ".join(CITATION.sub(" ", segment).split())
            text = re.sub(r"\s+([.,;:!?])", r"\1", text)
            if re.search(r"\w", text):
                lines.append(Line(text, cited_numbers((lead.group(1) if lead else "") + segment)))
    return lines


# --- verification --------------------------------------------------------------------------------


@dataclass
class Check:
    problems: list[str] = field(default_factory=list)  # all of them, as told to the model
    grounding: int = 0  # how many problems are about grounding (they make a summary unverified)
    unsupported: list[str] = field(default_factory=list)  # numbers as written, not in the cited sentences

    @property
    def verified(self) -> bool:
        return self.grounding == 0

    def ground(self, problem: str) -> None:
        self.problems.append(problem)
        self.grounding += 1


def check_lines(
    lines: Sequence[Line], sentences: dict[int, Passage], allowed: set[int], min_lines: int
) -> Check:
    """The problems of these lines, given the article's sentences by number and the numbers the model
    was shown (see the module docstring for the rules)."""
    check = Check()
    for i, line in enumerate(lines, start=1):
        known = [n for n in line.cites if n in allowed and n in sentences]
        for n in line.cites:
            if n not in known:
                check.ground(f"[{n}] is not one of the numbered sentences")
        if not line.cites:
            check.ground(f"line {i} does not start with the [number] of its sentence")
        cited = " ".join(sentences[n].quote for n in known)
        marks = "".join(f"[{n}]" for n in known) or "a cited sentence"
        available = numbers_in(cited)
        for number in dict.fromkeys(NUMBER.findall(line.text)):
            if numbers_in(number) - available:
                check.unsupported.append(number)
                check.ground(f"{number} in line {i} is not in {marks}")
        if known and word_overlap(cited, line.text) < SUPPORT_OVERLAP:
            check.ground(f"line {i} does not say what {marks} says{hint(line.text, sentences, allowed)}")
    check.unsupported = list(dict.fromkeys(check.unsupported))
    if len(lines) < min_lines:
        check.problems.append(f"write at least {min_lines} lines (you wrote {len(lines)})")
    return check


def best_source(line: str, sentences: dict[int, Passage], allowed: set[int], bar: float) -> int | None:
    """The allowed sentence holding all of the line's numbers and the most of its words, if at least `bar`."""
    scores = {
        n: word_overlap(sentences[n].quote, line)
        for n in sorted(allowed & sentences.keys())
        if not numbers_in(line) - numbers_in(sentences[n].quote)
    }
    best = max(scores, key=scores.__getitem__, default=None)
    return best if best is not None and scores[best] >= bar else None


def hint(line: str, sentences: dict[int, Passage], allowed: set[int]) -> str:
    """' ([14] does)': the sentence that would support the line, told to the model when it regenerates."""
    best = best_source(line, sentences, allowed, SUPPORT_OVERLAP)
    return f" ([{best}] does)" if best is not None else ""


def repair_citations(lines: Sequence[Line], sentences: dict[int, Passage], allowed: set[int]) -> list[Line]:
    """Re-point a line whose citations do not support it to the one sentence that nearly restates it
    (REPAIR_OVERLAP of its words and all its numbers). The 1.5B model copies sentences well but numbers
    its lines 1, 2, 3 instead of citing, and does not fix that when asked; a line that says something
    the article does not (a figure in no sentence, a paraphrase) is left alone for the checks to catch."""
    repaired = []
    for line in lines:
        cited = " ".join(sentences[n].quote for n in line.cites if n in allowed and n in sentences)
        supported = bool(cited) and word_overlap(cited, line.text) >= SUPPORT_OVERLAP
        if supported and not numbers_in(line.text) - numbers_in(cited):
            repaired.append(line)
            continue
        source = best_source(line.text, sentences, allowed, REPAIR_OVERLAP)
        repaired.append(Line(line.text, [source]) if source is not None else line)
    return repaired


# --- one article ---------------------------------------------------------------------------------


def summary_sentences(article: Article) -> list[Passage]:
    """The article's sentences that say something, numbered 1… with exact offsets into article.text:
    no headings, bylines or datelines (no full stop), no fragments under MIN_WORDS words."""
    passages = sentence_passages(article.id, article.title, article.text)
    kept = [p for p in passages if len(p.quote.split()) >= MIN_WORDS and not is_heading(p.quote)] or passages
    return [p.model_copy(update={"n": n}) for n, p in enumerate(kept, start=1)]


def chunked(passages: Sequence[Passage], chunk_chars: int) -> list[list[Passage]]:
    """Consecutive sentences in ceil(total / chunk_chars) chunks of about equal length."""
    total = sum(len(p.quote) for p in passages)
    count = max(1, math.ceil(total / chunk_chars))
    chunks: list[list[Passage]] = [[]]
    seen = 0
    for passage in passages:
        if chunks[-1] and seen >= total * len(chunks) / count:
            chunks.append([])
        chunks[-1].append(passage)
        seen += len(passage.quote)
    return chunks


@dataclass
class Summarizer:
    chat: Callable[[], object]  # returns the chat model; called only when the model is needed
    model_name: str
    prompts_dir: Path
    single_pass_chars: int = SINGLE_PASS_CHARS
    chunk_chars: int = CHUNK_CHARS
    max_tokens: int = MAX_TOKENS

    @classmethod
    def for_settings(cls, settings: Settings, chat: Callable[[], object], model_name: str) -> Summarizer:
        """From the summary_* settings."""
        return cls(
            chat=chat,
            model_name=model_name,
            prompts_dir=settings.prompts_dir,
            single_pass_chars=settings.summary_single_pass_chars,
            chunk_chars=settings.summary_chunk_chars,
            max_tokens=settings.summary_max_tokens,
        )

    def summarize(self, article: Article, on_token: TokenHook | None = None) -> Summary:
        started = time.perf_counter()
        passages = summary_sentences(article)
        by_n = {p.n: p for p in passages}
        wanted = min(MIN_SENTENCES, len(passages))
        if sum(len(p.quote) for p in passages) <= self.single_pass_chars:
            lines, check = self._generate(
                "summarize",
                {"sentences": numbered(passages)},
                by_n,
                set(by_n),
                wanted,
                MAX_SENTENCES,
                on_token,
            )
        else:
            notes: list[Line] = []
            for chunk in chunked(passages, self.chunk_chars):
                found, _ = self._generate(
                    "summarize_chunk",
                    {"sentences": numbered(chunk)},
                    by_n,
                    {p.n for p in chunk},
                    1,
                    MAX_NOTES,
                    on_token,
                )
                notes += found
            allowed = {n for note in notes for n in note.cites}
            shown = "\n".join(note.shown() for note in notes)
            lines, check = [], Check(problems=["no notes"], grounding=1)
            if notes:
                lines, check = self._generate(
                    "summarize_reduce",
                    {"notes": shown},
                    by_n,
                    allowed,
                    min(wanted, len(notes)),
                    MAX_SENTENCES,
                    on_token,
                )
        return self._summary(article, lines, check, by_n, started)

    def _generate(
        self,
        prompt: str,
        values: dict[str, str],
        by_n: dict[int, Passage],
        allowed: set[int],
        min_lines: int,
        max_lines: int,
        on_token: TokenHook | None,
    ) -> tuple[list[Line], Check]:
        """Generate, check, and regenerate once when there is a problem; the better attempt wins, without
        the citations that are not in `allowed` (the check has counted them)."""
        system, user = load_prompt(prompt, self.prompts_dir).render(**values)
        chat = self.chat().bind(max_tokens=self.max_tokens)

        def attempt(text: str) -> tuple[list[Line], Check]:
            lines = parse_lines(generate(chat, system, text, on_token))[:max_lines]
            lines = repair_citations(lines, by_n, allowed)
            return lines, check_lines(lines, by_n, allowed, min_lines)

        lines, check = attempt(user)
        if not check.problems:
            return lines, check  # every citation is allowed
        previous = "\n".join(line.shown() for line in lines) or "(nothing)"
        if on_token:
            on_token("\n")
        again, again_check = attempt(
            user + RETRY.format(previous=previous, problems="; ".join(check.problems))
        )
        if (check.grounding, len(check.problems)) < (again_check.grounding, len(again_check.problems)):
            again, again_check = lines, check
        return [Line(line.text, [n for n in line.cites if n in allowed]) for line in again], again_check

    def _summary(
        self, article: Article, lines: list[Line], check: Check, by_n: dict[int, Passage], started: float
    ) -> Summary:
        text, citations = renumber(" ".join(line.render() for line in lines), list(by_n.values()))
        check_quotes(citations, lambda _: article.text)
        verified = check.verified and bool(lines)
        return Summary(
            doc_id=article.id,
            title=article.title,
            summary=text,
            citations=citations,
            verified=verified,
            unsupported_numbers=check.unsupported,
            problems=[] if verified else check.problems or ["the model wrote no usable line"],
            model=self.model_name,
            seconds=round(time.perf_counter() - started, 2),
            sha256=article.sha256,
        )
