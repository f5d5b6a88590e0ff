"""Widgets of the Practice page: the problem table, its filters, detail pane and dialogs."""
