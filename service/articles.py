"""Articles: read from files (or given as text), their metadata (title, date, byline, sha256), and their
chunks, which keep exact offsets.

The text is kept exactly as read (only a UTF-8 BOM is dropped), so every offset produced here indexes
into the text that `newsdesk show` and `GET /documents/{id}` return.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .errors import InvalidInput, UnreadableDocument
from .injection import flags_in
from .models import Article, Chunk
from .nlp import MONTHS
from .text import SURROGATE, sentence_spans, trim_words, trimmed_span

SUFFIXES = (".txt", ".md")
# Letters, digits, '_', '-' and single dots (never '..'), starting with a letter or digit; at most ID_MAX.
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.?$")
ID_MAX = 128
TITLE_MAX = 120  # a title found in the text is trimmed to this
GIVEN_TITLE_MAX = 300  # a title given with the text may be this long
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")  # C0 and C1 controls: newlines, escapes (ESC [31m …)

# --- files -------------------------------------------------------------------------------------


def find_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand folders into their .txt/.md files. Returns (files, [(path, reason)] for bad paths)."""
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            found, trouble = walk_folder(path)
            files += found
            problems += trouble
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append(path)
            else:
                problems.append((path, f"not a .txt or .md file ({path.suffix or 'no suffix'})"))
        elif path.is_symlink():
            problems.append((path, "a broken symbolic link"))
        else:
            problems.append((path, "no such file or folder"))
    return files, problems


def walk_folder(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The .txt/.md files under a folder, following symbolic links; a link back to a folder already read
    (a loop), a broken link and an unreadable folder are reported, never silently skipped."""
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            info = current.stat()
            entries = sorted(current.iterdir())
        except OSError as exc:
            problems.append((current, f"cannot read the folder ({exc.strerror or exc})"))
            continue
        if (info.st_dev, info.st_ino) in seen:
            problems.append(
                (current, f"a symbolic link to a folder already read ({current.resolve()}): skipped")
            )
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            if entry.is_dir():
                pending.append(entry)
            elif entry.is_file():
                if entry.suffix.lower() in SUFFIXES:
                    files.append(entry)
            elif entry.is_symlink():
                problems.append((entry, "a broken symbolic link (or a loop of links)"))
    return sorted(files), problems


def document_id(path: Path) -> str:
    """A file's document id: its name without the extension, made safe when it is not. Accents are
    dropped ("Zürich flood.txt" → "Zurich-flood") and any other run of characters an id cannot hold
    becomes '-'; a name with nothing left ("新闻.txt") or too long keeps a hash of the whole name, so two
    names never meet by being shortened. Two names that still meet are reported as the same id."""
    stem = path.stem
    if len(stem) <= ID_MAX and SAFE_ID.match(stem):
        return stem
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", plain).strip("-_")
    if slug and len(slug) <= ID_MAX:
        return slug
    digest = hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{slug[: ID_MAX - 13]}-{digest}" if slug else f"doc-{digest}"


def check_document_id(doc_id: str) -> str:
    if len(doc_id) > ID_MAX or not SAFE_ID.match(doc_id):
        raise InvalidInput(
            f"{doc_id!r} is not a valid document id: use letters, digits, '.', '_' and '-' (at most 128)"
        )
    return doc_id


def decode_text(raw: bytes, name: str, max_chars: int) -> str:
    """Bytes → text, or UnreadableDocument saying why not."""
    if b"\x00" in raw[:8192]:
        raise UnreadableDocument(name, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(name, f"not valid UTF-8 (byte {exc.start})") from None
    return check_text(text.removeprefix("\ufeff"), name, max_chars)


def check_text(text: str, name: str, max_chars: int) -> str:
    """The one check every article text passes, from a file or the API: not empty, not too long, no NUL
    character, no unpaired surrogate (JSON can carry "\\ud800"; no file or store can hold it)."""
    if not text.strip():
        raise UnreadableDocument(name, "empty")
    if len(text) > max_chars:
        raise UnreadableDocument(name, f"too long ({len(text):,} characters, limit {max_chars:,})")
    if (nul := text.find("\x00")) >= 0:
        raise UnreadableDocument(name, f"contains a NUL character (at character {nul:,})")
    if surrogate := SURROGATE.search(text):
        raise UnreadableDocument(name, f"contains an unpaired surrogate (at character {surrogate.start():,})")
    return text


def check_title(title: str | None) -> str | None:
    """A given title on one line, control characters (newlines, terminal escapes) replaced by spaces;
    InvalidInput when it is too long or not text."""
    if title is None:
        return None
    if len(title) > GIVEN_TITLE_MAX:
        raise InvalidInput(f"the title is too long ({len(title):,} characters, limit {GIVEN_TITLE_MAX})")
    if SURROGATE.search(title):
        raise InvalidInput("the title contains an unpaired surrogate")
    return one_line(title) or None


def one_line(title: str) -> str:
    """Control characters (newlines, terminal escapes) replaced by spaces, whitespace collapsed."""
    return " ".join(CONTROL.sub(" ", title).split())


def read_article(path: Path, max_chars: int) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(str(path), exc.strerror or str(exc)) from None
    text = decode_text(raw, str(path), max_chars)
    return make_article(document_id(path), text, source=str(path.resolve()))


def make_article(doc_id: str, text: str, title: str | None = None, source: str | None = None) -> Article:
    published, author = find_date_and_author(text)
    return Article(
        id=doc_id,
        title=check_title(title) or one_line(find_title(text)),
        published=published,
        author=author,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        chars=len(text),
        source=source,
        flags=flags_in(text),
        text=text,
    )


# --- metadata ----------------------------------------------------------------------------------

MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
YEAR = r",?\s+(\d{4})\b"
MONTH_DAY_YEAR = re.compile(r"\b" + MONTH + r"\s+" + DAY + YEAR, re.IGNORECASE)  # January 19, 2026
DAY_MONTH_YEAR = re.compile(r"\b" + DAY + r"\s+" + MONTH + YEAR, re.IGNORECASE)  # 19 January 2026
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")  # also "2026-05-14T08:30Z"
NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")  # 22.05.2026, 22/05/2026, 05/22/2026
BYLINE = re.compile(r"^\s*By\s+(.+?)\s*(?://|\||,\s*\d|$)", re.IGNORECASE)
HEADER_LINES = 4


def first_lines(text: str, count: int) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:count]


def find_title(text: str) -> str:
    """The headline line when there is one (short, no final full stop), else a trimmed first sentence."""
    lines = first_lines(text, 1)
    first = lines[0] if lines else ""
    if len(first) <= 200 and not first.endswith((".", "!", "?", "”", '"')):
        return first.lstrip("#").strip() or first
    sentences = sentence_spans(text)
    sentence = text[sentences[0][0] : sentences[0][1]] if sentences else first
    return trim_words(sentence, TITLE_MAX)


UPDATED = re.compile(r"\bupdated\b[\s:]*(.+)", re.IGNORECASE)


def find_date_and_author(text: str) -> tuple[str | None, str | None]:
    """A publication date and byline stated in the first few lines (dates deeper in the body are events)."""
    published = author = updated = None
    lines = first_lines(text, HEADER_LINES)
    for line in lines:
        if author is None and (match := BYLINE.match(line)):
            author = match.group(1).strip()
        if updated is None and (match := UPDATED.search(line)):
            updated = parse_date(
                match.group(1)
            )  # "04 June 2026 | Updated 06 June 2026": its figures are of then
    # a date in the headline is the event's ("… the tornado outbreak of 18-19 April 2026"), unless no
    # line below it has one
    for line in [*lines[1:], *lines[:1]]:
        published = published or parse_date(line)
    return updated or published, author


def parse_date(line: str) -> str | None:
    if match := ISO_DATE.search(line):
        year, month, day = (int(g) for g in match.groups())
    elif match := MONTH_DAY_YEAR.search(line):
        month, day, year = MONTHS[match.group(1).lower()], int(match.group(2)), int(match.group(3))
    elif match := DAY_MONTH_YEAR.search(line):
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    elif match := NUMERIC_DATE.search(line):
        first, separator, second, year = match.groups()
        (day, month), year = _day_first(int(first), int(second), separator), int(year)
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_first(first: int, second: int, separator: str) -> tuple[int, int]:
    """(day, month) of a numeric date: dots are day-first (22.05.2026); with slashes, the number above 12
    is the day (05/22/2026 is American), and day-first when both could be (most outlets outside the US)."""
    if separator == "/" and second > 12 >= first:
        return second, first
    return first, second


# --- chunks ------------------------------------------------------------------------------------


def chunk_article(article: Article, size: int, overlap: int) -> list[Chunk]:
    """Pack whole sentences into chunks of about `size` characters; repeat up to `overlap` characters of
    trailing sentences at the start of the next chunk. A sentence longer than `size` is cut at spaces."""
    pieces = [p for s in sentence_spans(article.text) for p in split_long(article.text, s, size)]
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for piece in pieces:
        if current and piece[1] - current[0][0] > size:
            groups.append(current)
            current = overlap_tail(current, overlap)
            if current and piece[1] - current[0][0] > size:
                current = []
        current.append(piece)
    if current:
        groups.append(current)
    return [
        Chunk(
            doc_id=article.id,
            chunk_id=f"{article.id}:{i}",
            start=group[0][0],
            end=group[-1][1],
            text=article.text[group[0][0] : group[-1][1]],
        )
        for i, group in enumerate(groups)
    ]


def overlap_tail(group: list[tuple[int, int]], overlap: int) -> list[tuple[int, int]]:
    tail: list[tuple[int, int]] = []
    for span in reversed(group[1:]):  # never the whole group again: each chunk must move forward
        if group[-1][1] - span[0] > overlap:
            break
        tail.insert(0, span)
    return tail


def split_long(text: str, span: tuple[int, int], size: int) -> list[tuple[int, int]]:
    start, end = span
    pieces = []
    while end - start > size:
        cut = text.rfind(" ", start + 1, start + size)
        cut = cut if cut > start else start + size
        pieces.extend(trimmed_span(text, start, cut))
        start = cut
    pieces.extend(trimmed_span(text, start, end))
    return pieces
