"""Fuzzing: damaged and mutated workbooks are scored or refused clearly, never half-written.

Hypothesis mutates a valid goal workbook in three ways: random bytes spliced into the XML of
the Mål sheet, random values put into its cells (by editing the XML, so any type and any text
can appear), and random damage to the zip bytes (flipped bytes, truncation). The property:
`score_file` returns an Evaluation or raises a `MaalscoreError` (never anything else); the
input is byte-identical afterwards unless a complete write happened; no temporary file is left;
a written file opens with `calc.xlsx.reader`. Deterministic (derandomized) and bounded.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc.engine import Evaluation, FileOptions, score_file
from calc.errors import MaalscoreError
from calc.xlsx.reader import read_workbook
from tests.conftest import WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
GOALS = "xl/worksheets/sheet2.xml"
with zipfile.ZipFile(EXAMPLE) as _zf:
    MEMBERS = [(info, _zf.read(info)) for info in _zf.infolist()]
GOALS_XML = dict((i.filename, d) for i, d in MEMBERS)[GOALS]
CELLS = [m.span() for m in re.finditer(rb'<c r="[A-Z]+\d+"[^>]*?(?:/>|>.*?</c>)', GOALS_XML)]
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def package(goals_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in MEMBERS:
            zf.writestr(info, goals_xml if info.filename == GOALS else data)
    return buf.getvalue()


VALID = package(GOALS_XML)


def check_property(data: bytes) -> None:
    """Score `data` in place in a fresh folder and check the property."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        path.write_bytes(data)
        try:
            result = score_file(path, options=FileOptions(backup=False))
        except MaalscoreError as exc:
            assert str(exc), "an error must say what is wrong"
            result = None
        assert sorted(p.name for p in Path(folder).iterdir()) == ["plan.xlsx"]
        if result is None or not (result.ok and result.updates):
            assert path.read_bytes() == data
        else:
            assert isinstance(result, Evaluation)
            assert read_workbook(path).find("Mål") is not None


@FUZZ
@given(st.integers(0, len(GOALS_XML)), st.integers(0, 40), st.binary(min_size=0, max_size=40))
def test_random_bytes_in_the_goal_sheet(at: int, cut: int, junk: bytes) -> None:
    check_property(package(GOALS_XML[:at] + junk + GOALS_XML[at + cut :]))


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<>&\"'"),
    max_size=30,
)
_CELL_BODY = st.one_of(
    _TEXT.map(lambda t: f'<c r="{{ref}}" t="inlineStr"><is><t>{t}</t></is></c>'),
    st.sampled_from(["NaN", "inf", "-1e308", "1e-320", "0", "-0", "12,5", "", "1e400", "x"]).map(
        lambda v: f'<c r="{{ref}}"><v>{v}</v></c>'
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda v: f'<c r="{{ref}}"><v>{v!r}</v></c>'
    ),
    st.sampled_from(["#DIV/0!", "#N/A", "#VALUE!", "#REF!"]).map(
        lambda v: f'<c r="{{ref}}" t="e"><v>{v}</v></c>'
    ),
    st.integers(-5, 10**6).map(lambda i: f'<c r="{{ref}}" t="s"><v>{i}</v></c>'),
    st.sampled_from(["0", "1", "2"]).map(lambda v: f'<c r="{{ref}}" t="b"><v>{v}</v></c>'),
    st.just('<c r="{ref}"><f>SUM(A1:A2)</f></c>'),
    st.just('<c r="{ref}" s="999999"><v>1</v></c>'),
    st.just('<c r="{ref}" t="d"><v>2025-13-45</v></c>'),
)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(CELLS) - 1), _CELL_BODY), min_size=1, max_size=8))
def test_random_cell_values(edits: list[tuple[int, str]]) -> None:
    xml = GOALS_XML
    for index, body in sorted(dict(edits).items(), reverse=True):
        start, end = CELLS[index]
        ref = re.match(rb'<c r="([A-Z]+\d+)"', xml[start:end])
        assert ref is not None
        xml = xml[:start] + body.replace("{ref}", ref.group(1).decode()).encode() + xml[end:]
    check_property(package(xml))


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=6),
    st.one_of(st.none(), st.integers(0, len(VALID))),
)
def test_random_zip_damage(flips: list[tuple[int, int]], truncate: int | None) -> None:
    data = bytearray(VALID)
    for at, value in flips:
        data[at] = value
    check_property(bytes(data[:truncate] if truncate is not None else data))


def test_the_unmutated_package_scores(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(VALID)
    assert score_file(path, options=FileOptions(backup=False)).ok
    shutil.rmtree(tmp_path, ignore_errors=True)
