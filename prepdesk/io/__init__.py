"""Import and export: files in and out of prepdesk, using store and core."""
