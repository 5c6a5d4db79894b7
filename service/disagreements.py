"""Where the documents disagree on figures: figures that cannot all hold, and figures that change over
time.

Figures (deterministic, from the claim frames of service/claims.py)
    Same thing: two claims are compared only when they count the same thing in the same place. Nouns are
    the same when equal, in one group of the optional lexicon (NEWSDESK_LEXICON), or when their embeddings
    are close (NOUN_SIMILARITY: troop~soldier 0.74 joins, builder~building 0.72 does not); events likewise
    (EVENT_SIMILARITY: die~kill 0.74, die~fatality 0.56 join; die~missing 0.25, kill~fight 0.55 do not). A
    noun that is itself an event ("deaths", "fatalities") counts people, with that event. A claim that leaves
    something unsaid (no place, no activity, "people" for its noun) joins the one group that says it;
    when several could, it joins them all if none contradicts another (each says what the others leave
    unsaid: a place, a side), else it stays on its own. Places are compared most specific first:
    "Norrevia's Haldmark province" anywhere in the corpus tells that Haldmark lies in Norrevia, so "in
    Haldmark" and "in Norrevia" are two places.
    A share ("61.4%"), a sum ("$2 billion") or a measurement ("94 km/h") is compared only in its unit.
    Kinds: in a group, two figures from different sources whose intervals do not overlap (and are not
    MAGNITUDES_APART times apart: then they count different things the frames did not tell apart), for
    the same time (dates at most `conflict_window_days` apart, or unknown; not a later, higher figure on
    another day: a count that grew), make a *conflict*; a source compared with another source's running
    count is compared with its figure nearest in time. One source's figures at different dates make an
    *update*, reported as a timeline (date → value → source). A figure for another time (the 2011 floods,
    cited for comparison) is neither. Two conflicts over the very same figures of the same documents,
    told with verbs too far apart to join ("3 tonnes escaped", "3 tonnes were released"), are reported once.

Contradicting assertions (confirmed vs not acknowledged…) are found in service/assertions.py.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .clauses import COUNTING, WHOLE_COUNTRY
from .disagreement_text import topic_of, unit_noun
from .figures import is_currency
from .frame_text import participle
from .intervals import overlap
from .keys import unharmed_against_harm
from .models import Claim, Disagreement
from .nlp import days_apart
from .one_time import at_one_time
from .presence import is_presence
from .rates import rate_in
from .tellers import dated_by_repeats, one_voice, other_years, same_source, set_against, source_key
from .text import abbreviated_unit_after
from .thesaurus import beings_apart, is_a_unit, is_an_animal
from .timelines import steps_told, timelines
from .units import SPEED_NOUNS, SPEEDS, in_scale
from .vocabulary import EVENT_SIMILARITY, NOUN_SIMILARITY, Vocabulary

Judge = Callable[[str, str], bool]  # (first statement, second statement) → do they contradict?

# --- frames → groups --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    noun: str  # "*" when only the event says what is counted
    event: str | None
    activity: str | None
    places: frozenset[str]
    side: str | None = None  # whose group, or who did it (Claim.whose), comparable
    unit: str | None = None  # "percent": a share is never compared with a count

    @property
    def is_sum(self) -> bool:
        return is_currency(self.unit)

    @property
    def bare_sum(self) -> bool:
        """A sum named by one word ("the bill"), which a sum of the same word with its kind ("its
        compensation bill") may be."""
        return self.is_sum and self.noun != "*" and " " not in self.noun

    def covered_by(self, other: Key) -> bool:
        """Every part this key states, the other states the same; what this one leaves unsaid, any."""
        kind_unsaid = self.bare_sum and other.noun.endswith(f" {self.noun}")
        return (
            (self.noun == other.noun or self.noun == "*" or kind_unsaid)
            and self.event == other.event
            and (self.activity is None or self.activity == other.activity)
            and (not self.places or self.places == other.places)
            and (self.side is None or self.side == other.side)
            and self.unit == other.unit
        )


def frame_keys(claims: Sequence[Claim], vocabulary: Vocabulary, asked: bool = False) -> list[Key]:
    """The comparison key of every claim (see the module doc). `asked`: the first is a question's frame,
    whose verb is the question's own ("How many excess deaths did Calvessa have?" asks no count of
    deaths had, and so not every count of deaths)."""
    heads = {c.noun.split()[-1] for c in claims if c.noun}
    events = {c.event for c in claims if c.event}
    event_of = vocabulary.clusters(
        events,
        EVENT_SIMILARITY,
        apart=never_joined,
        separate=tallied_apart(claims),
        complete=True,
        events=True,
    )
    # "hospital admission" names "admit to hospital" as a whole, not by its head
    nominal = {n: _nearest(n, event_of, vocabulary) for n in heads | {c.noun for c in claims if c.noun}}
    noun_of = vocabulary.clusters(heads, NOUN_SIMILARITY)
    activity_of = vocabulary.clusters(
        {c.activity for c in claims if c.activity}, EVENT_SIMILARITY, events=True
    )
    inside, units = _containment(claims), {c.unit for c in claims}
    country = _the_country(claims, inside)
    keys = []
    for i, claim in enumerate(claims):
        head = claim.noun.split()[-1] if claim.noun else None
        amassed = not claim.event or claim.event in (ASKED_AMASSING if asked and i == 0 else AMASSING)
        event = event_of.get(claim.event) if claim.event else None
        unsaid = (claim.generic and event) or (claim.unit in SPEEDS and claim.noun in SPEED_NOUNS)
        noun = unit_noun(claim) or ("*" if unsaid else (claim.noun or "*"))
        named = (nominal.get(claim.noun) or nominal.get(head)) if head and head not in SPANS else None
        if named and amassed and not claim.activity:
            noun, event = _whose_event(claim.noun, noun_of), named
        elif head:
            noun = " ".join([*claim.noun.split()[:-1], noun_of[head]]) if noun != "*" else noun
            event = event_of.get(TALLIED, TALLIED) if claim.event in TALLYING and noun != "*" else event
        places = _most_specific(claim.places, inside, country)
        activity = activity_of.get(claim.activity or "")
        keys.append(Key(noun, event, activity, places, side_of(claim.whose), in_scale(claim.unit, units)))
    return keys


def side_of(whose: str | None) -> str | None:
    """ "Veldarian" and "Veldaria's", "Civic Union" and "the Civic Union's" alike: each word's first five
    letters."""
    if not whose:
        return None
    return " ".join(word[:5] for word in re.findall(r"[^\W\d_]+", whose.lower()) if word not in ("the", "s"))


def tallied_apart(claims: Sequence[Claim]) -> set[frozenset[str]]:
    """Events that one source counts side by side in one sentence ("4 people had been confirmed dead and
    18 had been rescued alive"), or in one article for one day ("2,300 bags were still awaiting their
    owners", "19,100 had been returned to their owners"): different things, however close their words'
    embeddings. Not when the sentence sets two sources against each other: that is one thing disputed."""
    by_sentence: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[(claim.doc_id, claim.start)].append(claim)
        if claim.source and claim.date:
            by_sentence[(claim.doc_id, claim.source, claim.date)].append(claim)
    pairs = set()
    for told in by_sentence.values():
        for a, b in itertools.combinations(told, 2):
            if a.event and b.event and a.event != b.event and a.value != b.value and a.source == b.source:
                pairs.add(frozenset((a.event, b.event)))
    return pairs


# "collected 3,800 signatures", "had 14,650 signatures", "recorded 40 deaths", "made 30 arrests", "410
# assaults took place": the noun names the event; the verb only says that they were counted up, or happened
OCCURRING = frozenset({"take place", "happen", "occur"})
AMASSING = (
    frozenset(
        "have get collect gather receive amass accumulate garner attract record register log make".split()
    )
    | OCCURRING
)
# a question's own "have" amasses nothing ("How many deaths has …"); "made" does ("How many arrests had
# the operation made?"), as a figure's "made 14 arrests"
ASKED_AMASSING = AMASSING - {"have"}
# "recorded 1,184 incidents", "logged 1,746 incidents", "counted 1,746 incidents": one count of a noun that
# names no event, whichever verb keeps it (not "measured"; not "registered", which new donors do themselves)
TALLYING, TALLIED = COUNTING - {"measure", "register"}, "record"
SPANS = frozenset({"time", "duration"})  # "waiting time", "response time": how long, no count of waiting
LIGHT_VERBS = frozenset("take make have give get lose do put set keep hold find".split())


def never_joined(a: str, b: str) -> bool:
    """Events whose embeddings may be close but whose meaning is not: a light verb with its object and
    the bare verb ("take part" is not "take" (to hospital), "lose home" not "lose"), two bare light verbs
    ("take" and "get" are close as words, and say little), "have" against another verb on the same object
    ("have money", "receive money"), and where a group is
    against what happened to it ("on the boat" is not the "boat toll"), and no harm against harm ("rescued
    alive" is not "dead"), and an amount per day or year against a total."""
    if rate_in(a) != rate_in(b) or _negation_of(a, b) or _opposite_ways(a, b):
        return True
    short, long = sorted((a, b), key=len)
    if short in LIGHT_VERBS and long.split()[0] == short:
        return True
    if a != b and a in LIGHT_VERBS and b in LIGHT_VERBS:  # "350 taken to the mainland", "1,300 got out"
        return True
    (verb_a, _, object_a), (verb_b, _, object_b) = a.partition(" "), b.partition(" ")
    if object_a and object_a == object_b and verb_a != verb_b and "have" in (verb_a, verb_b):
        return True  # "had money at the bank" is what they held; "received their money", what befell them
    return is_presence(a) != is_presence(b) or unharmed_against_harm(a, b)


def _negation_of(a: str, b: str) -> bool:
    """ "not pay" and "unpaid" (the unpaid) are what "pay" (the paid) is not."""
    first_a, first_b = a.split()[0], b.split()[0]
    pairs = ((first_a, first_b), (first_b, first_a))
    unsaid = any(x.startswith("un") and x[2:] == participle(y) for x, y in pairs)
    return unsaid or a.startswith("not ") != b.startswith("not ")


def _opposite_ways(a: str, b: str) -> bool:
    """ "restore to register" and "take off register": to one place and off it (close as words)."""
    words_a, words_b = a.split(), b.split()
    if min(len(words_a), len(words_b)) < 3 or words_a[-1] != words_b[-1]:
        return False
    ways = {words_a[-2], words_b[-2]}
    return bool(ways & TOWARDS) and bool(ways & AWAY)


TOWARDS = frozenset({"to", "into", "onto"})
AWAY = frozenset({"off", "from", "out"})


def _whose_event(noun: str, noun_of: dict[str, str]) -> str:
    """ "dog deaths": the dogs died; "excess deaths", "hospital admissions": people, left unsaid."""
    *modifiers, _ = noun.split()
    return noun_of.get(modifiers[-1], modifiers[-1]) if modifiers and is_an_animal(modifiers[-1]) else "*"


def _nearest(head: str, event_of: dict[str, str], vocabulary: Vocabulary) -> str | None:
    scored = [
        (vocabulary.names_event(head, event), vocabulary.similarity(head, event), event)
        for event in event_of
        if not is_presence(event) and not event.startswith("not ")  # no noun names what did not happen
    ]
    best = max(scored, default=(0.0, 0.0, None))
    return event_of[best[2]] if best[2] is not None and best[0] > 0 else None


def _containment(claims: Sequence[Claim]) -> set[tuple[str, str]]:
    return {(outer, inner) for c in claims for outer, inner in c.containers}


def _the_country(claims: Sequence[Claim], inside: set[tuple[str, str]]) -> str | None:
    """The one outermost place of the corpus (Norrevia, for "Port Elsen, in Haldmark province of
    Norrevia"); with no place told inside another, the one place a figure names beside "nationwide"
    ("Nationally, … 412 people were hurt … across Calveria")."""
    outermost = {o for o, _ in inside} - {i for _, i in inside}
    if inside:
        return next(iter(outermost)) if len(outermost) == 1 else None
    beside = {p for c in claims if WHOLE_COUNTRY in c.places for p in c.places if p != WHOLE_COUNTRY}
    if len(beside) != 1:
        return None
    [country] = beside
    return None if any(_named_a_part(country, c.quote) for c in claims) else country


PART_OF_A_COUNTRY = "region province county district state city town village"


def _named_a_part(place: str, quote: str) -> bool:
    """ "the highland province of Upper Tolvane", "Upper Tolvane province": no country."""
    kinds = "|".join(PART_OF_A_COUNTRY.split())
    place = re.escape(place)
    named = rf"\bthe\s+(?:\w+\s+)?(?:{kinds})\s+of\s+{place}\b|\b{place}\s+(?:{kinds})\b"
    return re.search(named, quote, re.IGNORECASE) is not None


def _most_specific(
    places: Sequence[str], inside: set[tuple[str, str]], country: str | None
) -> frozenset[str]:
    """The places no other of them lies in; "nationwide" is the country (_the_country), when known."""
    named = {country if p == WHOLE_COUNTRY and country else p for p in places}
    return frozenset(p for p in named if not any((p, q) in inside for q in named))


def group_claims(claims: Sequence[Claim], vocabulary: Vocabulary) -> list[list[Claim]]:
    """Claims that count the same thing in the same place (see the module doc), largest first."""
    keys = frame_keys(claims, vocabulary)
    groups: dict[Key, list[Claim]] = defaultdict(list)
    for claim, key in zip(claims, keys, strict=True):
        groups[key].append(claim)
    parts = parts_told_apart(claims, keys)
    # who speaks in each group by its own frames (not through a claim moved in: "the ministry" would
    # bridge one ministry's running count to another's)
    speakers = {key: list(group) for key, group in groups.items()}
    for key in sorted(groups, key=_unsaid, reverse=True):
        if not _unsaid(key):
            continue
        for claim in list(groups[key]):
            targets = [
                other
                for other in groups
                if other != key and groups[other] and key.covered_by(other) and (key, other) not in parts
            ]
            targets = [t for t in targets if not beings_apart(claim.noun, t.noun)]
            if len(targets) > 1 and claim.source:  # a running count: the group where its source speaks
                targets = [t for t in targets if _speaks_in(claim, speakers[t])]
            if len(targets) > 1 and _never_contradict(targets):
                for other in targets[1:]:  # each says what the others leave unsaid: one count
                    groups[targets[0]] += groups.pop(other)
                    speakers[targets[0]] += speakers[other]
                targets = targets[:1]
            if len(targets) == 1:
                groups[key].remove(claim)
                groups[targets[0]].append(claim)
    found = [group for group in groups.values() if group]
    # largest first; among equals, the one told first in the corpus (not the order keys were made in)
    return sorted(found, key=lambda group: (-len(group), min((c.doc_id, c.start) for c in group)))


def _speaks_in(claim: Claim, group: Sequence[Claim]) -> bool:
    """Its source speaks there, of the same year (a university's 2024/25 deficit is not its 2026 one)."""
    same_year = [c for c in group if not other_years(c, claim)]
    return any(same_source(source_key(c), source_key(claim)) for c in same_year)


def _never_contradict(keys: Sequence[Key]) -> bool:
    """ "3,800 hectares burned in Corran", "the Arbenne fire has burned 6,450": neither denies the other."""
    for a, b in itertools.combinations(keys, 2):
        if (a.places and b.places and a.places != b.places) or (a.side and b.side and a.side != b.side):
            return False
        if a.noun != b.noun or a.event != b.event or a.activity != b.activity:
            return False
    return True


def parts_told_apart(claims: Sequence[Claim], keys: Sequence[Key]) -> set[tuple[Key, Key]]:
    """(whole, part) keys one voice counts side by side: an article giving "21 people are still missing"
    and, in its own voice or the same source's, "six children were among the missing" counts a part of the
    people, not the same thing; the people's figures stay out of the children's group. Two named sources
    that differ ("12 skiers", says the operator; "19 people", says the rescue service) dispute one count."""
    parts = set()
    for (a, key_a), (b, key_b) in itertools.permutations(zip(claims, keys, strict=True), 2):
        if a.doc_id != b.doc_id or key_a.noun != "*" or key_b.noun == "*" or not key_a.covered_by(key_b):
            continue
        if key_a.unit in SPEEDS:
            continue  # a speed has no parts: "a speed of 94 km/h" is the coach's "doing 55 km/h", disputed
        one_voice = not (a.source and b.source) or same_source(source_key(a), source_key(b))
        if one_voice and not overlap(a, b) and not other_years(a, b):
            parts.add((key_a, key_b))
    return parts


def _unsaid(key: Key) -> int:
    return (key.noun == "*" or key.bare_sum) + (key.activity is None) + (not key.places) + (key.side is None)


# --- groups → conflicts and updates ----------------------------------------------------------------


BACKGROUND_DAYS = 365


def is_background(claim: Claim) -> bool:
    """A figure its sentence dates a year or more before the article: another event cited for
    comparison ("the 2011 floods, which killed 1,300 people"), never part of this story's figures; or
    one its sentence reports of another event ("In a separate accident, …")."""
    if claim.aside:
        return True
    if not (claim.date_stated and claim.date and claim.published):
        return False
    since = f"{claim.date}-01" if len(claim.date) == len("2025-11") else claim.date  # a month from its start
    return claim.date < claim.published and (days_apart(since, claim.published) or 0) >= BACKGROUND_DAYS


def is_vague(claim: Claim) -> bool:
    """ "240,000 people", "1,200 tonnes" with nothing said of them: nothing to compare."""
    abbreviated = abbreviated_unit_after(claim.quote, claim.value)  # "38,000 TEU"
    in_units = claim.noun is not None and (is_a_unit(claim.noun) or abbreviated is not None)
    return (claim.generic or (claim.unit is None and in_units)) and not claim.event and not claim.activity


# figures this many times apart count different things ("500" vs "180 million"), and in one article
MAGNITUDES_APART, ONE_ARTICLE_APART = 50, 15  # ("failed to pay €58 million", "owes €1.8 billion")
SMALL_COUNT, SMALL_APART = 10, 10  # a count under ten against one ten times larger is a part of it


def _magnitudes_apart(a: Claim, b: Claim) -> bool:
    """Sources that disagree on one count differ by a few times, not fifty (fifteen in one article): such
    figures count different things the frames failed to tell apart. A handful against ten times as many is
    a group within it ("two Veslanders were among the injured" vs "88 injured")."""
    if None in (a.low, a.high, b.low, b.high):
        return False
    small, large = sorted((a, b), key=lambda c: c.high)
    apart = ONE_ARTICLE_APART if a.doc_id == b.doc_id else MAGNITUDES_APART
    return large.low > (SMALL_APART if small.high < SMALL_COUNT else apart) * max(small.high, 1.0)


def conflicting_pairs(group: Sequence[Claim], window: int) -> list[tuple[Claim, Claim]]:
    """Pairs from different sources, for the same time, whose figures cannot both hold. Against a source
    with several dated figures, only its figure nearest in time counts."""
    pairs, steps = [], steps_told(group)
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            if a.before or b.before:
                continue  # a value told as the one before, with no day of its own, is no figure for a day
            if same_source(source_key(a), source_key(b)) or one_voice(a, b) or overlap(a, b):
                continue
            if _magnitudes_apart(a, b):
                continue
            if {a.value, b.value} in steps:
                continue
            if set_against(a, b) or at_one_time(a, b, group, window):
                pairs.append((a, b))
    return pairs


def _distinct_in_order(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per (doc_id, value), the first by offset; ordered by document then offset."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for claim in sorted(claims, key=lambda c: (c.doc_id, c.start)):
        if (claim.doc_id, claim.value) not in seen:
            seen.add((claim.doc_id, claim.value))
            kept.append(claim)
    return kept


def find_disagreements(
    claims: Sequence[Claim], vocabulary: Vocabulary | None = None, window: int = 2
) -> list[Disagreement]:
    """Conflicts and updates among the claims (see the module doc), largest groups first."""
    found = []
    current = [c for c in claims if not is_background(c) and not is_vague(c)]
    conflicts: dict[frozenset[tuple[str, str]], Disagreement] = {}
    for group in group_claims(current, vocabulary or Vocabulary()):
        group = dated_by_repeats(group)
        topic = topic_of(group)
        pairs = conflicting_pairs(group, window)
        if pairs:
            members = _distinct_in_order(c for pair in pairs for c in pair)
            figures = frozenset((c.doc_id, c.value) for c in members)
            if figures in conflicts:  # the same figures told with another verb ("escaped", "released"): both
                told = {(c.doc_id, c.start, c.value) for c in conflicts[figures].claims}
                conflicts[figures].claims += [c for c in members if (c.doc_id, c.start, c.value) not in told]
                continue
            conflicts[figures] = Disagreement(topic=topic, kind="conflict", claims=members)
            found.append(conflicts[figures])
        for line in timelines(group):
            who = f", as reported by {line[0].source}" if line[0].source else ""
            found.append(Disagreement(topic=f"{topic}{who} over time", kind="update", claims=line))
    return found
