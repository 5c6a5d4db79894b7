"""Incremental, idempotent indexing, and recovery from a run killed half-way (real embedder)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from service.articles import chunk_article, read_article
from service.claims import FRAMES_VERSION
from service.desk import Desk

from .conftest import SEED_IDS, SEEDS, make_settings


def copy_seeds(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    return folder


def expected_chunk_ids(folder: Path, settings) -> Counter:
    ids: Counter = Counter()
    for path in folder.glob("*.txt"):
        article = read_article(path, settings.max_document_chars)
        ids.update(c.chunk_id for c in chunk_article(article, settings.chunk_size, settings.chunk_overlap))
    return ids


def stored_chunk_ids(desk: Desk) -> Counter:
    return Counter(c.chunk_id for c in desk.store.all_chunks())


def test_second_run_changes_nothing(seeded_desk):
    report = seeded_desk.index([SEEDS])
    assert (report.added, report.updated, report.unchanged, report.removed) == (0, 0, 5, 0)
    assert report.documents == 5
    assert stored_chunk_ids(seeded_desk) == expected_chunk_ids(SEEDS, seeded_desk.settings)


def test_claims_made_by_an_older_extractor_are_made_again(seeded_desk):
    doc_id = SEED_IDS[4]
    seeded_desk.store.set_claims(doc_id, [], version=0)  # as an older newsdesk left them
    assert seeded_desk.store.document_claims(doc_id) == (0, [])
    report = seeded_desk.index()
    assert report.unchanged == len(SEED_IDS) and report.added == report.updated == 0
    version, claims = seeded_desk.store.document_claims(doc_id)
    assert version == FRAMES_VERSION and len(claims) >= 10


def test_changed_file_replaces_its_chunks_and_prune_drops_missing(tmp_path):
    folder = copy_seeds(tmp_path / "articles")
    desk = Desk(make_settings(tmp_path / "index"))
    desk.index([folder])
    changed = folder / f"{SEED_IDS[0]}.txt"
    changed.write_text("Short replacement headline\nOnly one sentence remains here.", encoding="utf-8")
    (folder / f"{SEED_IDS[1]}.txt").unlink()

    report = desk.index([folder])
    assert (report.added, report.updated, report.unchanged, report.removed) == (0, 1, 3, 0)
    assert desk.document(SEED_IDS[0]).title == "Short replacement headline"
    assert stored_chunk_ids(desk)[f"{SEED_IDS[0]}:0"] == 1
    assert f"{SEED_IDS[0]}:1" not in stored_chunk_ids(desk)

    report = desk.index([folder], prune=True)
    assert report.removed == 1 and report.documents == 4
    assert stored_chunk_ids(desk) == expected_chunk_ids(folder, desk.settings)


def test_bad_files_are_reported_and_the_rest_indexed(tmp_path):
    folder = copy_seeds(tmp_path / "articles")
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (folder / "empty.md").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02GGUF")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not a .txt/.md: not even looked at inside a folder
    desk = Desk(make_settings(tmp_path / "index"))
    report = desk.index([folder, tmp_path / "missing.txt"])
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert reasons == {
        "latin1.txt": "not valid UTF-8 (byte 3)",
        "empty.md": "empty",
        "binary.txt": "binary file (contains NUL bytes)",
        "missing.txt": "no such file or folder",
    }
    assert report.added == 5 and report.documents == 5


def test_rebuild_starts_over(seeded_desk):
    report = seeded_desk.index([SEEDS], rebuild=True)
    assert (report.added, report.unchanged) == (5, 0)
    assert stored_chunk_ids(seeded_desk) == expected_chunk_ids(SEEDS, seeded_desk.settings)


COMMITTED_DOCUMENTS = """
    select count(*) from embeddings e join segments s on e.segment_id = s.id
    join collections c on s.collection = c.id where c.name = 'newsdesk_documents'"""


def committed_documents(index_dir: Path) -> int:
    """Document records Chroma has written so far, peeked at in its SQLite file (read-only, no lock),
    so the test can kill the indexer at a moment when the work is known to be half done."""
    db = index_dir / "chroma.sqlite3"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return conn.execute(COMMITTED_DOCUMENTS).fetchone()[0]
    except sqlite3.Error:
        return 0


def many_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    sentences = [s for p in SEEDS.glob("*.txt") for s in p.read_text(encoding="utf-8").split(". ")]
    for i in range(count):
        body = ". ".join(sentences[(i * 7 + j) % len(sentences)] for j in range(12))
        (folder / f"article_{i:03d}.txt").write_text(f"Article number {i}\n{body}", encoding="utf-8")
    return folder


def test_run_killed_half_way_is_completed_by_the_next_run(tmp_path):
    folder = many_articles(tmp_path / "articles", 40)
    index_dir = tmp_path / "index"
    env = {**os.environ, "NEWSDESK_INDEX_DIR": str(index_dir), "NEWSDESK_INDEX_COMMIT_CHUNKS": "16"}
    run = [sys.executable, "-m", "service.cli", "index", str(folder), "--json"]
    proc = subprocess.Popen(run, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while committed_documents(index_dir) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    desk = Desk(make_settings(index_dir))
    expected = expected_chunk_ids(folder, desk.settings)
    interrupted = len(desk.documents())
    assert 0 < interrupted < 40, "the kill should land half-way through the run"
    assert stored_chunk_ids(desk) != expected

    report = desk.index([folder])
    assert report.documents == 40
    assert report.added + report.updated == 40 - report.unchanged
    assert report.unchanged >= interrupted - 1  # at most one group can be caught between its two writes
    assert stored_chunk_ids(desk) == expected  # no duplicate and no missing chunk
    assert desk.index([folder]).unchanged == 40
