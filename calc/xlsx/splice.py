"""Finding elements and changing attributes in XML text without parsing it into a tree.

Write-back changes a few bytes of a part and must keep every other byte as it was, so it works
on the text: these helpers find elements that do not nest (rows, cells, `<xf>`) by their start
tag and change one attribute in place. Attribute values are matched with either quote, and a
`>` inside a quoted value does not end a tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ATTRS = rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)"
ATTR = re.compile(rb"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


@dataclass
class Span:
    """An element found in the text: `start`..`tag_end` is its start tag, `start`..`end` all."""

    start: int
    tag_end: int
    end: int
    attrs: list[tuple[bytes, bytes]]
    closed: bool  # self-closing

    def attr(self, name: bytes) -> str | None:
        for key, raw in self.attrs:
            if key == name:
                return raw[1:-1].decode("utf-8")
        return None


def attrs(raw: bytes) -> list[tuple[bytes, bytes]]:
    return [(k, v) for k, v in ATTR.findall(raw)]


def element(
    xml: bytes, p: bytes, name: bytes, start: int, stop: int, *, first: bool = False
) -> list[Span]:
    """All `<p:name …>` elements in xml[start:stop] (or the first), which must not nest."""
    tag = re.compile(rb"<" + re.escape(p + name) + rb"(?=[\s/>])" + ATTRS + rb"(/?)>")
    close = b"</" + p + name + b">"
    spans: list[Span] = []
    pos = start
    while True:
        m = tag.search(xml, pos, stop)
        if m is None:
            return spans
        closed = m.group(2) == b"/"
        end = m.end() if closed else xml.find(close, m.end(), stop)
        if end < 0:
            raise ValueError(f"unclosed <{name.decode()}>")
        end = end if closed else end + len(close)
        spans.append(Span(m.start(), m.end(), end, attrs(m.group(1)), closed))
        if first:
            return spans
        pos = end


def set_attr(xml: bytes, span: Span, name: bytes, value: bytes) -> bytes:
    """`xml` with the attribute `name` of the element at `span` set to `value` (added at the
    end of the start tag when it is not there)."""
    opening = xml[span.start : span.tag_end]
    pattern = re.compile(rb"(\s" + re.escape(name) + rb"\s*=\s*)(\"[^\"]*\"|'[^']*')")
    if pattern.search(opening):
        new = pattern.sub(lambda m: m.group(1) + b'"' + value + b'"', opening, count=1)
    else:
        cut = len(opening[: len(opening) - (2 if span.closed else 1)].rstrip())
        new = opening[:cut] + b" " + name + b'="' + value + b'"' + opening[cut:]
    return xml[: span.start] + new + xml[span.tag_end :]
