"""Citations: [n] markers in generated text, numbers in text, numbered evidence for a prompt,
renumbering in order of use, and the check that every quote is exactly its article's text[start:end]."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .errors import GroundingError
from .models import Citation, Passage

CITATION = re.compile(r"\[(\d+)\]")
CITATION_LIST = re.compile(r"\[(\d+(?:\s*,\s*\d+)+)\]")
NUMBER = re.compile(r"(?<![\w\[])\d+(?:[.,]\d+)*(?![\w\]])")
# Numbers news spells out (style guides write one to nine in words, and any number opening a sentence).
# "one" is left out: it is far more often a pronoun or "one of" than a count.
WORD_UNITS = dict(zip("two three four five six seven eight nine".split(), range(2, 10), strict=True))
WORD_TEENS = dict(
    zip(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
        range(10, 20),
        strict=True,
    )
)
WORD_TENS = dict(
    zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10), strict=True)
)
_ONES = "|".join(["one", *WORD_UNITS])
_BELOW_TWENTY = "|".join(sorted([*WORD_UNITS, *WORD_TEENS], key=len, reverse=True))
_WORD_NUMBER = rf"(?:{'|'.join(WORD_TENS)})(?:-(?:{_ONES}))?|{_BELOW_TWENTY}"
_HUNDRED = rf"\s+hundred(?:\s+(?:and\s+)?(?:{_WORD_NUMBER})(?![\w-]))?"  # "a hundred and ninety"
NUMBER_WORD = rf"(?:{_WORD_NUMBER}|(?:one|a)(?=\s+hundred\b))(?:{_HUNDRED})?"
SPELLED = re.compile(rf"(?<![\w-])(?:{NUMBER_WORD})(?![\w-])", re.IGNORECASE)


def normalize_citations(text: str) -> str:
    """'[1, 2]' → '[1][2]' so every citation is one bracket."""
    return CITATION_LIST.sub(lambda m: "".join(f"[{n.strip()}]" for n in m.group(1).split(",")), text).strip()


def cited_numbers(text: str) -> list[int]:
    """The [n] numbers of a text, once each, in order of first use."""
    return list(dict.fromkeys(int(n) for n in CITATION.findall(text)))


def strip_citations(text: str) -> str:
    return CITATION.sub(" ", text)


def word_value(words: str) -> int:
    """ "Seventy-six" → 76, "three hundred" → 300, "Two hundred and fourteen" → 214, "a hundred and
    ninety" → 190 (words as SPELLED finds them)."""
    parts = [part for part in words.lower().split() if part != "and"]
    if "hundred" in parts:
        return _below_hundred(parts[0]) * 100 + (_below_hundred(parts[-1]) if parts[-1] != "hundred" else 0)
    return _below_hundred(parts[0])


def _below_hundred(word: str) -> int:
    tens, _, ones = word.partition("-")
    return WORD_TENS.get(tens, 0) + (WORD_UNITS | WORD_TEENS | {"one": 1, "a": 1}).get(ones or tens, 0)


NAME_GOES_ON = re.compile(r"[\s-]+[A-Z]")
SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;]['\"”’)]*\s+|[\"“‘(]\s*|\n\s*)$")


def in_a_name(text: str, start: int, end: int) -> bool:
    """The number word text[start:end] is part of a name ("Five Nights at Freddy's", "the Seven Sisters"):
    capitalised where no sentence opens, or followed by a capitalised word. "Forty miners were rescued"
    is a count."""
    if not text[start:end][:1].isupper():
        return False
    return bool(NAME_GOES_ON.match(text, end)) or not SENTENCE_OPENS.search(text[:start])


def numbers_written(text: str) -> dict[str, str]:
    """Each number of a text, normalised ('1,000' → '1000', 'nine' → '9'), with how it is written;
    citation marks and number words inside names ignored."""
    text = strip_citations(text)
    found = {n.replace(",", "").rstrip("."): n.rstrip(".") for n in NUMBER.findall(text)}
    words = [m.group() for m in SPELLED.finditer(text) if not in_a_name(text, *m.span())]
    return {**{str(word_value(w)): w for w in words}, **found}


def numbers_in(text: str) -> set[str]:
    """The numbers of a text, in digits or spelled out, citation marks ignored: '1,000' → '1000',
    'Forty' → '40'."""
    return set(numbers_written(text))


def numbered(passages: Sequence[Passage]) -> str:
    """The passages as the model sees them: one '[n] text' line each, whitespace collapsed."""
    return "\n".join(f"[{p.n}] {' '.join(p.quote.split())}" for p in passages)


def renumber(text: str, passages: Sequence[Passage]) -> tuple[str, list[Citation]]:
    """Number citations 1, 2, … in order of first use; return the rewritten text and its citations."""
    by_n = {p.n: p for p in passages}
    order = {old: new for new, old in enumerate(cited_numbers(text), start=1)}
    rewritten = CITATION.sub(lambda m: f"[{order[int(m.group(1))]}]", text)
    citations = [
        Citation(**by_n[old].model_dump(include=set(Citation.model_fields) - {"n"}), n=new)
        for old, new in order.items()
    ]
    return rewritten, citations


def check_quotes(citations: Sequence[Citation], article_text: Callable[[str], str]) -> None:
    """GroundingError unless every citation's quote is exactly text[start:end] of its article."""
    for citation in citations:
        if article_text(citation.doc_id)[citation.start : citation.end] != citation.quote:
            raise GroundingError(
                f"citation [{citation.n}] does not match {citation.doc_id} at {citation.start}"
            )
