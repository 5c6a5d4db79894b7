"""The HTTP API (FastAPI): routers by resource, each route a few lines around the Desk."""

from .app import create_app

__all__ = ["create_app"]
