"""Search results as plain text: Markdown marks dropped, fields apart, matches kept marked.

The store asks SQLite for snippets with MATCH_START / MATCH_END around each match; this
turns one into plain text and the (start, end) spans of the matches in it.
"""

from __future__ import annotations

import re

MATCH_START = "\x02"
MATCH_END = "\x03"
FIELD_SEPARATOR = " · "

_LINE_MARKS = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)?")
_EMPHASIS = re.compile(r"\*\*|__|~~|`+|\$+")
_LONE_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])")
_TABLE_RULE = re.compile(r"(?m)^[ \t|:-]*-{3,}[ \t|:-]*$")
_PIPES = re.compile(r"[ \t]*\|[ \t]*")


def markdown_plain(text: str) -> str:
    """The words of some Markdown (possibly cut mid-way), without its marks."""
    text = _TABLE_RULE.sub("", text)
    text = _LINE_MARKS.sub("", text)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _LONE_EMPHASIS.sub("", text)
    return _PIPES.sub(" ", text)


def marked_plain(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text of a marked snippet (lines become fields apart) and its match spans."""
    lines = [" ".join(line.split()) for line in markdown_plain(marked).splitlines()]
    joined = FIELD_SEPARATOR.join(line for line in lines if line.strip(MATCH_START + MATCH_END))
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start: int | None = None
    length = 0
    for char in joined:
        if char == MATCH_START:
            start = length
        elif char == MATCH_END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), tuple(spans)
