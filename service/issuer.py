"""Whose document it is, when an organisation issues it in its own voice: "A message from Quayside
Parcels", "STATEMENT FROM THE VELLMAR VETERINARY ASSOCIATION", "TAMSFIELD CITY COUNCIL – PRESS OFFICE",
"12 March 2026 - Fold & Field Trust blog - posted by …": a line under the headline that opens with the
formula (a headline may quote a body a newspaper writes about; a byline names a writer; a person's letter
and a newspaper's own newsletter, "The Halsey Ledger newsletter", are no body's release). Its figures
told in the first person ("Our helpline has now recorded 67 sheep", "we had received 124 claims") are
that body's, as a newspaper would attribute them (service/article_context.py applies it)."""

from __future__ import annotations

import re

from . import nlp
from .models import Claim

WORD = r"[A-Z][\w&'’-]*"
ORG = rf"(?P<org>{WORD}(?:[ \t]+(?:of|and|&|for|{WORD}))*)"
# a dateline ("HARNAU - ") or a date ("12 March 2026 - ") may come first
LEAD = r"^(?:[A-Z][A-Z ]+[ \t]+[–—-][ \t]+|\d{1,2}[ \t]+[A-Za-z]+[ \t]+\d{4}[ \t]+[–—-][ \t]+)?"
TO_WHOM = r"(?:[ \t]+to[ \t]+[^\n]{1,60}?)?"  # "A message to our customers and their families from X"
# what a body issues in its own name; not a letter, which a person writes ("Letter from the Minister")
BODYS_WORD = r"message|statement|notice|update"
# the headline itself may be the formula: "A message to our customers from Brightwell Homecare"
HEADLINE = re.compile(rf"(?i:(?:a[ \t]+)?(?:{BODYS_WORD}){TO_WHOM}[ \t]+from[ \t]+(?:the[ \t]+)?)" + ORG)
# "A message from X", "Issued by the X", "This statement is issued by X", "Organised by X"; "X –
# Press Office", "X blog"
ISSUED = [
    re.compile(
        LEAD
        + rf"(?i:(?:this[ \t]+\w+[ \t]+is[ \t]+)?(?:a[ \t]+)?(?:(?:{BODYS_WORD}|letter){TO_WHOM}"
        + r"[ \t]+(?:issued[ \t]+by|from)|(?:issued|organi[sz]ed|published)[ \t]+by)[ \t]+(?:the[ \t]+)?)"
        + ORG
    ),
    re.compile(
        LEAD + ORG + r"(?:[ \t]+[–—|-])?[ \t]+(?:[A-Z][\w’']*[ \t]+)?"
        r"(?i:press[ \t]+office|(?:press|news|media)[ \t]+release|blog|newsletter)\b"
    ),
    # "Safer Streets Trust | Report summary": set off from its name, not "Extreme Heat Bulletin No. 7"
    re.compile(
        LEAD + ORG + r"[ \t]+[–—|-][ \t]+(?:[A-Z][\w’']*[ \t]+)?(?i:report|summary|bulletin|briefing)\b"
    ),
]
# "PRESS RELEASE | For immediate release" names no body: the release's first sentence does ("Halvergate,
# 9 March 2026 – Glida, Kestria's leading operator, today announced …")
A_RELEASE = re.compile(r"(?i)\b(?:(?:press|news|media)[ \t]+release|for[ \t]+immediate[ \t]+release)\b")
DAY = r"(?:\d{1,2}[ \t]+[A-Za-z]+|[A-Za-z]+[ \t]+\d{1,2},?)[ \t]+\d{4}"  # "9 March 2026", "March 9, 2026"
DATELINE = rf"(?:[A-Z][\w'’ ]*,[ \t]+)?{DAY}[ \t]+[–—-][ \t]+"  # "Halvergate, 9 March 2026 – "
ANNOUNCED = re.compile(
    rf"^(?:{DATELINE})?(?P<org>{WORD}(?:[ \t]+(?:of|and|&|for|{WORD}))*)(?:,[^,\n]{{1,120}},)?[ \t]+"
    r"(?:today[ \t]+|has[ \t]+)?(?:announce[ds]|launch(?:ed|es)|unveil(?:ed|s)|publish(?:ed|es))\b"
)
# "A message from Dorian Pelt, Chief Executive, …": a person who speaks for a body, not the body
A_PERSONS_ROLE = re.compile(
    r",[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+){0,2}(?:chief|executive|director|chair\w*|president|secretary|officer"
    r"|manager|head|founder|minister|spokes\w+)\b",
    re.I,
)
LINES_UNDER_HEADLINE = 5  # the headline and the four lines under it
CONNECTORS = frozenset("of and for".split())
MAX_ACRONYM = 5  # "VMA", not "CHAIR" … "PRESIDENT" (a heading)
TITLES = frozenset("mr mrs ms dr professor prof sir dame".split())
FIRST_PERSON = re.compile(r"we|us|our\b.*", re.I)
SPOKEN_AS_WE = re.compile(r"\b(?:we|us|our|ours)\b", re.I)


def issuer_of(text: str) -> str | None:
    """The body that issues the document, named by a line under its headline (or by the headline, when it
    opens with the formula), else by the first sentence of a release, else None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for i, line in enumerate(lines[:LINES_UNDER_HEADLINE]):
        for pattern in ISSUED if i else [HEADLINE]:
            found = pattern.match(line)
            if found is None or A_PERSONS_ROLE.match(line, found.end("org")):
                continue
            if (body := _a_body(found["org"])) is not None:
                return body
    return _announcer(lines)


def _announcer(lines: list[str]) -> str | None:
    """The body a release's first paragraph says announces it, when a line under the headline calls the
    document a release and names no one: a one-word name ("Glida") will do, a person's will not."""
    marked = [i for i, line in enumerate(lines[1:LINES_UNDER_HEADLINE], 1) if A_RELEASE.search(line)]
    opening = lines[marked[0] + 1] if marked and marked[0] + 1 < len(lines) else ""
    if (found := ANNOUNCED.match(opening)) is None:
        return None
    name = found["org"]
    if " " in name or name.isupper():
        return _a_body(name)
    named = {e.text: e.label_ for e in nlp.parse_one(opening).ents}
    return None if named.get(name) == "PERSON" else name


def _a_body(name: str) -> str | None:
    """An organisation's name: two capitalised words or more ("Ministry of Health") or a short acronym
    ("VMA"), not a newspaper's ("The Halsey Ledger") nor a person's ("Dr Hedda Vallin")."""
    name = re.sub(r"(?:[ \t]+(?:of|and|&|for))+$", "", name)  # "Quayside Parcels and" its partners
    words = name.split()
    capitalised = [w for w in words if w[:1].isupper()]
    acronym = name.isupper() and 1 < len(name) <= MAX_ACRONYM
    if words[0].lower() in ("the", *TITLES) or not (len(capitalised) > 1 or acronym):
        return None
    if any(e.label_ == "PERSON" for e in nlp.parse_one(name).ents):
        return None
    if name.isupper() and len(words) > 1:  # "STATEMENT FROM THE KORVEL CITY LICENSING AUTHORITY"
        return " ".join(w.lower() if w.lower() in CONNECTORS else w.title() for w in words)
    return name


def in_its_voice(claim: Claim, issuer: str | None) -> Claim:
    """A figure the issuer's document tells in the first person ("Our helpline has recorded", "By Tuesday,
    we had received") is the issuer's; one its sentence gives no teller for stays the document's own
    ("At the time, 58 buses were parked at the depot": what the body saw, not a figure it keeps)."""
    told_as_we = (
        FIRST_PERSON.fullmatch(claim.source) if claim.source is not None else SPOKEN_AS_WE.search(claim.quote)
    )
    if issuer is None or not told_as_we:
        return claim
    return claim.model_copy(update={"source": issuer, "attribution": issuer})
