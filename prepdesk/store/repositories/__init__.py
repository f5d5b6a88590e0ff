"""Repositories: the only code that reads and writes the ORM; no Qt here."""
