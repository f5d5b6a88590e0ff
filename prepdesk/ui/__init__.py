"""Qt widgets and windows. Talks to the store only through repositories and Operations."""
