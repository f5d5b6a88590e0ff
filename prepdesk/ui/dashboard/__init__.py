"""The dashboard page\x27s parts: countdown, readiness, today and the charts."""
