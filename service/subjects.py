"""Whether documents that give different answers speak of the same subject.

Documents that answer one question differently may disagree about one thing (a conflict the reader must see),
or speak of different things that share a name (two albums called "Beyond Measure", a town and a village
called Sherbourne), each answer right for its own subject. Told apart from the text alone, no model and no
word list: two documents speak of the same subject when they share a passage word for word (SHARED_RUN words
in a row besides the question's and the answers' words, for at least SHARED_PASSAGE of the shorter one's runs:
an edited copy, a wire story retold) or at least SHARED_NAMES of the names the shorter one uses (its
capitalised words but the question's and the answers': the same people, places and organisations; a name and a
longer form of it, "Kestria" and "Kestrian", are one). Years weigh in: two documents that both name years but
none in common speak of different things (two men called John Sparke, one who died in 1566, one in 1680); two
that share a year need only SHARED_NAMES_SAME_YEAR of the names. Reports of one news story share a year and a
good part of their names: of the 3,955 pairs of articles in the seeds and the story packs, all but ten share a
passage or a tenth of their names, and those ten at least 0.07 and a year (a name is a capitalised word the
text never writes in lower case: "Products" opening a sentence is none); once a question's own words are left
out, articles of one story still join into one subject (the links chain: A ~ B and B ~ C make one subject).
Documents that share neither are taken to be about different subjects. The bar is low on purpose: calling one
story two subjects would hide a conflict, while calling two subjects one only shows a disagreement that the
reader can see through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .text import STOPWORDS

SHARED_RUN = 6
SHARED_PASSAGE = 0.1
SHARED_NAMES = 0.1
SHARED_NAMES_SAME_YEAR = 0.05
RUN_WORD = re.compile(r"[^\W_]+")
NAME = re.compile(r"\b[^\W\d_][^\W_]*")
YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")


def word_runs(
    text: str, ignore: frozenset[str] = frozenset(), size: int = SHARED_RUN
) -> set[tuple[str, ...]]:
    """The runs of `size` words in a row, once the words to ignore are taken out (a shared run must be
    more than the question's own words, and an answer changed in a copy does not break its runs)."""
    words = [w for w in (w.lower() for w in RUN_WORD.findall(text)) if w not in ignore]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def names_in(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The capitalised words of a text, lower-cased, leaving out stopwords, the words to ignore and words
    the text also writes in lower case ("Products" opening a sentence, "products" after: no name)."""
    words = NAME.findall(text)
    found = {w.lower() for w in words if w[0].isupper()}
    return found - STOPWORDS - ignore - {w for w in words if w[0].islower()}


def shared_share(a: set, b: set) -> float:
    """How much of the smaller set the other holds (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def same_subject(a: str, b: str, ignore: frozenset[str] = frozenset()) -> bool:
    """Two texts speak of the same subject: a shared passage, or most of the shorter one's names."""
    return _same(_traits(a, ignore), _traits(b, ignore))


def years_in(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The years a text names, but the answers' ("1566" is what differs, not what ties)."""
    return set(YEAR.findall(text)) - ignore


def _traits(
    text: str, ignore: frozenset[str], asked_years: frozenset[str] = frozenset()
) -> tuple[set, set, set]:
    return word_runs(text, ignore), names_in(text, ignore), years_in(text, ignore - asked_years)


def _same(a: tuple[set, set, set], b: tuple[set, set, set]) -> bool:
    (runs_a, names_a, years_a), (runs_b, names_b, years_b) = a, b
    if shared_share(runs_a, runs_b) >= SHARED_PASSAGE:
        return True
    if years_a and years_b and not years_a & years_b:
        return False  # both name years, none in common: another time, another thing of that name
    bar = SHARED_NAMES_SAME_YEAR if years_a & years_b else SHARED_NAMES
    return shared_share(_name_forms(names_a, names_b), _name_forms(names_b, names_a)) >= bar


def _name_forms(names: set[str], others: set[str]) -> set[str]:
    """The names, each one another text writes in a longer form ("kestria" for "kestrian", a country and
    its people) written so."""
    return {next((o for o in others if o.startswith(n) and len(n) >= NAME_STEM), n) for n in names}


NAME_STEM = 5  # a name this long may have a longer form ("Kestria", "Kestrian"; not "Port", "Porter")


def ignored_words(texts: Iterable[str]) -> frozenset[str]:
    """The lower-cased words of the question and the answers: what every document shares by design."""
    return frozenset(w.lower() for text in texts for w in RUN_WORD.findall(text))


def by_subject(
    groups: Sequence[Sequence[str]], ignore: frozenset[str] = frozenset(), asked: str = ""
) -> list[list[int]]:
    """The groups (each the texts of the documents giving one answer) joined into subjects: the indexes of
    the groups that speak of one subject, in the order of their first group. A year the question names
    (`asked`) still ties documents that name it ("What net profit does Kestrova expect for 2026?")."""
    asked_years = frozenset(YEAR.findall(asked))
    traits = [[_traits(text, ignore, asked_years) for text in group] for group in groups]
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if root(i) != root(j) and any(_same(a, b) for a in traits[i] for b in traits[j]):
                parent[root(j)] = root(i)
    subjects: dict[int, list[int]] = {}
    for i in range(len(groups)):
        subjects.setdefault(root(i), []).append(i)
    return list(subjects.values())
