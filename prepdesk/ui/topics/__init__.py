"""The Topics page\x27s widgets: tree, detail pane, timer, dialogs."""
