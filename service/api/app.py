"""The FastAPI application: one Desk in app.state, errors from errors.py as JSON, the routers."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ..desk import Desk
from ..errors import NewsdeskError
from ..settings import Settings, get_settings
from . import answers, documents, openai, summaries
from .limits import BodyLimit


async def newsdesk_error(_: Request, exc: NewsdeskError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=exc.status)


async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 shape, with each offending input made printable: an unpaired surrogate cannot be
    encoded as UTF-8, and FastAPI's own handler fails on it with a 500."""
    errors = [{**error, "input": printable(error.get("input"))} for error in exc.errors()]
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)


def printable(value: object) -> object:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {k: printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable(v) for v in value]
    return value


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="newsdesk",
        description="Grounded, cited answers over news articles, with disagreements between sources.",
        version="0.1.0",
    )
    settings = settings or get_settings()
    app.state.desk = Desk(settings)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_exception_handler(NewsdeskError, newsdesk_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    for module in (documents, answers, summaries, openai):
        app.include_router(module.router)
    return app
