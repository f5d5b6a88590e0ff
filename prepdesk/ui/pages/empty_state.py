"""A page's friendly empty state: what will be here and what to do first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    def __init__(
        self,
        title: str,
        message: str,
        icon: QIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        if icon is not None and not icon.isNull():
            picture = QLabel()
            size = self.fontMetrics().height() * 4
            picture.setPixmap(icon.pixmap(size, size))
            picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(picture)
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        heading.setObjectName("emptyStateTitle")
        body = QLabel(message)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.setObjectName("emptyStateMessage")
        # One width, so its wrapped height is known: a range let the layout size the
        # height for one width and show it at another, cutting the last lines.
        body.setFixedWidth(self.fontMetrics().averageCharWidth() * 64)
        body.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        layout.addWidget(heading)
        # Centred by stretches, not an alignment flag: an aligned item loses its wrapped
        # height when the style changes (light to dark), cutting the message to two lines.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(body)
        centred.addStretch(1)
        layout.addLayout(centred)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        layout.addStretch(3)

    def add_button(self, text: str, accessible_name: str = "") -> QPushButton:
        """A next step under the message; the first one added is the default."""
        button = QPushButton(text)
        button.setAccessibleName(accessible_name or text.replace("&", ""))
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button
