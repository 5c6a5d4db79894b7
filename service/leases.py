"""Leases: time-limited claims on a key, kept in the store, so that several API workers (processes, or
machines sharing a Chroma server) never run one summary job, or summarize one article, twice at once.

Chroma has no compare-and-set, so a claim is written and read back SETTLE seconds later: of two workers
claiming at once the later write wins, and the earlier one sees it there and backs off. That holds while a
worker's read of a free lease and its write are less than SETTLE apart (one round trip to the store).
A lease lasts SECONDS and its holder renews it every third of that, so a worker that dies frees its
leases when they run out; on the same machine a holder whose process is gone frees them at once.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator

from .store import Store


def process_owner() -> str:
    """host:pid-namespace:pid:random, unique to this process (and this Leases object)."""
    with contextlib.suppress(OSError):
        namespace = os.stat("/proc/self/ns/pid").st_ino
        return f"{socket.gethostname()}:{namespace}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    return f"{socket.gethostname()}:-:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_is_gone(owner: str) -> bool:
    """True when the owner was a process of this machine (same host and pid namespace) that has ended."""
    try:
        host, namespace, pid, _ = owner.split(":")
        mine = process_owner().split(":")
        if (host, namespace) != (mine[0], mine[1]) or namespace == "-" or int(pid) == os.getpid():
            return False
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (ValueError, OSError):
        return False
    return False


class KeyedLocks:
    """One threading.Lock per key, made on first use (so that threads of a process take turns per key)."""

    def __init__(self):
        self._locks: dict[object, threading.Lock] = {}
        self._guard = threading.Lock()

    def __call__(self, key: object) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())


class Leases:
    SETTLE = 0.25

    def __init__(self, store: Store, seconds: float = 30.0, owner: str | None = None):
        self.store = store
        self.seconds = seconds
        self.owner = owner or process_owner()
        self._held: set[str] = set()
        self._local = KeyedLocks()
        self._guard = threading.Lock()
        self._renewer: threading.Thread | None = None

    def holder(self, key: str) -> str | None:
        """Who holds the lease on `key` now (None: nobody, or a holder that has run out or is gone)."""
        record = self.store.get_record(lease_key(key))
        if record is None:
            return None
        meta = record[1]
        if float(meta.get("until", 0)) < time.time() or owner_is_gone(str(meta.get("owner", ""))):
            return None
        return str(meta["owner"])

    def claim(self, key: str) -> bool:
        """Take the lease on `key` unless another owner holds it."""
        if self.holder(key) not in (None, self.owner):
            return False
        self._write(key)
        time.sleep(self.SETTLE)
        if self.holder(key) != self.owner:
            return False
        with self._guard:
            self._held.add(key)
            if self._renewer is None:
                self._renewer = threading.Thread(target=self._renew, name="lease-renewer", daemon=True)
                self._renewer.start()
        return True

    def release(self, key: str) -> None:
        with self._guard:
            self._held.discard(key)
        if self.holder(key) == self.owner:
            self.store.delete_records([lease_key(key)])

    @contextlib.contextmanager
    def exclusive(self, key: str, poll: float = 0.5) -> Iterator[None]:
        """Hold `key` against every thread of this process and every other worker, waiting while one of
        them holds it (as long as it keeps working on it: its lease is renewed until it is done)."""
        with self._local(key):
            while not self.claim(key):
                time.sleep(poll)
            try:
                yield
            finally:
                self.release(key)

    def _write(self, key: str) -> None:
        until = time.time() + self.seconds
        self.store.put_record(lease_key(key), self.owner, kind="lease", owner=self.owner, until=until)

    def _renew(self) -> None:
        while True:
            time.sleep(self.seconds / 3)
            with self._guard:  # held while writing: a lease released meanwhile is not written back
                for key in list(self._held):
                    with contextlib.suppress(Exception):  # a store briefly down: the next round renews
                        self._write(key)


def lease_key(key: str) -> str:
    return f"lease:{key}"
