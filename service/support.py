"""Support: is each sentence of a generated answer or summary backed by the spans it cites?

A sentence is checked against the text of the spans it cites (a sentence that cites nothing borrows the
citations of the sentence after it, else of the one before: "Yes. The ministry confirmed it [1]."):
  * figures: every number occurs in the cited text, counting the same thing there. The sentence's frame
    for the figure (service/claims.py: counted noun, event, place; for a figure the sentence gives no
    frame, the question's) must be compatible with a frame the cited text gives the same number: nouns
    alike (vocabulary.py), the sentence's event stated there too, places not different. "11,000 troops"
    does not support "11,000 killed"; "1,000 were killed" supports "1,000 soldiers were killed". A
    figure the sentence restates from the question with its next word is the reader's premise
    (questions.premises), as the question's words are below; not in a yes/no question.
  * quotes: every quoted phrase occurs verbatim in the cited text, its titles or the question (case, quote
    marks, spacing aside). A citation carries its article's title: "as reported by The Age" is backed by
    a span of an article titled "The Age: …".
  * names: every name (spaCy's PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW, WORK_OF_ART, PRODUCT, and
    capitalised words inside the sentence) occurs in the cited text, its titles or the question.
  * restrictions: what the sentence restates of the question must be in the cited text or its titles when
    another shown passage states it, else the sentence pins the question on the wrong span: a restriction
    (questions.restrictions: its names; in typed questions the nouns modifying nouns — "the Veldarian
    general … is Birch [1]", where [1] names no Veldarian), or two or more and over a third of its other
    words (unstated_restrictions).
  * words: at least SUPPORT_SCORE of its content words (by stem or lemma, numbers aside) occur in the
    cited text; words the sentence takes from the question count as held: they are the reader's premises,
    and questions paraphrase their sources ("legal scrutiny" for a trial), so they are checked only as
    restrictions. Read from dev data (`python bench/support_threshold.py`): the packaged model's recorded
    first answers (13 sentences), each scored against what it cites and against every shown passage it
    does not cite. With premises held, the score alone keeps 100% of cited pairs and 54% of wrong ones at
    0.6 (the seed answers mostly restate the question); the whole check keeps 85% and 15% — the figure,
    frame, name and restriction rules do the discriminating. A small set: read it again when more
    answers are recorded.
A sentence citing too few passages, or the wrong one, is repaired by adding the passages that make it
supported (service/repair.py).
Problems are written for the retry prompt: "sentence 2 cites [1], which does not say 'soldier-for-hire'".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from . import nlp
from .citations import CITATION, cited_numbers, numbers_in, numbers_written
from .claims import extract_claims
from .figures import MEASUREMENT_UNITS
from .keys import unharmed_against_harm
from .models import Claim, Passage
from .presence import is_presence
from .questions import TYPE_WORDS, name_runs, premises, restrictions
from .text import sentence_spans, stem, tokenize
from .vocabulary import EVENT_SIMILARITY, NOMINAL_SIMILARITY, NOUN_SIMILARITY, Vocabulary

SUPPORT_SCORE = 0.6
NAME_LABELS = frozenset("PERSON ORG GPE LOC NORP FAC EVENT LAW WORK_OF_ART PRODUCT".split())
QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"|‘([^’]+)’|(?<!\w)'([^']+)'(?!\w)")
NOT_EVENTS = frozenset({"be", "have"})
VERDICTS = frozenset({"yes", "no"})
LEADING_MARKS = re.compile(r"^\s*((?:\[\d+\]\s*)+)(?=\S)")
LISTING = re.compile(r"^(?:The sources differ on|Over time) [^:]*: (.+?)\.?$")  # answer.py's disagreements
ISO_DATE = re.compile(r"\bon \d{4}-\d{2}-\d{2}\b")
REPAIRABLE = frozenset({"name", "figure", "frame", "quote", "words", "restriction"})


@dataclass
class SentenceSupport:
    """One sentence of a generated text, what it cites, and why those spans do not support it."""

    position: int  # 1-based
    text: str  # with its citations
    cites: list[int]
    problems: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)  # figure, frame, quote, name, restriction, words, cites
    score: float = 1.0

    @property
    def ok(self) -> bool:
        return not self.problems


def split_cited(text: str) -> list[tuple[str, list[int]]]:
    """The sentences of a generated text, each with the [n] it cites (see the module doc)."""
    pieces: list[list] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        leading = LEADING_MARKS.match(sentence)
        if pieces and leading:  # "… nations. [1] The sources …": the marks close the sentence before
            pieces[-1][0] += f" {leading.group(1).strip()}"
            sentence = sentence[leading.end() :]
        if pieces and not CITATION.sub("", sentence).strip(" .,;"):  # "… said. [2]": marks of the last
            pieces[-1][0] += f" {sentence}"
        elif sentence.strip():
            pieces.append([sentence, []])
    for piece in pieces:
        piece[1] = cited_numbers(piece[0])
    for i, piece in enumerate(pieces):
        if not piece[1]:
            borrowed = next((p[1] for p in pieces[i + 1 :] if p[1]), None)
            borrowed = borrowed or next((p[1] for p in reversed(pieces[:i]) if p[1]), [])
            piece[1] = list(borrowed)
    return [(sentence, cites) for sentence, cites in pieces]


def check_text(
    text: str,
    passages: Sequence[Passage],
    question: str = "",
    vocabulary: Vocabulary | None = None,
    frame: Claim | None = None,
) -> list[SentenceSupport]:
    """Every sentence of the text checked against the passages it cites (numbered by Passage.n)."""
    by_n = {p.n: p for p in passages}
    checked = []
    for position, (sentence, cites) in enumerate(split_cited(text), start=1):
        cited = [by_n[n] for n in cites if n in by_n]
        support = SentenceSupport(position, sentence, cites)
        if not cited:
            support.problems, support.kinds, support.score = (
                [f"sentence {position} cites no passage"],
                {"cites"},
                0,
            )
            checked.append(support)
            continue
        if listing := LISTING.match(sentence.strip()):
            problems = check_listing(listing.group(1), by_n, vocabulary or Vocabulary())
        else:
            problems, support.score = check_sentence(
                CITATION.sub(" ", sentence), cited, question, vocabulary or Vocabulary(), frame, passages
            )
        label = f"sentence {position} cites {''.join(f'[{n}]' for n in cites)}"
        support.problems = [f"{label}, {problem}" for _, problem in problems]
        support.kinds = {kind for kind, _ in problems}
        checked.append(support)
    return checked


def check_sentence(
    sentence: str,
    cited: Sequence[Passage],
    question: str,
    vocabulary: Vocabulary,
    frame: Claim | None,
    evidence: Sequence[Passage] = (),
) -> tuple[list[tuple[str, str]], float]:
    """([(kind, problem)], support score) of one sentence, citation marks removed, against its cited
    passages (`evidence`: every passage shown, for the restrictions other passages state)."""
    cited_text = " ".join(p.quote for p in cited)
    with_titles = labelled(cited)  # a citation carries its article's title
    dated = f"{cited_text} {published_dates(cited)}"  # a citation carries its article's date
    held = premises(sentence, question)
    problems = [
        ("figure", f"which does not give {n}") for n in missing_numbers(sentence, dated) if n not in held
    ]
    problems += [
        ("frame", f"where {value} counts {what}, not {said}")
        for value, what, said in miscounted(sentence, cited, vocabulary, frame)
        if not numbers_in(value) & set(held.values())
    ]
    problems += [
        ("quote", f"which does not say “{q}”") for q in missing_quotes(sentence, f"{with_titles} {question}")
    ]
    problems += [
        ("name", f"which does not name {name}")
        for name in missing_names(sentence, f"{with_titles} {question}")
    ]
    unstated = unstated_restrictions(sentence, with_titles, question, labelled(evidence)) if question else []
    if unstated:
        problems.append(("restriction", f"which does not say {', '.join(unstated)} as the question does"))
    score = support_score(sentence, cited_text, question)
    if score < SUPPORT_SCORE:
        problems.append(("words", f"which does not say most of it (only {score:.0%} of its words)"))
    return problems, score


def check_listing(items: str, by_n: dict[int, Passage], vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """The problems of a sentence listing what each source says ("The sources differ on the number of
    troops: around 10,000 (the agency) [2]; 11,000 [4]."): each item against its own citations, the
    dates of a timeline aside (they may come from the article's date)."""
    problems = []
    for item in items.split("; "):
        cited = [by_n[n] for n in cited_numbers(item) if n in by_n]
        said = ISO_DATE.sub(" ", CITATION.sub(" ", item))
        found = (
            check_sentence(said, cited, "", vocabulary, None)[0]
            if cited
            else [("cites", "which cites nothing")]
        )
        problems += [(kind, f"for “{said.strip()}”, {message}") for kind, message in found]
    return problems


def labelled(passages: Sequence[Passage]) -> str:
    """The passages' titles and texts: what a citation points at."""
    return " ".join([*(p.title for p in passages), *(p.quote for p in passages)])


def published_dates(passages: Sequence[Passage]) -> str:
    """The cited articles' published dates, as news writes them ("30 November 2023") and in ISO form."""
    dates = {p.published for p in passages if p.published and len(p.published) == 10}
    return " ".join(f"{d} {date.fromisoformat(d):%-d %B %Y}" for d in sorted(dates))


# --- figures -------------------------------------------------------------------------------------


def missing_numbers(sentence: str, cited_text: str) -> list[str]:
    """The sentence's numbers, as written, that the cited text does not give."""
    have = numbers_in(cited_text)
    written = numbers_written(sentence)
    return [written[n] for n in sorted(set(written) - have)]


def miscounted(
    sentence: str, cited: Sequence[Passage], vocabulary: Vocabulary, frame: Claim | None
) -> list[tuple[str, str, str]]:
    """(figure, what the cited text counts with it, what the sentence counts) for each figure the cited
    text frames only as something else ("12 workers" is not backed by "12% of the workers")."""
    said = {n: claim for claim in frames_of(sentence) for n in numbers_in(claim.value)}
    sources = [claim for passage in cited for claim in frames_of(passage.quote)]
    wrong = []
    for number in sorted(numbers_in(sentence)):
        claim = said.get(number) or frame
        there = [c for c in sources if number in numbers_in(c.value)]
        if claim is None or not there or not (claim.noun or _event(claim)):
            continue
        if claim is frame and any(c.unit for c in there):
            continue  # a "how many" question's frame says nothing of a share the answer cites
        if not any(_backs(c, claim, vocabulary) for c in there):
            wrong.append((there[0].value, _what(there[0]), _what(claim)))
    return wrong


def _backs(cited: Claim, said: Claim, vocabulary: Vocabulary) -> bool:
    """The cited figure counts what the sentence's does, in its unit. A measurement in the same unit backs
    any wording of what it measures ("travelling at 94 km/h" is "a speed of 94 km/h"); "94 mph" does not."""
    if cited.unit != said.unit:
        return False
    return cited.unit in MEASUREMENT_UNITS or compatible(said, cited, vocabulary)


@lru_cache(maxsize=4096)
def frames_of(text: str) -> tuple[Claim, ...]:
    passage = Passage(n=0, doc_id="", title="", start=0, end=len(text), quote=text)
    return tuple(extract_claims([passage]))


def compatible(said: Claim, source: Claim, vocabulary: Vocabulary, places: bool = True) -> bool:
    """Whether the source's frame can back what the sentence says the figure counts (with places=False,
    whatever places each names: one may lie inside the other)."""
    said_head, source_head = _head(said.noun), _head(source.noun)
    both_specific = said_head and source_head and not said.generic and not source.generic
    if both_specific and vocabulary.similarity(said_head, source_head) < NOUN_SIMILARITY:
        return False
    if event := _event(said):
        stated = _event(source) and _same_event(event, _event(source), EVENT_SIMILARITY, vocabulary)
        nominal = source_head and _same_event(event, source_head, NOMINAL_SIMILARITY, vocabulary)
        if not stated and not nominal:
            return False
    if places and said.places and source.places:
        said_words = set(tokenize(" ".join(said.places)))
        return bool(said_words & set(tokenize(" ".join(source.places))))
    return True


def _same_event(said: str, source: str, bar: float, vocabulary: Vocabulary) -> bool:
    """Close enough by the embedder, and not "rescued alive" against "dead" (opposites sit close)."""
    return vocabulary.event_similarity(said, source) >= bar and not unharmed_against_harm(said, source)


def _head(noun: str | None) -> str | None:
    return noun.split()[-1] if noun else None


def _event(claim: Claim) -> str | None:
    """What happened, for support; where a group is ("aboard") tells disputes apart, but "64 people were
    on board" is backed by "the ferry carried 64 people": it asks nothing of the source."""
    if not claim.event or claim.event in NOT_EVENTS or is_presence(claim.event):
        return None
    return claim.event


def _what(claim: Claim) -> str:
    """ "troops in Veldaria", "people killed"; for a question's frame "soldier (kill)"."""
    event = _event(claim)
    what = claim.counted or (f"{claim.noun} ({event})" if claim.noun and event else claim.noun or event)
    where = f" in {claim.places[0]}" if claim.places else ""
    return f"{what or 'something else'}{where}"


# --- quotes, names, words -----------------------------------------------------------------------


def _plain(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[-‐–—]", " ", text).split())


def missing_quotes(sentence: str, cited_text: str) -> list[str]:
    """Quoted phrases of the sentence that the cited text does not hold verbatim."""
    plain = _plain(cited_text)
    quoted = [next(g for g in m.groups() if g) for m in QUOTED.finditer(sentence)]
    return [q.strip() for q in quoted if _plain(q).strip(" .,") not in plain]


def names_in(sentence: str) -> list[str]:
    """Named entities, and capitalised words that do not open the sentence."""
    doc = nlp.parse_one(sentence)
    names = [re.sub(r"^(?:the|The)\s+", "", e.text) for e in doc.ents if e.label_ in NAME_LABELS]
    inside = {t.i for e in doc.ents for t in e}
    for token in doc:
        opens = token.i == 0 or (doc[token.i - 1].is_punct and doc[token.i - 1].text in ':"“‘(')
        if (
            token.text[:1].isupper()
            and token.is_alpha
            and not opens
            and token.i not in inside
            and token.text != "I"
        ):
            names.append(token.text)
    return list(dict.fromkeys(names))


def missing_names(sentence: str, supporting_text: str) -> list[str]:
    """Names of the sentence with a word that the supporting text does not hold."""
    return [name for name in names_in(sentence) if not holds_name(name, supporting_text)]


def holds_name(name: str, text: str) -> bool:
    """All the name's words are in the text, or the surname of a person's name ("Bankman-Fried" for "Sam
    Bankman-Fried"; every word capitalised)."""
    have, words = set(tokenize(text)), _words(name)
    person = len(name.split()) > 1 and all(w[:1].isupper() for w in name.split())
    return all(covered(t, have) for t in words) or (person and covered(words[-1], have))


def _words(name: str) -> list[str]:
    return [t for t in tokenize(name) if len(t) > 1 and not t.isdigit()]  # "U.S." has no word to find


def covered(term: str, terms: set[str]) -> bool:
    """The stemmed term is among the terms, or one is a prefix of the other ("korean"/"korea")."""
    return term in terms or any(
        len(t) >= 4 and len(term) >= 4 and (t.startswith(term) or term.startswith(t)) for t in terms
    )


def held_words(text: str) -> tuple[set[str], set[str]]:
    """(stems, lemmas) of the text's words: what `holds_word` looks a word up in."""
    return set(tokenize(text)), {w[1] for w in content_words(text)}


def holds_word(stem_: str, lemma: str, held: tuple[set[str], set[str]]) -> bool:
    """The text (as held_words) holds the word by stem ("korean"/"korea") or by lemma ("sent"/"send")."""
    return covered(stem_, held[0]) or lemma in held[1]


def stems_and_lemmas(text: str) -> set[str]:
    return {form for word in content_words(text) for form in word[:2]}


def support_score(sentence: str, supporting_text: str, question: str = "") -> float:
    """The share of the sentence's content words (numbers aside) that the supporting text holds, by stem
    or by lemma ("sent" is "send", "went" is "go"). Words it takes from the question are the reader's
    premises, not claims of the answer (questions paraphrase their sources: "legal scrutiny" for a trial),
    and "yes"/"no" is a verdict: both count as held; the question's restrictions are checked on their own
    (unstated_restrictions)."""
    premises = stems_and_lemmas(question) | VERDICTS
    words = content_words(sentence)
    if not words:
        return 1.0
    held = held_words(supporting_text)
    found = [holds_word(stem_, lemma, held) or {stem_, lemma} & premises for stem_, lemma, _ in words]
    return sum(map(bool, found)) / len(words)


def unstated_restrictions(
    sentence: str, cited_text: str, question: str, evidence_text: str = ""
) -> list[str]:
    """What the sentence restates of the question but the cited text (with its titles) does not hold, when
    that pins the question's restriction on a span that does not state it:
      * any of the question's restrictions (questions.restrictions: its names, and in typed questions the
        nouns modifying nouns) that a shown passage states: "the Veldarian general … is Birch [1]", where
        [1] names no Veldarian and [2] does. A first name is there when the surname is ("Andy Murray" in
        a span saying "Murray"). One that no passage states is the reader's premise (the gate before the
        model has let it through: a question naming many things may miss one);
      * its other words that another shown passage holds, two or more and over a third of those: "the
        general commanding the engineers is Oak [1]", where [1] praises Oak and [2] is about the
        engineers' commander. Words no passage holds are the question's paraphrase, not counted."""
    said, have = set(tokenize(sentence)), set(tokenize(cited_text))
    stated = set(tokenize(evidence_text)) if evidence_text else None
    restated = [w for w in restrictions(question) if covered(stem(w), said)]
    restated = [w for w in restated if stated is None or covered(stem(w), stated | have)]
    surnamed = {w for run in name_runs(question) if covered(stem(run[-1]), have) for w in run}  # "Murray"
    missing = [w for w in restated if not covered(stem(w), have) and w not in surnamed]
    elsewhere = _pinned_elsewhere(sentence, cited_text, question, evidence_text)
    return missing + [w for w in elsewhere if w not in missing]


def _pinned_elsewhere(sentence: str, cited_text: str, question: str, evidence_text: str) -> list[str]:
    asked = stems_and_lemmas(question)
    shown, cited = held_words(evidence_text), held_words(cited_text)
    taken = [w for w in content_words(sentence) if not w[2] and (w[0] in asked or w[1] in asked)]
    taken = [w for w in taken if w[0] not in TYPE_WORDS and holds_word(w[0], w[1], shown)]
    missing = [w[1] for w in taken if not holds_word(w[0], w[1], cited)]
    return missing if len(missing) >= 2 and len(missing) * 3 > len(taken) else []


@lru_cache(maxsize=4096)
def content_words(text: str) -> tuple[tuple[str, str, bool], ...]:
    """(stem, lemma, is a name) of each content word of the text, once per stem, numbers aside."""
    found: dict[str, tuple[str, str, bool]] = {}
    for token in nlp.parse_one(text):
        stems = tokenize(token.text)
        if stems and not stems[0][0].isdigit():
            named = token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS
            found.setdefault(stems[0], (stems[0], token.lemma_.lower(), named))
    return tuple(found.values())


META = re.compile(
    r"\bpassages?\s*\[?\d|\b(?:in|from|by|according to) (?:the )?(?:given |provided |above )?passages?\b"
    r"|^\W*(?:this|that|the) (?:information|answer|fact)s? (?:is|are|was|were|can be) "
    r"(?:provided|given|found|stated|mentioned)",
    re.IGNORECASE,
)


def without_meta(answer: str) -> str:
    """The answer without sentences about the passages rather than the news ("This information is
    provided in passage [2]."); unchanged when nothing else would be left."""
    kept = [s for s, _ in split_cited(answer) if not META.search(CITATION.sub(" ", s))]
    return " ".join(kept) if kept else answer
