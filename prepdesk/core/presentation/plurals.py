"""Counts with their nouns, plural right: "1 stage", "6 stages", "2 stories", "3 people"."""

from __future__ import annotations

# Nouns whose plural no rule gives.
_IRREGULAR = {
    "person": "people",
    "child": "children",
    "analysis": "analyses",
    "criterion": "criteria",
    "datum": "data",
    "index": "indexes",
    "matrix": "matrices",
    "this": "these",
    "that": "those",
    "is": "are",
    "was": "were",
    "has": "have",
}
# Nouns that stay the same in the plural.
_UNCHANGED = frozenset({"data", "feedback", "information", "progress", "series", "evidence"})
_VOWELS = frozenset("aeiou")


def plural(noun: str) -> str:
    """The plural of an English noun (the last word of `noun` is the one made plural)."""
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    lower = last.lower()
    if lower in _UNCHANGED or not last:
        return noun
    if lower in _IRREGULAR:
        return prefix + _keep_case(last, _IRREGULAR[lower])
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        return prefix + last[:-1] + "ies"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return prefix + last + "es"
    return prefix + last + "s"


def noun_for(count: int, noun: str, plural_form: str | None = None) -> str:
    """`noun` as it reads after `count`: singular for exactly 1, plural otherwise."""
    if count == 1:
        return noun
    return plural_form if plural_form is not None else plural(noun)


def count_noun(count: int, noun: str, plural_form: str | None = None) -> str:
    """`count` and its noun: count_noun(1, "stage") -> "1 stage"; (6, "stage") -> "6 stages".

    `plural_form` for a phrase no rule gets right ("upcoming stages" works without it).
    """
    return f"{count} {noun_for(count, noun, plural_form)}"


def _keep_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement
