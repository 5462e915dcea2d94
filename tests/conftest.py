"""Shared test fixtures: where the repository, the shared corpus and the examples are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MAALSCORE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "xlsx-corpus"
WORKBOOKS = REPO / "workbooks"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared xlsx corpus is not at {CORPUS} (set MAALSCORE_SHARED)")
    return CORPUS
