"""The guide's pictures use the desktop screenshot test's Xvfb fixture."""

from __future__ import annotations

from tests.desktop.test_screenshot import xvfb  # noqa: F401
