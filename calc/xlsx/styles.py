"""Number formats for the cells Målscore writes, spliced into `styles.xml` as text.

An amount typed as `-5.000 kr.` must reach Excel as the number -5000 shown as kroner, as Excel
itself would store it, so that SUM counts it. A cell's number format lives in its style (`s`, an
index into `<cellXfs>`), so giving a written cell a format means a style like its old one (same
font, fill, border, alignment) with another `numFmtId`: `derive` appends such an `<xf>` (and the
`<numFmt>` when the format is not built in), reusing one that is already there. Everything else
in the part stays byte for byte, as in the sheets (see `writeback`).
"""

from __future__ import annotations

import re
from html import escape, unescape

# Formats Excel knows by number (ECMA-376 §18.8.30); no <numFmt> is needed for these.
BUILTIN = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}
KRONER = '#,##0 "kr."'  # Danish Excel shows -5000 as "-5.000 kr."
PERCENT = "0%"

_ATTR = re.compile(rb'([\w:.-]+)\s*=\s*("[^"]*"|\'[^\']*\')')
_FIRST_CUSTOM = 164


class StyleSheet:
    """styles.xml with the styles derived so far; `patched()` gives the new part (or None)."""

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        root = re.search(rb"<(\w+:)?styleSheet\b[^>]*>", xml)
        if root is None:
            raise ValueError("no <styleSheet>")
        self.p = root.group(1) or b""
        self.root_end = root.end()
        p = re.escape(self.p)
        self.xfs_span = re.search(
            rb"<" + p + rb"cellXfs\b([^>]*)>(.*?)</" + p + rb"cellXfs>", xml, re.S
        )
        self.fmts_span = re.search(
            rb"<" + p + rb"numFmts\b([^>]*?)(?:/>|>(.*?)</" + p + rb"numFmts>)", xml, re.S
        )
        body = self.xfs_span.group(2) if self.xfs_span else b""
        self.xfs: list[bytes] = re.findall(
            rb"<" + p + rb"xf\b[^>]*?(?:/>|>.*?</" + p + rb"xf>)", body, re.S
        )
        self.formats: dict[str, int] = {}
        fmt_body = (self.fmts_span.group(2) or b"") if self.fmts_span else b""
        for m in re.finditer(rb"<" + p + rb"numFmt\b([^>]*?)/?>", fmt_body):
            attrs = _attrs(m.group(1))
            if "numFmtId" in attrs and "formatCode" in attrs:
                self.formats.setdefault(attrs["formatCode"], int(attrs["numFmtId"]))
        self.new_xfs: list[bytes] = []
        self.new_formats: list[tuple[int, str]] = []
        self._cache: dict[tuple[int, str], int] = {}

    def derive(self, base: int, code: str) -> int:
        """The index of a style like `base` but showing numbers as `code`."""
        key = (base, code)
        if key in self._cache:
            return self._cache[key]
        all_xfs = self.xfs + self.new_xfs
        template = all_xfs[base] if 0 <= base < len(all_xfs) else None
        if template is None:
            template = (
                b"<" + self.p + b'xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            )
        fmt_id = self._format_id(code)
        applied = _attrs(template).get("applyNumberFormat", "1").strip().lower()
        if _attrs(template).get("numFmtId") == str(fmt_id) and applied not in ("0", "false"):
            self._cache[key] = base if 0 <= base < len(all_xfs) else self._add(template)
            return self._cache[key]
        derived = _set_attr(
            _set_attr(template, b"numFmtId", str(fmt_id)), b"applyNumberFormat", "1"
        )
        index = all_xfs.index(derived) if derived in all_xfs else self._add(derived)
        self._cache[key] = index
        return index

    def _add(self, xf: bytes) -> int:
        self.new_xfs.append(xf)
        return len(self.xfs) + len(self.new_xfs) - 1

    def _format_id(self, code: str) -> int:
        if code in BUILTIN:
            return BUILTIN[code]
        if code in self.formats:
            return self.formats[code]
        used = [*self.formats.values(), _FIRST_CUSTOM - 1]
        fmt_id = max(used) + 1
        self.formats[code] = fmt_id
        self.new_formats.append((fmt_id, code))
        return fmt_id

    def patched(self) -> bytes | None:
        if not self.new_xfs and not self.new_formats:
            return None
        edits: list[tuple[int, int, bytes]] = []
        if self.new_xfs:
            if self.xfs_span is None:
                raise ValueError("no <cellXfs>")
            xfs = self.xfs + self.new_xfs
            opening = _set_attr(
                b"<" + self.p + b"cellXfs" + self.xfs_span.group(1) + b">", b"count", str(len(xfs))
            )
            # The existing <xf>s and the white space between them stay as they are.
            body_start, body_end = self.xfs_span.span(2)
            edits.append((self.xfs_span.start(), body_start, opening))
            edits.append((body_end, body_end, b"".join(self.new_xfs)))
        if self.new_formats:
            added = b"".join(
                b"<" + self.p + f'numFmt numFmtId="{i}" formatCode="{escape(c)}"/>'.encode()
                for i, c in self.new_formats
            )
            if self.fmts_span is None:
                block = b"<" + self.p + f'numFmts count="{len(self.new_formats)}">'.encode()
                edits.append(
                    (self.root_end, self.root_end, block + added + b"</" + self.p + b"numFmts>")
                )
            else:
                old = self.fmts_span.group(2) or b""
                count = len(re.findall(rb"<" + re.escape(self.p) + rb"numFmt\b", old)) + len(
                    self.new_formats
                )
                opening = _set_attr(
                    b"<" + self.p + b"numFmts" + self.fmts_span.group(1) + b">",
                    b"count",
                    str(count),
                )
                edits.append(
                    (
                        self.fmts_span.start(),
                        self.fmts_span.end(),
                        opening + old + added + b"</" + self.p + b"numFmts>",
                    )
                )
        out, pos = [], 0
        for start, end, data in sorted(edits):
            out += [self.xml[pos:start], data]
            pos = end
        out.append(self.xml[pos:])
        return b"".join(out)


def _attrs(tag: bytes) -> dict[str, str]:
    return {k.decode(): unescape(v[1:-1].decode("utf-8")) for k, v in _ATTR.findall(tag)}


def _set_attr(tag: bytes, name: bytes, value: str) -> bytes:
    """`tag` (an element's text) with the attribute `name` on its start tag set to `value`."""
    end = tag.index(b">")
    start_tag, rest = tag[: end + 1], tag[end + 1 :]
    pattern = re.compile(rb"(\s" + re.escape(name) + rb"\s*=\s*)(\"[^\"]*\"|'[^']*')")
    new = b'"' + value.encode() + b'"'
    if pattern.search(start_tag):
        start_tag = pattern.sub(lambda m: m.group(1) + new, start_tag, count=1)
    else:
        close = 2 if start_tag.endswith(b"/>") else 1
        start_tag = start_tag[:-close].rstrip() + b" " + name + b"=" + new + start_tag[-close:]
    return start_tag + rest
