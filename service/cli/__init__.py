"""The `newsdesk` command (Typer + Rich): thin commands around the Desk; tables are rendered here."""

from .main import app

__all__ = ["app"]
