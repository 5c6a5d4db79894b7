"""The word tables the claims extractor reads: what a figure counts, who says so, qualifiers
(see service/claims.py for how they are used)."""

from __future__ import annotations

# --- data: what a figure counts ---------------------------------------------------------------

# Words that name exactly one countable thing. Surface forms, matched as whole words, case-insensitive.
COUNTED_TERMS: dict[str, tuple[str, ...]] = {
    "sappers": ("sapper", "sappers", "deminer", "deminers", "mine clearer", "mine clearers"),
    "construction workers": (
        "construction worker",
        "construction workers",
        "military construction workers",
        "builder",
        "builders",
        "construction brigade",
        "construction brigades",
        "construction unit",
        "construction units",
    ),
    "killed": (
        "killed",
        "dead",
        "died",
        "death",
        "deaths",
        "loss",
        "losses",
        "casualty",
        "casualties",
        "fatality",
        "fatalities",
    ),
    "workers": ("labourer", "labourers", "laborer", "laborers"),
    "shells": ("shell", "shells", "artillery shells"),
    "settlements": ("settlement", "settlements"),
}

# Words for people that say who but not in what role: the clause after the number decides (see module doc).
PEOPLE_HEADS: dict[str, tuple[str, ...]] = {
    "troops": (
        "troop",
        "troops",
        "soldier",
        "soldiers",
        "serviceman",
        "servicemen",
        "personnel",
        "forces",
        "north koreans",
    ),
    "engineers": ("engineer", "engineers"),
    "workers": ("worker", "workers"),
    "people": ("people", "persons"),
}

RECONSTRUCTION = "reconstruction deployment"

# Clause words that refine a people head. "kursk" and "combat" serve the Kursk rule in the module doc.
CLAUSE_SIGNS: dict[str, tuple[str, ...]] = {
    "demining": (
        "demining",
        "deminer",
        "deminers",
        "mine clearing",
        "clear mines",
        "clearing mines",
        "sapper",
        "sappers",
    ),
    "construction": (
        "rebuild",
        "rebuilding",
        "rebuilt",
        "restore",
        "restoring",
        "restoration",
        "reconstruction",
        "repair",
        "repairing",
        "construction",
        "builder",
        "builders",
        "infrastructure",
    ),
    "industrial": ("industrial", "cooperation program", "cooperation programs", "working in"),
    "kursk": ("kursk",),
    "combat": (
        "fight",
        "fights",
        "fighting",
        "fought",
        "combat",
        "battle",
        "front line",
        "frontline",
        "repel",
    ),
}

OUTCOMES = ("killed",)  # what can happen to part of a group ("1,000 of 11,000 troops have been killed")

TOPICS: dict[str, str] = {
    "troops": "the number of troops",
    "killed": "the number killed",
    "sappers": "the number of sappers (deminers)",
    "construction workers": "the number of construction workers",
    RECONSTRUCTION: "the number sent to rebuild (deminers and builders together)",
    "workers": "the number of workers (industrial cooperation)",
    "shells": "the number of shells",
    "settlements": "the number of settlements",
}

CURRENCIES = {"$": "US dollars", "€": "euros", "£": "pounds"}

# Words that end a fallback noun phrase ("5,000 drones were shipped" → "drone").
PHRASE_STOPWORDS = frozenset(
    """a an the and or but of to in on at by for with from as into onto than then that which who whom whose
    this these those it its they their is are was were be been being has have had will would could should
    may might must can do does did not no more most other such""".split()
)

# Who says so: (short name, pattern). The nearest source before the figure wins, else the first after it.
SOURCES: tuple[tuple[str, str], ...] = (
    ("NIS", r"\bNIS\b|National Intelligence Service"),
    (
        "South Korean intelligence",
        r"South Korean intelligence|Seoul['’]s intelligence|South Korea['’]s intelligence",
    ),
    ("South Korean military", r"South Korea['’]s military"),
    ("Yonhap", r"\bYonhap\b"),
    ("Shoigu", r"\bShoigu\b"),
    ("Zelensky", r"\bZelensk[yi]\b"),
    ("Budanov", r"\bBudanov\b"),
    ("Gerasimov", r"\bGerasimov\b"),
    ("Peskov", r"\bPeskov\b"),
    ("Lavrov", r"\bLavrov\b"),
    ("Putin", r"\bPutin\b"),
    ("U.S. State Department", r"State Department"),
    ("Russian Ministry of Defense", r"Russia['’]s Ministry of Defen[cs]e|Russian Ministry of Defen[cs]e"),
    ("Russian officials", r"Russian officials"),
    (
        "Russia",
        r"\b(?:Russia|Moscow|the Kremlin)\s+(?:has\s+)?(?:officially\s+)?"
        r"(?:confirmed|announced|said|says|stated)",
    ),
    ("intelligence reports", r"\b[Ii]ntelligence reports\b"),
)

# --- data: qualifiers --------------------------------------------------------------------------

# qualifier → (factor for the low end, factor for the high end) of the interval it allows
QUALIFIER_FACTORS: dict[str, tuple[float, float]] = {
    **dict.fromkeys(("about", "around", "approximately", "roughly", "some"), (0.95, 1.05)),
    **dict.fromkeys(("nearly", "almost"), (0.9, 1.0)),
    **dict.fromkeys(("over", "more than", "at least", "upwards of"), (1.0, 1.25)),
    **dict.fromkeys(
        ("as high as", "up to", "at most", "as many as", "less than", "fewer than", "under"), (0.75, 1.0)
    ),
    **dict.fromkeys(("estimated", "reportedly"), (1.0, 1.0)),
}
INCREMENT_MARKERS = ("another", "a further", "an additional")
NOT_COUNTS = (
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "percent",
    "per cent",
)
