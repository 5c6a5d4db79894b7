"""The service's health: open even when every other endpoint needs the API key (for probes)."""

from __future__ import annotations

from fastapi import APIRouter

from .deps import DeskDep

router = APIRouter()


@router.get("/health")
def health(d: DeskDep) -> dict:
    return d.health()
