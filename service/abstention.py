"""When not to ask the model, and what to say when its answer fails the checks.

Before the model (abstain_reason): no evidence; or what a "how many" question counts, or the question's
restrictions (questions.restrictions: its names, and nouns modifying nouns outside the phrase that names
what is asked — "the cholera outbreak", "the communications minister"), appear in no evidence passage or
title (a proper name may be in the first sentence of the evidence's article, which names what its sentences
call "the city" or "he"). A restriction is there when its stem is, when a lexicon group holds both, or
(nouns) when an evidence noun's embedding is within NOUN_SIMILARITY. A question naming many things may miss
one in four (sources, outlets a passage need not repeat). Both directions are measured by `newsdesk eval
abstention` (service/eval/abstention.py).

After the model (fallback_answer): the first evidence sentence that holds what the question asks for
(service/questions.py) and at least KEY_TERMS of its key words, verbatim and cited; for a who/where
question joining several facts, the name whose passages together hold KEY_TERMS of the words the evidence
holds (named_answer); else None, and the answer says the sources do not say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from . import nlp
from .clauses import GENERIC_NOUNS, REPORTING, how_many
from .majority import documents_by_figure
from .models import Claim, Passage
from .questions import LABELS, TYPE_WORDS, asked_type, described_noun, holds, names_a_person, restrictions
from .support import (
    compatible,
    content_words,
    frames_of,
    held_words,
    holds_name,
    holds_word,
    labelled,
)
from .text import STOPWORDS, sentence_spans, stem, tokenize
from .vocabulary import NOUN_SIMILARITY, Vocabulary

WORD = re.compile(r"[^\W\d_]{3,}")
OPENING = 300  # characters at most of an article's first sentence, which names what the article is about

# --- before the model ----------------------------------------------------------------------------------


def required_terms(question: str) -> tuple[str | None, list[str]]:
    """Words an answer cannot do without: (what a 'how many' question counts, the names it uses)."""
    doc = nlp.parse_one(question)
    counted = _counted_word(doc)
    return counted, [word for word in restrictions(question, doc) if stem(word) != stem(counted or "")]


def _counted_word(doc) -> str | None:
    """What "how many / how much" counts ("head of livestock" counts livestock); None for "people"."""
    many = next((t for t in doc if how_many(t)), None)
    if many is None or many.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = many.head
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of else None
    noun = whole or noun
    return None if noun.lemma_.lower() in GENERIC_NOUNS else noun.text.lower()


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
    article_text: Callable[[str], str] | None = None,
) -> str | None:
    """Why the evidence cannot answer the question, or None. With check_terms: what a 'how many' question
    counts must be in the evidence (or its titles), and so must its restrictions — one in four may be
    missing when a question names many things (sources, outlets) that passages need not repeat; a proper
    name may also be in the first sentence of an evidence sentence's article (article_text: a document's whole
    text), whose sentences say "the city" or "he" of what its opening names (a name or "the operation"
    further on is no sign the evidence is about it). synonyms: lexicon groups (default: the vocabulary's)."""
    return turned_away(question, evidence, check_terms, synonyms, vocabulary, article_text)[0]


def turned_away(
    question: str,
    evidence: Sequence[Passage],
    check_terms: bool = True,
    synonyms: Sequence[frozenset[str]] = (),
    vocabulary: Vocabulary | None = None,
    article_text: Callable[[str], str] | None = None,
) -> tuple[str | None, list[str]]:
    """(abstain_reason's reason, the terms the evidence lacks), the terms found once for both."""
    if not evidence:
        return "no passage in the articles is relevant enough", []
    if not check_terms:
        return None, []
    missing = missing_terms(question, evidence, synonyms, vocabulary, article_text)
    return (MISSING + " or ".join(f"“{t}”" for t in missing) if missing else None), missing


def missing_terms(
    question: str,
    evidence: Sequence[Passage],
    synonyms: Sequence[frozenset[str]] = (),
    vocabulary: Vocabulary | None = None,
    article_text: Callable[[str], str] | None = None,
) -> list[str]:
    """What the question counts, and its names, that the evidence lacks (the names only when more than
    one in four are missing, and not in the evidence's articles either); [] when nothing stops an answer."""
    synonyms = synonyms or (vocabulary.lexicon if vocabulary is not None else ())
    evidence_text = " ".join(f"{p.title} {p.quote}" for p in evidence)
    evidence_terms = set(tokenize(evidence_text))
    words = sorted({w.lower() for w in WORD.findall(evidence_text) if w.lower() not in STOPWORDS})

    def there(term: str) -> bool:
        return is_covered(term, evidence_terms, synonyms, vocabulary, words)

    counted, names = required_terms(question)
    missing = [counted] if counted and not there(counted) else []
    missing_names = [name for name in names if not there(name)]
    if missing_names and article_text is not None:  # a proper name its article opens with is there
        documents = dict.fromkeys(p.doc_id for p in evidence)
        articles = {term for doc_id in documents for term in tokenize(opening(article_text(doc_id)))}
        proper = {w.lower() for w in WORD.findall(question)[1:] if w[0].isupper()}
        missing_names = [n for n in missing_names if n not in proper or not is_covered(n, articles, synonyms)]
    if len(missing_names) > len(names) // 4:
        missing += missing_names
    return missing


def opening(text: str) -> str:
    """A text's first sentence (its headline, when it has one), at most OPENING characters."""
    spans = sentence_spans(text[:OPENING])
    return text[spans[0][0] : spans[0][1]] if spans else ""


MISSING = "none of the relevant passages mentions "
# What a question asks an article to have said: "Does the X article suggest …?", "Did X report …?"
SAYING = REPORTING | frozenset(
    """suggest attribute imply portray discuss highlight characterize present cover express emphasize focus
    indicate describe mention report say claim state credit blame argue""".split()
)


def asks_what_an_article_says(question: str) -> bool:
    """The question's main verb says: the root, or a word right under it (the parser often takes "Did the
    X article credit …" for a noun "credit" under "Did")."""
    root = next((t for t in nlp.parse_one(question) if t.dep_ == "ROOT"), None)
    return root is not None and any(t.lemma_.lower() in SAYING for t in [root, *root.children])


def unmentioned_in_named_articles(
    question: str, missing: Sequence[str], evidence: Sequence[Passage], article_text: Callable[[str], str]
) -> tuple[list[str], list[Passage]] | None:
    """For a yes/no question about what named articles say ("Does the Harbour Times article credit the
    win to Ada Morrow?") that names things the evidence does not (`missing`): (those terms, as the
    question writes them; a passage of each article the question names) when the articles it names,
    read whole, mention none of them. That settles the question: the articles do not say it."""
    if not missing or not asks_what_an_article_says(question):
        return None
    terms = set(missing)
    question_words = set(tokenize(question))
    named = {}
    for passage in evidence:
        title_words = set(tokenize(passage.title.split(":")[0])) - STOPWORDS
        if title_words and title_words <= question_words:
            named.setdefault(passage.doc_id, passage)
    if not named:
        return None
    read = " ".join(f"{p.title} {article_text(doc_id)}" for doc_id, p in named.items())
    stems = {stem(w) for w in tokenize(read)}
    phrases = phrases_of(question, terms)
    if not phrases or any(stem(term) in stems for term in terms):
        return None
    return phrases, list(named.values())


def phrases_of(question: str, terms: set[str]) -> list[str]:
    """The terms as the question writes them, neighbours joined: {"ada", "morrow"} → ["Ada Morrow"]."""
    phrases: list[list[str]] = [[]]
    for word in re.findall(r"\w+(?:[’']\w+)*", question):
        word = word.removesuffix("'s").removesuffix("’s")
        if word.lower() in terms:
            phrases[-1].append(word)
        elif phrases[-1]:
            phrases.append([])
    return list(dict.fromkeys(" ".join(p) for p in phrases if p))


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
        return named_answer(question, evidence, asked) if asked in ("person", "place") else None
    if asked == "person":
        found.sort(key=lambda p: not names_a_person(p.quote, question))
    if asked == "quantity" and frame is not None and claims:
        backing = documents_by_figure(frame, claims, vocabulary)
        found.sort(key=lambda p: -max((len(backing.get(c.value, [])) for c in frames_of(p.quote)), default=0))
    return f"{' '.join(found[0].quote.split())} [{found[0].n}]"


def named_answer(question: str, evidence: Sequence[Passage], asked: str) -> str | None:
    """For a question joining several facts ("the individual who …, and who …", no one sentence holds
    KEY_TERMS of its words): the name of the asked kind, not in the question, whose passages in two or
    more documents together hold KEY_TERMS of the key words the evidence holds at all (titles included);
    its best passage, verbatim and cited. Only for questions describing the answer as nobody in
    particular ("Who …", "Who is the individual …"): "the general commanding the engineers" needs the
    name to be that general, which co-occurring words do not show. None when no name does."""
    if described_noun(question) not in {*GENERIC_NOUNS, "one", None}:
        return None  # "the general commanding …": a name found together with the words is not one
    terms = [(stem, lemma) for stem, lemma, _ in content_words(question) if stem not in TYPE_WORDS]
    shown = held_words(labelled(evidence))
    terms = [t for t in terms if holds_word(*t, shown)]
    if not terms:
        return None
    named = question.lower()
    names = {
        e.text
        for p in evidence
        for e in nlp.parse_one(p.quote).ents
        if e.label_ in LABELS[asked] and e.text.lower() not in named
    }
    scored = []
    for name in names:
        holding = [p for p in evidence if holds_name(name, p.quote)]
        if len({p.doc_id for p in holding}) < 2:
            continue  # one passage: the first rule has judged it
        share = shared_share(terms, labelled(holding))
        scored.append((share, len(holding), name, holding))
    if not scored or max(scored)[0] < KEY_TERMS:
        return None
    _, _, _, holding = max(scored)
    best = max(holding, key=lambda p: shared_share(terms, labelled([p])))
    return f"{' '.join(best.quote.split())} [{best.n}]"


def counts_what_is_asked(passage: Passage, frame: Claim, vocabulary: Vocabulary) -> bool:
    frames = frames_of(passage.quote)
    return not (frame.noun or frame.event) or any(compatible(frame, c, vocabulary) for c in frames)


def shared_share(terms: Sequence[tuple[str, str]], text: str) -> float:
    """The share of (stem, lemma) terms the text holds, by either."""
    held = held_words(text)
    return sum(holds_word(stem_, lemma, held) for stem_, lemma in terms) / len(terms)
