"""When not to ask the model, and what to say when its answer fails the checks.

Before the model (abstain_reason): no evidence; or what a "how many" question counts, or the question's
restrictions (its nouns, proper nouns and adjectives outside the phrase that names what is asked — "the
cholera outbreak", "the communications minister"), appear in no evidence passage or title. A restriction
is there when its stem is, when a lexicon group holds both, or (nouns) when an evidence noun's embedding is
within NOUN_SIMILARITY. A question naming many things may miss one in four (sources, outlets a passage need
not repeat). Both directions are measured by `python bench/abstention_gate.py` (issue-11 note).

After the model (fallback_answer): the first evidence sentence that holds what the question asks for
(service/questions.py) and at least KEY_TERMS of its key words, verbatim and cited; else None, and the
answer says the sources do not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import nlp
from .claims import GENERIC_NOUNS
from .majority import documents_by_figure
from .models import Claim, Passage
from .questions import TYPE_WORDS, asked_type, holds, names_a_person
from .support import compatible, content_words, covered, frames_of
from .text import STOPWORDS, stem, tokenize
from .vocabulary import NOUN_SIMILARITY, Vocabulary

WORD = re.compile(r"[^\W\d_]{3,}")

# --- before the model ----------------------------------------------------------------------------------


QUESTION_OPENERS = {
    "how",
    "what",
    "which",
    "who",
    "whom",
    "when",
    "where",
    "why",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "according",
    "in",
    "on",
}
CALENDAR = set(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


def required_terms(question: str) -> tuple[str | None, list[str]]:
    """Words an answer cannot do without: (what a 'how many' question counts, the names it uses)."""
    doc = nlp.parse_one(question)
    counted = _counted_word(doc)
    return counted, [word for word in restrictions(question, doc) if stem(word) != stem(counted or "")]


def _counted_word(doc) -> str | None:
    """What "how many / how much" counts ("head of livestock" counts livestock); None for "people"."""
    many = next(
        (t for t in doc if t.lower_ in ("many", "much") and t.i and doc[t.i - 1].lower_ == "how"), None
    )
    if many is None or many.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = many.head
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of else None
    noun = whole or noun
    return None if noun.lemma_.lower() in GENERIC_NOUNS else noun.text.lower()


def restrictions(question: str, doc=None) -> list[str]:
    """The question's names (proper nouns, named entities) and the nouns that modify a noun ("the cholera
    outbreak", "the communications minister"), lower case, except the phrase naming what is asked ("which
    Norrevian general", "what setting"). Plain nouns and adjectives are left out: questions paraphrase them
    ("losses" for "killed or wounded", "legal scrutiny" for "trial")."""
    doc = doc if doc is not None else nlp.parse_one(question)
    asked = _asked_phrase(doc)
    typed = asked_type(question) is not None  # "Which company…", "Does the article…": paraphrase-prone
    counting = any(t.lower_ in ("many", "much") for t in doc)
    words = [
        t.text.lower()
        for t in doc
        if _restricts(t, typed, counting) and t.i > 0 and t.i not in asked and not t.is_stop and t.is_alpha
    ]
    skip = QUESTION_OPENERS | CALENDAR | STOPWORDS
    return list(dict.fromkeys(w for w in words if w not in skip and stem(w) not in TYPE_WORDS))


def _restricts(token, typed: bool, counting: bool) -> bool:
    """A name; in a typed question (questions.py) also a noun modifying a noun, and in a "how many"
    question the object of a preposition on its verb ("died in the outbreak")."""
    named = token.pos_ == "PROPN" or (token.ent_type_ and token.ent_type_ not in ("DATE", "TIME", "CARDINAL"))
    if named:
        return True
    if not typed:
        return False
    return (token.dep_ == "compound" and token.pos_ == "NOUN") or (counting and _on_its_verb(token))


def _on_its_verb(token) -> bool:
    on_verb = (
        token.dep_ == "pobj"
        and token.head.dep_ in ("prep", "agent")
        and token.head.head.pos_ in ("VERB", "AUX")
    )
    return on_verb and token.pos_ == "NOUN"


def _asked_phrase(doc) -> set[int]:
    """Token indices of "what/which/whose [modifiers] noun" phrases: the words right after the wh-word
    while they are adjectives or nouns (read from the tags, not the parse, which trips on invented names)."""
    asked: set[int] = set()
    for token in doc:
        if token.lower_ in ("what", "which", "whose"):
            for word in doc[token.i + 1 :]:
                if word.pos_ not in ("ADJ", "NOUN", "PROPN"):
                    break
                asked.add(word.i)
    return asked


def is_covered(
    term: str,
    evidence_terms: set[str],
    synonyms: Sequence[frozenset[str]] = (),
    vocabulary: Vocabulary | None = None,
    evidence_words: Sequence[str] = (),
) -> bool:
    """The term, or a word of its lexicon group (stemmed), is among the evidence's terms; or (with a
    vocabulary) an evidence word means the same (embeddings within NOUN_SIMILARITY)."""
    root = stem(term.removesuffix("'s").removesuffix("’s"))
    roots = {root} | {stem(w) for group in synonyms if root in {stem(x) for x in group} for w in group}
    if any(t.startswith(r) or (len(t) >= 4 and r.startswith(t)) for r in roots for t in evidence_terms):
        return True
    return vocabulary is not None and any(
        vocabulary.similarity(term, word) >= NOUN_SIMILARITY for word in evidence_words
    )


def abstain_reason(
    question: str,
    evidence: Sequence[Passage],
    check_terms: bool = True,
    synonyms: Sequence[frozenset[str]] = (),
    vocabulary: Vocabulary | None = None,
) -> str | None:
    """Why the evidence cannot answer the question, or None. With check_terms: what a 'how many' question
    counts must be in the evidence (or its titles), and so must its restrictions — one in four may be
    missing when a question names many things (sources, outlets) that passages need not repeat. synonyms:
    lexicon groups (default: the vocabulary's)."""
    if not evidence:
        return "no passage in the articles is relevant enough"
    if not check_terms:
        return None
    synonyms = synonyms or (vocabulary.lexicon if vocabulary is not None else ())
    evidence_text = " ".join(f"{p.title} {p.quote}" for p in evidence)
    evidence_terms = set(tokenize(evidence_text))
    words = sorted({w.lower() for w in WORD.findall(evidence_text) if w.lower() not in STOPWORDS})

    def there(term: str) -> bool:
        return is_covered(term, evidence_terms, synonyms, vocabulary, words)

    counted, names = required_terms(question)
    missing = [counted] if counted and not there(counted) else []
    missing_names = [name for name in names if not there(name)]
    if len(missing_names) > len(names) // 4:
        missing += missing_names
    if missing:
        return "none of the relevant passages mentions " + " or ".join(f"“{t}”" for t in missing)
    return None


# --- after the model ----------------------------------------------------------------------------


KEY_TERMS = 2 / 3  # share of the question's key words a fallback sentence must show (by stem or lemma)


def fallback_answer(
    question: str,
    evidence: Sequence[Passage],
    vocabulary: Vocabulary,
    frame: Claim | None = None,
    claims: Sequence[Claim] = (),
) -> str | None:
    """The best evidence sentence, verbatim and cited, that holds what the question asks for (a name, a
    date, a place, a figure counting what it asks to count) and at least KEY_TERMS of its key words;
    for a figure, the one most documents give (service/majority.py), then the best ranked. None when no
    sentence does (the answer then abstains)."""
    asked = asked_type(question)
    terms = [(stem, lemma) for stem, lemma, _ in content_words(question) if stem not in TYPE_WORDS]
    found = []
    for passage in evidence:
        if not holds(passage.quote, asked, question):
            continue
        if asked == "quantity" and frame is not None and not counts_what_is_asked(passage, frame, vocabulary):
            continue
        if terms and shared_share(terms, passage.quote) < KEY_TERMS:
            continue
        found.append(passage)
    if not found:
        return None
    if asked == "person":
        found.sort(key=lambda p: not names_a_person(p.quote, question))
    if asked == "quantity" and frame is not None and claims:
        backing = documents_by_figure(frame, claims, vocabulary)
        found.sort(key=lambda p: -max((len(backing.get(c.value, [])) for c in frames_of(p.quote)), default=0))
    return f"{' '.join(found[0].quote.split())} [{found[0].n}]"


def counts_what_is_asked(passage: Passage, frame: Claim, vocabulary: Vocabulary) -> bool:
    frames = frames_of(passage.quote)
    return not (frame.noun or frame.event) or any(compatible(frame, c, vocabulary) for c in frames)


def shared_share(terms: Sequence[tuple[str, str]], text: str) -> float:
    """The share of (stem, lemma) terms the text holds, by either."""
    have, lemmas = set(tokenize(text)), {w[1] for w in content_words(text)}
    return sum(covered(stem, have) or lemma in lemmas for stem, lemma in terms) / len(terms)
