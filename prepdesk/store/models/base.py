"""Declarative base, naming convention and the shared column types."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, MetaData, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints let Alembic's batch mode rebuild SQLite tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC text; hands back aware UTC datetimes.

    SQLite has no time zones; keeping one convention means SQL GROUP BY on dates
    and Python comparisons agree.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: prepdesk stores aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def link_table(name: str, left: tuple[str, str], right: tuple[str, str]) -> Table:
    """A many-to-many table of two cascading foreign keys, (column, referred table) each.

    The right-hand column gets its own index; the primary key covers lookups from the left.
    """
    (left_column, left_table), (right_column, right_table) = left, right
    return Table(
        name,
        Base.metadata,
        Column(left_column, ForeignKey(f"{left_table}.id", ondelete="CASCADE"), primary_key=True),
        Column(
            right_column,
            ForeignKey(f"{right_table}.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
    )


def one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """CHECK that `column` holds one of `values` (the vocabularies live in core)."""
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name)
