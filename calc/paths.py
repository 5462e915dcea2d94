"""Whether a file name written in a workbook stays beside the workbook.

A workbook travels by e-mail, so a file it names (its case file on the Plan sheet, a `.sql`
query, a database file) must not lead Målscore to read anything the person running it did not
choose: only a relative path inside the workbook's folder counts. The test is pure path logic
and judges both the Windows and the POSIX reading of the text, because the workbook may have
been written on either and is read on both: `..`, `C:\\x`, `C:x`, `\\\\server\\share`,
`//server/share`, `\\x` and `/x`, streams (`sager.csv:skjult`), URLs and device names are all
refused. A file named on the command line (`--sagsdata`) is the user's own choice and is not
judged here.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$", re.I)


def outside_reason(name: str) -> str | None:
    """Why `name` is not a plain relative path inside the workbook's folder (Danish, for a
    message), or None when it is one."""
    text = name.strip()
    if not text:
        return "navnet er tomt"
    if any(ord(ch) < 32 for ch in text):
        return "navnet indeholder kontroltegn"
    if text.startswith(("\\\\", "//")):
        return "det er en netværkssti (\\\\server\\…), og den åbner en forbindelse"
    if re.match(r"^[A-Za-z]:", text):
        return "det er en sti med drevbogstav"
    if text.startswith(("/", "\\")):
        return "det er en absolut sti"
    if ":" in text:
        return "navnet indeholder «:» (en adresse, et drev eller en skjult datastrøm)"
    for path in (PureWindowsPath(text), PurePosixPath(text.replace("\\", "/"))):
        if path.is_absolute() or path.drive or path.root:
            return "det er en absolut sti"
    for part in re.split(r"[\\/]+", text):
        # Windows drops trailing dots and spaces: ". .", "... " and ".. " mean "..".
        bare = part.rstrip(" .")
        if part and not bare and part != ".":
            return "stien går op over projektmappens mappe («..»)"
        if _DEVICES.match(bare):
            return f"«{part}» er et enhedsnavn i Windows"
    return None


def beside(workbook: Path, name: str) -> Path:
    """`name` joined to the workbook's folder; ValueError (with the reason) when it is not a
    plain relative path inside it, also once symbolic links are followed."""
    why = outside_reason(name)
    if why is not None:
        raise ValueError(why)
    folder = Path(workbook).parent
    path = folder / name.strip().replace("\\", "/")
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except OSError:
        inside = False
    if not inside:
        raise ValueError("den fører via et symbolsk link ud af projektmappens mappe")
    return path
