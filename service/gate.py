"""Backpressure and cancellation for the chat model.

At most `model_slots` requests use the model at once; up to `model_queue` more wait, each at most
`model_wait` seconds; any other is refused at once with Busy (429 and a Retry-After estimated from how
long requests have been holding a slot). A request holds a Ticket; cancelling it (its client has gone)
makes the model call stop at the next token (`raise_if_cancelled`, called by llm.generate), which frees
the slot for the next request.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import Busy, Cancelled

_current: ContextVar[Ticket | None] = ContextVar("newsdesk_ticket", default=None)


class Ticket:
    """One request's slot: released once (by whoever finishes first), cancelled when its client leaves."""

    def __init__(self, gate: ModelGate):
        self._gate = gate
        self._released = False
        self._lock = threading.Lock()
        self.cancelled = threading.Event()
        self.taken_at = time.monotonic()
        self.entered = False  # a worker runs with it (and releases it when done)

    def cancel(self) -> None:
        self.cancelled.set()

    def abandon(self) -> None:
        """The request is over (its response sent or its client gone): a worker still running stops at
        its next token and releases the slot; a slot no worker took is released now."""
        self.cancel()
        if not self.entered:
            self.release()

    def release(self) -> None:
        with self._lock:
            if self._released:
                return
            self._released = True
        self._gate._free(time.monotonic() - self.taken_at)


class ModelGate:
    def __init__(self, slots: int, queue: int, wait: float):
        self.slots, self.queue, self.wait = slots, queue, wait
        self._free_slots = threading.Semaphore(slots)
        self._lock = threading.Lock()
        self._waiting = 0
        self._held_seconds = 10.0  # a running mean of how long a request holds a slot

    def take(self) -> Ticket:
        """A slot, after waiting at most `wait` seconds; Busy when the queue is full or the wait ends."""
        if self._free_slots.acquire(blocking=False):
            return Ticket(self)
        with self._lock:
            if self._waiting >= self.queue:
                raise Busy(self._busy_message("the queue is full"), self.retry_after())
            self._waiting += 1
        try:
            taken = self._free_slots.acquire(timeout=self.wait)
        finally:
            with self._lock:
                self._waiting -= 1
        if not taken:
            raise Busy(self._busy_message(f"no slot within {self.wait:g} s"), self.retry_after())
        return Ticket(self)

    @contextmanager
    def held(self, ticket: Ticket | None = None) -> Iterator[Ticket]:
        """Run the block holding `ticket` (taken now when None; the one already held in this context is
        reused, so nested calls never wait for themselves); released at the end."""
        if ticket is None and (outer := _current.get()) is not None:
            yield outer
            return
        ticket = ticket or self.take()
        ticket.entered = True
        token = _current.set(ticket)
        try:
            raise_if_cancelled()
            yield ticket
        finally:
            _current.reset(token)
            ticket.release()

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: the requests ahead, each holding a slot the usual time."""
        ahead = self._waiting + self.slots
        return max(1, math.ceil(self._held_seconds * ahead / self.slots))

    def _free(self, held: float) -> None:
        with self._lock:
            self._held_seconds = 0.8 * self._held_seconds + 0.2 * held
        self._free_slots.release()

    def _busy_message(self, why: str) -> str:
        return (
            f"the chat model is busy ({why}; {self.slots} at a time, {self.queue} waiting): retry later "
            "(NEWSDESK_MODEL_SLOTS, NEWSDESK_MODEL_QUEUE, NEWSDESK_MODEL_WAIT)"
        )


def raise_if_cancelled() -> None:
    """Stop the current request's model call: its client has gone."""
    ticket = _current.get()
    if ticket is not None and ticket.cancelled.is_set():
        raise Cancelled("the client has gone")
