"""The fixed vocabularies of companies and interview stages.

One definition: the database's CHECK constraints, the repositories, the JSON
import's validation and the UI's choices are all built from these tuples.
"""

from __future__ import annotations

COMPANY_STATUSES = ("researching", "applied", "interviewing", "offer", "rejected", "withdrawn")
ASK_CATEGORIES = ("team", "projects", "ml practice", "growth", "process")
STAGE_CATEGORIES = (
    "screen",
    "assessment",
    "coding",
    "ml_concepts",
    "system_design",
    "behavioral",
    "onsite",
    "offer",
    "other",
)
STAGE_FORMATS = ("video", "phone", "onsite", "take-home")
