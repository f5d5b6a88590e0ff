"""The Stories page's parts: editors, coverage matrix, question bank and practice."""
