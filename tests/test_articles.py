from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.articles import (
    SAFE_ID,
    check_document_id,
    chunk_article,
    decode_text,
    document_id,
    find_date_and_author,
    find_files,
    find_title,
    make_article,
    read_article,
)
from service.errors import InvalidInput, UnreadableDocument
from service.nlp import days_apart, resolve_date
from service.text import sentence_spans

from .conftest import SEEDS


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("doc_id", "title", "published", "author"),
    [
        (
            "000_8326b13a84ade5aa",
            "North Korea Sends Thousands of Military Workers to Russia to Rebuild "
            "Infrastructure and Deepen Alliance",
            "2025-11-05",
            None,
        ),
        (
            "003_85307bba339e5121",
            "North Korea deploys 6,000 engineers to Kursk as military alliance with Russia escalates",
            "2025-11-17",
            "kevinhughes",
        ),
        (
            "002_259d7bc1059523dd",
            "In a move that has sent ripples through the corridors of global "
            "intelligence, South Korea’s National Intelligence…",
            None,
            None,
        ),
    ],
)
def test_metadata_of_seeds(doc_id, title, published, author):
    article = read_article(SEEDS / f"{doc_id}.txt", max_chars=10**6)
    assert article.id == doc_id
    assert article.title == title
    assert (article.published, article.author) == (published, author)
    assert len(article.sha256) == 64
    assert article.chars == len(article.text) == len(seed_text(doc_id))


def test_title_is_first_sentence_when_no_headline():
    text = "\nNorth Korea’s deployment of 6,000 troops violates sanctions. More text follows here."
    assert find_title(text) == "North Korea’s deployment of 6,000 troops violates sanctions."


def test_dates_deep_in_the_body_are_not_publication_dates():
    text = "Headline\nBody one.\nBody two.\nBody three.\nBody four.\nIt happened on June 18, 2025."
    assert find_date_and_author(text) == (None, None)


def test_a_date_in_the_headline_is_the_events_when_a_line_below_gives_the_publication_date():
    headline = "Damage survey results for the tornado outbreak of 18-19 April 2026"
    assert find_date_and_author(f"{headline}\nWednesday 22 April 2026, 09:00\nText.")[0] == "2026-04-22"
    assert find_date_and_author(f"{headline}\nText without a date.")[0] == "2026-04-19"


def test_byline_and_long_date():
    assert find_date_and_author("Title\nBy Jane Doe, 3 March\nMarch 3, 2024\nText.") == (
        "2024-03-03",
        "Jane Doe",
    )


@pytest.mark.parametrize(
    "line",
    [
        "Monday 19 January 2026, last updated 18:20",
        "Published 19 January 2026",
        "Mon 19 Jan 2026 18.20 GMT",
        "Updated 6:20 PM GMT, Jan. 19, 2026",
        "January 19 2026",
        "19th January, 2026",
        "19.01.2026, 16:15",  # day first, as outlets with dots write it
        "19/01/2026",
        "01/19/2026 4:00 PM",  # American: the number above 12 is the day
        "2026-01-19T08:30Z",  # ISO 8601 with a time
        "Published 2026-01-19T08:30:00+01:00",
    ],
)
def test_publication_dates_in_the_styles_outlets_write_them(line):
    assert find_date_and_author(f"Headline\n{line}\nText.") == ("2026-01-19", None)


def test_a_day_without_a_publication_date_is_not_dated_from_today():
    """ "said yesterday" in an undated article is of an unknown day, not the day before indexing."""
    assert resolve_date("yesterday morning", None) is None
    assert resolve_date("Tuesday", None) is None
    assert resolve_date("March 4", None) is None
    assert resolve_date("March 4, 2025", None) == "2025-03-04"
    assert resolve_date("yesterday", "2026-01-19") == "2026-01-18"


@pytest.mark.parametrize(
    ("when", "day"),
    [("last night", "2026-01-18"), ("late last night", "2026-01-18"), ("this morning", "2026-01-19")],
)
def test_parts_of_a_day_news_speaks_of_are_that_day(when, day):
    """ "the ministry said last night" had no date, so its figure was dated the day the article ran."""
    assert resolve_date(when, "2026-01-19") == day
    assert resolve_date("the last night of the festival", "2026-01-19") is None


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t", "empty"),
        (b"\xff\xfe\x00a", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
)
def test_unreadable_bytes_say_why(raw, reason):
    with pytest.raises(UnreadableDocument, match=reason):
        decode_text(raw, "x.txt", max_chars=100)


def test_too_long_is_unreadable():
    with pytest.raises(UnreadableDocument, match="too long"):
        decode_text(b"a" * 101, "x.txt", max_chars=100)


@pytest.mark.parametrize("bad", ["", "../etc/passwd", "a/b", ".hidden", "x" * 129, "sp ace", "a..b", "a.."])
def test_unsafe_ids_are_rejected(bad):
    assert SAFE_ID.match(bad) is None or len(bad) > 128, "the schema's pattern says it too"
    with pytest.raises(InvalidInput):
        check_document_id(bad)


@pytest.mark.parametrize(
    ("name", "doc_id"),
    [
        ("kursk-1.txt", "kursk-1"),  # a safe name is its id
        ("Zürich flood, day 2.txt", "Zurich-flood-day-2"),
        ("Beyoncé tops box office with $21m debut.md", "Beyonce-tops-box-office-with-21m-debut"),
    ],
)
def test_a_file_name_an_id_cannot_hold_is_made_safe_not_skipped(tmp_path, name, doc_id):
    """Articles saved under their headline (spaces, accents, '$') used to be skipped as unsafe ids."""
    (tmp_path / name).write_text("Headline\n\nText.", encoding="utf-8")
    article = read_article(tmp_path / name, max_chars=1000)
    assert article.id == doc_id
    assert check_document_id(article.id) == doc_id


def test_a_name_with_nothing_safe_or_too_long_keeps_a_hash_of_itself():
    names = ("新闻.txt", "报道.txt", "x" * 200 + "a.txt", "x" * 200 + "b.txt")
    ids = [document_id(Path(name)) for name in names]
    assert all(check_document_id(i) for i in ids)
    assert len(set(ids)) == 4
    assert ids[0].startswith("doc-") and ids[2].startswith("x" * 100)


def test_sentences_respect_abbreviations_and_lines():
    text = "Lt. Gen. Kyrylo Budanov confirmed it. U.S. President Trump spoke.\n• A bullet line\nLast one"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Lt. Gen. Kyrylo Budanov confirmed it.",
        "U.S. President Trump spoke.",
        "A bullet line",
        "Last one",
    ]


def test_seed_chunks_are_exact_and_bounded():
    article = make_article("004", seed_text("004_45d41598b81b07a6"))
    chunks = chunk_article(article, size=600, overlap=250)
    assert len(chunks) > 5
    for chunk in chunks:
        assert chunk.text == article.text[chunk.start : chunk.end]
        assert len(chunk.text) <= 600 or " " not in chunk.text
    assert [c.chunk_id for c in chunks] == [f"004:{i}" for i in range(len(chunks))]
    assert any(chunks[i].end > chunks[i + 1].start for i in range(len(chunks) - 1)), "no overlap at all"


FRAGMENTS = st.sampled_from(
    [
        "Hello world.",
        "Mr. Smith went.",
        "1,000 sappers!",
        "Is it?",
        "• bullet",
        "- dash item",
        "🚨🇷🇺 emoji",
        "\n",
        "\n\n",
        "  ",
        "word",
        "“Quoted.”",
        "U.S. aid",
        "\t",
        "…",
        "x" * 70,
        "Ünïcödé ß.",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=60),
    size=st.integers(min_value=20, max_value=300),
    overlap=st.integers(min_value=0, max_value=120),
)
def test_chunks_always_index_the_text_exactly(parts, size, overlap):
    text = " ".join(parts)
    article = make_article("doc", text or "x")
    chunks = chunk_article(article, size=size, overlap=overlap)
    covered = set()
    for previous, chunk in zip([None, *chunks], chunks, strict=False):
        assert chunk.text == article.text[chunk.start : chunk.end]
        assert chunk.text == chunk.text.strip() and chunk.text
        if previous:
            assert chunk.start > previous.start and chunk.end > previous.end, "chunks must move forward"
        covered.update(range(chunk.start, chunk.end))
    lost = [
        c for i, c in enumerate(article.text) if i not in covered and not c.isspace() and c not in "•-*–—·"
    ]
    assert not lost, f"characters not in any chunk: {lost[:10]}"


def test_read_article_uses_file_stem_and_absolute_source(tmp_path: Path):
    path = tmp_path / "my-article.md"
    path.write_text("# Heading\nSome text.", encoding="utf-8")
    article = read_article(path, max_chars=1000)
    assert article.id == "my-article"
    assert article.source == str(path.resolve())
    assert article.title == "Heading"


def test_a_symlink_loop_and_a_broken_link_are_reported_not_skipped_silently(tmp_path: Path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("A.", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("B.", encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)  # a loop
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    files, problems = find_files([folder])
    assert files == [folder / "a.txt", folder / "sub" / "b.md"], "each file once"
    reasons = {path.name: reason for path, reason in problems}
    assert "a folder already read" in reasons["back"]
    assert "broken symbolic link" in reasons["gone.txt"] and "broken symbolic link" in reasons["self"]


@pytest.mark.parametrize("good", ["a", "doc_1f2e", "report.2024-05.v2", "x" * 128, "a.b.c.", "A-_9"])
def test_safe_ids_are_kept(good):
    assert check_document_id(good) == good


def test_a_season_is_no_point_in_time():
    """ "Average league attendance 2025-26" was dated 26 May 2025."""
    assert resolve_date("2025-26", "2026-05-17") is None
    assert resolve_date("the 2025/26 season", "2026-05-17") is None
    assert resolve_date("2025-05-26", "2026-05-17") == "2025-05-26"


def test_a_month_is_its_month_with_or_without_its_year():
    """ "in October 2025" was the year 2025, and "last October" nothing: a survey.s steps were lost."""
    assert resolve_date("October 2024", "2026-04-21") == "2024-10"
    assert resolve_date("the first week of April 2026", "2026-04-21") == "2026-04"
    assert resolve_date("Sept. 2025", "2026-04-21") == "2025-09"
    assert resolve_date("May 2026", "2026-04-21") is None  # later than the article: a plan
    assert resolve_date("in the decade to 2025", "2026-04-21") == "2025"  # no month named
    assert resolve_date("last October", "2026-03-15") == "2025-10"
    assert resolve_date("in March", "2026-04-02") == "2026-03"
    assert resolve_date("last April", "2026-04-21") == "2025-04"
    assert days_apart("2025-10", "2025-10-15") == 0 and days_apart("2025-10", "2025-12-01") == 31


def test_a_day_of_the_month_alone_is_the_latest_such_day():
    """ "on the 14th" had no date at all."""
    assert resolve_date("on the 14th", "2026-05-16") == "2026-05-14"
    assert resolve_date("the 20th", "2026-05-16") == "2026-04-20"  # not yet this month: the last


def test_a_weekday_written_with_a_date_and_no_year_says_which_year():
    # 15 May 2026 is a Friday: a question asked of a story that ends on 14 May means that one
    assert resolve_date("Friday, May 15", "2026-05-14") == "2026-05-15"
    # no weekday: the latest before, unless within a week after ("UPDATE 2, 2 January" on a page of 1 January)
    assert resolve_date("May 15", "2026-05-14") == "2026-05-15"
    assert resolve_date("May 30", "2026-05-14") == "2025-05-30"
    assert resolve_date("Friday, May 15, 2025", "2026-05-14") == "2025-05-15"
