"""What the evaluations share: fixed samples, rates, text normalisation for answer matching, file loading.

Samples are fixed: a seeded shuffle (SAMPLE_SEED), so `--limit 20` is always the first 20 of the same
order as `--limit 40`.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..citations import SPELLED, strip_citations, word_value
from ..errors import InvalidInput
from ..figures import figures_in, format_number

T = TypeVar("T")
SAMPLE_SEED = 20240501
OnDone = Callable[[int, int], None]  # (advance, total): a progress hook


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None


def rate(flags: Iterable[bool]) -> float:
    flags = list(flags)
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def fixed_sample(items: Sequence[T], limit: int | None, stratum: Callable[[T], str] | None = None) -> list[T]:
    """The first `limit` items of a seeded shuffle. With `stratum`, each stratum is shuffled on its own
    and the strata are interleaved in proportion to their sizes, so any prefix keeps the mix of strata."""
    rng = random.Random(SAMPLE_SEED)
    if stratum is None:
        order = list(items)
        rng.shuffle(order)
        return order[:limit]
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[stratum(item)].append(item)
    keyed = []
    for name in sorted(groups):
        group = groups[name]
        rng.shuffle(group)
        keyed += [((i + 0.5) / len(group), name, i, item) for i, item in enumerate(group)]
    keyed.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in keyed][:limit]


def normalize(text: str) -> str:
    """Lower-cased words and numbers separated by single spaces ('3,559' stays '3559')."""
    text = strip_citations(text).lower().replace("’", "'")
    text = re.sub(r"(?<=\d),(?=\d)", "", text)
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)?", text))


def contains_phrase(text: str, phrase: str) -> bool:
    """The normalized phrase occurs in the normalized text as whole words."""
    phrase = normalize(phrase)
    return bool(phrase) and f" {phrase} " in f" {normalize(text)} "


def digits(value: str) -> str:
    """A gold or claimed figure as bare digits: "1,000" → "1000", "Seventy-six" → "76"; written with a
    scale, as the whole number: "48.2m" and "£48.2 million" → "48200000", "a quarter of a million" and
    "12K responses" alike."""
    value = re.sub(r"(\d\.\d*?)0+(?!\d)", r"\1", value)  # "€44.10" is the "€44.1" a claim shows
    spelled = SPELLED.fullmatch(value.strip())
    if spelled:
        return str(word_value(spelled.group()))
    found = figures_in(re.sub(r"(?<=\d)[kK]$", "k things", value.strip()))  # a gold "12K" as "12K responses"
    if len(found) == 1 and found[0].low == found[0].high >= 1000 and found[0].low.is_integer():
        return format_number(found[0].low).replace(",", "")
    return re.sub(r"[^\d]", "", value)


def seconds_since(start: float) -> float:
    return round(time.perf_counter() - start, 2)
