"""Who says so: the source of a figure, read off spaCy's parse (see service/clauses.py for the clause a
figure belongs to). The subject (or agent) of the reporting verb above the clause, "according to X", or a
postposed "…, X said": the PERSON or ORG it names, else its noun phrase (no figures). A pronoun that
reports ("It said", "Its count") is who its own sentence names as its subject, else it is returned as
written ("it"): who it stands for is then in the sentence before, which service/article_context.py reads
(`antecedent`).
"""

from __future__ import annotations

import re

from .amounts import REVISING
from .clauses import CONTAINERS, GIVING, JUDGED, PRONOUNS, PUBLISHED, REPORTING, VALUING, lemma
from .dates import colon_report, given_out_with
from .events import COUNTING
from .figures import MEASURE_AFTER
from .naming import BODY_BEHIND, OWNERS, SOURCE_LABELS, agent, name_in
from .text import bare_name
from .thesaurus import can_tell, is_a_body, is_a_unit
from .units import names_a_unit

FINDING = frozenset("find conclude determine establish".split())
STANDS_FOR = frozenset({"it", "he", "she", "they"})  # a source the sentence before names
# "about 80,000, says the network; up to 450,000, says the regulator": each figure's own teller
SAID_RIGHT_AFTER = re.compile(
    r"\s*,\s*(?:says|said|say|according to)\s+(?P<who>[^;,.:()]{2,60}?)\s*(?:[;,.:(]|$)"
)


def source_of(anchor, doc, figure=None) -> str | None:
    """Who says so: "according to X" on the figure itself ("about 20,000 according to police, 150,000
    according to organisers"), the subject of a reporting verb above the clause, "according to X" on
    the clause, or a postposed "…, X said". "it" when the sentence names no one it stands for ("The
    ministry said 93 died, double the 46 it reported" names the ministry)."""
    found = _teller(anchor, doc, figure)
    if found in STANDS_FOR and figure is not None and _in_own_object(anchor, figure):
        return _subject_name(anchor) or found  # "The association released its estimate of €1.2bn"
    if found not in STANDS_FOR or anchor.dep_ == "ROOT":  # "Admissions rose to 47, according to its
        return found  # bulletin": the sentence's subject is what is counted; who "it" is, is told before
    return antecedent(found, doc) or found


def _in_own_object(verb, figure) -> bool:
    """The figure is in the verb's object, which "its" (their, his, her) owns: the subject's own."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        figure in obj.subtree and any(t.dep_ == "poss" and t.lower_ in OWNERS for t in obj.subtree)
        for obj in objects
    )


def _teller(anchor, doc, figure=None) -> str | None:
    pronoun = None  # "The association released its estimate of €1.2bn": "its" is the association's
    counted = figure.head if figure is not None and figure.dep_ == "nummod" else figure  # "Forty-six
    owned = figure is not None and (  # sailings, by the company's count, …": on the noun it counts
        _according_to(figure) or _according_to(counted) or _owner_named(_holder_of(figure))
    )
    if figure is not None and (found := owned or _counted_by(figure)):
        if found not in STANDS_FOR:
            return found  # "about 20,000 according to police", "against the ministry's (count of) 1,480"
        if (own := _own_subject(anchor)) is not None:
            return own  # "…, while the government has stuck to its estimate of 5.5 million"
        pronoun = found
    if (owner := _owner_of_count(anchor, figure)) is not None:
        return owner  # "the union said …, while the operator's figures were 520": the figures' owner's
    # "Ministry counts 174 whales stranded; the charity says at least 212": a clause before a semicolon is
    # its own, whatever the parser hangs it on
    chain = [t for t in [anchor, *anchor.ancestors] if not _past_a_semicolon(anchor, t)]
    for token in chain:  # "The Courier reported, citing the insurers' association, that 104,000 …"
        if found := _cited(token):
            return found
    if figure is not None and (found := _joined_count(figure)) is not None:
        return found
    if (found := _contrast_between(chain)) is not None:
        return found
    method = None  # "the office said laboratory tests had confirmed 97 cases": the office says so
    for at, verb in enumerate(chain):
        if not (verb.pos_ in ("VERB", "AUX") and _reports(verb) and not _denied(verb)):
            continue
        if verb.dep_ == "csubj":
            continue  # "The number of animals confirmed with rabies has risen to 68": what is counted
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for t in chain):
            continue  # "Kelmont, which faces a fine of €2m, has said …": the figure is in its subject
        if (found := _subject_name(verb)) and not _told_by_a_method(verb):
            if (relayed := _relayed(anchor, chain[:at], figure)) is not None and relayed not in STANDS_FOR:
                return relayed  # "'According to police, about 2,300 fans were refused entry,' she said"
            bound = _reporter_above(chain[at + 1 :]) if found in STANDS_FOR else None
            return bound or found
        method = method or found
    for token in chain:
        if found := _according_to(token):
            return found
    for verb in chain:  # "400 remain missing, the agency said"
        for child in verb.children:
            reporting = child.dep_ in ("parataxis", "ccomp") and lemma(child) in REPORTING
            after = child.i > anchor.i or child.dep_ == "parataxis"  # "…, the office said, 38,500 …"
            reporting = reporting and after and not _past_a_semicolon(anchor, child)
            if reporting and (found := _subject_name(child)):
                return found
    for verb in chain[1:]:  # "The ministry's count stood at 174" (the anchor's own count is read first)
        if (owner := _owner_of_count(verb, figure)) is not None:
            return owner
    if (report := colon_report(anchor)) is not None and (found := _subject_name(report)):
        return found  # "The agency gave its final figure: 37 people were treated"
    # "the ministry recorded 750 admissions", "the 310 islanders the council counted as stranded": who
    # counted them says so
    said_of = [c for c in (counted.children if figure is not None else ()) if _said_by_another(c)]
    counters = (verb for verb in [*chain, *said_of] if lemma(verb) in COUNTING and not _a_measure(figure))
    counter = next((found for verb in counters if (found := _subject_name(verb))), None) if figure else None
    return method or counter or _according_to_anywhere(doc) or pronoun


def _relayed(anchor, below, figure) -> str | None:
    """Whose figure a speaker passes on, said below the speaker's verb: "according to police", "the
    promoter's own figure is that 1,400 …" (not an "according to" past a semicolon: another clause's)."""
    for token in below:
        apart = any(_past_a_semicolon(anchor, c) for c in token.children if c.dep_ == "prep")
        if found := (None if apart else _according_to(token)) or _owner_of_count(token, figure):
            return found
    return None


def _said_by_another(clause) -> bool:
    """A relative clause with a subject of its own ("the islanders the council counted"; not "the people
    who counted the votes")."""
    return clause.dep_ == "relcl" and not any(t.lower_ in ("who", "that", "which") for t in clause.children)


def _contrast_between(chain) -> str | None:
    """ "The fire service put the area at six hectares, while Tolvane told firefighters its own measurement
    showed 2.5": the parser joins "showed" to "put", past the "while" clause whose report it continues."""
    for verb in chain:
        if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        between = [c for c in verb.head.children if c.dep_ == "advcl" and verb.head.i < c.i < verb.i]
        contrast = [c for c in between if _reports(c) and any(m.lower_ in CONTRASTS for m in c.children)]
        found = _subject_name(contrast[-1]) if contrast else None
        if found is not None and found not in STANDS_FOR:
            return found
    return None


def _reporter_above(chain) -> str | None:
    """ "the union said its own count showed 55": who "it" (its, they) is, the named subject of the report
    right above it."""
    verb = next((v for v in chain if v.pos_ in ("VERB", "AUX") and _reports(v)), None)
    found = _subject_name(verb) if verb is not None else None
    return found if found not in STANDS_FOR else None


def _joined_count(figure) -> str | None:
    """ "the union says 2,600 schools closed, and the ministry counts 1,480": a count joined to a report,
    with a subject of its own, is that subject's."""
    verb = figure.head
    if figure.dep_ != "dobj" or lemma(verb) not in COUNTING or verb.dep_ != "conj" or not _reports(verb.head):
        return None
    return _subject_name(verb) if any(c.dep_ == "nsubj" for c in verb.children) else None


def _a_measure(figure) -> bool:
    """ "Brisna recorded 96 millimetres": what recorded a measurement is where it was measured."""
    return any(unit.match(figure.doc.text, figure.idx + len(figure.text)) for unit in MEASURE_AFTER)


def _counted_by(figure) -> str | None:
    """ "five more than the 12 recorded by the fire service": the figure's own counter."""
    words = (figure, figure.head) if figure.dep_ == "nummod" else (figure,)  # "the 12 cases recorded by"
    telling = COUNTING | GIVING | REPORTING  # "the 212 given by the government", "confirmed by"
    for verb in (c for word in words for c in word.children if c.dep_ == "acl" and lemma(c) in telling):
        if (by := agent(verb)) is not None:
            return name_in(by)
    return None


def _own_subject(anchor) -> str | None:
    """The subject of the clause a figure "its" (their, his, her) owns lies in, when no one reports that
    clause or it is a contrast of its own ("…, while the government has stuck to its estimate of"); not in
    "Oskan says the group stands by its estimate", which is Oskan's."""
    chain = [t for t in [anchor, *anchor.ancestors] if t.pos_ in ("VERB", "AUX")]
    reporting = next((i for i, verb in enumerate(chain) if _reports(verb)), len(chain))
    if not chain or (reporting < len(chain) and not any(v.dep_ == "advcl" for v in chain[:reporting])):
        return None
    subject = next((c for c in chain[0].children if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.pos_ == "PRON" or _reports(chain[0]) else name_in(subject)


def _cited(verb) -> str | None:
    """Whom a report of the figure cites ("…, citing police sources, that 40 died"): who first said it (not
    what it is read from: "citing inventory records")."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.lower_ == "citing":  # the tagger may call a first word a name
            cited = [c for c in child.children if c.dep_ == "dobj" and lemma(c) not in PUBLISHED]
            return name_in(cited[0]) if cited else None  # "citing inventory records": how it is known
    return None


def _told_by_a_method(verb) -> bool:
    """ "laboratory tests had confirmed", "a preliminary count put the timber at": no one who tells."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_:
        return False
    return lemma(subject) in PUBLISHED or not can_tell(lemma(subject))


CONTRASTS = ("while", "whereas")


def _owner_of_count(verb, figure=None) -> str | None:
    """Whose count the subject is: "The ministry's count", "Its tally" (not "Marrowby's toll": a place),
    "The police tally has risen to 91 people" (when the figure names what it counts: "the troop count"
    counts troops)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or lemma(subject) not in PUBLISHED | CONTAINERS:
        return None
    if (owner := _owner_named(subject)) is not None or figure is None or figure.dep_ != "nummod":
        return owner
    body = next((c for c in subject.children if c.dep_ == "compound" and is_a_body(lemma(c))), None)
    return name_in(body) if body is not None and lemma(body) != lemma(figure.head) else None


def _holder_of(figure):
    """What a figure is owned through: itself, or the count it is "of" ("the ministry's count of 1,480", "its
    estimate of 5.5 million cubic metres")."""
    unit = figure
    while unit.dep_ in ("compound", "nummod") and unit.head.i > unit.i and unit.head.pos_ in ("NUM", "NOUN"):
        unit = unit.head  # "its estimate of 5.5 million cubic metres": the count the unit is "of"
    if unit.dep_ == "pobj" and unit.head.lower_ == "of" and lemma(unit.head.head) in CONTAINERS:
        return unit.head.head
    return figure


def _owner_named(holder) -> str | None:
    """Who owns the count or the figure: "the ministry's 1,480", "Its tally"; not a place."""
    owner = next((c for c in holder.children if c.dep_ == "poss"), None)
    if owner is None or owner.ent_type_ in ("DATE", "TIME"):  # "last year's total": a time owns nothing
        return None
    if owner.lower_ in OWNERS:
        return OWNERS[owner.lower_]
    # not a place ("Marrowby's toll"; the tagger calls a one-word place a PERSON): "Ylva Brennhoff's"
    person = owner.ent_type_ == "PERSON" and owner.i > 0 and owner.doc[owner.i - 1].ent_type_ == "PERSON"
    named = owner.ent_type_ in ("ORG", "NORP") or owner.pos_ == "NOUN" or person
    judged = owner.pos_ == "PROPN" and lemma(holder) in JUDGED  # "Tessaline's estimate": no place estimates
    return name_in(owner) if named or judged else None


def _past_a_semicolon(anchor, token) -> bool:
    """The token lies past a semicolon after the anchor, and the anchor's part of the sentence has a subject
    of its own that is no counted group ("Some 40 died; 12 are missing, police said" is all the police's)."""
    doc = anchor.doc
    semicolons = [t.i for t in doc[anchor.i : token.i] if t.text == ";"] if token.i > anchor.i else []
    if not semicolons:
        return False
    start = max((t.i for t in doc[: anchor.i] if t.text == ";"), default=-1) + 1
    own = doc[start : semicolons[0]]
    return any(t.dep_ == "nsubj" and not any(x.like_num for x in t.subtree) for t in own)


def said_right_after(sentence: str, end: int) -> str | None:
    """Who a figure is given by when the sentence names them right after it: "about 80,000, says the
    network; up to 450,000, says the regulator" (the parser hangs both on the last "says")."""
    found = SAID_RIGHT_AFTER.match(sentence, end)
    if found is None:
        return None
    behind = BODY_BEHIND.match(found["who"])  # "according to figures released by the ministry"
    return bare_name(behind["body"] if behind else found["who"])


def _denied(verb) -> bool:
    """ "has not been confirmed by the hospital": the hospital does not say so."""
    return any(c.dep_ == "neg" for c in verb.children)


def _reports(verb) -> bool:
    """A reporting verb, or "puts the figure at", "put turnout at 61.4 percent": who puts a number on it
    says so."""
    if lemma(verb) in REPORTING:
        return True
    if lemma(verb) in FINDING and any(c.dep_ == "ccomp" for c in verb.children):
        return True  # "the Authority found that … in 52 stores": who found it says so
    if lemma(verb) in GIVING | REVISING:  # "Police gave a higher figure, 158", "raised its estimate to …"
        return any(c.dep_ == "dobj" and lemma(c) in CONTAINERS for c in verb.children)
    if lemma(verb) not in VALUING | FINDING:  # "sets the death toll at 47", "found aflatoxin at 310 µg/kg"
        return False
    # "put the area burning at six hectares": the parser may hang the "at" on the object or a participle
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "advcl"))]
    holders += [c for holder in holders[1:] for c in holder.children if c.dep_ == "acl"]
    at_a_number = any(
        c.dep_ == "prep" and c.lower_ == "at" and any(t.like_num for t in c.subtree)
        for holder in holders
        for c in holder.children
        if lemma(verb) in VALUING or _of_a_measure(c)  # not where it was found: "at nine of 60 apiaries"
    )
    return at_a_number or any(c.dep_ == "dobj" and lemma(c) in CONTAINERS for c in verb.children)


def _of_a_measure(preposition) -> bool:
    """ "at up to 310 µg/kg", "at 11.6 degrees": a level in a unit of measure."""
    objects = [c for c in preposition.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
    return any(is_a_unit(lemma(c)) or names_a_unit(c.text) for c in objects)


def _subject_name(verb) -> str | None:
    if (by := agent(verb)) is not None:  # "the tour, which is projected by Pollstar to gross $1.4 billion"
        return name_in(by)
    # nearest first: "Live: Saldovec tanker blast – governor says …" parses with two subjects
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.like_num and child.i > verb.i:
            continue  # "Brightmere … says 37", parsed with 37 as a second subject: what is said
        if child.ent_type_ in ("DATE", "TIME") and sum(c.dep_ == "nsubj" for c in verb.children) > 1:
            continue  # "Our survey this winter puts …", parsed with two subjects: when, not who
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("who", "that", "which"):
            return name_in(verb.head) if verb.dep_ == "relcl" else None
        if child.dep_ == "nsubjpass" and not _heads_a_name(child) and lemma(verb) not in ("quote", "cite"):
            continue  # "irregularities had been confirmed at 37": what is reported, not who reports it
        if child.dep_ == "nsubj" and child.lower_ in STANDS_FOR:  # "It said": who, the article says before
            return child.lower_
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in PRONOUNS:
            if any(t.like_num and t.ent_type_ != "DATE" for t in _own_words(child)):
                return None  # "190 people were killed, … said": the figure's own subject is no source
            return name_in(child)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    saying = verb.dep_ == "advcl" and verb.tag_ == "VBG" and lemma(verb) in REPORTING  # not "raising"
    shared = verb.dep_ in ("conj", "xcomp") or saying
    if shared and not has_subject and verb.head.pos_ in ("VERB", "AUX"):
        # "The company raised its estimate … and said …", "the ministry continues to forecast …", "The
        # company raised its forecast, saying …"
        return _subject_name(verb.head)
    if not has_subject and (giver := given_out_with(verb)) is not None:
        return _subject_name(giver)  # "X published an analysis on Sunday suggesting …"
    before = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i), None)
    told = any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children)  # not "…, X said."
    if not has_subject and verb.dep_ == "ROOT" and before is not None and told and lemma(verb) in REPORTING:
        return _subject_name(before)  # "Union calls ministry figure 'inflated', says 21,900 …": one subject
    return None


def _own_words(phrase_head) -> list:
    """A phrase without its relative clauses: "Aerovia Rescue, which flew the four helicopters"."""
    clauses = [c for c in phrase_head.children if c.dep_ == "relcl"]
    return [t for t in phrase_head.subtree if not any(t in c.subtree for c in clauses)]


def antecedent(pronoun: str, doc) -> str | None:
    """Who "it" (he, she, they) stands for in the sentence before: its main subject, or the body whose
    thing that is ("The ministry's toll has moved around. It reported 46 …"); a person only for "he" and
    "she", never for "it"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subject is None or any(t.like_num or t.lower_ in PRONOUNS | OWNERS.keys() for t in subject.subtree):
        return None  # "Its count of whales": the pronoun's own sentence names no one else
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    subject = owner if owner is not None and not subject.ent_type_ else subject
    person = subject.ent_type_ == "PERSON"
    if (pronoun in ("he", "she")) != person and pronoun != "they":
        return None
    return name_in(subject)


def _heads_a_name(phrase_head) -> bool:
    return phrase_head.ent_type_ in SOURCE_LABELS


def _according_to(token) -> str | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is not None:  # "according to the NFA's own final inventory": the NFA's
                    return (lemma(pobj) in PUBLISHED and _owner_named(pobj)) or name_in(pobj)
        if child.dep_ == "prep" and child.lower_ in ("by", "on") and (found := _counted_on(child)):
            return found
    return None


def _counted_on(preposition) -> str | None:
    """ "On the tenants' count, 16 …", "By police figures", "On the basis of figures supplied by the
    contractor": whose count it is says so (not "By our count": the writer's)."""
    count = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if count is not None and lemma(count) == "basis":
        of = [p for c in count.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        count = of[0] if of else None
    if count is None or lemma(count) not in PUBLISHED - {"number"}:  # "by the number of …": a change
        return None
    body = next((c for c in count.children if c.dep_ == "compound" and is_a_body(lemma(c))), None)
    supplier = next((agent(c) for c in count.children if c.dep_ == "acl"), None)
    return _owner_named(count) or (name_in(body or supplier) if body or supplier else None)


def _according_to_anywhere(doc) -> str | None:
    for token in doc:
        if token.lower_ == "according" and (found := _according_to(token.head)):
            return found
    return None
