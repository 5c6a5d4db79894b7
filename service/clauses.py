"""Where, when and by whose account: the clause a figure belongs to, read off spaCy's parse (see
service/claims.py for what a claim frame is). Closed classes of English grammar only, no story words.

Clause   the verb that governs the figure (or its noun), without embedded clauses (other than the counted
         noun's own relative clause), attributions ("said X"), asides ("during his visit to Y") and the
         agent subject ("Veldaria sent…").
Places   GPE/LOC/FAC entities, or a proper noun after a place preposition, reached through a place
         preposition or a possessive on a place-holding noun; "X's Y region" and "Y, in X" record (X, Y)
         as containment. "nationwide", "national", "across the country" → the whole country.
Date     a DATE of the clause that names a point in time (else one on the reporting verb above it:
         "said on Tuesday"), resolved against the article's date; durations and "since…" are not dates.
Source   who says so: service/sources.py.
Keys     what is counted, comparable (lemmas with compounds; an event with its object: "lose life" is not
         "lose home") and readable ("people who died", "tonnes that escaped").
"""

from __future__ import annotations

import re

from . import nlp

REPORTING = frozenset(
    """say tell report state announce confirm estimate claim indicate suggest reveal add note warn believe
    insist maintain describe mention disclose cite quote acknowledge admit deny stress show list
    repeat reiterate disagree argue dispute contend assert""".split()
)

CONTAINERS = frozenset("number total toll count figure tally sum estimate".split())

VALUING = frozenset("put place estimate set peg".split())  # "put the toll at 48": a value, not an event

GENERIC_NOUNS = frozenset("people person individual".split())

LOCATIVE = frozenset(
    "in to into at near across throughout inside within outside around of between along".split()
)

ASIDE_PREPS = frozenset("according during since after before until while despite like unlike".split())

NATIONWIDE = frozenset("nationwide countrywide national nationally".split())

WHOLE_COUNTRY = "the whole country"

WORLDWIDE = frozenset("worldwide world-wide globally".split())

WHOLE_WORLD = "the whole world"

ABROAD = frozenset("abroad overseas".split())

OUTSIDE_THE_COUNTRY = "abroad"

AROUND_THE_WORLD = frozenset(f"{p} the {w}" for p in ("around", "across") for w in ("world", "globe"))

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

POINT_LABELS = frozenset({"DATE", "TIME"})  # "late on Saturday night" is a TIME to the tagger

NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})

# "In a separate accident on Thursday, 9 people were killed": another event the article reports beside
# its story (not "a separate count", which is another source's figure for the same thing)
ANOTHER_EVENT = re.compile(
    r"\b(?:a|an|another)\s+(?:separate|unrelated)\s+(?:incident|accident|attack|crash|collision|fire|blaze"
    r"|explosion|blast|shooting|stabbing|bombing|raid|outbreak|storm|quake|earthquake|flood|landslide"
    r"|avalanche|wildfire|eruption|derailment|spill|leak|disaster)\b",
    re.I,
)

CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "parataxis", "csubj", "relcl"})

PRONOUNS = frozenset("he she it they we i you this that these those".split())


def clause_anchor(token, noun):
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
        if lemma(current) in REPORTING and current.pos_ == "VERB":
            return False
        if current.dep_ == "prep" and current.lower_ in ASIDE_PREPS:
            return False
        # the subject of the clause is not where the figure holds, unless it is the counted noun; "Police
        # in the Tamsen region have put the toll at 11": the one who values it, never its place
        subject = current.dep_ == "nsubj" and current.head.i == root.i and lemma(root) != "have"
        if subject and ((noun is not None and current.i != noun.i) or lemma(root) in VALUING):
            return False
        if current.head.i == current.i:
            return False
        current = current.head
    return True


def places_of(anchor, noun, token, doc) -> tuple[list[str], list[tuple[str, str]]]:
    clause = _clause(anchor, noun)
    places: list[str] = []
    containers: list[tuple[str, str]] = []
    for place_token in clause:
        if not _is_place(place_token) or not _reached_as_place(place_token, anchor):
            continue
        if _of_another_figure(place_token, token):
            continue
        name = _place_name(place_token)
        if name and name not in places:
            places.append(name)
        outer = _containing_place(place_token)
        if outer and name and outer != name:
            containers.append((outer, name))
    # the tagger may make a place of part of a name: "Broken" of "in Broken Bow"
    places = [p for p in places if not any(p != q and f" {p} " in f" {q} " for q in places)]
    if (where := _where_clause_place(anchor)) and where not in places:
        places.append(where)
    if not places:
        places += _fronted_place(anchor)
    places += _scopes(clause)
    inner = {inner for _, inner in containers}
    outer = {outer for outer, _ in containers if outer in places}
    ordered = [p for p in places if p in inner] + [p for p in places if p not in inner and p not in outer]
    return ordered + [p for p in places if p in outer and p not in ordered], containers


def _of_another_figure(place_token, token) -> bool:
    """A place that qualifies another figure of the sentence ("rose to 356, 318 of them in Ashkari")."""
    return any(a.like_num and a.i != token.i and token not in a.subtree for a in place_token.ancestors)


def _fronted_place(anchor) -> list[str]:
    """A place put before the reporting verb's subject scopes what is reported: "In Teravia, the ministry
    said that 210 people had died" (not "said in a statement", nor where someone spoke from)."""
    for verb in anchor.ancestors:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.pos_ != "VERB" or lemma(verb) not in REPORTING or subject is None:
            continue
        fronted = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in LOCATIVE and c.i < subject.i]
        places = [t for prep in fronted for t in prep.children if t.dep_ == "pobj" and _is_place(t)]
        named = [_place_name(t) for t in places]
        if named:
            return named
    return []


def _where_clause_place(anchor) -> str | None:
    """The place a "where" clause hangs on: "In Port Velana, where 17 people died, …" → Port Velana."""
    if anchor.dep_ != "relcl" or not any(c.lower_ == "where" for c in anchor.children):
        return None
    head = next((e[0] for e in anchor.doc.ents if e.start <= anchor.head.i < e.end), anchor.head)
    return _place_name(head) if _is_place(head) else None


def _is_place(token) -> bool:
    if token.ent_type_ in PLACE_LABELS:
        return token.ent_iob_ == "B" or token.i == 0 or token.doc[token.i - 1].ent_type_ != token.ent_type_
    if token.pos_ != "PROPN":
        return False
    if token.ent_type_ in NOT_PLACE_LABELS:
        return _mistagged_place(token)
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        return False  # the name's last word stands for it: "Governor Matthias Drell" is one name
    head = token.head if token.dep_ == "compound" else token
    preposition = head.head
    return (
        head.dep_ == "pobj"
        and preposition.lower_ in LOCATIVE
        and preposition.lower_ != "of"
        and preposition.head.lower_ != "according"  # "according to Governor Drell" names a source
    )


def _mistagged_place(token) -> bool:
    """The small tagger calls many a town it does not know a person or an organisation ("marched in
    Branova": ORG, "jobs lost at Stavnik": PERSON). A one-word name right after "in" (a person's also
    after "at") is a place; not an acronym, nor a name with its article ("in the Senate")."""
    preposition = token.head.lower_ if token.dep_ == "pobj" else None
    return (
        token.ent_iob_ == "B"
        and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I")
        and (
            (token.ent_type_ == "ORG" and preposition == "in")
            or (token.ent_type_ == "PERSON" and preposition in ("in", "at"))
        )
        and not token.text.isupper()
        and not any(c.dep_ == "det" for c in token.children)
    )


def _reached_as_place(token, anchor) -> bool:
    """Only through a place preposition, a possessive or as what has the figure: never as the subject or
    object of any other clause."""
    current = token
    for _ in range(10):
        if current.i == anchor.i:
            return False
        if current.dep_ == "pobj" and current.head.lower_ in LOCATIVE:
            return True
        if current.dep_ == "poss" and _is_place_holder(current.head):
            return True
        if current.dep_ == "nsubj" and current.head.i == anchor.i and lemma(anchor) == "have":
            return True  # "Pellandria has 4,300 state schools": what a place has is there
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
            return False
        current = current.head
    return False


def _is_place_holder(token) -> bool:
    """A noun a possessive place can qualify: a container or counted noun ("Marrowby's death toll") or a
    noun after a place preposition ("to Norrevia’s Haldmark province"); not an action ("Veldaria’s
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
    """The place a place token is said to lie in: "Norrevia’s Haldmark province", "Marrowby, in Veldaria"."""
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


def is_aside(sentence: str) -> bool:
    """The sentence reports another event than the story's ("In a separate accident, …")."""
    return ANOTHER_EVENT.search(sentence) is not None


def _scopes(clause) -> list[str]:
    """The scope a figure is given for without a place name: "nationwide", "across the country",
    "worldwide", "around the world", "abroad"."""
    words = [t.lower_ if t.pos_ != "PROPN" and not t.ent_type_ else "" for t in clause]  # not "National …"
    spans = {" ".join(words[i : i + 3]) for i in range(len(words))}
    scopes = []
    if set(words) & NATIONWIDE or {"across the country", "across the nation"} & spans:
        scopes.append(WHOLE_COUNTRY)
    if set(words) & WORLDWIDE or AROUND_THE_WORLD & spans:
        scopes.append(WHOLE_WORLD)
    if set(words) & ABROAD:
        scopes.append(OUTSIDE_THE_COUNTRY)
    return scopes


def date_of(anchor, noun, published: str | None, figure=None) -> tuple[str | None, bool]:
    """When the figure holds: a date of its clause, of the event that is the clause's subject ("the 2009
    crash killed 31"), of the event a relative clause hangs on ("the 2009 collision, in which 31 died"),
    else one on the reporting verb above ("said on Tuesday"), else the article's date. A date that goes
    with another figure ("up from 88 on Wednesday") is that figure's: first the figure's own phrases."""
    tokens = _own_phrases(figure) + _clause(anchor, noun)
    if (when := _when_clause_date(anchor, published)) is not None:
        return when, True
    if anchor.dep_ == "relcl":  # "the 2011 floods, which killed 1,300 people"; "…, a tremor that killed"
        holder = _noun_phrase_top(anchor.head.head if anchor.head.dep_ == "appos" else anchor.head)
        inside = {t.i for t in anchor.subtree}
        tokens = [t for t in holder.subtree if t.i not in inside] + tokens + _dated_verb_of(holder)
    tokens += _result_of(anchor)
    if anchor.tag_ not in ("VBZ", "VBP"):  # "the plant, which opened in 1958, employs 620": holds now
        tokens += _subject_tokens(anchor, noun)
    tokens += _first_conjunct(anchor)
    for token in tokens:
        if token.ent_type_ in POINT_LABELS and token.ent_iob_ == "B":
            span = next(e for e in token.doc.ents if e.start == token.i)
            if span.root.head.lower_ in ("since", "for", "within", "over", "during", "after", "until"):
                continue
            if _goes_with_another_figure(span.root, anchor, figure):
                continue
            if resolved := nlp.resolve_date(span.text, published):
                return resolved, True
    for verb in anchor.ancestors:  # "the ministry said on Tuesday that 340 had died"
        if verb.pos_ == "VERB" and lemma(verb) in REPORTING:
            for token in verb.subtree:
                if token.ent_type_ in POINT_LABELS and token.ent_iob_ == "B" and _attached_to(token, verb):
                    span = next(e for e in token.doc.ents if e.start == token.i)
                    if resolved := nlp.resolve_date(span.text, published):
                        return resolved, True
    return published, False


def _own_phrases(figure) -> list:
    """The phrases on the figure, or on the "from" it follows: "up from 23 on Wednesday"."""
    if figure is None:
        return []
    holders = [figure, figure.head] if figure.dep_ == "pobj" else [figure]
    return [t for h in holders for c in h.children if c.dep_ == "prep" and c.i > figure.i for t in c.subtree]


def _dated_verb_of(holder) -> list:
    """The dates on the verb whose object or phrase a relative clause's noun is: "fined the bank in 2024
    over a breach that affected 700,000 customers" (the breach is no later than the fine)."""
    verb = holder.head.head if holder.dep_ == "pobj" else holder.head
    if verb.pos_ != "VERB" or lemma(verb) in REPORTING:
        return []
    phrases = [c for c in verb.children if c.dep_ in ("prep", "npadvmod") and holder not in c.subtree]
    return [t for phrase in phrases for t in phrase.subtree if t.ent_type_ == "DATE"]


def _when_clause_date(anchor, published: str | None) -> str | None:
    """The date a "when" clause hangs on, whatever leads to it: "since 2019, when 27 people were killed"."""
    clause = next((a for a in [anchor, *anchor.ancestors] if a.dep_ == "relcl"), None)
    if clause is None or clause.head.ent_type_ != "DATE" or all(c.lower_ != "when" for c in clause.children):
        return None
    span = next((e for e in clause.doc.ents if e.start <= clause.head.i < e.end), None)
    return nlp.resolve_date(span.text, published) if span is not None else None


def _result_of(anchor) -> list:
    """The phrases of the event a participle tells the result of ("the tower collapsed in 2019, killing
    27 people": 2019 is when the 27 died), not its other clauses."""
    if anchor.dep_ != "advcl" or anchor.tag_ != "VBG" or anchor.head.pos_ != "VERB":
        return []
    events = [anchor.head]
    if anchor.head.dep_ == "conj":  # "In 1998 the ferry caught fire and sank, killing 412": both verbs'
        events.append(anchor.head.head)
    phrases = [c for event in events for c in event.children if c.dep_ == "prep" and c.i != anchor.i]
    return [t for phrase in phrases for t in phrase.subtree]


def _first_conjunct(anchor) -> list:
    """The phrases of the clause a coordinated clause follows ("In 2017, a coach came off the road, and 22
    people were killed": 2017 is when the 22 died), when the figure's own clause names no date; along a
    chain, every clause before it ("In 2022, the group broke in, stole … and demanded $20 million")."""
    phrases, current = [], anchor
    for _ in range(6):
        if current.dep_ != "conj" or current.head.pos_ not in ("VERB", "AUX"):
            break
        current = current.head
        phrases += [c for c in current.children if c.dep_ in ("prep", "npadvmod") and c.i < anchor.i]
    return [t for phrase in phrases for t in phrase.subtree]


def _noun_phrase_top(noun):
    """The head of the noun phrase a noun ends: "collision" for "Junction" in "the 2009 collision at
    Tarrow Junction"."""
    current = noun
    if noun.ent_type_ == "DATE":  # "the protests of 2024, when 70,000 marched": the date itself
        return noun
    for _ in range(4):
        at_place = current.head.lower_ in ("at", "in", "near", "on", "off", "outside")
        if current.dep_ == "pobj" and at_place and current.head.head.pos_ in ("NOUN", "PROPN"):
            current = current.head.head
        elif current.dep_ in ("compound", "appos") and current.head.pos_ in ("NOUN", "PROPN"):
            current = current.head
        else:
            break
    return current


def _subject_tokens(anchor, noun) -> list:
    """The subject of the figure's verb when the figure is not in it: the event that did the counting
    ("Vesland's worst rail accident, at Holm Crossing in 1987, killed 22 people")."""
    found = []
    for child in anchor.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subtree = list(child.subtree)
            if noun is None or all(t.i != noun.i for t in subtree):
                found += subtree
    return found


def _goes_with_another_figure(date_root, anchor, figure) -> bool:
    """The date hangs on a phrase that holds another number ("up from 88 on Wednesday")."""
    current = date_root.head
    for _ in range(6):
        if current.i == anchor.i or current.head.i == current.i:
            return False
        if any(
            t.like_num and t.ent_type_ not in ("DATE", "TIME") and (figure is None or t.i != figure.i)
            for t in [current, *current.children]
            if t.lower_ != "one"  # "including one in 2017 in which 22 died": a pronoun, no figure
        ):
            return True
        current = current.head
    return False


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


def lemma(token) -> str:
    return token.lemma_.lower()


# --- what is counted, as keys and as words --------------------------------------------------------


def noun_key(noun) -> str | None:
    if noun is None:
        return None
    # not an amount ("a 7.8-magnitude quake", "a 35-kilometre stretch"): a size is no kind
    compounds = [
        c.lemma_.lower()
        for c in noun.children
        if c.dep_ == "compound" and c.pos_ == "NOUN" and not any(n.like_num for n in c.children)
    ]
    return " ".join([*compounds, noun.lemma_.lower()])
