"""The first run that sizes the plan: date, role, hours and a quick self-assessment."""
