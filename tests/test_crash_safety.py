"""Writes are atomic per document: a write stopped at any point leaves the old version (or no document)
visible, never a mix, and what it left behind is removed on the next start or write. First each step of
the write is failed in-process; then a real server is killed with SIGKILL in the middle of a POST."""

from __future__ import annotations

import contextlib
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from service.desk import Desk
from service.errors import NotFound

from .conftest import LOOPBACK, SEEDS, free_port, make_settings, start_newsdesk

OLD_TEXT = "Glimmer report\nThe Glimmer ferry carried 40 passengers."


def long_text(paragraphs: int) -> str:
    """A long article about the invented Quillmoor dam: the word 'Quillmoor' is in no seed."""
    sentences = [s for p in sorted(SEEDS.glob("*.txt")) for s in p.read_text(encoding="utf-8").split(". ")]
    body = [
        f"The Quillmoor dam report {i} counted {i + 3} breaches. " + ". ".join(sentences[i % 40 : i % 40 + 4])
        for i in range(paragraphs)
    ]
    return "Quillmoor dam\n" + "\n".join(body) + "."


class Stop(Exception):
    """Stands for the process dying at this point of the write."""


def raw_chunks(desk: Desk, doc_id: str) -> int:
    """Every chunk record Chroma holds for the document, of any version."""
    return len(desk.store.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])


def assert_consistent(desk: Desk) -> None:
    """What search returns belongs to a document that exists, at offsets of its current text."""
    texts = {d.id: desk.document(d.id).text for d in desk.documents()}
    for query in ("Quillmoor dam breaches", "Glimmer ferry passengers", "troops deployed"):
        for hit in desk.search(query, 20):
            assert hit.doc_id in texts, f"{hit.doc_id} is searchable but has no record"
            assert texts[hit.doc_id][hit.start : hit.end] == hit.text
    for doc_id, (_, chunks) in desk.store.committed_chunk_counts().items():
        assert desk.store.stored_chunk_counts()[doc_id] == chunks


def fail_at(monkeypatch, desk: Desk, step: str) -> None:
    """Make one step of the store's write raise, as if the process died there."""
    store = desk.store
    if step == "chunks":  # the first chunk batch written, the rest never
        original = store.chunks.upsert

        def half(**kwargs):
            original(**{k: v[:5] for k, v in kwargs.items()})
            raise Stop

        monkeypatch.setattr(store.chunks, "upsert", half)
    elif step == "flip":
        monkeypatch.setattr(store.documents, "upsert", lambda **_: (_ for _ in ()).throw(Stop()))
    elif step == "cleanup":
        monkeypatch.setattr(store, "_drop_stale_chunks", lambda *_: (_ for _ in ()).throw(Stop()))


@pytest.mark.parametrize("step", ["chunks", "flip"])
def test_a_new_document_stopped_before_its_record_is_never_seen(seeded_desk, monkeypatch, step):
    fail_at(monkeypatch, seeded_desk, step)
    with pytest.raises(Stop):
        seeded_desk.add_document(long_text(30), doc_id="dam")
    monkeypatch.undo()
    assert raw_chunks(seeded_desk, "dam") > 0, "the stopped write did leave chunks behind"
    with pytest.raises(NotFound):
        seeded_desk.document("dam")
    assert all(hit.doc_id != "dam" for hit in seeded_desk.search("Quillmoor dam breaches", 20))
    assert_consistent(seeded_desk)
    left = raw_chunks(seeded_desk, "dam")
    assert seeded_desk.store.remove_leftovers() == left
    assert raw_chunks(seeded_desk, "dam") == 0


@pytest.mark.parametrize("step", ["chunks", "flip", "cleanup"])
def test_an_overwrite_stopped_anywhere_shows_one_version(seeded_desk, monkeypatch, step):
    seeded_desk.add_document(OLD_TEXT, doc_id="ferry")
    fail_at(monkeypatch, seeded_desk, step)
    new_text = long_text(30)
    with pytest.raises(Stop):
        seeded_desk.add_document(new_text, doc_id="ferry", replace=True)
    monkeypatch.undo()
    shown = seeded_desk.document("ferry").text
    assert shown == (new_text if step == "cleanup" else OLD_TEXT)
    assert_consistent(seeded_desk)
    committed = seeded_desk.store.committed_chunk_counts()["ferry"][1]
    assert raw_chunks(seeded_desk, "ferry") > committed, "the stopped write did leave chunks behind"
    seeded_desk.store.remove_leftovers()
    assert raw_chunks(seeded_desk, "ferry") == committed
    assert_consistent(seeded_desk)


def test_indexing_removes_what_a_stopped_write_left(seeded_desk, monkeypatch):
    fail_at(monkeypatch, seeded_desk, "flip")
    with pytest.raises(Stop):
        seeded_desk.add_document(long_text(10), doc_id="dam")
    monkeypatch.undo()
    seeded_desk.index([SEEDS])
    assert raw_chunks(seeded_desk, "dam") == 0


def test_chunks_written_before_versions_existed_are_adopted(seeded_desk):
    """An index from an older newsdesk: chunk records without a version, ids without one."""
    store = seeded_desk.store
    doc_id = seeded_desk.documents()[0].id
    got = store.chunks.get(where={"doc_id": doc_id}, include=["metadatas", "documents", "embeddings"])
    store.chunks.delete(ids=got["ids"])
    store.chunks.add(
        ids=[i.split("@")[0] for i in got["ids"]],
        metadatas=[{k: v for k, v in m.items() if k != "version"} for m in got["metadatas"]],
        documents=got["documents"],
        embeddings=got["embeddings"],
    )
    before = {c.chunk_id for c in store.all_chunks() if c.doc_id == doc_id}
    assert len(before) == len(got["ids"]), "old chunks are read as they are until adopted"
    assert store.remove_leftovers() == 0
    versions = {m.get("version") for m in store.chunks.get(where={"doc_id": doc_id})["metadatas"]}
    assert versions == {store.current_versions()[doc_id]}
    assert seeded_desk.index([SEEDS]).unchanged == 5


# --- a real server, killed ---------------------------------------------------------------------------

CHUNK_ROWS = """
    select count(*) from embeddings e join segments s on e.segment_id = s.id
    join collections c on s.collection = c.id where c.name = 'newsdesk_chunks'"""


def chunk_rows(index_dir: Path) -> int:
    """Chunk records Chroma has written so far, read from its SQLite file (read-only, no lock)."""
    try:
        with sqlite3.connect(f"file:{index_dir / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=0.1) as conn:
            return conn.execute(CHUNK_ROWS).fetchone()[0]
    except sqlite3.Error:
        return -1


def start_server(index_dir: Path, port: int) -> subprocess.Popen:
    return start_newsdesk(port, {"NEWSDESK_INDEX_DIR": str(index_dir)}, ready="/documents")


def send_in_background(method: str, url: str, body: dict) -> None:
    def send():
        with contextlib.suppress(httpx.HTTPError):  # the server is killed while it answers
            httpx.request(method, url, json=body, timeout=120)

    threading.Thread(target=send, daemon=True).start()


def kill_when_chunks_land(proc: subprocess.Popen, index_dir: Path, before: int) -> None:
    """SIGKILL as soon as the new chunk records are in the store: before the record flips, mostly."""
    deadline = time.monotonic() + 120
    while chunk_rows(index_dir) <= before and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@LOOPBACK
def test_a_server_killed_during_a_post_and_an_overwrite_stays_consistent(seeded_index, tmp_path):
    """Re-run: pytest tests/test_crash_safety.py -k killed (starts `newsdesk serve` three times)."""
    index_dir = tmp_path / "index"
    shutil.copytree(seeded_index, index_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(index_dir, port)
    assert (
        httpx.post(f"{base}/documents", json={"id": "ferry", "text": OLD_TEXT}, timeout=60).status_code == 201
    )
    before = chunk_rows(index_dir)
    send_in_background("POST", f"{base}/documents", {"id": "dam", "text": long_text(120)})
    kill_when_chunks_land(server, index_dir, before)

    server = start_server(index_dir, port)  # the start removes what the killed write left
    before = chunk_rows(index_dir)
    send_in_background("PUT", f"{base}/documents/ferry", {"text": long_text(120)})
    kill_when_chunks_land(server, index_dir, before)

    desk = Desk(make_settings(index_dir))
    committed = desk.store.committed_chunk_counts()
    assert chunk_rows(index_dir) > sum(n for _, n in committed.values()), "killed in the middle of a write"
    assert_consistent(desk)
    assert desk.document("ferry").text in (OLD_TEXT, long_text(120))
    server = start_server(index_dir, port)
    try:
        hits = httpx.get(f"{base}/search", params={"q": "Quillmoor dam breaches", "k": 20}, timeout=60).json()
        listed = {d["id"] for d in httpx.get(f"{base}/documents", timeout=60).json()["documents"]}
        assert {h["doc_id"] for h in hits["results"]} <= listed
    finally:
        server.kill()
        server.wait()
    assert chunk_rows(index_dir) == sum(n for _, n in committed.values()), (
        "the restart removed every leftover"
    )
