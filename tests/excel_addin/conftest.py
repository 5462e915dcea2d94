"""Fixtures for the add-in tests: the remote engine needs xlwings PRO's noncommercial licence."""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from tests.excel_addin.harness import desktop  # noqa: F401
