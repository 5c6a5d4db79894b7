"""One answer per document, then a deterministic vote: when the documents behind a question name
different people, dates or places, say so with each answer cited, instead of silently picking one.

The shape is MADAM-RAG's (Wang et al. 2025, the RAMDocs paper: one agent per document, then an aggregator);
here the aggregation is code. For a question asking who, when, where, which or what (the question word may
come late: "formed in which year?"), each document's best evidence sentences (at most `crosscheck_documents`
documents) go to the model in one short call (prompts/document_answer.*), which replies with a few words and
the sentence they come from, or "not stated". A reply counts only when its words occur in that document's
sentences (it is then cited to the sentence holding them), that sentence holds at least half the question's
content words (or words of the same meaning: "born" for "birth", question_share), it is short (at most
MAX_WORDS words: a long reply is an explanation, not a name, a date or a place), and it is the kind of thing
asked (a "when" question's reply holds a date, a "who" question's a name). A reply is given as its sentence
names it in full ("Space Shuttle" → "Space Shuttle Discovery", full_name). Replies that are equal, or one
inside the other ("Bhatt" and "Mahesh Bhatt"), are one answer. A document whose sentences do not name what
the question is about (its quoted title, else half its capitalised words) is not asked. The answers are then
joined into subjects (service/subjects.py): documents that share a passage or most of their names speak of
one subject, and their different answers are a disagreement of kind "answers" (the answer given by the most
documents leads, and so does one answer that two or more documents give and the model's own answer does not
name; when several tie, those the model's own answer names, else all of them; every answer is listed with
its documents). Documents that share neither seem to speak of different things of one name (two albums
called "Beyond Measure"): the answer gives each subject's answer, and there is nothing to disagree about
between them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import nlp
from .citations import CITATION
from .models import Claim, Disagreement, Passage
from .prompts import load_prompt
from .questions import YES_NO_FORM, asked_type, holds
from .settings import Settings
from .subjects import by_subject, ignored_words
from .text import STOPWORDS, stem, tokenize
from .vocabulary import NOUN_SIMILARITY, Vocabulary

AskModel = Callable[[str, str], str]  # (system, user) → the model's reply
FACTOID = re.compile(r"^\s*(?:who|whom|whose|when|where|which|what)\b", re.IGNORECASE)
# the question word after a preposition, late in the question: "… was formed in which year?", "… by whom?"
LATE_FACTOID = re.compile(
    r"\b(?:in|on|at|for|from|of|by|to|with|during|under)\s+(?:which|what|whom|whose)\b", re.IGNORECASE
)
QUANTITY = re.compile(r"\bhow (?:many|much)\b", re.IGNORECASE)
NOT_STATED = re.compile(r"\bnot (?:stated|mentioned|given)\b|\bunknown\b|\bdoes not say\b", re.IGNORECASE)
WH_WORDS = frozenset("who whom whose what which when where".split())
MAX_WORDS = 6
QUESTION_WORDS = 0.5  # share of the question's content words the answering sentence must hold
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
LEADING = {"the", "a", "an"}
TOPIC = "the answer to the question"
SEVERAL_SUBJECTS = "The documents seem to be about different subjects, each with its own answer: "


@dataclass
class GivenAnswer:
    """The documents that give one answer, and the sentence each gives it in."""

    text: str
    passages: list[Passage] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(p.doc_id for p in self.passages))


def by_documents(evidence: Sequence[Passage]) -> dict[str, list[Passage]]:
    """The evidence grouped by document, documents in the order of their best passage."""
    grouped: dict[str, list[Passage]] = {}
    for passage in evidence:
        grouped.setdefault(passage.doc_id, []).append(passage)
    return grouped


def is_factoid(question: str) -> bool:
    late = LATE_FACTOID.search(question) and not YES_NO_FORM.match(question)
    return bool(FACTOID.match(question) or late) and not QUANTITY.search(question)


def words_of(text: str) -> list[str]:
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    while words and words[0] in LEADING:
        words.pop(0)
    return words


def document_answer(
    question: str,
    passages: Sequence[Passage],
    ask: AskModel,
    settings: Settings,
    subject: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> GivenAnswer | None:
    """One document's answer, grounded in the sentence it comes from, or None. subject: what the question
    is about, when the document is known to name it (its sentences then need not repeat it: "He was
    born on 9 February 1936"). vocabulary: words of one meaning count as the question's (question_share)."""
    numbered = "\n".join(f"[{i}] {' '.join(p.quote.split())}" for i, p in enumerate(passages, 1))
    system, user = load_prompt("document_answer", settings.prompts_dir).render(
        sentences=numbered, question=question
    )
    reply = ask(system, user).strip()
    answer = grounded(reply.splitlines()[0] if reply else "", passages, question, subject, vocabulary)
    return answer if answer is None or is_kind_asked(answer.text, question) else None


def is_kind_asked(reply: str, question: str) -> bool:
    """A "when" reply holds a date; a "who" or "where" reply a capitalised word the question does not use
    (the tagger reads a few words poorly: "The Beatles" is no entity to it)."""
    kind = asked_type(question)
    if kind in ("year", "date"):
        return holds(reply, kind, question)
    if kind in ("person", "place"):
        used = {w.lower() for w in WORD.findall(question)} - WH_WORDS  # "The Who" is a name
        return any(w[0].isupper() and w.lower() not in used for w in WORD.findall(reply))
    return True


def grounded(
    reply: str,
    passages: Sequence[Passage],
    question: str = "",
    subject: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> GivenAnswer | None:
    """The reply as an answer when it is short and its words occur, in order, in one of the passages
    (the one it cites first, else any) that also holds most of the question's words (but the subject's,
    when the document is known to name it): a sentence about something else that happens to name a
    person is no answer to the question."""
    subject_words = {w for term in subject for w in term.split()}
    rest = " ".join(w for w in WORD.findall(question) if w.lower() not in subject_words)
    text = CITATION.sub("", reply).strip().rstrip(".").strip()
    words = words_of(text)
    if not words or len(words) > MAX_WORDS or NOT_STATED.search(text):
        return None
    cited = [int(n) for n in re.findall(r"\[(\d+)\]", reply)]
    order = [passages[n - 1] for n in cited if 0 < n <= len(passages)] + list(passages)
    for passage in order:
        overlap = question_share(passage.quote, question, vocabulary)
        if subject_words:
            overlap = max(overlap, question_share(passage.quote, rest, vocabulary))
        if _contains(words_of(passage.quote), words) and overlap >= QUESTION_WORDS:
            return GivenAnswer(text=full_name(text, passage.quote), passages=[passage])
    return None


def full_name(reply: str, sentence: str) -> str:
    """The reply as its sentence names it in full: the name its words lie in ("Space Shuttle" → "Space
    Shuttle Discovery"), else the noun with its adjectives ("thriller" → "erotic thriller"), and the region
    after a place ("Messina" → "Messina, Sicily"). The reply itself when the sentence does not hold it."""
    start = sentence.lower().find(reply.lower())
    if start < 0:
        return reply
    end = start + len(reply)
    doc = nlp.parse_one(sentence)
    names = [e for e in doc.ents if e.start_char <= start and end <= e.end_char and _a_name(e, start, end)]
    name = max(names, key=len, default=None)
    if name is not None:
        start, end = (name[1] if name[0].dep_ == "det" else name[0]).idx, name.end_char
    elif (described := _described_noun(doc, start, end)) is not None:
        start, end = described
    place = next((e for e in doc.ents if e.end_char == end and e.label_ == "GPE"), None)
    region = next((e for e in doc.ents if e.start_char == end + 2 and e.label_ == "GPE"), None)
    if place is not None and region is not None and sentence[end : end + 2] == ", ":
        end = region.end_char  # "Messina, Sicily", "Adel, Iowa"
    full = sentence[start:end]
    return full if len(words_of(full)) <= MAX_WORDS else reply


def _described_noun(doc, start: int, end: int) -> tuple[int, int] | None:
    """The span of the noun the reply ends on with the adjectives and nouns before it ("a 1991 erotic
    thriller" → "erotic thriller"), not its article, number or possessive."""
    root = next((t for t in doc if t.idx < end <= t.idx + len(t)), None)
    if root is None or root.pos_ not in ("NOUN", "PROPN") or root.idx + len(root) != end:
        return None
    first = root
    while first.i > 0 and _describes(doc[first.i - 1], first):
        first = doc[first.i - 1]
    return min(first.idx, start), end


def _describes(token, following) -> bool:
    """A lower-case adjective or noun before the noun: "erotic (thriller)", not "American (film noir)"."""
    return token.dep_ in ("amod", "compound") and token.head.i >= following.i and token.text.islower()


NAME_LABELS = frozenset("PERSON ORG GPE LOC FAC NORP WORK_OF_ART PRODUCT EVENT LAW LANGUAGE".split())
NAME_JOINERS = frozenset("of the de da del von van -".split())


def _a_name(entity, start: int, end: int) -> bool:
    """A name the reply is part of whose other words are capitalised words or joiners ("Republic of
    Honduras"); not a date, a number or a table's debris ("1870 1", "| Basketball")."""
    if entity.label_ not in NAME_LABELS:
        return False
    added = [t for t in entity if not (start <= t.idx < end)]
    return all((t.text[:1].isupper() and t.is_alpha) or t.lower_ in NAME_JOINERS for t in added)


def question_share(sentence: str, question: str, vocabulary: Vocabulary | None = None) -> float:
    """The share of the question's content words the sentence holds: by stem, else (with a vocabulary) as a
    word of the same meaning ("born" for "birth", "founded" for "established": embeddings within
    NOUN_SIMILARITY, which keeps opposites such as "born" and "died" apart). 1.0 for no words."""
    asked = set(tokenize(question))
    if not asked:
        return 1.0
    held = asked & set(tokenize(sentence))
    if vocabulary is not None and held != asked:
        unheld = {w for w in _plain_words(question) if stem(w) in asked - held}
        said = _plain_words(sentence)
        held |= {stem(w) for w in unheld if vocabulary.any_close(w, said, NOUN_SIMILARITY)}
    return len(held) / len(asked)


def _plain_words(text: str) -> set[str]:
    """The lower-cased words of a text but stopwords and numbers."""
    return {w for w in (w.lower() for w in WORD.findall(text)) if w not in STOPWORDS and not w.isdigit()}


def _contains(haystack: list[str], needle: list[str]) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


QUOTED = re.compile(r"[\"“](.+?)[\"”]")


def subject_terms(question: str) -> list[str]:
    """What the question is about: its quoted titles, else its capitalised words after the first."""
    quoted = QUOTED.findall(question)
    if quoted:
        return [" ".join(words_of(q)) for q in quoted if words_of(q)]
    words = WORD.findall(question)[1:]
    return [w.lower() for w in words if w[0].isupper()]


def is_about(passages: Sequence[Passage], subject: Sequence[str]) -> bool:
    """A document answers only if its sentences name what the question is about (half its terms)."""
    return _half_named(" ".join(" ".join(words_of(p.quote)) for p in passages), subject)


def names_subject(text: str, subject: Sequence[str]) -> bool:
    """A whole text names what the question is about (half its terms)."""
    return _half_named(" ".join(words_of(text)), subject)


def _half_named(words: str, subject: Sequence[str]) -> bool:
    if not subject:
        return True
    return sum(1 for term in subject if f" {term} " in f" {words} ") * 2 >= len(subject)


def vote(answers: Sequence[GivenAnswer]) -> list[GivenAnswer]:
    """Equal answers (or one inside the other) merged; the most documents first."""
    merged: list[GivenAnswer] = []
    for answer in answers:
        words = words_of(answer.text)
        same = next(
            (m for m in merged if _contains(words_of(m.text), words) or _contains(words, words_of(m.text))),
            None,
        )
        if same is None:
            merged.append(GivenAnswer(answer.text, list(answer.passages)))
            continue
        same.passages += answer.passages
        if len(words) > len(words_of(same.text)):
            same.text = answer.text
    return sorted(merged, key=lambda a: len(a.documents), reverse=True)


def cross_check(
    question: str,
    by_document: dict[str, list[Passage]],
    ask: AskModel,
    settings: Settings,
    text_of: Callable[[str], str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[GivenAnswer]:
    """The answers the documents give, most documents first (empty when fewer than two answer).
    text_of: a document's whole text; a document is about the question's subject when it names it anywhere
    (its best sentences may say "he" or "the album"), else when those sentences name it."""
    if not is_factoid(question) or len(by_document) < 2:
        return []
    found = []
    subject = subject_terms(question)
    for doc_id, passages in list(by_document.items())[: settings.crosscheck_documents]:
        about = names_subject(text_of(doc_id), subject) if text_of else is_about(passages, subject)
        if not passages or not about:
            continue
        named = subject if text_of else ()
        if answer := document_answer(question, passages, ask, settings, named, vocabulary):
            found.append(answer)
    return vote(found) if len(found) >= 2 else []


def subjects_to_lead(
    question: str,
    by_document: dict[str, list[Passage]],
    ask: AskModel,
    settings: Settings,
    text_of: Callable[[str], str],
    vocabulary: Vocabulary | None = None,
    model_answer: str = "",
) -> list[list[GivenAnswer]]:
    """The documents' answers by subject (subjects_of) when they lead the answer: they give two or more,
    or one that the model's own answer does not name (documents_overrule); else none."""
    answers = cross_check(question, by_document, ask, settings, text_of, vocabulary)
    if len(answers) >= 2 or documents_overrule(answers, model_answer):
        return subjects_of(question, answers, text_of)
    return []


def documents_overrule(answers: Sequence[GivenAnswer], model_answer: str) -> bool:
    """The documents give one answer (two or more of them, none another) and the model's own answer over
    all the evidence does not name it: theirs leads ("Best Coast [1][2]." for a draft naming a band from a
    sentence about another album)."""
    return len(answers) == 1 and not _contains(words_of(model_answer), words_of(answers[0].text))


def leading(answers: Sequence[GivenAnswer], model_answer: str = "") -> list[GivenAnswer]:
    """The answers given by the most documents; when several tie, those the model's own answer (over all
    the evidence) names, if it names any."""
    most = len(answers[0].documents) if answers else 0
    top = [a for a in answers if len(a.documents) == most]
    named = [a for a in top if _contains(words_of(model_answer), words_of(a.text))]
    return named if len(top) > 1 and named else top


def as_disagreement(answers: Sequence[GivenAnswer]) -> Disagreement | None:
    """A disagreement of kind "answers" when the documents give two or more answers."""
    if len(answers) < 2:
        return None
    claims = [
        Claim(doc_id=p.doc_id, title=p.title, value=a.text, quote=p.quote, start=p.start, end=p.end)
        for a in answers
        for p in a.passages
    ]
    return Disagreement(topic=TOPIC, kind="answers", claims=claims)


def subjects_of(
    question: str, answers: Sequence[GivenAnswer], text_of: Callable[[str], str]
) -> list[list[GivenAnswer]]:
    """The answers joined into the subjects their documents speak of, most documents first in each."""
    ignore = ignored_words([question, *(a.text for a in answers)])
    groups = [[text_of(doc_id) for doc_id in a.documents] for a in answers]
    return [[answers[i] for i in subject] for subject in by_subject(groups, ignore, asked=question)]


def disagreements_of(subjects: Sequence[Sequence[GivenAnswer]]) -> list[Disagreement]:
    """A disagreement for each subject whose documents give two or more answers."""
    return [d for subject in subjects if (d := as_disagreement(subject))]


def lead(subjects: Sequence[Sequence[GivenAnswer]], model_answer: str, numbered: Sequence[Passage]) -> str:
    """The answer the documents give: the leading one of a single subject ("Mahesh Bhatt [1][2]."), or each
    subject's ("The documents seem to be about different subjects, …: Dynasty [1]; Jeremy Camp [3].")."""
    parts = [
        lead_sentence(leading(subject, model_answer), numbered).removesuffix(".") for subject in subjects
    ]
    return (parts[0] if len(parts) == 1 else SEVERAL_SUBJECTS + "; ".join(parts)) + "."


def passages_to_number(
    subjects: Sequence[Sequence[GivenAnswer]], numbered: Sequence[Passage]
) -> list[Passage]:
    """The sentences giving the answers that are not numbered yet, numbered after the others."""
    known = {(p.doc_id, p.start) for p in numbered}
    extra: list[Passage] = []
    for answer in (a for subject in subjects for a in subject):
        for passage in answer.passages:
            if (passage.doc_id, passage.start) not in known:
                known.add((passage.doc_id, passage.start))
                extra.append(passage.model_copy(update={"n": len(numbered) + len(extra) + 1}))
    return extra


def lead_sentence(answers: Sequence[GivenAnswer], numbered: Sequence[Passage]) -> str:
    """ "Mahesh Bhatt [1][2]." — the leading answers, each cited to the sentences that give it."""
    numbers = {(p.doc_id, p.start): p.n for p in numbered}
    parts = []
    for answer in answers:
        cites = dict.fromkeys(
            numbers[(p.doc_id, p.start)] for p in answer.passages if (p.doc_id, p.start) in numbers
        )
        parts.append(answer.text + " " + "".join(f"[{n}]" for n in cites))
    return " and ".join(parts) + "."
