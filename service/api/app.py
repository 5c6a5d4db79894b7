"""The FastAPI application: one Desk in app.state, errors from errors.py as JSON, the routers."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import compile_path

from ..desk import Desk
from ..errors import Busy, NewsdeskError, StoreError, Unauthorized
from ..settings import Settings, get_settings
from . import answers, documents, health, openai, page, summaries
from .deps import READER
from .limits import BodyLimit
from .responses import EVERY_ROUTE


async def newsdesk_error(request: Request, exc: NewsdeskError) -> JSONResponse:
    """Every error in FastAPI's shape: {"detail": message}, and for a 422 the list of validation errors
    FastAPI itself gives (newsdesk's own checks of a body or query look like the schema's)."""
    if exc.status == 422:
        where = "query" if request.method in ("GET", "HEAD") else "body"
        detail = [{"type": "value_error", "loc": [where], "msg": str(exc)}]
        return JSONResponse({"detail": detail}, status_code=422)
    headers = {}
    if isinstance(exc, Busy):
        headers["Retry-After"] = str(exc.retry_after)
    if isinstance(exc, Unauthorized):
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse({"detail": str(exc)}, status_code=exc.status, headers=headers)


async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 shape, with each offending input made printable: an unpaired surrogate cannot be
    encoded as UTF-8, and FastAPI's own handler fails on it with a 500."""
    errors = [{**error, "input": printable(error.get("input"))} for error in exc.errors()]
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """A 405's Allow header lists every method the path has (Starlette names those of one route)."""
    if exc.status_code != 405:
        return await http_exception_handler(request, exc)
    paths = request.app.openapi()["paths"]
    methods = {
        method.upper()
        for template, operations in paths.items()
        if compile_path(template)[0].match(request.url.path)
        for method in operations
    }
    allow = ", ".join(sorted(methods)) if methods else (exc.headers or {}).get("Allow", "")  # the page's
    return JSONResponse({"detail": exc.detail}, status_code=405, headers={"Allow": allow})


def printable(value: object) -> object:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {k: printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable(v) for v in value]
    return value


log = logging.getLogger("newsdesk")


@asynccontextmanager
async def lifespan(app: FastAPI):
    """On start, remove what a killed write left in the store and start the summary jobs' worker (it
    resumes jobs a stopped server left); a store that cannot be reached yet is reported, and the routes
    answer 503 until it can."""
    desk = app.state.desk
    try:
        removed = await run_in_threadpool(desk.store.remove_leftovers)
        await run_in_threadpool(desk.summary_jobs.resume)
    except StoreError as exc:
        log.warning("the store cannot be read yet: %s", exc)
    else:
        if removed:
            log.info("removed %d chunks an interrupted write left in the store", removed)
    yield
    if "summary_jobs" in vars(desk):
        desk.summary_jobs.shutdown()


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="newsdesk",
        description="Grounded, cited answers over news articles, with disagreements between sources.",
        version="0.1.0",
        lifespan=lifespan,
    )
    settings = settings or get_settings()
    app.state.desk = Desk(settings)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    if hosts := [h.strip() for h in settings.trusted_hosts.split(",") if h.strip()]:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.add_exception_handler(NewsdeskError, newsdesk_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.include_router(health.router, responses=EVERY_ROUTE)
    app.include_router(page.router)  # the reading room: GET / and its files, outside the schema
    for module in (documents, answers, summaries, openai):
        app.include_router(module.router, dependencies=READER, responses=EVERY_ROUTE)
    return app
