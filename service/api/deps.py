"""Dependencies shared by the routes: the Desk, and the API key (NEWSDESK_API_KEY)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..desk import Desk
from ..errors import Unauthorized

bearer = HTTPBearer(
    auto_error=False,
    description="NEWSDESK_API_KEY, sent as `Authorization: Bearer <key>`: required by the write endpoints "
    "when the key is set, and by every endpoint but /health with NEWSDESK_API_KEY_SCOPE=all.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def get_desk(request: Request) -> Desk:
    return request.app.state.desk


DeskDep = Annotated[Desk, Depends(get_desk)]


def require_key(d: DeskDep, credentials: Credentials) -> None:
    """The write endpoints: the key, when one is set."""
    expected = d.settings.api_key
    if expected is None:
        return
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), expected.get_secret_value().encode()):
        reason = "a wrong API key" if given else "no API key"
        raise Unauthorized(f"{reason}: send the header 'Authorization: Bearer <NEWSDESK_API_KEY>'")


def require_key_to_read(d: DeskDep, credentials: Credentials) -> None:
    """Every other endpoint (but /health): the key only with NEWSDESK_API_KEY_SCOPE=all."""
    if d.settings.api_key_scope == "all":
        require_key(d, credentials)


WRITER = [Depends(require_key)]
READER = [Depends(require_key_to_read)]
