"""Headline figures: the counts a summary of an article must carry.

They are the counts the article's title and opening paragraph give (claims.py: years, durations and
measures are not claims; shares and sums of money are claims but not counts), title first, at most
MAX_HEADLINE. A summary can carry a figure only by citing a sentence, so each comes with the first numbered
sentence that states it counting a like thing (a title's "6,000 engineers" is not the "4,000–6,000 dead" of
another sentence); a figure no sentence states is left out. A vague count there ("sends thousands of
soldiers") stands for the first figure of that order of magnitude in the article (1,000–999,999 for
thousands), one counting a like noun first ("around 10,000 troops"), else any count: headlines round,
bodies give the figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import nlp
from .citations import numbers_in
from .claims import extract_claims
from .models import Article, Claim, Passage
from .vocabulary import NOUN_SIMILARITY, Vocabulary

MAX_HEADLINE = 3
VAGUE = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1_000.0, "millions": 1_000_000.0}
VAGUE_OF_VAGUE = {"tens": 10.0, "hundreds": 100.0}  # "tens of thousands"


@dataclass(frozen=True)
class Headline:
    """A headline figure and the numbered sentence that states it."""

    value: str  # as the article writes it: '10,000', '4,000–6,000'
    counted: str | None  # 'troops', 'people who died'
    sentence: Passage

    @property
    def numbers(self) -> set[str]:
        return numbers_in(self.value)

    def carried_by(self, text: str) -> bool:
        return self.numbers <= numbers_in(text)

    def describe(self) -> str:
        """'10,000 (troops), which sentence [5] gives'"""
        what = f" ({self.counted})" if self.counted else ""
        return f"{self.value}{what}, which sentence [{self.sentence.n}] gives"


def headline_figures(
    article: Article, sentences: Sequence[Passage], vocabulary: Vocabulary | None = None
) -> list[Headline]:
    """The article's headline figures (see the module doc); `sentences` are the numbered ones a summary
    cites."""
    if not sentences:
        return []
    vocabulary = vocabulary or Vocabulary()
    body = [c for c in extract_claims(sentences, article.published) if c.unit is None]  # counts only
    title = Passage(n=0, doc_id=article.id, title=article.title, start=0, end=0, quote=article.title)
    opening = opening_paragraph(article.text, sentences)
    found: list[Headline] = []
    counts_in_title = [c for c in extract_claims([title]) if c.unit is None]
    for claim in [*counts_in_title, *(c for c in body if c.quote in {p.quote for p in opening})]:
        stated = _stating(claim, body, vocabulary)
        if stated is not None:
            _add(found, Headline(stated.value, stated.counted, _sentence_of(stated, sentences)))
    vague = vague_counts(article.title) + vague_counts(" ".join(p.quote for p in opening))
    for low, high, noun in vague:
        resolved = _first_in_magnitude(body, low, high, noun, vocabulary)
        if resolved is not None:
            _add(found, Headline(resolved.value, resolved.counted, _sentence_of(resolved, sentences)))
    return found[:MAX_HEADLINE]


def opening_paragraph(text: str, sentences: Sequence[Passage]) -> list[Passage]:
    """The numbered sentences of the paragraph (a line of the text) holding the first of them."""
    first = sentences[0].start
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\n", first)
    end = len(text) if end < 0 else end
    return [p for p in sentences if start <= p.start < end]


def vague_counts(text: str) -> list[tuple[float, float, str | None]]:
    """(low, high, counted noun) of each "thousands of workers" in the text: 'tens of thousands' is
    10,000–99,999; the noun is None when no "of" phrase says it ("Hundreds were killed")."""
    found = []
    words = text.split()
    if sum(w[:1].isupper() for w in words) * 2 > len(words):  # a Title Cased Headline parses as names
        text = text.lower()
    doc = nlp.parse_one(text)
    for token in doc:
        unit = VAGUE.get(token.lower_)
        if unit is None or (token.i + 2 < len(doc) and doc[token.i + 2].lower_ in VAGUE):
            continue  # the "tens" of "tens of thousands"
        before = doc[token.i - 2].lower_ if token.i >= 2 and doc[token.i - 1].lower_ == "of" else ""
        if before in VAGUE_OF_VAGUE and VAGUE_OF_VAGUE[before] < unit:
            unit *= VAGUE_OF_VAGUE[before]
        found.append((unit, unit * (10 if before else 1000), _of_noun(token)))
    return found


def _of_noun(token) -> str | None:
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
            if noun.lower_ not in VAGUE:
                return noun.lemma_.lower()
    return None


def _stating(claim: Claim, body: Sequence[Claim], vocabulary: Vocabulary) -> Claim | None:
    """The first body claim of the same figure counting a like thing (or either saying no noun)."""
    same = [c for c in body if numbers_in(c.value) == numbers_in(claim.value)]
    return next((c for c in same if _alike(claim.noun, c.noun, vocabulary)), None)


def _first_in_magnitude(
    body: Sequence[Claim], low: float, high: float, noun: str | None, vocabulary: Vocabulary
) -> Claim | None:
    within = [c for c in body if c.low is not None and low <= c.low < high]
    if noun is not None:
        alike = [c for c in within if c.noun and _alike(noun, c.noun, vocabulary)]
        within = alike or within
    return within[0] if within else None


def _alike(a: str | None, b: str | None, vocabulary: Vocabulary) -> bool:
    if not a or not b:
        return True
    return vocabulary.similarity(a.split()[-1], b.split()[-1]) >= NOUN_SIMILARITY


def _sentence_of(claim: Claim, sentences: Sequence[Passage]) -> Passage:
    return next(p for p in sentences if p.start == claim.start and p.quote == claim.quote)


def _add(found: list[Headline], headline: Headline) -> None:
    if not any(h.numbers == headline.numbers for h in found):
        found.append(headline)
