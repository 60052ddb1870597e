"""The program's one clock: what "now" and "today" are, in Bogotá time, and how to pin them.

Every part of gelt-audit that needs the date or the time asks this module, never
``date.today()`` or ``datetime.now()`` directly, so that a test, the demo or an operator can
run the whole program (crawls in subprocesses included) as if it were another day:

* ``GELT_TODAY=2027-01-01`` in the environment pins the calendar date; the time of day keeps
  running from the machine's clock, so two crawls started one after the other are still
  ordered. ``GELT_TODAY=2027-01-01T23:59`` (an ISO 8601 date and time, read in Bogotá time
  unless it carries an offset) pins the start instead, and time runs on from there.
* :func:`pinned` does the same inside one process (a context manager that also sets the
  variable, so subprocesses started inside it see the same day).

Colombia has had no daylight-saving time since 1993: Bogotá is UTC-5 all year, but the zone
database is used anyway so that the rule lives in one place.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from gelt_audit.errors import ConfigError

BOGOTA_TZ = "America/Bogota"
BOGOTA = ZoneInfo(BOGOTA_TZ)
ENV = "GELT_TODAY"

# For a pinned start time: the monotonic reading when this process first saw the pin, so that
# time runs on from the pinned instant instead of standing still.
_started: dict[str, float] = {}


def parse_pin(value: str) -> date | datetime:
    """The day (or aware instant) ``GELT_TODAY`` names; a Spanish error naming it otherwise."""
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(
            f"{ENV}={value!r} no es una fecha válida: use AAAA-MM-DD (por ejemplo 2026-11-24) "
            "o una fecha y hora ISO 8601 (2026-11-24T07:30)."
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=BOGOTA)


def check_env() -> None:
    """Refuse a malformed ``GELT_TODAY`` at start-up, before any command runs."""
    if value := os.environ.get(ENV, "").strip():
        parse_pin(value)


def _real_now() -> datetime:
    return datetime.now(UTC)


def now() -> datetime:
    """The current instant, an aware datetime in UTC (shifted when the clock is pinned)."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return _real_now()
    pin = parse_pin(value)
    if isinstance(pin, datetime):
        start = _started.setdefault(value, time.monotonic())
        return (pin + timedelta(seconds=time.monotonic() - start)).astimezone(UTC)
    local = _real_now().astimezone(BOGOTA)
    return local.replace(year=pin.year, month=pin.month, day=pin.day).astimezone(UTC)


def today() -> date:
    """Today's date in Bogotá."""
    return now().astimezone(BOGOTA).date()


def now_iso() -> str:
    """The current instant as ISO 8601 UTC to the second: what every timestamp column holds."""
    return now().isoformat(timespec="seconds")


def to_datetime(value: Any) -> datetime | None:
    """An aware datetime from an ISO 8601 string, a datetime or a date (naive ones are UTC;
    a bare date is midnight in Bogotá); ``None`` for an empty or unreadable value."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=BOGOTA)
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_date(value: Any) -> date | None:
    """The Bogotá calendar date of a timestamp, or the date itself (``YYYY-MM-DD`` strings too)."""
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    moment = to_datetime(value)
    return moment.astimezone(BOGOTA).date() if moment else None


@contextmanager
def pinned(day: date | datetime | str) -> Iterator[None]:
    """Run the block (and the subprocesses it starts) as if today were ``day``."""
    value = day if isinstance(day, str) else day.isoformat()
    parse_pin(value)
    old = os.environ.get(ENV)
    os.environ[ENV] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = old
