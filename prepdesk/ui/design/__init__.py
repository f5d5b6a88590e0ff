"""The ML practice page's parts: prompt library, timed session, scoring, question drills."""
