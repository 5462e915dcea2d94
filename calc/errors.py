"""Errors and workbook problems.

Problems *in the workbook* (a text where a number belongs, a missing parent goal) are data: they
are collected as `Issue` records with their sheet and cell and shown to the user all at once.
Exceptions are only for what stops the work altogether: a file that cannot be read or written,
or a programming error. All of Målscore's own exceptions derive from `MaalscoreError`, and their
message is Danish text meant for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

ERROR: Severity = "error"  # the workbook cannot be scored as it is: nothing is written
WARNING: Severity = "warning"  # scored, but a person should look at this cell
INFO: Severity = "info"  # scored, and worth one line (e.g. "ingen resultatløn at beregne")


@dataclass(frozen=True)
class Issue:
    """One problem found in a workbook, with where it is.

    `cell` is an A1 reference (`"G7"`), a range or an empty string when the problem concerns the
    sheet as a whole. `message` is a complete sentence in the workbook's language.
    """

    sheet: str
    cell: str
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    @property
    def is_info(self) -> bool:
        return self.severity == INFO

    def location(self) -> str:
        """`Mål!G7`-style location for messages, or just the sheet name."""
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet


def has_errors(issues: tuple[Issue, ...] | list[Issue]) -> bool:
    return any(issue.is_error for issue in issues)


def count(issues: tuple[Issue, ...] | list[Issue]) -> tuple[int, int, int]:
    """(errors, warnings, info lines): what front ends show as counts. Info lines are neither
    errors nor warnings: they never change an exit code or a "N advarsler" count."""
    errors = sum(1 for i in issues if i.severity == ERROR)
    warnings = sum(1 for i in issues if i.severity == WARNING)
    return errors, warnings, len(issues) - errors - warnings


class MaalscoreError(Exception):
    """Base of every exception Målscore raises on purpose; the message is for the user."""


class WorkbookReadError(MaalscoreError):
    """The file cannot be read as a workbook (not a zip, encrypted, damaged, …)."""


class WriteBackError(MaalscoreError):
    """Results could not be written; the original file is untouched."""
