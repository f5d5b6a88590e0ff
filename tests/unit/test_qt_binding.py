"""Guards against a broken Qt binding release (see the pin in pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_keeps_the_references_to_true_and_false(qapp):
    # PySide6 6.12.0 lost one reference to the bool emit() returns, on every emit: after
    # a few thousand autosaves the interpreter aborted with "bool_dealloc".
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True) + sys.getrefcount(False)
    for n in range(200):
        emitter.fired.emit(n)
    after = sys.getrefcount(True) + sys.getrefcount(False)
    assert received == list(range(200))
    assert after - before > -50, f"{before - after} references to True/False lost in 200 emits"
