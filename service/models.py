"""Pydantic types shared by every stage. Offsets are character offsets into Article.text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

ProgressHook = Callable[[int, int], None]  # (items just done, total items): progress bars


class Flag(BaseModel):
    """A sentence of a document that newsdesk does not use as evidence (service/injection.py)."""

    kind: Literal["instructions"] = "instructions"
    start: int
    end: int
    text: str
    reason: str


class DocumentInfo(BaseModel):
    id: str
    title: str
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD) when the text states one.")
    author: str | None = None
    sha256: str
    chars: int
    source: str | None = Field(None, description="Where the text came from (a path, or 'api').")
    flags: list[Flag] = Field(
        [], description="Sentences addressed to an AI system rather than a reader: never used as evidence."
    )


class Article(DocumentInfo):
    text: str


class Chunk(BaseModel):
    doc_id: str
    chunk_id: str
    start: int
    end: int
    text: str


class SearchResult(Chunk):
    title: str
    score: float


class Citation(BaseModel):
    """A numbered span of an article: quote == article.text[start:end]."""

    n: int
    doc_id: str
    title: str
    start: int
    end: int
    quote: str
    published: str | None = Field(None, description="Its article's published date (ISO), when known.")


class Passage(Citation):
    """An evidence span shown to the model, with its relevance score."""

    score: float = 0.0


class Claim(BaseModel):
    """A figure and its frame: what it counts, where, when and by whose account (service/claims.py)."""

    doc_id: str
    value: str = Field(
        description="The figure as normalised text: '1,000', '4,000–6,000', '12 million', '61.4%'."
    )
    unit: str | None = Field(
        None,
        description="'percent' for a share ('61.4%'), the currency of a sum ('US dollars'), the unit of a "
        "measurement ('kilometres per hour', 'magnitude'); none for a count.",
    )
    quote: str
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    qualifier: str | None = Field(None, description="over / at least / about / as high as / nearly / …")
    counted: str | None = Field(None, description="What is counted, readable: 'people who died', 'troops'.")
    attribution: str | None = Field(None, description="Who says so (the same as `source`; kept for clients).")
    title: str | None = None
    source: str | None = Field(
        None, description="Who says so, when the sentence says: a person, an organisation."
    )
    date: str | None = Field(
        None, description="When the figure holds: a date in its sentence, else the article's date (ISO)."
    )
    place: str | None = Field(None, description="Where, when the sentence says: 'Marrowby', 'Veldaria'.")
    noun: str | None = Field(None, description="The counted noun, lemmatized ('construction worker').")
    event: str | None = Field(None, description="What happened to what is counted, lemmatized ('die').")
    activity: str | None = Field(
        None, description="What the group is doing or sent to do ('fight', 'rebuild')."
    )
    whose: str | None = Field(
        None,
        description="Whose group it is, or by whom it was done, when a name says: 'Russian' (soldiers), "
        "'by Civic Union' (won).",
    )
    generic: bool = Field(False, description="The noun says only 'people' (or nothing): the event says what.")
    places: list[str] = Field([], description="The places of the figure's clause, most specific first.")
    containers: list[tuple[str, str]] = Field(
        [], description="(outer, inner) place pairs its sentence states: 'Norrevia’s Haldmark province'."
    )
    date_stated: bool = Field(False, description="True when the date comes from the sentence itself.")
    before: bool = Field(
        False,
        description="A value told as the one before, with no day of its own ('raised on Monday from €4.5m to "
        "€7.2m'): not a figure for that day.",
    )
    time: str | None = Field(
        None, description="The time of the live-page entry that gives the figure ('19:10'), if any."
    )
    aside: bool = Field(
        False,
        description="Its sentence reports another event than the story's ('In a separate accident, …'): "
        "never compared with the story's figures.",
    )
    published: str | None = Field(None, description="The article's published date (ISO), when it states one.")
    expected: bool = Field(False, description="What someone says will be ('will close 62 branches').")


class Disagreement(BaseModel):
    topic: str
    kind: Literal["conflict", "update", "assertion", "answers"] = Field(
        description="conflict: figures from different sources that cannot both hold at the same time; "
        "update: one source's figure changing over time (a timeline); assertion: contradicting statements; "
        "answers: documents that give different answers to the question."
    )
    claims: list[Claim]


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    disagreements: list[Disagreement] = []
    question_type: str | None = Field(
        None,
        description="How the question was read (service/questions.py): yes_no, comparison, temporal and "
        "order questions are answered with a verdict or an order first; quantity, year, date, person, "
        "place and open ones with a sentence.",
    )
    model: str
    timings_ms: dict[str, int] = {}


class Summary(BaseModel):
    doc_id: str
    title: str
    summary: str
    citations: list[Citation]
    verified: bool
    unsupported_numbers: list[str] = []
    problems: list[str] = Field([], description="Why the summary is not verified (empty when it is).")
    dropped: list[str] = Field(
        [],
        description="Lines the model wrote that what they cite does not support, each with why; not shown.",
    )
    quoted: list[str] = Field(
        [],
        description="Sentences quoted verbatim: for a headline figure the model's lines left out, or when "
        "none of its lines was supported.",
    )
    model: str
    seconds: float
    sha256: str


class SkippedFile(BaseModel):
    path: str
    reason: str


class IndexReport(BaseModel):
    documents: int
    chunks: int
    added: int
    updated: int
    unchanged: int
    removed: int
    skipped: list[SkippedFile]
    seconds: float
