"""The reading room: one page (HTML, CSS and plain JavaScript shipped in the package, nothing fetched from
elsewhere) served at GET /, outside the API's schema and without the API key (the page asks for the key
when an endpoint answers 401)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC = Path(__file__).with_name("static")
TYPES = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
# Only this server: no CDN, no font, no frame; the page itself builds every element from text nodes.
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

router = APIRouter(include_in_schema=False)


@router.get("/")
def reading_room() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8", headers=HEADERS)


@router.get("/static/{name}")
def static_file(name: str) -> FileResponse:
    if name not in TYPES:
        raise HTTPException(status_code=404, detail="Not Found")
    return FileResponse(STATIC / name, media_type=TYPES[name], headers=HEADERS)
