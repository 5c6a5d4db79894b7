"""Numeric claims, on real sentences from the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.claims import extract_claims, interval
from service.models import Claim, Passage

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD = Path(__file__).resolve().parent / "gold_disagreements.json"
D000, D001, D002, D003, D004 = sorted(p.stem for p in SEEDS.glob("*.txt"))


def passage(sentence: str, doc_id: str = "doc", start: int = 0) -> Passage:
    return Passage(n=1, doc_id=doc_id, title=doc_id, start=start, end=start + len(sentence), quote=sentence)


def claims_of(sentence: str, doc_id: str = "doc", start: int = 0) -> list[Claim]:
    return extract_claims([passage(sentence, doc_id, start)])


def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


# --- extraction --------------------------------------------------------------------------------

# (sentence copied from a seed, [(value, low, high, qualifier, counted, attribution), ...])
ROWS = [
    (
        "North Korea deployed 5,000 military workers to Russia to rebuild infrastructure and strengthen its "
        "support in the war in Ukraine.",
        [("5,000", 5000, 5000, None, "construction workers", None)],
    ),
    (
        "South Korea’s National Intelligence Service (NIS) reported that the regime of North Korea has "
        "sent around 5,000 military construction workers to Russia since September to help rebuild "
        "infrastructure, in a clear show of support for Moscow’s ongoing war against Ukraine.",
        [("5,000", 4750, 5250, "around", "construction workers", "NIS")],
    ),
    (
        "During a closed-door parliamentary briefing, the NIS stated that nearly 10,000 North Korean "
        "soldiers are deployed along the border regions between Russia and Ukraine on surveillance "
        "missions, while another 1,000 military engineers are engaged in demining operations, according to "
        "South Korea’s Yonhap news agency.",
        [("10,000", 9000, 10000, "nearly", "troops", "NIS"), ("1,000", 1000, 1000, None, "sappers", "NIS")],
    ),
    (
        "Figures disclosed by the NIS match earlier remarks by Russian Security Council Secretary Sergei "
        "Shoigu, who mentioned the deployment of 5,000 construction workers and 1,000 North Korean sappers "
        "to the Kursk region.",
        [
            ("5,000", 5000, 5000, None, "construction workers", "Shoigu"),
            ("1,000", 1000, 1000, None, "sappers", "Shoigu"),
        ],
    ),
    (  # "another 5,000 expected to follow" adds to the troops already counted: an increment, dropped
        "South Korea’s National Intelligence Service (NIS) has revealed that since September, North Korea "
        "has deployed around 10,000 troops to Russia, with another 5,000 expected to follow soon.",
        [("10,000", 9500, 10500, "around", "troops", "NIS")],
    ),
    (
        "In addition to construction units, about 1,000 North Korean engineers have been sent to assist in "
        "demining and logistical support near the Russian-Ukrainian border.",
        [("1,000", 950, 1050, "about", "sappers", None)],
    ),
    (
        "According to the NIS, approximately 5,000 North Korean engineers are expected to arrive in Russia "
        "to repair roads, bridges, and power lines damaged during the ongoing conflict.",
        [("5,000", 4750, 5250, "approximately", "construction workers", "NIS")],
    ),
    (  # "another" naming a group of its own is that group's size, not an increment
        "Meanwhile, another 1,000 soldiers are being deployed for demining operations—a task that demands "
        "both technical expertise and a willingness to confront the unpredictable dangers of unexploded "
        "ordnance.",
        [("1,000", 1000, 1000, None, "sappers", None)],
    ),
    (  # the noun comes before the figure
        "Seoul’s intelligence estimates suggest that the total number of North Korean personnel heading to "
        "Russia could reach as high as 10,000, a figure that has alarmed analysts in Washington and Seoul "
        "alike.",
        [("10,000", 7500, 10000, "as high as", "troops", "South Korean intelligence")],
    ),
    (
        "North Korea deploys 6,000 engineers to Kursk as military alliance with Russia escalates",
        [("6,000", 6000, 6000, None, "reconstruction deployment", None)],
    ),
    (  # a range, and "estimated" that does not widen it
        "Over 10,000 North Korean soldiers are fighting alongside Russian forces in Ukraine, suffering "
        "severe losses (estimated 4,000–6,000 dead).",
        [
            ("10,000", 10000, 12500, "over", "troops", None),
            ("4,000–6,000", 4000, 6000, "estimated", "killed", None),
        ],
    ),
    (  # "37 of 64" is one claim about the part
        "North Korea is dispatching 6,000 engineers and construction workers to rebuild Russian-controlled "
        "territories, particularly Kursk, where 37 of 64 settlements are uninhabitable due to war damage.",
        [
            ("6,000", 6000, 6000, None, "construction workers", None),
            ("37 of 64", 37, 37, None, "settlements", None),
        ],
    ),
    (
        'Kim Jong Un pledged "unconditional support" for Russia\'s war, including shipments of 12 million '
        "artillery shells to sustain Moscow's war effort.",
        [("12 million", 12_000_000, 12_000_000, None, "shells", None)],
    ),
    (  # the construction clause before "while" does not make the troops builders
        "In a significant escalation of military cooperation, North Korea is deploying 6,000 engineers and "
        "construction workers to Russian-controlled territories, particularly the war-torn Kursk region, "
        "while over 10,000 North Korean troops already fight alongside Russian forces in Ukraine.",
        [
            ("6,000", 6000, 6000, None, "construction workers", None),
            ("10,000", 10000, 12500, "over", "troops", None),
        ],
    ),
    (
        "Ukrainian President Volodymyr Zelensky claimed that out of 12,000 North Koreans sent to aid Russia, "
        '"their losses are more than 4,000.',
        [
            ("12,000", 12000, 12000, None, "troops", "Zelensky"),
            ("4,000", 4000, 5000, "more than", "killed", "Zelensky"),
        ],
    ),
    (
        "While exact figures remain unverified, South Korean intelligence sources estimate over 6,000 North "
        "Korean casualties, marking one of the deadliest foreign deployments in Pyongyang's history.",
        [("6,000", 6000, 7500, "over", "killed", "South Korean intelligence")],
    ),
    (
        "The latest deployment of 6,000 North Korean engineers signals a shift from combat to reconstruction "
        "efforts—effectively repairing damage that North Korean forces may have helped inflict.",
        [("6,000", 6000, 6000, None, "construction workers", None)],
    ),
    (  # the Kursk reconstruction contingent, not troops in Russia
        "North Korea’s deployment of 6,000 troops to Russia’s Kursk region violates U.N. sanctions and "
        "solidifies a dangerous military alliance that threatens global security as the two rogue nations "
        "exchange soldiers for advanced weapons technology.",
        [("6,000", 6000, 6000, None, "reconstruction deployment", None)],
    ),
    (
        "North Korea is sending 1,000 deminers and 5,000 military construction workers to Russia’s Kursk "
        "region, confirmed by Russian Security Council Secretary Sergei Shoigu during his visit to "
        "Pyongyang.",
        [
            ("1,000", 1000, 1000, None, "sappers", "Shoigu"),
            ("5,000", 5000, 5000, None, "construction workers", "Shoigu"),
        ],
    ),
    (  # part of a whole with an outcome: two claims; "three months" is a duration in words
        "Intelligence reports indicate at least 1,000 of an estimated 11,000 North Korean troops already in "
        "Russia have been killed within three months of deployment.",
        [
            ("1,000", 1000, 1250, "at least", "killed", "intelligence reports"),
            ("11,000", 11000, 11000, "estimated", "troops", "intelligence reports"),
        ],
    ),
    (
        "Russia has officially confirmed plans to accept 6,000 North Korean troops to assist in the "
        "contested Kursk region, marking a significant escalation in military cooperation between the two "
        "nations.",
        [("6,000", 6000, 6000, None, "reconstruction deployment", "Russia")],
    ),
    (
        "Russian Security Council Secretary Sergei Shoigu, during his third visit to Pyongyang in three "
        "months, announced that North Korea would send 1,000 deminers and 5,000 military construction "
        "workers to help rebuild areas damaged during Ukraine’s incursion into Russian territory.",
        [
            ("1,000", 1000, 1000, None, "sappers", "Shoigu"),
            ("5,000", 5000, 5000, None, "construction workers", "Shoigu"),
        ],
    ),
    (
        "“Chairman of the State Affairs of the DPRK Kim Jong Un has decided to send 1,000 sappers to "
        "Russia to clear mines on Russian territory, as well as 5,000 military construction workers to "
        "restore infrastructure destroyed by the occupiers,” said Russian Security Council Secretary "
        "Sergey Shoigu.",
        [
            ("1,000", 1000, 1000, None, "sappers", "Shoigu"),
            ("5,000", 5000, 5000, None, "construction workers", "Shoigu"),
        ],
    ),
    (  # deminers and builders together: the whole contingent
        "Kim Jong Un will send 6,000 North Koreans—including construction workers, deminers, and military "
        "brigades, to Russia for “restoration” work in Kursk, Russian officials say.",
        [("6,000", 6000, 6000, None, "reconstruction deployment", "Russian officials")],
    ),
    (
        "Shoigu described the arrangement as a “division of builders, two military brigades [of] 5,000 "
        "people” coming to help rebuild.",
        [("5,000", 5000, 5000, None, "construction workers", "Shoigu")],
    ),
    (
        "South Korean intelligence estimates around 15,000 North Koreans are currently working in Russia "
        "under various industrial cooperation programs.",
        [("15,000", 14250, 15750, "around", "workers", "South Korean intelligence")],
    ),
]


def row_sentence(fragment: str) -> str:
    """The one ROWS sentence that contains `fragment`."""
    [sentence] = [sentence for sentence, _ in ROWS if fragment in sentence]
    return sentence


def as_rows(claims: list[Claim]) -> list[tuple]:
    return [(c.value, c.low, c.high, c.qualifier, c.counted, c.attribution) for c in claims]


@pytest.mark.parametrize(("sentence", "expected"), ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_extraction_on_seed_sentences(sentence, expected):
    assert as_rows(claims_of(sentence)) == [tuple(row) for row in expected]


def test_the_table_sentences_are_really_in_the_seeds():
    corpus = "\n".join(seed_texts().values()).replace("\xa0", " ")  # 003 uses no-break spaces
    missing = [sentence for sentence, _ in ROWS if sentence not in corpus]
    assert missing == []
    assert len(ROWS) >= 20


@pytest.mark.parametrize(
    "sentence",
    [
        "November 5, 2025",
        "0",
        "The Hwasong-20 ICBM, unveiled last month during a military parade in Pyongyang, is reportedly "
        "capable of carrying multiple nuclear warheads, allowing for simultaneous attacks and missile "
        "defense evasion.",
        "South Korea’s military estimates that this represents the third North Korean troop contingent "
        "sent to Russian territory since October 2024.",
        "A potential meeting could occur in 2026 after the planned U.S.–South Korea joint military exercises "
        "in March.",
        "By kevinhughes // 2025-11-17",
        'I think two-thirds have died."',
        "Sources include: FoxNews.com The-Express.com StraitsTimes.com News18.com BrightU.ai Brighteon.com",
        "Moscow calls it “fraternal… https://t.co/CgHjEND3Fl pic.twitter.com/gJYAxymzUY",
        "Mario Nawfal (@MarioNawfal) June 18, 2025",
        "“I hope that soon the first aircraft that has not flown for more than 30 years will take off,” said "
        "Shoigu, highlighting plans to strengthen transportation links that have been dormant for decades.",
        "This deployment comes after reports that thousands of North Korean soldiers have already been "
        "fighting alongside Russian forces since Russia’s full-scale invasion of Ukraine began in February "
        "2022.",
    ],
)
def test_years_dates_durations_names_fractions_and_words_are_not_claims(sentence):
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "counted"),
    [
        ("Officials said 40% of the troops and 2/3 of the units left after 30-year service.", None, None),
        ("Moscow paid $50 million for the shells.", "50 million", "US dollars"),
        ("Some 5 thousand troops arrived.", "5,000", "troops"),
        ("Between 4,000 and 6,000 soldiers were killed.", "4,000–6,000", "killed"),
        ("Russia received 200 North Korean drones.", "200", "drone"),  # fallback: the head noun phrase
    ],
)
def test_other_written_forms(sentence, value, counted):
    claims = claims_of(sentence)
    assert [(c.value, c.counted) for c in claims] == ([(value, counted)] if value else [])


def test_a_claim_quotes_its_whole_passage_with_the_passage_offsets():
    sentence = row_sentence("Figures disclosed by the NIS")
    claims = claims_of(sentence, doc_id="x", start=1468)
    assert len(claims) == 2
    for claim in claims:
        assert (claim.quote, claim.start, claim.end) == (sentence, 1468, 1468 + len(sentence))
        assert (claim.doc_id, claim.title) == ("x", "x")


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "expected"),
    [
        (10_000, 10_000, None, (10_000, 10_000)),
        (10_000, 10_000, "about", (9_500, 10_500)),
        (10_000, 10_000, "around", (9_500, 10_500)),
        (10_000, 10_000, "approximately", (9_500, 10_500)),
        (10_000, 10_000, "nearly", (9_000, 10_000)),
        (10_000, 10_000, "over", (10_000, 12_500)),
        (10_000, 10_000, "more than", (10_000, 12_500)),
        (10_000, 10_000, "at least", (10_000, 12_500)),
        (10_000, 10_000, "as high as", (7_500, 10_000)),
        (10_000, 10_000, "up to", (7_500, 10_000)),
        (10_000, 10_000, "estimated", (10_000, 10_000)),
        (4_000, 6_000, None, (4_000, 6_000)),
        (4_000, 6_000, "about", (3_800, 6_300)),
    ],
)
def test_qualifier_intervals(low, high, qualifier, expected):
    assert interval(low, high, qualifier) == expected
