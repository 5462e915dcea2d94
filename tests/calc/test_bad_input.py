"""Bad input through the real entry point (`maalscore beregn`): one test per case.

Each test checks the Danish message (what is wrong, where, what to do), the exit code, that the
original file is byte-identical afterwards, and that no temporary file is left next to it.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from calc.check import NEVER, check_file
from calc.cli import main
from calc.engine import FileOptions, score_file
from calc.errors import MaalscoreError
from calc.grid import CellUpdate
from calc.xlsx import filelock, ooxml, writeback
from tests.conftest import WORKBOOKS
from tests.unprivileged import NOBODY, needs_root, run_as, shared_folder

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
GOALS = "xl/worksheets/sheet2.xml"  # the Mål sheet of EXAMPLE
S3 = b'<c r="S3" s="8" t="n"><v>112</v></c>'  # Resultat of goal 1.a.1


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    folder = tmp_path / "mappe"
    folder.mkdir()
    path = folder / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    return path


def rewrite(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Test set-up: replace one member of the package (zipfile re-writes the rest)."""
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            zout.writestr(info, change(data) if info.filename == member else data)


def beregn(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """Run `maalscore beregn` in place; the exit code and everything printed."""
    code = main(["beregn", str(path), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


class Unchanged:
    """The file's bytes and its folder's listing before; `check()` asserts both are the same."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = path.read_bytes() if path.exists() else None
        self.listing = sorted(p.name for p in path.parent.iterdir())

    def check(self) -> None:
        assert (self.path.read_bytes() if self.path.exists() else None) == self.data
        assert sorted(p.name for p in self.path.parent.iterdir()) == self.listing


def refused(path: Path, capsys: pytest.CaptureFixture[str], code: int, *extra: str) -> str:
    before = Unchanged(path)
    got, text = beregn(path, capsys, *extra)
    assert got == code, text
    before.check()
    return text


# ---------------------------------------------------------------------------------------------
# Not a workbook


def test_not_a_zip(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan.write_text("Nr;Mål;Vægt\n1;Noget;10\n", encoding="utf-8")
    text = refused(plan, capsys, 3)
    assert "er ikke en Excel-projektmappe (.xlsx)" in text and "gem den som .xlsx" in text


def test_corrupted_zip(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(plan.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end - 300 : end] = b"\xff" * 300  # the central directory
    plan.write_bytes(bytes(data))
    text = refused(plan, capsys, 3)
    assert "gemme den igen" in text
    assert "beskadiget" in text or "er ikke en gyldig .xlsx" in text


def test_corrupted_member(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(plan.read_bytes())
    at = data.find(b"xl/worksheets/sheet2.xml") + 200  # inside the Mål sheet's deflated data
    data[at : at + 64] = bytes(64)
    plan.write_bytes(bytes(data))
    text = refused(plan, capsys, 3)
    assert "beskadiget" in text


def test_truncated_file(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = plan.read_bytes()
    plan.write_bytes(data[: len(data) * 2 // 3])
    text = refused(plan, capsys, 3)
    assert "beskadiget eller ufuldstændig" in text


def test_encrypted(corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hemmelig.xlsx"
    shutil.copyfile(corpus_dir / "calamine__pass_protected.xlsx", path)
    text = refused(path, capsys, 3)
    assert "beskyttet med adgangskode" in text and "fjern adgangskoden" in text


def test_strict_ooxml(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read and scored, never written: the table is printed, the write refused."""
    rewrite(
        plan,
        "xl/workbook.xml",
        lambda x: x.replace(ooxml.MAIN_NS.encode(), ooxml.STRICT_NS.encode()),
    )
    text = refused(plan, capsys, 3)
    assert "Strict Open XML" in text and "gem den som almindelig Excel-projektmappe" in text


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    return exe


def test_xls_is_scored_but_never_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "profile"
    subprocess.run(
        [_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "xls", "--outdir", str(tmp_path / "mappe"), str(EXAMPLE)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    path = tmp_path / "mappe" / (EXAMPLE.stem + ".xls")
    text = refused(path, capsys, 3)
    assert "I alt: 73,83 af 93,33 point" in text  # scored (tests/test_examples.py, EX000)
    assert "formatet .xls og kan kun læses" in text and "Gem filen som .xlsx" in text
    assert "Intet er skrevet" in text and "Skrevet til" not in text
    with pytest.raises(MaalscoreError, match=r"skriver kun resultater i \.xlsx.*gem som \.xlsx"):
        writeback.write_back(path, [CellUpdate("Mål", "U2", 1)])
    with pytest.raises(MaalscoreError, match=r"\.xlsx"):
        score_file(path)
    assert check_file(path).status == NEVER
    # Finding 10: a real .xls renamed .xlsx was "beskadiget (ZipError)"; it is read by content.
    renamed = path.with_name("omdøbt.xlsx")
    shutil.copyfile(path, renamed)
    text = refused(renamed, capsys, 3)
    assert "I alt: 73,83 af 93,33 point" in text and "formatet .xls og kan kun læses" in text
    assert "beskadiget" not in text


def test_xlsb_is_read_never_written(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "binær.xlsb"
    shutil.copyfile(corpus_dir / "calamine__any_sheets.xlsb", path)
    text = refused(path, capsys, 3)
    assert "Arket 'Mål' mangler" in text  # it was read: the sheets are there, just not a plan
    assert "formatet .xlsb og kan kun læses" in text and "Gem filen som .xlsx" in text


def test_signed_workbook(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(plan, "a") as zf:
        zf.writestr("_xmlsignatures/sig1.xml", "<Signature/>")
    text = refused(plan, capsys, 3)
    assert "signeret digitalt" in text and "--tillad-signeret" in text
    code, text = beregn(plan, capsys, "--tillad-signeret", "--ingen-backup")
    assert code == 0 and "Skrevet til" in text


# ---------------------------------------------------------------------------------------------
# A workbook, but not a usable goal workbook


def test_missing_sheet(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rewrite(plan, "xl/workbook.xml", lambda x: x.replace(b'name="M\xc3\xa5l"', b'name="Andet"'))
    text = refused(plan, capsys, 2)
    assert "Arket 'Mål' mangler i projektmappen" in text and "intet er skrevet" in text


def test_missing_header_column(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rewrite(plan, GOALS, lambda x: x.replace(b"<t>Nr</t>", b"<t>Nummer</t>"))
    text = refused(plan, capsys, 2)
    assert "Overskriftsrækken med kolonnen 'Nr' blev ikke fundet" in text


def test_formula_without_cached_value(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rewrite(plan, GOALS, lambda x: x.replace(S3, b'<c r="S3" s="8"><f>100+12</f></c>'))
    text = refused(plan, capsys, 2)
    assert "Mål!S3" in text and "formel uden gemt resultat (filen er ikke gemt i Excel)" in text


@pytest.mark.parametrize("error", ["#DIV/0!", "#N/A"])
def test_excel_error_in_input(plan: Path, capsys: pytest.CaptureFixture[str], error: str) -> None:
    cell = f'<c r="S3" s="8" t="e"><f>1/0</f><v>{error}</v></c>'.encode()
    rewrite(plan, GOALS, lambda x: x.replace(S3, cell))
    text = refused(plan, capsys, 2)
    assert f"Mål!S3: Resultat for 1.a.1: Cellen indeholder Excel-fejlen {error}" in text


@pytest.mark.parametrize("number", ["NaN", "inf", "-INF"])
def test_nan_and_infinity(plan: Path, capsys: pytest.CaptureFixture[str], number: str) -> None:
    rewrite(plan, GOALS, lambda x: x.replace(S3, f'<c r="S3" s="8"><v>{number}</v></c>'.encode()))
    text = refused(plan, capsys, 2)
    assert "Mål!S3" in text


# ---------------------------------------------------------------------------------------------
# Absurd sizes: stopped by limits before memory blows up


def test_zip_bomb(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 200 MB sheet of blanks that packs to 200 kB: refused from the sizes in the directory."""
    with zipfile.ZipFile(plan) as zin:
        items = [(i, zin.read(i)) for i in zin.infolist() if i.filename != GOALS]
    with zipfile.ZipFile(plan, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            zout.writestr(info, data)
        with zout.open(GOALS, "w") as fh:
            fh.write(b"<worksheet>")
            block = b" " * (1 << 20)
            for _ in range(200):
                fh.write(block)
            fh.write(b"</worksheet>")
    text = refused(plan, capsys, 3)
    assert "Arket «Mål»" in text and "fylder 200,0 MB udpakket" in text and "grænsen er 32" in text


def test_sheet_claiming_a_billion_rows(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = b'<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>x</t></is></c></row>'
    rewrite(plan, GOALS, lambda x: x.replace(b"</sheetData>", huge + b"</sheetData>"))
    text = refused(plan, capsys, 3)
    assert "Arket «Mål»" in text and "større end Excel tillader" in text


def test_column_beyond_xfd(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wide = b'<row r="70"><c r="XFE70"><v>1</v></c></row>'
    rewrite(plan, GOALS, lambda x: x.replace(b"</sheetData>", wide + b"</sheetData>"))
    assert "større end Excel tillader" in refused(plan, capsys, 3)


def test_xml_entity_expansion(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1 or "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b"]>"
    )
    rewrite(plan, GOALS, lambda x: laughs + x.replace(S3, b'<c r="S3"><v>&lol9;</v></c>'))
    text = refused(plan, capsys, 3)
    assert "DTD/entitetserklæring" in text and "sheet2.xml" in text


def test_external_entity_in_a_small_part(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    rewrite(plan, "xl/workbook.xml", lambda x: xxe + x)
    assert "DTD/entitetserklæring" in refused(plan, capsys, 3)


# ---------------------------------------------------------------------------------------------
# Where the file is: open in Excel, read-only, disk full


def test_open_in_excel_owner_file(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    owner = bytes([9]) + b"Kirsten B" + bytes(44)
    owner += bytes([9, 0]) + "Kirsten B".encode("utf-16-le") + bytes(100)
    (plan.parent / "~$plan.xlsx").write_bytes(owner)
    text = refused(plan, capsys, 3)
    assert "er åben i Excel af Kirsten B" in text and "Luk den i Excel og prøv igen" in text


def test_locked_by_excel_sharing_violation(
    plan: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, replacing a file Excel holds open fails with a sharing violation."""

    def sharing_violation(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", sharing_violation)
    text = refused(plan, capsys, 3, "--ingen-backup")
    assert "har ikke lov til at skrive «plan.xlsx»" in text and "åben i Excel" in text
    assert "Den oprindelige fil er uændret" in text


def test_read_only_file(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan.chmod(0o444)
    text = refused(plan, capsys, 3)
    assert "er skrivebeskyttet" in text and "--ud" in text


def test_read_only_folder(
    plan: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() != 0:  # a real read-only folder, where permissions apply
        plan.parent.chmod(0o555)
        try:
            text = refused(plan, capsys, 3)
        finally:
            plan.parent.chmod(0o755)
    else:  # root ignores folder permissions: make creating the temp file fail as it would

        def denied(*args: object, **kw: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(filelock.tempfile, "mkstemp", denied)
        text = refused(plan, capsys, 3)
    assert "har ikke lov til at skrive" in text and "skrivebeskyttet" in text


def test_disk_full_during_write(
    plan: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ooxml.rewrite_zip

    def half_then_full(src: Path, out: object, *args: object) -> None:
        real(src, out, *args)  # type: ignore[arg-type]
        out.seek(out.tell() // 2)  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ooxml, "rewrite_zip", half_then_full)
    text = refused(plan, capsys, 3)
    assert "Disken er fuld" in text and "Den oprindelige fil er uændret" in text


def test_nothing_left_after_a_failed_verification(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = Unchanged(plan)
    monkeypatch.setattr(ooxml, "read_custom_properties", lambda zf: {})
    with pytest.raises(MaalscoreError, match="Kontrollen af den skrevne fil mislykkedes"):
        score_file(plan, options=FileOptions())
    before.check()


# ---------------------------------------------------------------------------------------------
# Backups


def test_backup_keeps_the_previous_version(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = plan.read_bytes()
    assert beregn(plan, capsys)[0] == 0
    backup = plan.parent / ".maalscore-backup" / "plan.xlsx"
    assert backup.read_bytes() == original
    first = plan.read_bytes()
    assert beregn(plan, capsys)[0] == 0
    assert backup.read_bytes() == first
    assert sorted(p.name for p in plan.parent.iterdir()) == [".maalscore-backup", "plan.xlsx"]


def test_no_backup_when_asked(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert beregn(plan, capsys, "--ingen-backup")[0] == 0
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan.xlsx"]


def test_ud_backs_up_only_a_file_it_overwrites(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ud"
    assert main(["beregn", str(plan), "--ud", str(out / "a.xlsx")]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.xlsx"]
    first = (out / "a.xlsx").read_bytes()
    assert main(["beregn", str(plan), "--ud", str(out / "a.xlsx")]) == 0
    assert (out / ".maalscore-backup" / "a.xlsx").read_bytes() == first
    capsys.readouterr()


def test_no_temp_file_when_the_backup_already_is_the_file(plan: Path) -> None:
    """Finding 3: when `.maalscore-backup/<name>` was already a hard link to the file (a run
    that kept it and then could not replace the file), renaming the new link over it did
    nothing and left the temp file."""
    backups = plan.parent / ".maalscore-backup"
    backups.mkdir()
    os.link(plan, backups / "plan.xlsx")
    original = plan.read_bytes()
    score_file(plan, options=FileOptions())
    assert sorted(p.name for p in backups.iterdir()) == ["plan.xlsx"]
    assert (backups / "plan.xlsx").read_bytes() == original
    assert sorted(p.name for p in plan.parent.iterdir()) == [".maalscore-backup", "plan.xlsx"]


def test_stale_temp_files_of_a_killed_run_are_removed(plan: Path) -> None:
    """A killed run's temp file (its process gone) goes; a live run's and another machine's
    stay (see tests/calc/xlsx/test_filelock.py for the rules)."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    host = filelock._host()
    stale = plan.parent / f".plan.xlsx.maalscore-{host}-{gone.pid}-x1.tmp"
    elsewhere = plan.parent / f".plan.xlsx.maalscore-00000000-{gone.pid}-x2.tmp"
    for path in (stale, elsewhere):
        path.write_bytes(b"half a zip")
    score_file(plan, options=FileOptions(backup=False))
    assert not stale.exists() and elsewhere.exists()


# ---------------------------------------------------------------------------------------------
# No content injection


def test_text_that_looks_like_a_formula_is_written_as_text(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name starting with =, +, -, @ (here on Resultatløn) reaches the Resultat sheet as text."""
    from calc.xlsx.reader import read_workbook

    name = '=HYPERLINK("http://x";"klik")'
    writeback.write_back(plan, [CellUpdate("Resultatløn", "A2", name)])
    code, text = beregn(plan, capsys, "--ingen-backup")
    assert code == 0, text
    summary = read_workbook(plan).find("Resultat")
    assert summary is not None
    cells = [v for row in summary.rows for v in row]
    assert name in cells and not summary.formulas
    with zipfile.ZipFile(plan) as zf:
        sheet = zf.read("xl/worksheets/sheet6.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet


# ---------------------------------------------------------------------------------------------
# Permissions and ownership, as another user (finding 8)


def _state(path: Path) -> tuple[bytes, int, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)


def test_another_users_read_only_file_in_a_world_writable_folder_is_refused() -> None:
    """A root-owned 0644 file in a folder anyone may write in: before, only the owner's write
    bit was checked, so another user replaced the file (and became its owner)."""
    needs_root()
    with shared_folder() as folder:
        path = folder / "plan.xlsx"
        shutil.copyfile(EXAMPLE, path)
        path.chmod(0o644)
        before, listing = _state(path), sorted(os.listdir(folder))
        code, out = run_as(NOBODY, ["beregn", str(path)])
        assert code == 3, out
        assert "er skrivebeskyttet" in out and "intet er skrevet" in out
        assert _state(path) == before and sorted(os.listdir(folder)) == listing


def test_a_file_another_user_owns_is_not_taken_over() -> None:
    """Writable for everyone (0666), but owned by root: replacing it would make nobody its
    owner, so it is refused."""
    needs_root()
    with shared_folder() as folder:
        path = folder / "plan.xlsx"
        shutil.copyfile(EXAMPLE, path)
        path.chmod(0o666)
        before = _state(path)
        code, out = run_as(NOBODY, ["beregn", str(path), "--ingen-backup"])
        assert code == 3, out
        assert "ejes af en anden bruger (root)" in out and "--ud" in out
        assert _state(path) == before
        copy = folder / "kopi.xlsx"
        code, out = run_as(NOBODY, ["beregn", str(path), "--ud", str(copy)])
        assert code == 0, out  # a copy of one's own is fine
        assert copy.stat().st_uid == NOBODY


def test_a_replaced_file_keeps_its_owner_group_and_mode() -> None:
    """Root scoring a user's file: the new file is the user's, with the old permissions."""
    needs_root()
    with shared_folder() as folder:
        path = folder / "plan.xlsx"
        shutil.copyfile(EXAMPLE, path)
        os.chown(path, NOBODY, NOBODY)
        path.chmod(0o640)
        assert main(["beregn", str(path), "--ingen-backup"]) == 0
        st = path.stat()
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o640)
        assert check_file(path).status == "ok"


def test_a_read_only_folder_as_a_user() -> None:
    needs_root()
    with shared_folder() as folder:
        inner = folder / "laast"
        inner.mkdir()
        path = inner / "plan.xlsx"
        shutil.copyfile(EXAMPLE, path)
        os.chown(path, NOBODY, NOBODY)
        inner.chmod(0o555)
        before, listing = _state(path), sorted(os.listdir(inner))
        code, out = run_as(NOBODY, ["beregn", str(path)])
        assert code == 3, out
        assert "har ikke lov til at skrive" in out and "skrivebeskyttet" in out
        assert _state(path) == before and sorted(os.listdir(inner)) == listing
