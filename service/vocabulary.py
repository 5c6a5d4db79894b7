"""Which words name the same thing: the optional lexicon (NEWSDESK_LEXICON) first, then embeddings;
for what happened, WordNet's common senses too (service/thesaurus.py). Shared by the claims
comparisons (disagreements.py) and the support checks (support.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .thesaurus import made_from_verb, moves_someone, of_the_body, same_act, same_thing

Embed = Callable[[list[str]], list[list[float]]]

NOUN_SIMILARITY = 0.73
HALF_SEEN = 0.55  # nouns this close whose most common WordNet sense is one name one thing
EVENT_SIMILARITY = 0.56
NOMINAL_SIMILARITY = (
    0.64  # a noun this close to an event is that event: deaths (death~kill 0.65, worker~employ 0.62 not)
)
NOMINAL_SYNONYM = 0.75  # … when made from the verb (payment, escapee); else this close (death~die 0.755)
# nouns English makes from a verb without its letters: each is made from it, as "payment" is from "pay"
NOUN_OF_VERB = {"owe": "debt", "die": "death", "sell": "sale", "fly": "flight", "steal": "theft"}


# --- which words count the same thing -------------------------------------------------------------


@dataclass
class Vocabulary:
    """Groups of words that name the same thing: lexicon groups first, then embeddings (cached)."""

    embed: Embed | None = None
    lexicon: Sequence[frozenset[str]] = ()
    synonymous_verbs: Callable[[str, str], bool] = same_act
    _vectors: dict[str, list[float]] = field(default_factory=dict)

    def similarity(self, a: str, b: str) -> float:
        if a == b or any(a in group and b in group for group in self.lexicon):
            return 1.0
        if self.embed is None:
            return 0.0
        self._embed([a, b])
        return sum(x * y for x, y in zip(self._vectors[a], self._vectors[b], strict=True))

    def noun_similarity(self, a: str, b: str) -> float:
        """Two nouns' closeness as words, or 1.0 when their most common sense is one and the embedder half
        sees it ("voter" and "elector" at 0.59; not "director" and "manager", 0.52, or "runner" and
        "smuggler", whose first sense WordNet lists as one)."""
        close = self.similarity(a, b)
        return 1.0 if close >= HALF_SEEN and same_thing(a, b) else close

    def event_similarity(self, a: str, b: str) -> float:
        """Two events' closeness: 1.0 for verbs of one common sense ("freed", "released"), else as words."""
        if self.synonymous_verbs(a, b) or _moved_to_one_place(a, b):
            return 1.0
        bodily = {of_the_body(event.split()[0]) for event in (a, b)}
        return 0.0 if bodily == {True, False} else self.similarity(a, b)  # "injured" is no "damaged"

    def names_event(self, noun: str, event: str) -> float:
        """How close the noun is to naming the event ("payment" → pay, "deaths" → die), 0.0 when it is
        not: a noun made from the event's verb at NOMINAL_SIMILARITY, another at NOMINAL_SYNONYM (a fund
        is not spending, at 0.66; a budget, a prison, a crowd are not what befell anyone)."""
        verb, *rest = words = event.split()
        if noun in rest:
            return 0.0  # "patients received packs" counts patients: no count of packs is theirs
        score = self.similarity(noun, event)
        if noun[:3] == verb[:3]:  # "signatures" name signing, whatever was signed ("sign petition")
            score = max(score, self.similarity(noun, verb))
        if made_from_verb(noun, verb):  # "admissions" are of "admit to hospital" (the embedder: 0.46)
            return max(score, NOMINAL_SIMILARITY)
        made_from = any(noun[:3] == word[:3] for word in words) or NOUN_OF_VERB.get(verb) == noun
        return score if score >= (NOMINAL_SIMILARITY if made_from else NOMINAL_SYNONYM) else 0.0

    def any_close(self, word: str, others: Iterable[str], at_least: float) -> bool:
        """Some of the other words is within `at_least` of the word (all embedded in one call)."""
        others = list(others)
        self._embed([word, *others])
        return any(self.similarity(word, other) >= at_least for other in others)

    def _embed(self, words: Iterable[str]) -> None:
        missing = sorted({w for w in words if w not in self._vectors})
        if missing and self.embed is not None:
            self._vectors.update(zip(missing, self.embed(missing), strict=True))

    def clusters(
        self,
        words: Iterable[str],
        threshold: float,
        apart: Callable[[str, str], bool] | None = None,
        separate: Iterable[frozenset[str]] = (),
        complete: bool = False,
        events: bool = False,
    ) -> dict[str, str]:
        """word → the first word of its cluster: pairs at `threshold` or closer join, closest first, unless
        the join would put together two words that `apart(a, b)` keeps apart or a `separate` pair names
        (embeddings put opposites close: "dead" ~ "alive" 0.74; a sentence that counts both tells them
        apart). With `complete`, two clusters join only when every word of one is at `threshold` of every
        word of the other ("alive" is close to "dead" but not to "kill", so no chain through "dead"). With
        `events`, the words are events, compared by event_similarity."""
        ordered = sorted(set(words))
        self._embed(ordered)
        members = {w: {w} for w in ordered}  # each cluster's words, under its first word
        cluster_of = {w: w for w in ordered}
        score = self.event_similarity if events else self.noun_similarity
        scored = [(score(a, b), a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
        kept_apart = {pair for pair in separate if len(pair) == 2} | {
            frozenset((a, b)) for score, a, b in scored if complete and score < threshold
        }

        def may_join(x: set[str], y: set[str]) -> bool:
            return not any(
                (apart is not None and apart(a, b)) or frozenset((a, b)) in kept_apart for a in x for b in y
            )

        for score, a, b in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
            if score < threshold:
                break
            ra, rb = cluster_of[a], cluster_of[b]
            if ra != rb and may_join(members[ra], members[rb]):
                first, second = sorted((ra, rb))
                for word in members[second]:
                    cluster_of[word] = first
                members[first] |= members.pop(second)
        return cluster_of


def read_lexicon(path: Path | None) -> list[frozenset[str]]:
    """The optional lexicon: one group of words that name the same thing per line, comma-separated
    ("rescuer, rescue worker, lifeguard"); blank lines and lines starting with # are skipped. Lemmas
    (singular nouns, verb infinitives), lower case."""
    if path is None:
        return []
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = frozenset(w.strip().lower() for w in line.split(",") if w.strip())
        if len(words) > 1 and not line.lstrip().startswith("#"):
            groups.append(words)
    return groups


def _moved_to_one_place(a: str, b: str) -> bool:
    """ "taken to hospital" and "conveyed to hospital": moved, by two verbs, to one kind of place."""
    (verb_a, to_a, place_a), (verb_b, to_b, place_b) = a.partition(" to "), b.partition(" to ")
    one_word = " " not in verb_a and " " not in verb_b
    return (
        bool(to_a and to_b)
        and one_word
        and place_a == place_b
        and moves_someone(verb_a)
        and moves_someone(verb_b)
    )
