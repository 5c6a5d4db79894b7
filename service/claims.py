"""Claim frames: for every figure in a news sentence, what it counts, where, when and by whose account,
read off spaCy's dependency parse and named entities (service/nlp.py). No word lists about any story.

`extract_claims` takes sentences (Passages) and returns one Claim per figure that counts something; the
quote and span of a Claim are its whole sentence, so `quote == text[start:end]`. Only sentences holding a
figure (service/figures.py) are parsed. Indexing runs it once per article and stores the claims with the
document (FRAMES_VERSION stamps them: a newer extractor re-extracts on the next `newsdesk index`).

The frame of a figure
    noun    what is counted: the noun the figure modifies ("10,000 troops"), the whole of a partitive
            ("1,000 of 11,000 troops" → troop), what "the number of X" or "X toll" names, the subject of a
            figure stated by a value verb ("the losses are more than 4,000", "could reach 10,000"); none for
            a bare figure ("400 remain missing"). Lemmatized, with its compounds ("construction worker").
    event   what happened to it: a participle or relative clause on the noun ("people killed", "people
            who died"), the verb it is the subject or object of ("killed 1,300 people"), an adjective after
            a copula ("are missing"), the first word of "death toll". Verbs that report (say, estimate),
            that only state a value (be, reach, rise) or that move or place a group (send, deploy, arrive)
            are not events: "troops sent to X" and "troops in X" count the same thing.
    places  GPE/LOC/FAC entities (or a proper noun after a place preposition) in the figure's clause,
            reached through a place preposition (in, to, across…) or a possessive; the agent of the clause
            ("North Korea deployed…") is not a place. "Russia's Kursk region" also records (Russia, Kursk)
            in `containers`, so a later step can tell a region from its country. "nationwide" or "the
            national toll" give the place "the whole country".
    date    a DATE entity of the clause that names a point in time ("on Tuesday", "March 4", "in 2011"),
            resolved against the article's published date; else the published date; else unknown.
    source  the subject of the reporting verb above the figure ("the ministry said…", "…, said X"), the
            agent of a reporting participle ("confirmed by X"), or "according to X": its PERSON or ORG
            entity when it names one, else its noun phrase.
Not claims: years, durations and other measures, sums of money, increments ("another 5,000 expected to
follow" adds to a figure, it is not a size), and a figure with neither noun nor event.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from . import nlp
from .figures import (
    Figure,
    currency_of,
    figures_in,
    interval,
    is_increment,
    is_measure,
    qualifier_of,
)
from .models import Article, Claim, Passage
from .text import sentence_passages

PARTITIVE_GAP = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:an?|the)\s+)?(?:(?:estimated|about|around|nearly)\s+)?", re.I
)

FRAMES_VERSION = 1

# Closed classes of English grammar, not vocabulary of a story.
REPORTING = frozenset(
    """say tell report state announce confirm estimate claim indicate suggest reveal add note warn believe
    insist describe mention disclose cite quote acknowledge admit deny stress""".split()
)
VALUE_VERBS = frozenset(
    """be remain stand reach rise climb increase grow jump soar hit top exceed surpass total number expect
    become seem appear include reportedly""".split()
)
PLACING = frozenset(
    """send deploy dispatch station move arrive head go come travel transfer bring relocate base return
    enter accept receive""".split()
)
HELPING = frozenset("help assist aid support".split())
GENERIC_NOUNS = frozenset("people person individual".split())
CONTAINERS = frozenset("number total toll count figure tally sum".split())
LOCATIVE = frozenset(
    "in to into at near across throughout inside within outside around of between along".split()
)
ASIDE_PREPS = frozenset("according during since after before until while despite like unlike".split())
NATIONWIDE = frozenset("nationwide countrywide national nationally".split())
WHOLE_COUNTRY = "the whole country"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})
SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "parataxis", "csubj", "relcl"})
PRONOUNS = frozenset("he she it they we i you this that these those".split())


def article_claims(article: Article) -> list[Claim]:
    """Every claim of an article, its sentences dated by its published date."""
    return extract_claims(sentence_passages(article.id, article.title, article.text), article.published)


def extract_claims(passages: Sequence[Passage], published: str | None = None) -> list[Claim]:
    """Every claim in the passages (sentences), in order, each quoting its whole passage."""
    with_figures = [(p, figures_in(p.quote)) for p in passages]
    with_figures = [(p, figs) for p, figs in with_figures if figs]
    docs = nlp.parse(p.quote for p, _ in with_figures)
    return [
        claim
        for (passage, figures), doc in zip(with_figures, docs, strict=True)
        for claim in _claims_in(passage, figures, doc, published)
    ]


def _claims_in(passage: Passage, figures: list[Figure], doc, published: str | None) -> list[Claim]:
    sentence = passage.quote
    claims = []
    wholes = _partitive_wholes(sentence, figures, doc)
    counted: set[tuple[str | None, str | None]] = set()
    for figure in figures:
        if is_measure(sentence, figure) or currency_of(sentence, figure):
            continue
        token = _figure_token(doc, figure)
        if token is None or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        if figure.year_like and token.dep_ != "nummod":
            continue
        if _is_change(token) or _is_projection(token):
            continue
        noun, event_token = _counted(token)
        if token.i in wholes:  # "1,000 of 11,000 troops (have been killed)": the whole's own event is none
            event_token = None
        if noun is None and event_token is None:
            continue
        what = (_noun_key(noun), _event_key(event_token, noun))
        if is_increment(sentence, figure) and (what in counted or not _names_a_state(event_token)):
            continue  # "another 5,000 expected to follow": an addition, not a size ("another 400 missing" is)
        counted.add(what)
        activity = None
        if event_token is None:
            activity = _purpose(_placing_verb(noun if noun is not None else token))
        anchor = _anchor(token, noun)
        qualifier = qualifier_of(sentence, figure)
        low, high = interval(figure.low, figure.high, qualifier)
        places, containers = _places(anchor, noun, token, doc)
        date, stated = _date(anchor, noun, published)
        source = _source(anchor, doc)
        claims.append(
            Claim(
                doc_id=passage.doc_id,
                title=passage.title,
                value=figure.value,
                low=low,
                high=high,
                qualifier=qualifier,
                quote=passage.quote,
                start=passage.start,
                end=passage.end,
                counted=_readable(noun, event_token or activity),
                noun=_noun_key(noun),
                generic=noun is None or noun.ent_type_ == "NORP" or _lemma(noun) in GENERIC_NOUNS,
                event=_event_key(event_token, noun),
                activity=_event_key(activity),
                places=places,
                place=" and ".join(places) or None,
                containers=containers,
                date=date,
                date_stated=stated,
                published=published,
                source=source,
                attribution=source,
            )
        )
    return claims


# --- the figure and what it counts --------------------------------------------------------------


def _partitive_wholes(sentence: str, figures: list[Figure], doc) -> set[int]:
    """Token indexes of B in "A of (an estimated) B": the whole, whose clause tells what happened to A."""
    wholes = set()
    for first, second in itertools.pairwise(figures):
        if PARTITIVE_GAP.fullmatch(sentence, first.end, second.start):
            token = _figure_token(doc, second)
            if token is not None:
                wholes.add(token.i)
    return wholes


def _figure_token(doc, figure: Figure):
    """The token that carries the figure in the parse: the one inside its span whose head is outside it."""
    inside = [t for t in doc if t.idx < figure.end and t.idx + len(t) > figure.start and t.like_num]
    inside = inside or [t for t in doc if t.idx < figure.end and t.idx + len(t) > figure.start]
    for token in inside:
        if not (figure.start <= token.head.idx < figure.end) or token.head.i == token.i:
            return token
    return inside[-1] if inside else None


def _counted(token):
    """(counted noun token or None, event token or None) for a figure token."""
    if (whole := _partitive_whole(token)) is not None:
        return whole, _event(token)
    if token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN"):
        adjective = next((c for c in token.children if c.pos_ == "ADJ" and c.dep_ in ("amod", "acomp")), None)
        return (None, adjective) if adjective is not None else (token.head, None)  # "losses (4,000 dead)"
    noun = _counted_noun(token)
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        noun, event = _open_container(noun)
        if noun is None and event is None:
            return None, None
        return noun, event or _event(noun if noun is not None else token)
    if noun is not None and (noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in ("%", "percent")):
        return None, None
    event = _event(noun if noun is not None else token)
    if noun is not None and event is None and _lemma(noun) in GENERIC_NOUNS and _described(noun) is not None:
        return _described(noun), None  # "a city of 240,000 people", "room for 5,000 people"
    return noun, event


def _described(noun):
    """The noun a "N people" phrase measures: "a city of 240,000 people" → city."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


def _counted_noun(token):
    head = token.head
    if token.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        if head.like_num:  # "12 million": climb to what the million counts
            return _counted_noun(head)
        return head
    verb = _value_verb_above(token)
    if verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i != token.i and subject.pos_ in ("NOUN", "PROPN"):
            return subject
    return _adjacent_noun(token)


def _adjacent_noun(token):
    """The noun phrase that follows a figure the parse left bare: "out of 12,000 North Koreans sent"."""
    doc = token.doc
    j = token.i + 1
    while j < len(doc) and doc[j].dep_ in ("compound", "amod", "nmod") and doc[j].head.i > j:
        j = doc[j].head.i
    if (j < len(doc) and j == token.i + 1) or (j < len(doc) and doc[token.i + 1].head.i == j):
        return (
            doc[j] if doc[j].pos_ in ("NOUN", "PROPN") and doc[j].ent_type_ not in ("DATE", "TIME") else None
        )
    return None


def _is_change(token) -> bool:
    """ "rose by 20", "fell by about 1.5 metres": a change, not an amount that holds."""
    current = token if token.dep_ == "pobj" else token.head
    return current.dep_ == "pobj" and current.head.lower_ == "by" and current.head.head.pos_ == "VERB"


def _is_projection(token) -> bool:
    """ "could reach 5,000", "may rise to 300": a forecast, not a figure that holds."""
    verb = next((t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in ("could", "may", "might") for c in verb.children
    )


def _partitive_whole(token):
    """ "1,000 of (an estimated) 11,000 troops" → troops."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                return pobj
    return None


def _value_verb_above(token):
    """The value verb a bare figure is stated by: "rose to 2,400", "could reach as high as 10,000",
    "their losses are more than 4,000"."""
    current = token
    for _ in range(5):
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current if current.lemma_.lower() in VALUE_VERBS else None
    return None


def _open_container(container):
    """ "the number of people who died" → (people, died); "the death toll" → (None, death)."""
    noun = None
    for child in container.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
    event = next(
        (
            c
            for c in container.children
            if (c.dep_ == "compound" and c.pos_ == "NOUN") or (c.dep_ == "amod" and c.tag_ == "VBN")
        ),
        None,
    )
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        return _open_container(noun)
    return noun, event


def _event(node):
    """What happened to the counted thing (see the module doc), or None."""
    for child in node.children:
        if child.dep_ == "relcl" and _relative(child) and (event := _through_copula(child)) is not None:
            return event
        if child.dep_ in ("acl", "amod") and child.tag_ == "VBN" and _is_event_verb(child):
            return child
        if child.dep_ in ("amod", "acl") and child.i > node.i and child.pos_ == "ADJ":
            return child  # "the 9 workers still missing": an adjective after the noun is its state
        if child.dep_ == "acl" and child.pos_ == "VERB" and _lemma(child) in VALUE_VERBS | REPORTING:
            return _through_copula(next((c for c in child.children if c.dep_ == "xcomp"), child))
    verb = node.head if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos") else None
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        verb = node.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if node.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children):
        return verb  # "there were 3,559 people in Broken Bow": those present, a population
    if _lemma(verb) in REPORTING:  # "are believed to be trapped", "were reported to have died"
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if complement is not None and _is_event_verb(complement):
            return _through_copula(complement)
    if _is_event_verb(verb) or _lemma(verb) in VALUE_VERBS:
        return _through_copula(verb)
    return _through_copula(verb) if any(c.dep_ in ("oprd", "acomp") for c in verb.children) else None


def _names_a_state(event) -> bool:
    """An increment says what its group is ("another 400 remain missing", "another 1,000 engineers are
    engaged"): an adjective or a verb other than one that only moves or adds."""
    return event is not None and _lemma(event) not in ("follow", "join", "come", "arrive", "add")


def _relative(verb) -> bool:
    """A relative clause about the noun ("people who died"), not a clause the parser hung on it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or subjects[0].lower_ in ("who", "that", "which")


def _through_copula(verb):
    """ "are missing" → missing; "are expected to arrive" → None; "died" → died; "left homeless" and
    "confirmed dead" → the adjective: the state the group ends in."""
    state = next((c for c in verb.children if c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ"), None)
    if state is not None and _lemma(verb) not in VALUE_VERBS:
        return state
    if _lemma(verb) not in VALUE_VERBS:
        return verb if _is_event_verb(verb) else None
    for child in verb.children:
        if child.dep_ in ("acomp", "xcomp", "oprd") and child.pos_ in ("ADJ", "VERB"):
            return _through_copula(child) if child.pos_ == "VERB" else child
    return None


def _placing_verb(node):
    """The verb that sends or places the counted group: "deployed 10,000 troops", "12,000 sent"."""
    if node.dep_ in ("nsubj", "nsubjpass", "dobj") and _lemma(node.head) in PLACING:
        return node.head
    return next((c for c in node.children if c.dep_ == "acl" and _lemma(c) in PLACING), None)


def _purpose(verb):
    """What a group is sent to do: "sent to assist", "dispatching 6,000 engineers to rebuild"."""
    if verb is None:
        return None
    for child in verb.children:
        if (
            child.dep_ in ("xcomp", "advcl")
            and child.pos_ == "VERB"
            and any(c.lower_ == "to" for c in child.children)
        ):
            helped = next((c for c in child.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            return helped if helped is not None and _lemma(child) in HELPING else child
    return None


def _is_event_verb(token) -> bool:
    return _lemma(token) not in REPORTING | PLACING | VALUE_VERBS


def _lemma(token) -> str:
    return token.lemma_.lower()


# --- clause, places, date, source ---------------------------------------------------------------


def _anchor(token, noun):
    """The verb whose clause the figure belongs to (or the noun when no verb governs it)."""
    current = noun if noun is not None else token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _clause(anchor, noun):
    """Tokens of the figure's clause: the anchor's subtree without embedded clauses, attributions, asides
    ("during his visit to X") and the agent subject, plus the whole noun phrase of the counted noun."""
    phrase = noun
    while phrase is not None and phrase.head.i != phrase.i and phrase.head.pos_ not in ("VERB", "AUX"):
        phrase = phrase.head
    roots = [anchor] + ([phrase] if phrase is not None and phrase.i != anchor.i else [])
    tokens = {}
    for root in roots:
        tokens.update({t.i: t for t in root.subtree if t.i not in tokens and _in_clause(t, root, noun)})
    return [tokens[i] for i in sorted(tokens)]


def _in_clause(token, root, noun) -> bool:
    current = token
    while current.i != root.i:
        own_relative = current.dep_ == "relcl" and noun is not None and current.head.i == noun.i
        if current.dep_ in CLAUSE_BREAKS and not own_relative:
            return False
        if _lemma(current) in REPORTING and current.pos_ == "VERB":
            return False
        if current.dep_ == "prep" and current.lower_ in ASIDE_PREPS:
            return False
        if current.dep_ == "nsubj" and current.head.i == root.i and noun is not None and current.i != noun.i:
            return False
        if current.head.i == current.i:
            return False
        current = current.head
    return True


def _places(anchor, noun, token, doc) -> tuple[list[str], list[tuple[str, str]]]:
    clause = _clause(anchor, noun)
    places: list[str] = []
    containers: list[tuple[str, str]] = []
    for place_token in clause:
        if not _is_place(place_token) or not _reached_as_place(place_token, anchor):
            continue
        name = _place_name(place_token)
        if name and name not in places:
            places.append(name)
        outer = _containing_place(place_token)
        if outer and name and outer != name:
            containers.append((outer, name))
    if any(t.lemma_.lower() in NATIONWIDE for t in clause) or _says_whole_country(clause):
        places.append(WHOLE_COUNTRY)
    inner = {inner for _, inner in containers}
    outer = {outer for outer, _ in containers if outer in places}
    ordered = [p for p in places if p in inner] + [p for p in places if p not in inner and p not in outer]
    return ordered + [p for p in places if p in outer and p not in ordered], containers


def _is_place(token) -> bool:
    if token.ent_type_ in PLACE_LABELS:
        return token.ent_iob_ == "B" or token.i == 0 or token.doc[token.i - 1].ent_type_ != token.ent_type_
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_PLACE_LABELS:
        return False
    head = token.head if token.dep_ == "compound" else token
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE and head.head.lower_ != "of"


def _reached_as_place(token, anchor) -> bool:
    """Only through a place preposition or a possessive: never as the subject or object of the clause."""
    current = token
    for _ in range(10):
        if current.i == anchor.i:
            return False
        if current.dep_ == "pobj" and current.head.lower_ in LOCATIVE:
            return True
        if current.dep_ == "poss" and _is_place_holder(current.head):
            return True
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
            return False
        current = current.head
    return False


def _is_place_holder(token) -> bool:
    """A noun a possessive place can qualify: a container or counted noun ("Marrowby's death toll") or a
    noun after a place preposition ("to Russia's Kursk region"); not an action ("North Korea's
    deployment")."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:
        return True
    return token.lemma_.lower() in CONTAINERS or any(c.like_num for c in token.children)


def _place_name(token) -> str:
    if token.ent_type_ in PLACE_LABELS:
        span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        text = span.text if span is not None else token.text
    else:
        text = " ".join(t.text for t in token.doc[token.left_edge.i : token.i + 1] if t.pos_ == "PROPN")
    return text.removeprefix("the ").removesuffix("’s").removesuffix("'s").strip()


def _containing_place(token):
    """The place a place token is said to lie in: "Russia's Kursk region", "Marrowby, in Veldaria"."""
    phrase_head = token.head if token.dep_ in ("compound",) else token
    for child in phrase_head.children:
        if child.dep_ == "poss" and _is_place(child):
            return _place_name(child)
        if child.dep_ == "appos" and _is_place(child):
            return _place_name(child)
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _is_place(pobj):
                return _place_name(pobj)
    return None


def _says_whole_country(clause) -> bool:
    words = [t.lower_ for t in clause]
    return any(words[i : i + 3] == ["across", "the", "country"] for i in range(len(words)))


def _date(anchor, noun, published: str | None) -> tuple[str | None, bool]:
    tokens = _clause(anchor, noun)
    if anchor.dep_ == "relcl":  # "the 2011 floods, which killed 1,300 people"; "…, a tremor that killed"
        holder = anchor.head.head if anchor.head.dep_ == "appos" else anchor.head
        inside = {t.i for t in anchor.subtree}
        tokens = [t for t in holder.subtree if t.i not in inside] + tokens
    for token in tokens:
        if token.ent_type_ == "DATE" and token.ent_iob_ == "B":
            span = next(e for e in token.doc.ents if e.start == token.i)
            if span.root.head.lower_ in ("since", "for", "within", "over", "during", "after", "until"):
                continue
            if resolved := nlp.resolve_date(span.text, published):
                return resolved, True
    for verb in anchor.ancestors:  # "the ministry said on Tuesday that 340 had died"
        if verb.pos_ == "VERB" and _lemma(verb) in REPORTING:
            for token in verb.subtree:
                if token.ent_type_ == "DATE" and token.ent_iob_ == "B" and _attached_to(token, verb):
                    span = next(e for e in token.doc.ents if e.start == token.i)
                    if resolved := nlp.resolve_date(span.text, published):
                        return resolved, True
    return published, False


def _attached_to(token, verb) -> bool:
    """The date hangs on the verb directly or through one preposition ("said on Tuesday")."""
    head = token.head
    for _ in range(3):
        if head.i == verb.i:
            return True
        if head.pos_ not in ("ADP", "PROPN", "NOUN"):
            return False
        head = head.head
    return False


def _source(anchor, doc) -> str | None:
    """Who says so: the subject of a reporting verb above the clause, "according to X", or an agent."""
    chain = [anchor, *anchor.ancestors]
    for verb in chain:
        if verb.pos_ in ("VERB", "AUX") and _lemma(verb) in REPORTING and (found := _subject_name(verb)):
            return found
    for token in chain:
        if found := _according_to(token):
            return found
    for verb in chain:  # "400 remain missing, the agency said"
        for child in verb.children:
            reporting = child.dep_ in ("parataxis", "ccomp") and _lemma(child) in REPORTING
            if reporting and child.i > anchor.i and (found := _subject_name(child)):
                return found
    return _according_to_anywhere(doc)


def _subject_name(verb) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("who", "that", "which"):
            return _name_in(verb.head) if verb.dep_ == "relcl" else None
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in PRONOUNS:
            if any(t.like_num for t in child.subtree):
                return None  # "190 people were killed, … said": the figure's own subject is no source
            return _name_in(child)
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _name_in(pobj)
    return None


def _according_to(token) -> str | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _name_in(pobj)
    return None


def _according_to_anywhere(doc) -> str | None:
    for token in doc:
        if token.lower_ == "according" and (found := _according_to(token.head)):
            return found
    return None


def _name_in(phrase_head) -> str | None:
    """The PERSON or ORG a phrase names (the last, most specific one), else the phrase without its
    determiner, at most six words."""
    subtree = list(phrase_head.subtree)
    ents = [e for e in phrase_head.doc.ents if e.start >= subtree[0].i and e.end <= subtree[-1].i + 1]
    named = [e for e in ents if e.label_ in ("PERSON", "ORG")] or [
        e for e in ents if e.label_ in SOURCE_LABELS
    ]
    if named:
        return named[-1].text.removeprefix("the ").removesuffix("’s").removesuffix("'s").strip()
    words = [t.text for t in phrase_head.doc[phrase_head.left_edge.i : phrase_head.i + 1] if t.dep_ != "det"]
    if not words or phrase_head.lower_ in PRONOUNS:
        return None
    return " ".join(words[-6:])


# --- keys and readable names --------------------------------------------------------------------


def _noun_key(noun) -> str | None:
    if noun is None:
        return None
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*compounds, noun.lemma_.lower()])


def _event_key(event, noun=None) -> str | None:
    """The event's lemma, with its object when it has one that is not the counted noun: "lose life" and
    "lose home" are different events."""
    if event is None:
        return None
    word = event.lower_ if event.tag_ == "VBG" else _lemma(event)  # "missing", as its adjective is
    obj = next((c for c in event.children if c.dep_ == "dobj"), None)
    if obj is not None and (noun is None or obj.i != noun.i) and obj.pos_ == "NOUN":
        return f"{word} {_lemma(obj)}"
    return word


def _readable(noun, event) -> str | None:
    """ "people who died", "people killed", "construction workers", "missing", "deaths"."""
    noun_text = None
    if noun is not None:
        compounds = [c.text for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        noun_text = " ".join([*compounds, noun.text]).lower() if noun.pos_ != "PROPN" else noun.text
    if event is None or (_lemma(event) == "be" and noun_text):
        return noun_text
    if noun_text is None:
        return event.text.lower()
    if event.tag_ in ("VBD", "VBN") and noun.dep_ == "nsubj" and noun.head.i == event.i:
        return f"{noun_text} who {event.text.lower()}"
    return f"{noun_text} {event.text.lower()}"


# --- what a question asks for ----------------------------------------------------------------------


def question_frame(question: str) -> Claim | None:
    """The frame of a "how many / how much" question ("How many people died in Marrowby?" → people, die,
    Marrowby), or of a question about a number or toll; None when it asks for no figure."""
    doc = nlp.parse([question])[0]
    asked = next(
        (t for t in doc if t.lower_ in ("many", "much") and t.i and doc[t.i - 1].lower_ == "how"), None
    )
    if asked is not None:
        noun = asked.head if asked.head.pos_ in ("NOUN", "PROPN") else None
        anchor_token = noun if noun is not None else asked
    else:
        noun = next((t for t in doc if t.lemma_.lower() in CONTAINERS and t.pos_ == "NOUN"), None)
        if noun is None:
            return None
        anchor_token = noun
    event = None
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        noun, event = _open_container(noun)
    date = next((nlp.resolve_date(e.text, None) for e in doc.ents if e.label_ == "DATE"), None)
    if event is None:
        event = _event(noun if noun is not None else anchor_token.head)
    activity = None
    anchor = _anchor(anchor_token, noun)
    places, containers = _places(anchor, noun, anchor_token, doc)
    return Claim(
        doc_id="question",
        value="?",
        quote=question,
        start=0,
        end=len(question),
        noun=_noun_key(noun),
        generic=noun is None or noun.ent_type_ == "NORP" or _lemma(noun) in GENERIC_NOUNS,
        event=_event_key(event, noun),
        activity=_event_key(activity),
        places=places,
        containers=containers,
        date=date,
        date_stated=date is not None,
    )
