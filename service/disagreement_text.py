"""Disagreements as text: a readable topic for a group of claims ("the number of people who died in
Marrowby"), and a sentence per disagreement citing every figure."""

from __future__ import annotations

from collections.abc import Sequence

from .clauses import OUTSIDE_THE_COUNTRY, WHOLE_COUNTRY, WHOLE_WORLD
from .figures import is_currency
from .measures import DIMENSIONS
from .models import Claim, Disagreement, Passage
from .nlp import parse_one

COLLECTIVES = frozenset("crowd turnout attendance audience workforce population electorate".split())

SCOPE_WORDS = {
    WHOLE_COUNTRY: " across the country",
    WHOLE_WORLD: " worldwide",
    OUTSIDE_THE_COUNTRY: " abroad",
}


def unit_noun(claim: Claim) -> str | None:
    """ "burned 12,000 hectares" counts hectares ("How many hectares"); "puts it at 31 metres deep" measures
    a depth, whatever "it" is."""
    if claim.unit in (None, "percent") or claim.noun or claim.event in DIMENSIONS:
        return None
    return parse_one(claim.unit)[0].lemma_.lower()


def topic_of(group: Sequence[Claim]) -> str:
    """ "the number of people who died in Marrowby"; for shares, sums and measurements, in their unit:
    "the turnout in Coravel, in percent", "the damage, in US dollars", "the speed, in kilometres per hour"."""
    named = [c.counted or " ".join(filter(None, [c.noun or "people", c.event])) for c in group]
    counted = max(set(named), key=lambda n: (not n.endswith("ing"), named.count(n), " " in n, n))
    places = [c.place or (c.places[0] if c.places else None) for c in group]
    places = [p for p in places if p]
    place = max(set(places), key=places.count) if places else None
    where = "" if place is None else SCOPE_WORDS.get(place, f" in {place}")
    unit = next((c.unit for c in group if c.unit), None)
    money = is_currency(unit)
    if money and any(unit_noun(c) for c in group):  # "spent 18 million crowns", "cost 900 million dalers"
        amount = counted if parse_one(counted)[0].pos_ == "NOUN" else f"amount {counted}"
        return f"the {amount}{where}, in {_plural_currency(unit)}"
    if unit and any(unit_noun(c) for c in group):  # "burned 12,000 hectares"
        return f"the number of {unit} {counted}{where}"
    if unit:
        return f"the {counted}{where}, in {_plural_currency(unit) if money else unit}"
    counted = _counted_plainly(counted, {c.noun for c in group if c.noun})
    return (
        f"the size of the {counted}{where}" if counted in COLLECTIVES else f"the number of {counted}{where}"
    )


def _counted_plainly(counted: str, nouns: set[str]) -> str:
    """One word read as what is counted: a noun in the plural ("death" → "deaths"; "reefs", which alone
    the tagger reads as a verb, when a claim counts reefs), else the people it describes ("killed" →
    "people killed", "missing" → "people missing"); a group of one kind as is."""
    if " " in counted or counted in COLLECTIVES:
        return counted
    word = parse_one(counted)[0]
    if word.pos_ in ("NOUN", "PROPN") or counted.removesuffix("s") in nouns:
        return counted if word.tag_ in ("NNS", "NNPS") or counted.endswith("s") else _plural(counted)
    return f"people {counted}"


INVARIANT_CURRENCIES = frozenset("yen yuan renminbi baht rand naira kwacha taka".split())


def _plural_currency(unit: str) -> str:
    """ "crown" → "crowns"; "US dollars", "yen" as they are."""
    return unit if " " in unit or unit.endswith("s") or unit in INVARIANT_CURRENCIES else _plural(unit)


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("ch", "sh", "x")) else "s")


def describe_disagreements(
    disagreements: Sequence[Disagreement], evidence: Sequence[Passage]
) -> tuple[str, list[Passage]]:
    """A sentence per disagreement giving every figure (or answer) with its citation, and the passages it
    cites beyond the evidence (numbered after it)."""
    numbers = {(p.doc_id, p.start): p.n for p in evidence}
    extra: list[Passage] = []

    def cite(claim: Claim, reuse: bool) -> int:
        key = (claim.doc_id, claim.start)
        restated = next((p for p in evidence if p.doc_id == claim.doc_id and claim.value in p.quote), None)
        if key not in numbers and restated and reuse:  # articles repeat key figures: cite the passage shown
            numbers[key] = restated.n
        if key not in numbers:
            numbers[key] = len(evidence) + len(extra) + 1
            extra.append(
                Passage(
                    n=numbers[key],
                    doc_id=claim.doc_id,
                    title=claim.title or claim.doc_id,
                    start=claim.start,
                    end=claim.end,
                    quote=claim.quote,
                )
            )
        return numbers[key]

    sentences = []
    for disagreement in disagreements:
        if disagreement.kind == "answers":  # one entry per answer, citing every document that gives it
            cites: dict[str, list[int]] = {}
            for claim in disagreement.claims:
                cites.setdefault(claim.value, []).append(cite(claim, reuse=False))
            items = [f"{value} {''.join(f'[{n}]' for n in dict.fromkeys(ns))}" for value, ns in cites.items()]
        else:
            items = [
                describe_claim(claim, disagreement.kind, cite(claim, reuse=True))
                for claim in disagreement.claims
            ]
        opening = "Over time" if disagreement.kind == "update" else "The sources differ on"
        sentences.append(f"{opening} {disagreement.topic}: {'; '.join(items)}.")
    return " ".join(sentences), extra


def describe_claim(claim: Claim, kind: str, n: int) -> str:
    """ "around 10,000 (the ministry) [2]"; in a timeline "120 on 2026-03-02 [1]"."""
    qualifier = f"{claim.qualifier} " if claim.qualifier else ""
    who = f" ({claim.source})" if claim.source and kind != "update" else ""
    when = f" on {claim.date}" if kind == "update" and claim.date else ""
    return f"{qualifier}{claim.value}{when}{who} [{n}]"
