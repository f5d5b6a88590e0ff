"""THE one place that turns stored values into words a person reads.

Pure Python (no Qt, no SQL). Everything on screen, in human messages of the command
line and in file names prepdesk suggests goes through here:

- words for stored values: `label("company_status", "interviewing")` -> "Interviewing",
  `label_or_text(vocabulary, value)` for free text with suggested values (kept as typed),
  `choices("stage_format")` -> [("video", "Video call"), …] for a combo box;
- counts: `count_noun(6, "stage")` -> "6 stages", `noun_for(n, "story")`, `plural(noun)`;
- one date and one date-time format: `date_text(d)` -> "30 Nov 2026",
  `datetime_text(dt)` -> "30 Nov 2026, 14:05", `time_text(dt)`; for appointments
  `weekday_date_text(d)` -> "Tue 20 Oct 2026" and `weekday_datetime_text(dt)`;
  `in_zone=True` keeps an aware moment's own zone;
  the UI sets the locale's patterns once at start-up with `use_patterns`;
- file names: `suggested_file_name("interview brief", company, stage, day, extension="pdf")`,
  `slug(title)`, `unique_stem(stem, taken)` for many files in one folder;
- backups: `backup_text(taken_at)` -> "Backup from 30 Nov 2026, 14:05", `backup_kind(reason)`.
"""

from __future__ import annotations

from prepdesk.core.presentation.backups import backup_kind, backup_text
from prepdesk.core.presentation.file_names import slug, suggested_file_name, unique_stem
from prepdesk.core.presentation.moments import (
    date_pattern,
    date_pattern_for,
    date_text,
    datetime_text,
    format_pattern,
    time_pattern,
    time_text,
    use_patterns,
    weekday_date_text,
    weekday_datetime_text,
)
from prepdesk.core.presentation.plurals import count_noun, noun_for, plural
from prepdesk.core.presentation.words import (
    COLUMN_VOCABULARY,
    choices,
    humanize,
    label,
    label_or_text,
    vocabularies,
)

__all__ = [
    "COLUMN_VOCABULARY",
    "backup_kind",
    "backup_text",
    "choices",
    "count_noun",
    "date_pattern",
    "date_pattern_for",
    "date_text",
    "datetime_text",
    "format_pattern",
    "humanize",
    "label",
    "label_or_text",
    "noun_for",
    "plural",
    "slug",
    "suggested_file_name",
    "time_pattern",
    "time_text",
    "unique_stem",
    "use_patterns",
    "vocabularies",
    "weekday_date_text",
    "weekday_datetime_text",
]
