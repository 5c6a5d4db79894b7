"""The reading room (GET /) in a real browser: Debian's chromium driven by Playwright, against a real
uvicorn server whose chat model is a fake. Every request the page makes beyond the newsdesk server is
blocked and recorded, and none may be attempted. A screenshot of each test is kept in
test-artifacts/browser/ (git-ignored). Without chromium or Playwright these tests fail: they never skip."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from service.api import create_app
from service.desk import Desk
from service.settings import PROJECT_ROOT

from .conftest import LOOPBACK, make_settings, serving
from .test_summary import LeadModel

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the `browser` fixture: the tests fail, they do not skip
    expect = sync_playwright = None

pytestmark = LOOPBACK
ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "browser"
SAPPERS = "How many sappers went to Kursk?"
ANSWER = "Shoigu said 1,000 sappers went [1][2]."
KEY = "reading-room-key"


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail(
            "the browser tests need Debian's chromium: `apt-get install -y chromium` (.ci/run does it)"
        )
    if sync_playwright is None:
        pytest.fail("the browser tests need Playwright: `pip install -e '.[dev]'` (no `playwright install`)")
    expect.set_options(timeout=20_000)  # a shared 2-core machine: the server may be slow to answer
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


def desk_with(seeded_desk, model, **overrides) -> Desk:
    settings = seeded_desk.settings.model_copy(update=overrides)
    return Desk(settings, chat_model=model)


@contextmanager
def reading_room(browser, desk: Desk, request) -> Iterator[tuple[str, object]]:
    """The app served on a loopback port and a fresh browser page that may reach only that server;
    yields (base URL, page). A screenshot is kept however the test ends."""
    app = create_app(desk.settings)
    app.state.desk = desk
    outside: list[str] = []
    with serving(app) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()

        def only_newsdesk(route) -> None:
            if route.request.url.startswith(base + "/"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_newsdesk)
        try:
            yield base, page
        finally:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
            context.close()
    assert outside == [], f"the page tried to reach beyond the newsdesk server: {outside}"


def text_of(locator) -> str:
    """textContent, exactly (inner_text would fold spaces such as the articles' no-break spaces)."""
    return locator.evaluate("node => node.textContent")


def assert_highlighted(base: str, page, passage: dict) -> None:
    """The article is open with exactly text[start:end] (Python's code points) in the one <mark>."""
    text = httpx.get(f"{base}/documents/{passage['doc_id']}").json()["text"]
    mark = page.locator("#reader-text mark")
    expect(mark).to_have_count(1)
    assert text_of(mark) == text[passage["start"] : passage["end"]] == passage["quote"]
    assert text_of(page.locator("#reader-text")) == text, "the article is shown whole, unchanged"
    expect(mark).to_be_in_viewport()


def test_ask_streams_a_draft_then_a_verified_answer_whose_citation_is_highlighted(
    seeded_desk, browser, request
):
    desk = desk_with(seeded_desk, FakeListChatModel(responses=[ANSWER], sleep=0.04))
    with reading_room(browser, desk, request) as (base, page):
        page.goto(base + "/")
        page.get_by_label("Question").fill(SAPPERS)
        page.get_by_label("Question").press("Enter")
        expect(page.locator("#draft")).to_contain_text("Shoigu")  # the draft, while the model writes
        expect(page.locator("#ask-status")).to_contain_text("Waiting for the answer… ")
        expect(page.locator("#verified .answer-text")).to_have_text(ANSWER)
        answer = httpx.post(f"{base}/ask", json={"question": SAPPERS}, timeout=60).json()
        assert answer["answer"] == ANSWER and not answer["abstained"] and answer["citations"]
        expect(page.locator("#verified .badge")).to_contain_text("Verified answer")
        page.locator("#verified .answer-text a.cite", has_text="[1]").click()
        first = next(c for c in answer["citations"] if c["n"] == 1)
        assert_highlighted(base, page, first)
        expect(page.locator("#reader-title")).to_have_text(first["title"])


def test_an_abstention_is_shown_as_such(seeded_desk, browser, request):
    question = "What colour is the cheese on the moon?"
    desk = desk_with(seeded_desk, FakeListChatModel(responses=["The articles do not say."]))
    with reading_room(browser, desk, request) as (base, page):
        page.goto(base + "/")
        box = page.get_by_label("Question")
        box.fill(question)
        box.press("Shift+Enter")  # a new line, not a question
        expect(box).to_have_value(question + "\n")
        expect(page.locator("#answer")).to_be_empty()
        box.press("Enter")
        answer = httpx.post(f"{base}/ask", json={"question": question}, timeout=60).json()
        assert answer["abstained"] and not answer["citations"]
        expect(page.locator("#verified .badge")).to_have_text(
            "No answer: the articles do not support one (the desk abstained)."
        )
        expect(page.locator("#verified .answer-text")).to_have_text(answer["answer"])
        expect(page.locator("#verified a.cite")).to_have_count(0)


def test_a_highlight_after_characters_outside_the_bmp_is_exact(seeded_desk, browser, request):
    text = "Keepers’ log 🦓\n🦓🦓 At dawn the keepers counted 17 zebras 🐾 near the gate. 😀 Then rain."
    quote = "the keepers counted 17 zebras 🐾 near the gate."
    start = text.index(quote)  # Python counts code points; each emoji is two UTF-16 units
    passage = {"doc_id": "emoji-log", "start": start, "end": start + len(quote), "quote": quote}
    desk = desk_with(seeded_desk, FakeListChatModel(responses=["unused"]))
    with reading_room(browser, desk, request) as (base, page):
        added = httpx.post(f"{base}/documents", json={"id": "emoji-log", "text": text}, timeout=60)
        assert added.status_code == 201
        page.goto(f"{base}/#view=ask&doc=emoji-log&start={passage['start']}&end={passage['end']}")
        naive = page.evaluate("([t, s, e]) => t.slice(s, e)", [text, passage["start"], passage["end"]])
        assert naive != quote, "slicing by UTF-16 units would be off: the case tells right from wrong"
        assert_highlighted(base, page, passage)


def test_disagreements_show_every_source_value_and_passage(seeded_desk, browser, request):
    desk = desk_with(seeded_desk, FakeListChatModel(responses=["unused"]))
    with reading_room(browser, desk, request) as (base, page):
        page.goto(base + "/")
        page.get_by_role("link", name="Disagreements").click()
        found = httpx.get(f"{base}/disagreements", params={"assertions": "false"}).json()["disagreements"]
        assert any("troops" in d["topic"] for d in found), "the seeds disagree on troop figures"
        blocks = page.locator("#disagreements-list .disagreement")
        expect(blocks).to_have_count(len(found))
        for block, disagreement in zip(blocks.all(), found, strict=True):
            shown = text_of(block)
            assert disagreement["topic"] in shown
            for claim in disagreement["claims"]:
                assert claim["value"] in shown and claim["title"] in shown
                assert f"Source: {claim['source'] or 'not stated'}" in shown
                assert f"Date: {claim['date'] or claim['published'] or 'not stated'}" in shown
                assert f"Place: {claim['place'] or 'not stated'}" in shown
        blocks.first.get_by_role("link", name="show the passage").first.click()
        assert_highlighted(base, page, found[0]["claims"][0])


def test_an_article_added_through_the_form_is_listed_once_the_key_is_given(seeded_desk, browser, request):
    settings = make_settings(seeded_desk.settings.index_dir, api_key=KEY)
    desk = Desk(settings, chat_model=FakeListChatModel(responses=["unused"]))
    with reading_room(browser, desk, request) as (base, page):
        page.goto(base + "/#view=articles")
        listed = httpx.get(f"{base}/documents").json()["documents"]
        expect(page.locator("#articles-list > li")).to_have_count(len(listed))
        page.get_by_label("Title (optional").fill("Harbour ferries")
        page.get_by_label("Id (optional").fill("ferries")
        page.get_by_label("Text, exactly").fill("Harbour ferries\nThe harbour now runs 12 ferries a day.")
        page.get_by_role("button", name="Add the article").click()
        expect(page.locator("#add-status")).to_contain_text("the API key is missing or wrong (401")
        page.get_by_label("API key, when").fill(KEY)
        page.get_by_role("button", name="Use this key").click()
        page.get_by_role("button", name="Add the article").click()
        expect(page.locator("#add-status")).to_contain_text("Added “Harbour ferries” (id ferries")
        expect(page.locator("#articles-list > li")).to_have_count(len(listed) + 1)
        expect(page.locator("#articles-list")).to_contain_text("Harbour ferries")
        assert "ferries" in {d["id"] for d in httpx.get(f"{base}/documents").json()["documents"]}


def test_a_refused_article_is_explained_in_words(seeded_desk, browser, request):
    desk = desk_with(seeded_desk, FakeListChatModel(responses=["unused"]), max_request_bytes=4096)
    with reading_room(browser, desk, request) as (base, page):
        page.goto(base + "/#view=articles")
        status = page.locator("#add-status")
        listed = httpx.get(f"{base}/documents").json()["documents"]
        cases = [
            (
                {"id": "not an id!", "text": "The harbour runs 12 ferries."},
                "the input was refused (422) — id: ",
            ),
            ({"id": "big", "text": "word " * 1000}, "the text is too large (413: "),
            ({"id": listed[0]["id"], "text": "Twelve ferries."}, "already taken (409: "),
        ]
        for body, words in cases:
            refused = httpx.post(f"{base}/documents", json=body)
            detail = refused.json()["detail"]
            page.get_by_label("Id (optional").fill(body["id"])
            page.get_by_label("Text, exactly").fill(body["text"])
            page.get_by_role("button", name="Add the article").click()
            expect(status).to_contain_text(words)
            expect(status).to_contain_text(detail[0]["msg"] if isinstance(detail, list) else detail)
        assert httpx.get(f"{base}/documents").json()["documents"] == listed


def test_the_model_down_is_said_in_words_and_search_still_works(seeded_desk, browser, request):
    down = FakeListChatModel(responses=["x"], error_on_chunk_number=0)
    with reading_room(browser, desk_with(seeded_desk, down), request) as (base, page):
        page.goto(base + "/")
        page.get_by_label("Question").fill(SAPPERS)
        page.get_by_role("button", name="Ask", exact=True).click()
        alert = page.locator("#answer [role=alert]")
        expect(alert).to_contain_text(
            "the chat model is down or cannot be reached (503: the chat model failed"
        )
        expect(alert).to_contain_text("Search and reading the articles still work")
        page.get_by_role("button", name="Search").click()
        hits = httpx.get(f"{base}/search", params={"q": SAPPERS, "k": 8}).json()["results"]
        results = page.locator("#search-results li")
        expect(results).to_have_count(len(hits))
        results.first.get_by_role("link").click()
        assert_highlighted(base, page, {**hits[0], "quote": hits[0]["text"]})


def test_an_article_opens_beside_its_summary_whose_citations_highlight(
    seeded_desk, browser, request, tmp_path
):
    desk = desk_with(seeded_desk, LeadModel(), summaries_path=tmp_path / "summaries.jsonl")
    with reading_room(browser, desk, request) as (base, page):
        page.goto(base + "/#view=articles")
        first = httpx.get(f"{base}/documents").json()["documents"][0]
        page.get_by_role("link", name=first["title"], exact=True).click()
        expect(page.locator("#reader-title")).to_have_text(first["title"])
        expect(page.locator("#summary .summary-text")).to_be_visible()
        summary = httpx.get(f"{base}/documents/{first['id']}/summary", timeout=60).json()  # stored: same one
        expect(page.locator("#summary .summary-text")).to_have_text(summary["summary"])
        page.locator("#summary a.cite", has_text="[1]").click()
        assert_highlighted(base, page, summary["citations"][0])
        expect(page.locator("#summary .summary-text")).to_be_visible()


def test_the_page_is_served_without_the_key_and_outside_the_schema(seeded_desk):
    from fastapi.testclient import TestClient

    settings = make_settings(seeded_desk.settings.index_dir, api_key=KEY, api_key_scope="all")
    client = TestClient(create_app(settings))
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for name, kind in [("app.js", "text/javascript"), ("app.css", "text/css")]:
        served = client.get(f"/static/{name}")
        assert served.status_code == 200 and served.headers["content-type"].startswith(kind)
        assert f"/static/{name}" in page.text
    assert client.get("/static/index.html").status_code == 404
    assert client.get("/static/..%2Fpage.py").status_code == 404
    assert client.get("/documents").status_code == 401, "the data still needs the key"
    paths = client.get("/openapi.json", headers={"Authorization": f"Bearer {KEY}"}).json()["paths"]
    assert "/" not in paths and not any(path.startswith("/static") for path in paths)
    refused = client.post("/")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET", "the page's own methods"
