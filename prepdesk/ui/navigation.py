"""Where each kind of item is shown: the page that `open_requested(kind, ref)` leads to."""

from __future__ import annotations

from prepdesk.ui.search_dialog import KINDS

# kind -> page key. Search's kinds, plus what pages ask for one another.
OPEN_KINDS: dict[str, str] = {kind: page for kind, (_title, page) in KINDS.items()} | {
    "area": "topics",  # an area key ("" for all): Topics filtered to it
    "rehearsals": "stories",  # the Stories page's Practice tab
}
# Kinds shown in a window of their own rather than on a page.
WINDOW_KINDS = frozenset({"checklist"})  # a stage id: its checklist window
