"""The countdown to the next interview stage and the list of the stages after it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from prepdesk.core.presentation import count_noun, weekday_date_text, weekday_datetime_text

if TYPE_CHECKING:
    from prepdesk.core.dashboard_numbers import NextInterview, UpcomingStage


def unbroken(name: str | None) -> str:
    """A name that wraps as a whole ("Recruiter screen" never splits over two lines)."""
    return (name or "").replace(" ", "\u00a0")


@dataclass(frozen=True)
class CountdownData:
    now: datetime  # the countdown is from now to next.at, whenever it is shown
    next: NextInterview | None
    upcoming: tuple[UpcomingStage, ...]


def countdown_text(now: datetime, at: datetime) -> str:
    """'3 days 4 hours', '5 hours 20 minutes' or 'starting now'."""
    seconds = max(0, int((at - now).total_seconds()))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60

    def unit(n: int, name: str) -> str:
        return count_noun(n, name)

    if days:
        return f"{unit(days, 'day')} {unit(hours, 'hour')}"
    if hours or minutes:
        return f"{unit(hours, 'hour')} {unit(minutes, 'minute')}"
    return "starting now"


def local_when(at: datetime) -> str:
    local = at.astimezone()
    return weekday_datetime_text(local)


class CountdownPanel(QFrame):
    checklist_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        super().__init__(parent)
        self.interactive = interactive  # False in the start-up shell: the button waits
        self.setObjectName("countdown")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._stage_id: int | None = None
        self.refresh_count = 0
        layout = QVBoxLayout(self)
        caption = QLabel("Next interview")
        caption.setObjectName("cardCaption")
        self.remaining = QLabel("…")
        self.remaining.setObjectName("countdownRemaining")
        font = self.remaining.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.remaining.setFont(font)
        self.what = QLabel("")
        self.what.setWordWrap(True)
        self.checklist_button = QPushButton("Open checklist")
        self.checklist_button.setAccessibleName("Open the checklist of the next stage")
        self.checklist_button.clicked.connect(self._open_checklist)
        self.checklist_button.hide()
        self.later = QLabel("")
        self.later.setObjectName("upcomingStages")
        self.later.setWordWrap(True)
        for widget in (caption, self.remaining, self.what, self.checklist_button, self.later):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_data(self, data: CountdownData) -> None:
        self.refresh_count += 1
        upcoming = data.next
        self._stage_id = upcoming.stage_id if upcoming else None
        if upcoming is None:
            self.remaining.setText("No date yet")
            self.what.setText(
                "Add a company's interview stages on the Companies page, or set a target "
                "date, and the countdown starts here."
            )
        else:
            self.remaining.setText(countdown_text(data.now, upcoming.at))
            title = (
                f"{unbroken(upcoming.company)}\u00a0· {unbroken(upcoming.stage)}"
                if upcoming.source == "stage"
                else "Your target date"
            )
            self.what.setText(f"{title}\n{local_when(upcoming.at)}")
        self.checklist_button.setVisible(self._stage_id is not None)
        self.checklist_button.setEnabled(self.interactive)
        later = [s for s in data.upcoming if s.stage_id != self._stage_id][:3]
        if later:
            lines = [
                # The day on a line of its own, then what: the "·" never starts a line.
                f"{unbroken(weekday_date_text(s.at))}\n{unbroken(s.company)}\u00a0· "
                f"{unbroken(s.stage)}"
                for s in later
            ]
            self.later.setText("Then:\n" + "\n".join(lines))
        else:
            self.later.setText("")

    def _open_checklist(self) -> None:
        if self._stage_id is not None:
            self.checklist_requested.emit(self._stage_id)
