"""Import and export: CSV, JSON, Markdown, iCalendar, PDF."""
