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

Verification (every line, with the support check of answers, service/support.py)
    * it cites at least one sentence, and every [n] is a sentence the model was shown;
    * every number in it occurs in the sentences that line cites (a figure is only checkable when it sits
      in the sentence cited next to it), counting the same thing there (claim frames: a line's "10,000
      workers" is not supported by "10,000 soldiers");
    * its quoted phrases occur verbatim there, its names (people, organisations, places) occur there,
      and the cited sentences hold at least support.SUPPORT_SCORE of its content words (by stem or
      lemma), which catches a citation to the wrong sentence when there is no number to give it away.
    Before the checks, a line whose citations do not support it is re-pointed to the one sentence that
    nearly restates it: REPAIR_OVERLAP of its words and all of its numbers (repair_citations). The 1.5B
    model copies sentences faithfully but numbers its lines 1, 2, 3 instead of citing them, and does not
    fix that when told. A line that no sentence nearly restates is left to the checks.

Headline figures (service/headlines.py: the counts of the title and opening paragraph, a vague "thousands
of troops" standing for the body's figure) are named in the prompt ("Give these figures: 10,000 ([3])"), and
a summary whose supported lines leave one out has a problem.
    A summary with a problem is regenerated once, with its lines and the problems listed (and, for a line
    citing the wrong sentence, the one that would support it); the attempt with fewer problems is kept
    (the second on a tie). Then (settle): lines that still fail are dropped and listed in `dropped` with
    why (their numbers in `unsupported_numbers`); the sentence of each headline figure still left out is
    added verbatim, first, and listed in `quoted`; over MAX_SENTENCES lines, the last that give no headline
    figure go. When no line is left, the opening sentences are quoted. The result is checked again as it
    stands: `verified` means every line shown passes. Fewer than MIN_SENTENCES lines trigger the
    regeneration but are not a grounding problem. Numbers written as words ("five thousand") are not
    checked. Map-reduce keeps only supported notes and adds the sentence of a headline figure no note gives.
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
    check_quotes,
    cited_numbers,
    normalize_citations,
    numbered,
    numbers_in,
    numbers_written,
    renumber,
)
from .headlines import Headline, headline_figures
from .llm import TokenHook, generate
from .models import Article, Passage, Summary
from .prompts import load_prompt
from .settings import Settings
from .support import check_sentence
from .text import is_heading, sentence_passages, word_overlap
from .vocabulary import Vocabulary

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
    failing: dict[int, list[str]] = field(default_factory=dict)  # line index (from 0) → its problems
    missing: list[Headline] = field(default_factory=list)  # headline figures no supported line gives

    @property
    def verified(self) -> bool:
        return self.grounding == 0

    def ground(self, problem: str) -> None:
        self.problems.append(problem)
        self.grounding += 1


def check_lines(
    lines: Sequence[Line],
    sentences: dict[int, Passage],
    allowed: set[int],
    min_lines: int,
    vocabulary: Vocabulary | None = None,
    headlines: Sequence[Headline] = (),
) -> Check:
    """The problems of these lines, given the article's sentences by number and the numbers the model
    was shown (see the module docstring for the rules)."""
    check = Check()
    for i, line in enumerate(lines, start=1):
        problems = line_problems(i, line, sentences, allowed, vocabulary or Vocabulary(), check.unsupported)
        for problem in problems:
            check.ground(problem)
        if problems:
            check.failing[i - 1] = problems
    check.unsupported = list(dict.fromkeys(check.unsupported))
    supported = " ".join(line.text for i, line in enumerate(lines) if i not in check.failing)
    check.missing = [h for h in headlines if not h.carried_by(supported)]
    check.problems += [f"the summary leaves out {h.describe()}" for h in check.missing]
    if len(lines) < min_lines:
        check.problems.append(f"write at least {min_lines} lines (you wrote {len(lines)})")
    return check


def line_problems(
    i: int,
    line: Line,
    sentences: dict[int, Passage],
    allowed: set[int],
    vocabulary: Vocabulary,
    unsupported: list[str],
) -> list[str]:
    """Why line i is not supported by the sentences it cites (its unsupported numbers are appended to
    `unsupported`): the citation rules, then the support check of answers (service/support.py)."""
    known = [n for n in line.cites if n in allowed and n in sentences]
    problems = [f"[{n}] is not one of the numbered sentences" for n in line.cites if n not in known]
    if not line.cites:
        problems.append(f"line {i} does not start with the [number] of its sentence")
    cited = [sentences[n] for n in known]
    marks = "".join(f"[{n}]" for n in known) or "a cited sentence"
    available = numbers_in(" ".join(p.quote for p in cited))
    for number, written in numbers_written(line.text).items():
        if number not in available:
            unsupported.append(written)
            problems.append(f"{written} in line {i} is not in {marks}")
    if not cited:
        return problems
    for kind, message in check_sentence(line.text, cited, "", vocabulary, None)[0]:
        if kind == "words":
            problems.append(f"line {i} does not say what {marks} says{hint(line.text, sentences, allowed)}")
        elif kind != "figure":  # told above, with the number as written
            problems.append(f"line {i} cites {marks}, {message}")
    return problems


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
class Round:
    """One prompt to the model: what it may cite, how many lines it writes, what figures it must give."""

    prompt: str
    values: dict[str, str]
    allowed: set[int]
    min_lines: int
    max_lines: int
    headlines: Sequence[Headline] = ()


@dataclass
class Summarizer:
    chat: Callable[[], object]  # returns the chat model; called only when the model is needed
    model_name: str
    prompts_dir: Path
    single_pass_chars: int = SINGLE_PASS_CHARS
    chunk_chars: int = CHUNK_CHARS
    max_tokens: int = MAX_TOKENS
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    @classmethod
    def for_settings(
        cls,
        settings: Settings,
        chat: Callable[[], object],
        model_name: str,
        vocabulary: Vocabulary | None = None,
    ) -> Summarizer:
        """From the summary_* settings."""
        return cls(
            chat=chat,
            model_name=model_name,
            prompts_dir=settings.prompts_dir,
            single_pass_chars=settings.summary_single_pass_chars,
            chunk_chars=settings.summary_chunk_chars,
            max_tokens=settings.summary_max_tokens,
            vocabulary=vocabulary or Vocabulary(),
        )

    def summarize(self, article: Article, on_token: TokenHook | None = None) -> Summary:
        started = time.perf_counter()
        passages = summary_sentences(article)
        by_n = {p.n: p for p in passages}
        headlines = headline_figures(article, passages, self.vocabulary)
        wanted = min(MIN_SENTENCES, len(passages))
        if sum(len(p.quote) for p in passages) <= self.single_pass_chars:
            values = {"sentences": numbered(passages), "headlines": must_give(headlines)}
            lines, check = self._generate(
                Round("summarize", values, set(by_n), wanted, MAX_SENTENCES, headlines), by_n, on_token
            )
        else:
            lines, check = self._map_reduce(passages, headlines, wanted, on_token)
        lines, dropped, quoted = settle(lines, check, passages, headlines)
        return self._summary(article, lines, dropped, quoted, check.unsupported, by_n, started)

    def _map_reduce(
        self, passages: list[Passage], headlines: list[Headline], wanted: int, on_token: TokenHook | None
    ) -> tuple[list[Line], Check]:
        """Notes on each chunk (only the supported ones kept), the sentences of headline figures no note
        gives added verbatim, then one call that combines them."""
        by_n = {p.n: p for p in passages}
        notes: list[Line] = []
        for chunk in chunked(passages, self.chunk_chars):
            values = {"sentences": numbered(chunk)}
            found, check = self._generate(
                Round("summarize_chunk", values, {p.n for p in chunk}, 1, MAX_NOTES), by_n, on_token
            )
            notes += [note for i, note in enumerate(found) if i not in check.failing]
        given = " ".join(note.text for note in notes)
        notes += [verbatim(h.sentence) for h in headlines if not h.carried_by(given)]
        if not notes:
            return [], Check(problems=["no notes"], grounding=1)
        values = {
            "notes": "\n".join(note.shown() for note in notes),
            "headlines": must_give(headlines, notes),
        }
        allowed = {n for note in notes for n in note.cites}
        reduce = Round("summarize_reduce", values, allowed, min(wanted, len(notes)), MAX_SENTENCES, headlines)
        return self._generate(reduce, by_n, on_token)

    def _generate(
        self, round_: Round, by_n: dict[int, Passage], on_token: TokenHook | None
    ) -> tuple[list[Line], Check]:
        """Generate, check, and regenerate once when there is a problem; the better attempt wins."""
        system, user = load_prompt(round_.prompt, self.prompts_dir).render(**round_.values)
        chat = self.chat().bind(max_tokens=self.max_tokens)

        def attempt(text: str) -> tuple[list[Line], Check]:
            lines = parse_lines(generate(chat, system, text, on_token))[: round_.max_lines]
            lines = repair_citations(lines, by_n, round_.allowed)
            check = check_lines(
                lines, by_n, round_.allowed, round_.min_lines, self.vocabulary, round_.headlines
            )
            return lines, check

        lines, check = attempt(user)
        if not check.problems:
            return lines, check
        previous = "\n".join(line.shown() for line in lines) or "(nothing)"
        if on_token:
            on_token("\n")
        again, again_check = attempt(
            user + RETRY.format(previous=previous, problems="; ".join(check.problems))
        )
        if (check.grounding, len(check.problems)) < (again_check.grounding, len(again_check.problems)):
            return lines, check
        return again, again_check

    def _summary(
        self,
        article: Article,
        lines: list[Line],
        dropped: list[str],
        quoted: list[str],
        unsupported: list[str],
        by_n: dict[int, Passage],
        started: float,
    ) -> Summary:
        """The summary of the settled lines, checked once more as they stand."""
        final = check_lines(lines, by_n, set(by_n), 0, self.vocabulary)
        verified = final.verified and bool(lines)
        text, citations = renumber(" ".join(line.render() for line in lines), list(by_n.values()))
        check_quotes(citations, lambda _: article.text)
        return Summary(
            doc_id=article.id,
            title=article.title,
            summary=text,
            citations=citations,
            verified=verified,
            unsupported_numbers=unsupported,
            problems=[] if verified else final.problems or ["the article has no sentence to summarize"],
            dropped=dropped,
            quoted=quoted,
            model=self.model_name,
            seconds=round(time.perf_counter() - started, 2),
            sha256=article.sha256,
        )


# --- after the model: only supported lines, and the headline figures --------------------------------


def must_give(headlines: Sequence[Headline], notes: Sequence[Line] = ()) -> str:
    """The prompt's line naming the headline figures and where they are: 'Give these figures: 10,000
    ([3]).' (or nothing); with notes, the first note giving each."""
    if not headlines:
        return ""
    where = [
        next((note.cites[0] for note in notes if h.carried_by(note.text)), h.sentence.n) for h in headlines
    ]
    figures = "; ".join(f"{h.value} ([{n}])" for h, n in zip(headlines, where, strict=True))
    return f"Give these figures: {figures}.\n"


def verbatim(sentence: Passage) -> Line:
    return Line(" ".join(sentence.quote.split()), [sentence.n])


def settle(
    lines: list[Line], check: Check, sentences: Sequence[Passage], headlines: Sequence[Headline]
) -> tuple[list[Line], list[str], list[str]]:
    """(lines, dropped, quoted): the supported lines; the sentence of each headline figure they leave
    out, verbatim, first (in place of a line citing only that sentence); at most MAX_SENTENCES, dropping
    the last lines that give no headline figure. No line left: the opening sentences, verbatim."""
    kept = [line for i, line in enumerate(lines) if i not in check.failing]
    dropped = [f"{lines[i].render()} ({'; '.join(why)})" for i, why in sorted(check.failing.items())]
    quoted: list[str] = []
    for headline in headlines:
        if headline.carried_by(" ".join(line.text for line in kept)):
            continue
        kept = [line for line in kept if line.cites != [headline.sentence.n]]
        kept.insert(len(quoted), verbatim(headline.sentence))
        quoted.append(f"sentence [{headline.sentence.n}] for the headline figure {headline.value}")
    while len(kept) > MAX_SENTENCES:
        plain = [i for i, line in enumerate(kept) if not any(h.carried_by(line.text) for h in headlines)]
        kept.pop(plain[-1] if plain else -1)
    if not kept and sentences:
        kept = [verbatim(p) for p in sentences[:MIN_SENTENCES]]
        quoted.append("the opening sentences: no line of the model's was supported")
    return kept, dropped, quoted
