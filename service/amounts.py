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
(`currency_name`: service/figures.py `currency_of`, or the noun the tagger marks as money). What a
measurement measures is read in service/measures.py, with the helpers below.
"""

from __future__ import annotations

import re

from .clauses import CONTAINERS, GENERIC_NOUNS, RAISING, VALUING, across_a_clause, lemma
from .events import COUNTING, PLACING, VALUE_VERBS, event_of, is_event_verb
from .figures import CURRENCIES, SYMBOL_OF, WORD_SCALES, Figure, currency_of
from .keys import event_key
from .nlp import objectless_preposition_before
from .thesaurus import is_a_possession

REVISING = frozenset("raise lift cut lower revise".split())  # "raised its estimate of the costs to …"
MEASURING = frozenset("measure record clock".split())  # "measured the water at 11.6 degrees"
AMOUNTS = frozenset({"amount"})  # of money, what "total" is of a count ("the street value" is its own)
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
    whole = whole_of(unit)
    if whole is not None:  # not "1.8 percent of the total": a share of what the sentence does not say
        return (whole, event_of(unit)) if whole.pos_ == "NOUN" and lemma(whole) not in CONTAINERS else None
    measured = modified_noun(unit) or levelled(unit) or valued_noun(unit)  # "estimates the loss at 23%"
    measured = measured or stated_of(unit) or _estimated(unit)
    if measured is not None and lemma(measured) in CONTAINERS:  # "put the figure at 12%": said before
        return (_opened(measured), None)
    return (measured, None) if measured is not None else None


def whole_of(unit, preposition: str = "of"):
    """ "52.3 percent of the vote": the vote; "$1.5 billion in damage" ("in"): the damage."""
    for child in unit.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def common_noun(token):
    """A common noun; or the head of a named fund, levy or grant ("the Coastal Relocation Fund")."""
    if token is not None and token.pos_ == "PROPN" and is_a_possession(token.lower_):
        return token
    return token if token is not None and token.pos_ == "NOUN" and not token.ent_type_ else None


def modified_noun(unit):
    """ "61.4 percent turnout", "a 12% stake": the noun the percentage describes (not a change)."""
    if unit.dep_ in ("amod", "compound", "nmod", "nummod") and unit.head.i > unit.i:
        if across_a_clause(unit, unit.head):
            return None
        noun = common_noun(unit.head)
        return noun if noun is not None and not _is_change_word(noun) else None
    return None


def levelled(unit):
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
        return common_noun(valued)  # "puts it at €1.3 billion", "increased the package to €60m": what is set
    relative = verb.dep_ == "relcl" and any(c.lower_ in ("which", "that") for c in verb.children)
    # "X, which lies at"
    return common_noun(verb.head) if relative else dependent_noun(verb, ("nsubj", "nsubjpass"))


def valued_noun(amount):
    """ "estimates the lake's volume at 1.6 million cubic metres", "estimates the volume of ice that fell at
    9 million cubic metres": the parser hangs the measurement on the noun valued, or on its clause."""
    if amount.dep_ != "pobj" or amount.head.lower_ != "at":
        return None
    word = amount.head.head
    word = word.head if word.dep_ in ("relcl", "acl") else word
    if word.pos_ == "VERB" and lemma(word) in VALUING | MEASURING:  # "puts the bloom at 27 km of coastline"
        # "measured the water at 11.6 degrees"; "the water temperature was recorded at 14.2 degrees"
        deps = ("dobj", "nsubjpass") if lemma(word) in MEASURING else ("dobj",)
        word = next((c for c in word.children if c.dep_ in deps), word)
    if word.pos_ == "NOUN" and word.dep_ in ("dobj", "nsubjpass") and lemma(word.head) in VALUING | MEASURING:
        return common_noun(word)
    return None


def stated_of(unit):
    """ "turnout was 55.2 percent", "turnout had reached 61.4 percent": the subject of a value verb."""
    if unit.dep_ not in ("attr", "dobj", "acomp", "npadvmod", "oprd"):
        return None
    verb = unit.head
    if verb.pos_ not in ("VERB", "AUX") or lemma(verb) not in VALUE_VERBS or lemma(verb) in LEVEL_VERBS:
        return None
    return dependent_noun(verb, ("nsubj", "nsubjpass"))


def _worth(amount):
    """ "the deal is worth €118 million", "a deal worth €118m": the deal."""
    worth = amount.head
    if worth.lower_ != "worth":  # "deposits worth 1.4 million crowns are missing", parsed with "worth" on
        worth = next((c for c in amount.children if c.lower_ == "worth" and c.i > 0), None)  # the crowns
        before = worth.doc[worth.i - 1] if worth is not None else None
        return common_noun(before) if before is not None and before.dep_ != "amod" else None
    if worth.dep_ == "acomp":
        return dependent_noun(worth.head, ("nsubj", "nsubjpass"))
    return common_noun(worth.head) if worth.dep_ in ("amod", "acl", "advmod") else None


def _estimated(unit):
    """ "its turnout estimate of 55.2 percent", "the final turnout figure of 61.4%": what the figure is of."""
    if unit.dep_ != "pobj" or unit.head.lower_ != "of" or lemma(unit.head.head) not in CONTAINERS:
        return None
    container = unit.head.head
    # the parser may tag the measured word an adjective: "its turnout estimate"
    kind = next((c for c in container.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "ADJ")), None)
    # "of €40m for the damage"; "a figure of 587,000 crowns for unpaid debt" (the parser may hang "for" on
    # the sum)
    return kind if kind is not None else common_noun(whole_of(container, "for") or whole_of(unit, "for"))


def dependent_noun(verb, deps):
    """The verb's noun of those dependencies; for a subject, a conjoined verb's shared one ("The fund was
    announced at €4.5m, then increased to €7.2m")."""
    found = next((c for c in verb.children if c.dep_ in deps and common_noun(c) is not None), None)
    shared = verb.dep_ in ("conj", "dep") and verb.head.pos_ == "VERB" and "nsubj" in deps
    shared = shared and not any(c.dep_.startswith("nsubj") for c in verb.children)
    return dependent_noun(verb.head, deps) if found is None and shared else found


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
    whose = [  # a country's name or adjective, not "nearer", "worth" the parser hangs on it
        c.text
        for c in currency.children
        if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN") and c.text[:1].isupper()
    ]
    if whose:
        return f"{' '.join(whose)} {currency.text}"
    return CURRENCIES.get(SYMBOL_OF.get(lemma(currency), ""), lemma(currency))


def sum_of(token):
    """(what the sum is, the event that happened to it) for the number token of a sum of money, or None
    when the sentence does not say (see the module doc)."""
    amount = currency_token(token) or token
    within = whole_of(amount, "in")  # "$1.5 billion in damage"; not "50 crowns in recognition of the delay"
    within = None if within is not None and whole_of(within) is not None else within
    named = common_noun(within) or of_a_noun(amount)
    if named is not None:
        return named, None
    whole = whole_of(amount)
    measured = whole or modified_noun(amount) or levelled(amount) or stated_of(amount) or _raised(amount)
    measured = measured or _worth(amount)
    if measured is not None and common_noun(measured) is not None:
        opened = _opened(measured)  # "€22m of the package had been paid out": a part, paid out
        if opened is None:  # "the total owed on the accounts was 412,000 crowns": what was done to it
            done = _done_to(measured)
            return (None, done) if done is not None else None
        return opened, spending_verb(amount) if measured is whole else None
    verb = spending_verb(amount)
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


def spending_verb(amount):
    """ "will save 450 million marks", "pledged $10 million", "18 million crowns were spent", "had received
    €900,000": the verb, which says what the sum is (money received is money paid out, not a group
    placed); not a change ("fell 3 million marks")."""
    verb = amount.head
    if amount.dep_ == "pobj" and verb.lower_ == "for" and verb.head.tag_ == "VBN":
        return verb.head if is_event_verb(verb.head) else None  # "were insured for €200m", "sold for"
    moved = (is_event_verb(verb) or lemma(verb) in PLACING) and lemma(verb) not in COUNTING  # "recorded
    deps = ("dobj", "nsubjpass", *(("nsubj",) if _done_to_it(verb, amount) else ()))  # 45 cm": said before
    if amount.dep_ not in deps or verb.pos_ != "VERB" or not moved:
        return None
    return verb if lemma(verb) not in LEVEL_VERBS else None


def _done_to_it(verb, amount) -> bool:
    """ "2.9 million crowns refunded as of today": a past verb with no auxiliary and no object says what
    was done to the sum the parser makes its subject (not "40 km of shoreline affected": the shoreline's)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in amount.children):
        return False
    bare = verb.tag_ in ("VBD", "VBN") and not any(c.dep_.startswith("aux") for c in verb.children)
    return bare and not any(c.dep_ in ("dobj", "attr", "acomp", "prt") for c in verb.children)


def of_a_noun(amount):
    """ "a one-off charge of 520 million marks", "a speed of 94 kilometres per hour": the charge, the
    speed; "its estimate of $2 billion": None (what the estimate is of, when it says: _estimated)."""
    of = amount.head if amount.dep_ == "pobj" else objectless_preposition_before(amount)
    if of is None or of.lower_ != "of" or common_noun(of.head) is None:
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
    return dependent_noun(raised, ("dobj",)) if lemma(raised) in REVISING else None


def _done_to(container):
    """ "the total owed", "the amount raised by the appeal": the participle that says what the sum is."""
    done = next((c for c in container.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return done if done is not None and (is_event_verb(done) or lemma(done) in MONEY_VERBS) else None


def _opened(noun):
    """A container names what it holds: "its estimate of the costs" → costs, "the amount of aid" → aid;
    "its estimate", "the amount": None."""
    # "the value of the deposits" is theirs; "the street value", "the value" are its own
    own = whole_of(noun) is None or any(c.dep_ == "compound" for c in noun.children)
    if lemma(noun) not in CONTAINERS | AMOUNTS | {"value"} or (lemma(noun) == "value" and own):
        return noun
    inner = whole_of(noun)
    return inner if inner is not None and common_noun(inner) is not None else None
