"""The locale's date order and clock for core.presentation's one date format, set at start-up."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from prepdesk.core.dates import date_order
from prepdesk.core.presentation import date_pattern_for, use_patterns

# Parts of a Qt time pattern that a time of day on screen leaves out: seconds, milliseconds
# and the time zone (with the space or separator before them).
_EXTRA = re.compile(r"[:.\s]*(ss?|zzz|z|t+)")


def use_locale_dates(locale: QLocale | None = None) -> None:
    """Dates read "30 Nov 2026" in the locale's order (month first in the US), times by its
    clock ("14:05" or "2:05 PM"). The C locale (tests, no locale set) keeps core's defaults."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        use_patterns()
        return
    order = date_order(locale.dateFormat(QLocale.FormatType.ShortFormat))
    clock = _EXTRA.sub("", locale.timeFormat(QLocale.FormatType.ShortFormat)).strip()
    use_patterns(date_pattern_for(order), clock or None)
