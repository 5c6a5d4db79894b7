"""What a percentage is a share of, and what a sum of money is, read off the dependency parse.

Shares: "turnout had reached 61.4 percent" → turnout; "put turnout at 61.4%" → turnout; "its turnout
estimate of 55.2 percent" → turnout; "61.4 percent turnout" → turnout; "40% of the homes were destroyed" →
homes, destroyed. A percentage that tells a change ("shares fell 12%", "an increase of 38%", "up by 4
percent"), a share of a named thing ("owns 12% of Torvane"), or one whose whole the sentence does not name
("it was 55.2 percent") measures nothing a reader could compare: `share_of` returns None for it.

Sums: "a one-off charge of 520 million marks" → charge; "caused $1.5 billion in damage" → damage; "put the
damage at $2 billion" → damage; "a $50 million fine" → fine; "savings would reach 600 million marks" →
savings; "raised its estimate of restructuring costs to 690 million marks" → restructuring costs; "will
save 450 million marks a year" → (saved). A sum that tells a change ("fell 3 million marks", "rose by $5
million") or that the sentence says nothing of is None (`sum_of`). The currency is the sum's unit: "$" is
US dollars, and so are "dollars" no country qualifies; "euros" what "€" is; "marks" a mark
(`currency_name`: service/figures.py `currency_of`, or the noun the tagger marks as money).

Measurements (a length, area, speed, temperature or magnitude, service/figures.py `with_units`): "a speed
of 94 kilometres per hour" → speed; "winds of up to 150 km/h" → winds; "a 30-foot wave" → wave; "the wave
was 30 feet high" → wave, high; "burned 12,000 hectares" → (burned); "a magnitude 7.3 earthquake", "a
7.8-magnitude quake", "the quake had a magnitude of 7.1" → the quake. A distance the sentence names no
thing for ("about 240 kilometres to the south") is None (`measure_of`).
"""

from __future__ import annotations

import re

from .clauses import CONTAINERS, GENERIC_NOUNS, GIVING, RAISING, VALUING, across_a_clause, lemma
from .events import COUNTING, PLACING, VALUE_VERBS, event_key, event_of, is_event_verb, is_participle
from .figures import CURRENCIES, SYMBOL_OF, WORD_SCALES, Figure, currency_of
from .nlp import objectless_preposition_before
from .thesaurus import is_a_possession

REVISING = frozenset("raise lift cut lower revise".split())  # "raised its estimate of the costs to …"
UNIT_WORDS = frozenset({"%", "percent", "cent", "pct"})
LEVEL_VERBS = frozenset(  # "stood at", "rose to", "came to": the level a figure is at
    "stand remain stay hold sit lie rise climb fall drop increase decrease grow jump come amount".split()
)


def unit_token(token):
    """The token "percent" or "%" that a percentage's number hangs on (the number itself if none)."""
    head = token.head
    if head.lower_ in UNIT_WORDS:
        return head
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after if after is not None and after.lower_ in UNIT_WORDS else token


def share_of(token):
    """(what the percentage measures, the event that happened to it) for the number token of a
    percentage, or None when the sentence does not say (see the module doc)."""
    unit = unit_token(token)
    whole = _whole(unit)
    if whole is not None:  # not "1.8 percent of the total": a share of what the sentence does not say
        return (whole, event_of(unit)) if whole.pos_ == "NOUN" and lemma(whole) not in CONTAINERS else None
    measured = _modified(unit) or _levelled(unit) or _stated(unit) or _estimated(unit)
    if measured is not None and lemma(measured) in CONTAINERS:  # "put the figure at 12%": said before
        return (_opened(measured), None)
    return (measured, None) if measured is not None else None


def _whole(unit, preposition: str = "of"):
    """ "52.3 percent of the vote": the vote; "$1.5 billion in damage" ("in"): the damage."""
    for child in unit.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _noun(token):
    """A common noun; or the head of a named fund, levy or grant ("the Coastal Relocation Fund")."""
    if token is not None and token.pos_ == "PROPN" and is_a_possession(token.lower_):
        return token
    return token if token is not None and token.pos_ == "NOUN" and not token.ent_type_ else None


def _modified(unit):
    """ "61.4 percent turnout", "a 12% stake": the noun the percentage describes (not a change)."""
    if unit.dep_ in ("amod", "compound", "nmod", "nummod") and unit.head.i > unit.i:
        if across_a_clause(unit, unit.head):
            return None
        noun = _noun(unit.head)
        return noun if noun is not None and not _is_change_word(noun) else None
    return None


def _levelled(unit):
    """ "put turnout at 61.4%", "unemployment stood at 5%", "rose to 7%": what is set at that level."""
    if unit.dep_ != "pobj" or unit.head.dep_ != "prep" or unit.head.lower_ not in ("at", "to"):
        return None
    verb = unit.head.head
    moved = verb.lower_ in ("up", "down") and verb.dep_ in ("advmod", "prt")  # "is down to 1.9%": its level
    verb = verb.head if moved else verb
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    verb_lemma = lemma(verb)
    if unit.head.lower_ == "to" and verb_lemma not in LEVEL_VERBS | RAISING and not moved:
        return None
    valued = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if valued is not None and (unit.head.lower_ == "at" or verb_lemma in VALUING | RAISING | LEVEL_VERBS):
        return _noun(valued)  # "puts it at €1.3 billion", "increased the package to €60m": what is set
    relative = verb.dep_ == "relcl" and any(c.lower_ in ("which", "that") for c in verb.children)
    return _noun(verb.head) if relative else _dependent(verb, ("nsubj", "nsubjpass"))  # "X, which lies at"


def _valued_noun(amount):
    """ "estimates the lake's volume at 1.6 million cubic metres", "estimates the volume of ice that fell at
    9 million cubic metres": the parser hangs the measurement on the noun valued, or on its clause."""
    if amount.dep_ != "pobj" or amount.head.lower_ != "at":
        return None
    word = amount.head.head
    word = word.head if word.dep_ in ("relcl", "acl") else word
    if word.pos_ == "NOUN" and word.dep_ == "dobj" and lemma(word.head) in VALUING:
        return _noun(word)
    return None


def _stated(unit):
    """ "turnout was 55.2 percent", "turnout had reached 61.4 percent": the subject of a value verb."""
    if unit.dep_ not in ("attr", "dobj", "acomp", "npadvmod", "oprd"):
        return None
    verb = unit.head
    if verb.pos_ not in ("VERB", "AUX") or lemma(verb) not in VALUE_VERBS or lemma(verb) in LEVEL_VERBS:
        return None
    return _dependent(verb, ("nsubj", "nsubjpass"))


def _worth(amount):
    """ "the deal is worth €118 million", "a deal worth €118m": the deal."""
    worth = amount.head
    if worth.lower_ != "worth":
        return None
    if worth.dep_ == "acomp":
        return _dependent(worth.head, ("nsubj", "nsubjpass"))
    return _noun(worth.head) if worth.dep_ in ("amod", "acl", "advmod") else None


def _estimated(unit):
    """ "its turnout estimate of 55.2 percent", "the final turnout figure of 61.4%": what the figure is of."""
    if unit.dep_ != "pobj" or unit.head.lower_ != "of" or lemma(unit.head.head) not in CONTAINERS:
        return None
    container = unit.head.head
    # the parser may tag the measured word an adjective: "its turnout estimate"
    kind = next((c for c in container.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "ADJ")), None)
    return kind if kind is not None else _noun(_whole(container, "for"))  # "of €40m for the damage"


def _dependent(verb, deps):
    """The verb's noun of those dependencies; for a subject, a conjoined verb's shared one ("The fund was
    announced at €4.5m, then increased to €7.2m")."""
    found = next((_noun(c) for c in verb.children if c.dep_ in deps and _noun(c) is not None), None)
    shared = verb.dep_ in ("conj", "dep") and verb.head.pos_ == "VERB" and "nsubj" in deps
    shared = shared and not any(c.dep_.startswith("nsubj") for c in verb.children)
    return _dependent(verb.head, deps) if found is None and shared else found


CHANGE_NOUNS = frozenset("increase decrease rise fall drop cut gain loss jump growth decline".split())


def _is_change_word(noun) -> bool:
    return lemma(noun) in CHANGE_NOUNS


# --- sums of money --------------------------------------------------------------------------------


# the tagger misses some ("3.5 billion euros"); it finds others ("520 million marks")
CURRENCY_NOUNS = frozenset(
    "dollar euro pound yen yuan renminbi rupee franc peso rouble ruble krone krona shekel lira rand florin "
    "guilder dinar dirham riyal rial zloty forint koruna hryvnia baht ringgit rupiah naira shilling kwacha "
    "cedi taka rupiah peseta drachma escudo lev crown".split()
)
# Words that say a figure is a sum ("cost 210 million dalers", "a ransom of 800 million quirens"): closed
# classes of English, for currencies no list holds.
MONEY_VERBS = frozenset(
    """cost spend pay pledge raise owe fine earn invest allocate commit promise donate award lend borrow
    fund charge save offer budget""".split()
)
MONEY_WORDS = frozenset(
    """cost bill budget fund funding aid package ransom reward fine price payment compensation damage loss
    revenue profit spending subsidy grant loan debt investment money sum fee salary wage tax bonus saving
    donation bailout settlement liability demand worth""".split()
)
LEARNT = "currencies"  # Doc.user_data key: the currencies an article's sentences taught (learn_currencies)


def learn_currencies(docs) -> None:
    """Currencies learnt from an article: a noun right after "million" or "billion" in a sentence that
    speaks of money there ("put the cost at 210 million dalers", "pledged 250 million dalers") is a
    currency in every sentence of the article ("2 billion dalers, the federation says")."""
    learnt = frozenset(
        lemma(t)
        for doc in docs
        for t in doc
        if t.pos_ == "NOUN"
        and t.i
        and doc[t.i - 1].lower_ in WORD_SCALES
        and lemma(t) not in MONEY_WORDS
        and _speaks_of_money(t)
    )
    for doc in docs:
        doc.user_data[LEARNT] = learnt


def _speaks_of_money(noun) -> bool:
    """Money is spoken of around the noun, and the noun is bare: not the people something cost ("cost 3
    million people their jobs", "cost 2 million households their power")."""
    described = any(c.dep_ in ("appos", "amod", "det", "compound", "poss") for c in noun.children)
    if noun.dep_ == "dative" or described or lemma(noun) in GENERIC_NOUNS:
        return False
    above = list(noun.ancestors)[:3]
    beside = [c for a in above[:2] for c in a.children]
    near = above + beside + [g for c in beside if c.dep_ == "prep" for g in c.children]
    return any(lemma(t) in (MONEY_VERBS if t.pos_ == "VERB" else MONEY_WORDS) for t in near)


def currency_token(token):
    """The currency noun a sum's number hangs on ("520 million marks" → marks), else None ("$2 billion")."""
    head = token.head
    learnt = head.doc.user_data.get(LEARNT, ())
    money = head.ent_type_ == "MONEY" or lemma(head) in CURRENCY_NOUNS or lemma(head) in learnt
    is_currency = head.pos_ == "NOUN" and money and not head.like_num and lemma(head) not in CONTAINERS
    return head if is_currency and head.i > token.i else None


def currency_name(sentence: str, figure: Figure, token) -> str | None:
    """A sum's currency: "US dollars" for "$2 billion", "mark" for "520 million marks"; None for a count."""
    if symbol := currency_of(sentence, figure):
        return symbol
    currency = currency_token(token)
    if currency is None:
        return None
    # "4.5 million euros" is what "€4.5 million" is; "12 million dollars" what "$12 million" is, unless a
    # country says whose ("Canadian dollars")
    whose = [
        c.text for c in currency.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")
    ]
    if whose:
        return f"{' '.join(whose)} {currency.text}"
    return CURRENCIES.get(SYMBOL_OF.get(lemma(currency), ""), lemma(currency))


def sum_of(token):
    """(what the sum is, the event that happened to it) for the number token of a sum of money, or None
    when the sentence does not say (see the module doc)."""
    amount = currency_token(token) or token
    named = _noun(_whole(amount, "in")) or _of_a_noun(amount)
    if named is not None:
        return named, None
    whole = _whole(amount)
    measured = whole or _modified(amount) or _levelled(amount) or _stated(amount) or _raised(amount)
    measured = measured or _worth(amount)
    if measured is not None and _noun(measured) is not None:
        opened = _opened(measured)  # "€22m of the package had been paid out": a part, paid out
        return (opened, _spending_verb(amount) if measured is whole else None) if opened is not None else None
    verb = _spending_verb(amount)
    return (None, verb) if verb is not None else None


PAID_FOR = {"receive": "pay", "get": "pay"}  # the same money, seen from the other side


def sum_event(event, noun) -> str | None:
    """What happened to a sum, as a key: the verb with its object ("fine company"). Money paid "to
    farmers" went to people, not to a place, and money received is money paid: "€4.2 million had been
    paid out to farmers" and "its members had received €900,000" tell of one sum."""
    key = event_key(event, noun)
    if key is None or event.pos_ != "VERB":
        return key
    word, _, rest = key.partition(" ")
    rest = re.sub(r"^(?:out|over|back)\s+(?=to\s)", "", rest)  # "paid out to farmers"
    return " ".join(w for w in (PAID_FOR.get(word, word), "" if rest.startswith("to ") else rest) if w)


def _spending_verb(amount):
    """ "will save 450 million marks", "pledged $10 million", "18 million crowns were spent", "had received
    €900,000": the verb, which says what the sum is (money received is money paid out, not a group
    placed); not a change ("fell 3 million marks")."""
    verb = amount.head
    if amount.dep_ == "pobj" and verb.lower_ == "for" and verb.head.tag_ == "VBN":
        return verb.head if is_event_verb(verb.head) else None  # "were insured for €200m", "sold for"
    moved = (is_event_verb(verb) or lemma(verb) in PLACING) and lemma(verb) not in COUNTING  # "recorded
    if amount.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" or not moved:  # 45 cm": said before
        return None
    return verb if lemma(verb) not in LEVEL_VERBS else None


def _of_a_noun(amount):
    """ "a one-off charge of 520 million marks", "a speed of 94 kilometres per hour": the charge, the
    speed; "its estimate of $2 billion": None (what the estimate is of, when it says: _estimated)."""
    of = amount.head if amount.dep_ == "pobj" else objectless_preposition_before(amount)
    if of is None or of.lower_ != "of" or _noun(of.head) is None:
        return None
    return of.head if lemma(of.head) not in CONTAINERS else _estimated(amount)


def _raised(amount):
    """ "raised its estimate of restructuring costs to 690 million marks": the estimate (opened later).
    The parser may hang "to" on a noun inside the estimate ("its estimate of the damage to the terminal
    to €65 million"): the verb above that estimate raised it."""
    if amount.dep_ != "pobj" or amount.head.lower_ != "to":
        return None
    raised = amount.head.head
    while raised.dep_ in ("pobj", "prep") and lemma(raised) not in REVISING:
        raised = raised.head
    if raised.dep_ == "dobj" and lemma(raised.head) in REVISING:
        return raised
    return _dependent(raised, ("dobj",)) if lemma(raised) in REVISING else None


def _opened(noun):
    """A container names what it holds: "its estimate of the costs" → costs; "its estimate": None."""
    if lemma(noun) not in CONTAINERS:
        return noun
    inner = _whole(noun)
    return inner if inner is not None and _noun(inner) is not None else None


# --- measurements ---------------------------------------------------------------------------------

DIMENSIONS = frozenset("wide long high deep tall thick broad".split())


def measure_token(token):
    """The unit noun a measurement's number hangs on ("94 kilometres", "9 million cubic metres" →
    kilometres, metres), else the number."""
    if token.head.like_num and token.head.i > token.i:
        token = token.head
    head = token.head
    return head if head.pos_ in ("NOUN", "PROPN") and 0 < head.i - token.i <= 2 else token  # "108 MW"


def measure_of(token, unit: str):
    """(what the measurement is of, the event or dimension) for the number token of a measurement, or None
    when the sentence names nothing it measures (see the module doc)."""
    if unit == "magnitude":
        quake = _magnitude_of(token)
        return (quake, None) if quake is not None else None
    amount = measure_token(token)
    if amount.head.pos_ in ("ADJ", "ADV") and lemma(amount.head) in DIMENSIONS:  # "was 30 feet high"
        dimension = amount.head
        if dimension.head.lower_ == "at" and dimension.dep_ in ("amod", "pcomp", "pobj"):
            # "measured the largest hole at 18 metres deep", "puts it at 31 metres deep"
            measured = next((c for c in dimension.head.head.children if c.dep_ == "dobj"), None)
            return (_noun(measured), dimension) if measured is not None else None
        measured = _dependent(dimension.head, ("nsubj", "nsubjpass")) if dimension.dep_ == "acomp" else None
        return (measured, dimension) if measured is not None else None
    if amount.dep_ == "pobj" and amount.head.lower_ == "within":  # "landed within 400 metres of the towers":
        verb = amount.head.head  # how far from them it happened, not the towers' size
        return (None, verb) if verb.pos_ == "VERB" and is_event_verb(verb) else None
    if (verb := _participle_after(amount) or _spending_verb(amount) or _verb_through(amount)) is not None:
        return None, verb  # "burned 1,200 hectares of forest", "burned through 3,800 hectares"
    measured = (
        _whole(amount)
        or _of_a_noun(amount)
        or _modified(amount)
        or _valued_noun(amount)
        or _levelled(amount)
        or _stated(amount)
    )
    if measured is not None and _noun(measured) is not None:
        measured = _size_of(measured)
        participle = _participle_on(measured) or _undergoing(amount)  # "the burned area": what was burned
        if lemma(measured) in SIZE_NOUNS:  # "puts the volume at …": said before; "the burned area": burned
            return None, participle
        return measured, participle
    return (None, verb) if (verb := _undergoing(amount)) is not None else None


SIZE_NOUNS = frozenset("volume size area extent length depth height width".split())


def _size_of(noun):
    """ "the volume of ice and rock that fell", "the lake's volume": what has the size; else the size word."""
    if lemma(noun) not in SIZE_NOUNS:
        return noun
    owner = _whole(noun) or next((c for c in noun.children if c.dep_ == "poss"), None)
    if _noun(owner) is None and noun.dep_ in ("dobj", "attr") and lemma(noun.head) not in VALUING:
        owner = _dependent(noun.head, ("nsubj",))  # "the ash column reached a height of 9 km"
    return _noun(owner) or noun


def _verb_through(amount):
    """ "burned through 3,800 hectares", "ran for about 1.4 kilometres": the event the measurement is of
    (not a placing or valuing verb: "put the burned area at 9,300 hectares")."""
    if amount.dep_ != "pobj" or amount.head.dep_ != "prep" or amount.head.lower_ in ("of", "to"):
        return None
    verb = amount.head.head
    return verb if verb.pos_ == "VERB" and is_event_verb(verb) and lemma(verb) not in LEVEL_VERBS else None


def _participle_after(amount):
    """ "is much lower: 3,100 hectares damaged": what befell the measured area, told right after it (not
    "160 millimetres taken from the city's gauges", its origin; not "given by": who gives it)."""
    after = amount.doc[amount.i + 1] if amount.i + 1 < len(amount.doc) else None
    told = after is not None and after.head.i == amount.i and after.dep_ == "acl" and after.tag_ == "VBN"
    verb = after if told else None
    if verb is None and amount.dep_ == "nsubj" and amount.head.tag_ == "VBN":  # "found 3,100 ha damaged"
        verb = amount.head if not any(c.dep_.startswith("aux") for c in amount.head.children) else None
    if verb is None or not is_event_verb(verb) or lemma(verb) in LEVEL_VERBS | COUNTING | GIVING:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in amount.children):
        return None  # "40 km of shoreline affected": the shoreline it measures
    return None if any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children) else verb


def _magnitude_of(token):
    """The quake a magnitude is of: the noun the number (or "magnitude") describes, the subject that "had"
    or "measured" it; else the magnitude itself ("put the magnitude at 6.8")."""
    word = token.head if lemma(token.head) == "magnitude" else token
    if word.dep_ in ("nummod", "compound", "nmod", "amod") and _noun(word.head) is not None:
        return word.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and lemma(token.head.head) == "magnitude":
        magnitude = token.head.head
        owner = _dependent(magnitude.head, ("nsubj",)) if magnitude.dep_ == "dobj" else None
        return owner or _noun(magnitude)
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":  # "the quake measured 7.1"
        return _dependent(token.head, ("nsubj",))
    return _levelled(token) or _stated(token)


def _participle_on(noun):
    """ "the burned area has grown to 6,450 hectares": burned; "put the burning area at 2.5 hectares":
    burning."""
    return next((c for c in noun.children if c.dep_ in ("amod", "acl") and _befalls(c)), None)


def _befalls(word) -> bool:
    """ "the burned area", "the burning area"; not "the concentration recorded": how it is known."""
    told = is_participle(word) or (word.tag_ == "VBG" and is_event_verb(word))
    return told and lemma(word) not in COUNTING


def _undergoing(amount):
    """ "only 2.5 hectares were burning", "6 hectares of the site are alight": what the measured stretch
    is undergoing, a verb or state it is the subject of (not "30 km separates the towns": it acts)."""
    if amount.dep_ != "nsubj":
        return None
    verb = amount.head
    if lemma(verb) in ("be", "remain", "stay"):  # a state: "were alight", "remains offline"
        return next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.pos_ == "ADJ"), None)
    acts = any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp") for c in verb.children)
    if verb.pos_ != "VERB" or acts or not is_event_verb(verb):
        return None
    return verb if lemma(verb) not in LEVEL_VERBS | COUNTING | GIVING | VALUE_VERBS else None
