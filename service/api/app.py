"""The FastAPI application: one Desk in app.state, errors from errors.py as JSON, the routers."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ..desk import Desk
from ..errors import NewsdeskError
from ..settings import Settings, get_settings
from . import answers, documents, openai, summaries


async def newsdesk_error(_: Request, exc: NewsdeskError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=exc.status)


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="newsdesk",
        description="Grounded, cited answers over news articles, with disagreements between sources.",
        version="0.1.0",
    )
    app.state.desk = Desk(settings or get_settings())
    app.add_exception_handler(NewsdeskError, newsdesk_error)
    for module in (documents, answers, summaries, openai):
        app.include_router(module.router)
    return app
