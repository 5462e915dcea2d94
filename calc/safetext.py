"""Text from a workbook made safe to show: in a terminal, and as one line of a header.

Names, goal ids and cell values reach the terminal in tables and messages, and a workbook is
written by someone else: an escape sequence in a name (`\\x1b]0;…\\x07`) would retitle or recolour
the terminal, a line break in an institution's name could print a fake `OK` line under `tjek`,
bidirectional overrides (U+202E) reorder what is shown, and a lone surrogate (an Excel escape
such as `_xD800_`) cannot be printed at all. `terminal` shows all of those as escapes
(`\\x1b`, `\\n`, `\\u202e`), which are also valid JSON escapes where JSON allows them; `one_line`
makes a header value (an e-mail subject) a single line.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if code < 0x20 or 0x7F <= code < 0xA0:
        return f"\\x{code:02x}"
    if code > 0xFFFF:  # as a surrogate pair: valid in JSON, and readable
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _unsafe(ch: str, keep_newline: bool) -> bool:
    if ch == "\n" and keep_newline:
        return False
    code = ord(ch)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return True
    if code < 0xA0:
        return False
    # Format characters (bidirectional controls, zero-width joiners …), surrogates, line and
    # paragraph separators, unassigned and private-use code points.
    return unicodedata.category(ch) in ("Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def terminal(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every character a terminal would act on, or could not print, escaped."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(_escape(ch) if _unsafe(ch, keep_newlines) else ch for ch in text)


def encodable(text: str, encoding: str | None) -> str:
    """`text` with what `encoding` cannot hold escaped (a Windows console in cp1252 and an
    emoji in a name), so printing never fails."""
    if not encoding:
        return text
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        out = []
        for ch in text:
            try:
                ch.encode(encoding)
                out.append(ch)
            except UnicodeEncodeError:
                out.append(_escape(ch))
        return "".join(out)


def one_line(text: str) -> str:
    """A header value: line breaks and other control characters become spaces, surrogates
    U+FFFD, and runs of spaces one."""
    out = []
    for ch in text:
        if _unsafe(ch, keep_newline=False):
            out.append("\ufffd" if unicodedata.category(ch) == "Cs" else " ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


class SafeStream:
    """A text stream that shows control characters, surrogates and what its encoding cannot
    hold as escapes; line breaks pass (the output's own structure). Values that come from a
    workbook are escaped by `terminal` where they are put into a line, so that a line break in
    a name cannot start a line of its own."""

    def __init__(self, raw: object) -> None:
        self.raw = raw
        self.encoding = getattr(raw, "encoding", None)

    def write(self, text: str) -> int:
        safe = encodable(terminal(text, keep_newlines=True), self.encoding)
        self.raw.write(safe)  # type: ignore[attr-defined]
        return len(text)

    def flush(self) -> None:
        self.raw.flush()  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)
