"""Fetch a row by id for a write, or say plainly that it is gone."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from prepdesk.store.models import Base

T = TypeVar("T", bound=Base)


def require(session: Session, model: type[T], row_id: int) -> T:
    """The row of `model` with `row_id`; LookupError ("study session 7 does not exist")."""
    row = session.get(model, row_id)
    if row is None:
        what = str(model.__tablename__).replace("_", " ")
        raise LookupError(f"{what} {row_id} does not exist")
    return row
