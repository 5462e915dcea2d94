"""Files a workbook names stay beside it (finding 5): pure path logic, Windows forms included."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from calc.check import UNREADABLE, check_file
from calc.cli import main
from calc.paths import beside, outside_reason
from tests.conftest import WORKBOOKS

INSIDE = ["sager.csv", "data/sager.csv", "data\\sager.csv", "./sager.csv", "2025 sager.csv"]
OUTSIDE = {
    "../sager.csv": "..",
    "..\\..\\x.csv": "..",
    "data/../../x.csv": "..",
    "... /x.csv": "..",  # Windows drops trailing dots and spaces: "..."
    ".. /x.csv": "..",
    "/etc/passwd.csv": "absolut",
    "\\x.csv": "absolut",
    "C:\\sager.csv": "drevbogstav",
    "c:sager.csv": "drevbogstav",
    "\\\\server\\deling\\sager.csv": "netværkssti",
    "//server/deling/sager.csv": "netværkssti",
    "sager.csv:skjult": "«:»",
    "file:///etc/x.csv": "«:»",
    "https://x.example/sager.csv": "«:»",
    "NUL.csv": "enhedsnavn",
    "data/con.csv": "enhedsnavn",
    "sager\x00.csv": "kontroltegn",
}


@pytest.mark.parametrize("name", INSIDE)
def test_a_plain_relative_name_is_beside_the_workbook(name: str) -> None:
    assert outside_reason(name) is None


@pytest.mark.parametrize(("name", "why"), OUTSIDE.items())
def test_everything_else_is_refused(name: str, why: str) -> None:
    reason = outside_reason(name)
    assert reason is not None and why in reason


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "andet").mkdir()
    (tmp_path / "andet" / "sager.csv").write_text("x")
    (tmp_path / "mappe").mkdir()
    (tmp_path / "mappe" / "link.csv").symlink_to(tmp_path / "andet" / "sager.csv")
    with pytest.raises(ValueError, match="symbolsk link"):
        beside(tmp_path / "mappe" / "plan.xlsx", "link.csv")
    assert beside(tmp_path / "mappe" / "plan.xlsx", "data\\s.csv") == (
        tmp_path / "mappe" / "data" / "s.csv"
    )


def _plan_names(path: Path, label: str, value: str) -> None:
    """Write `label | value` under the Plan sheet's settings (as a person would type it)."""
    from calc.grid import CellUpdate
    from calc.xlsx.writeback import write_back

    write_back(path, [CellUpdate("Plan", "A20", label), CellUpdate("Plan", "B20", value)])


@pytest.mark.parametrize("name", ["../../hemmelig.csv", "\\\\server\\deling\\sager.csv"])
def test_beregn_and_tjek_refuse_a_case_file_outside_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Before, the Plan sheet's `Sagsdata | /abs/sager.csv` or `../../x.csv` was read, and its
    cells quoted in messages."""
    secret = tmp_path / "hemmelig.csv"
    secret.write_text("Mål;Sag\nHEMMELIGT;42\n", encoding="utf-8")
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    path = folder / "plan.xlsx"
    shutil.copyfile(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx", path)
    _plan_names(path, "Sagsdata", name)
    before = path.read_bytes()
    assert main(["beregn", str(path)]) == 3
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Plan!B20: Sagsdata-filen" in text and "ligger ikke i projektmappens mappe" in text
    assert "HEMMELIGT" not in text and path.read_bytes() == before
    result = check_file(path)
    assert result.status == UNREADABLE and "Plan!B20" in result.detail
    assert "HEMMELIGT" not in result.message()
    # The command line may name any file: the user chose it (it is read; its short columns
    # are then errors in the case data, not a refusal of the path).
    assert main(["beregn", str(path), "--sagsdata", str(secret), "--ingen-backup"]) == 2
    out = capsys.readouterr().out
    assert "hemmelig.csv" in out and "ligger ikke i projektmappens mappe" not in out


def test_tjek_does_not_connect_to_a_database_the_workbook_names(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx", path)
    _plan_names(path, "Sagsdatabase", "postgresql+pg8000://direktoer@angriber.example:5432/x")
    os.environ.pop("MAALSCORE_DB_PASSWORD", None)
    result = check_file(path)
    assert result.status == UNREADABLE
    assert "forbinder ikke til en adresse, der står i en modtaget projektmappe" in result.detail


def _listener(host: str) -> tuple[object, int]:
    """A TCP server socket on `host` that only records whether anybody connected."""
    import socket

    server = socket.socket()
    server.bind((host, 0))
    server.listen(1)
    server.settimeout(0.5)
    return server, server.getsockname()[1]


def _connected(server: object) -> bool:
    import socket

    assert isinstance(server, socket.socket)
    try:
        conn, _ = server.accept()
    except TimeoutError:
        return False
    conn.close()
    return True


def test_beregn_connects_only_to_a_database_server_the_user_approved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A received workbook naming its sender's server would get the user's
    MAALSCORE_DB_PASSWORD sent there: a server the Plan sheet names must be this machine or
    listed in MAALSCORE_DB_HOSTS. 127.0.0.2 is a loopback address that is not `localhost`,
    so a real listener shows whether a connection was attempted."""
    pytest.importorskip("sqlalchemy")
    pytest.importorskip("pg8000")
    server, port = _listener("127.0.0.2")
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx", path)
    _plan_names(path, "Sagsdatabase", f"postgresql+pg8000://direktoer@127.0.0.2:{port}/x")
    from calc.grid import CellUpdate
    from calc.xlsx.writeback import write_back

    write_back(
        path, [CellUpdate("Plan", "A21", "Sagsforespørgsel"), CellUpdate("Plan", "B21", "v")]
    )
    before = path.read_bytes()
    monkeypatch.setenv("MAALSCORE_DB_PASSWORD", "HEMMELIG-ADGANGSKODE")
    monkeypatch.setenv("MAALSCORE_DB_TIMEOUT", "2")
    monkeypatch.delenv("MAALSCORE_DB_HOSTS", raising=False)
    try:
        assert main(["beregn", str(path), "--ingen-backup"]) == 3
        text = capsys.readouterr()
        assert "Plan!B20" in text.out + text.err and "127.0.0.2" in text.out + text.err
        assert "MAALSCORE_DB_HOSTS=127.0.0.2" in text.out + text.err
        assert not _connected(server) and path.read_bytes() == before
        # Approved (with other names and a port around it), the connection is made.
        monkeypatch.setenv("MAALSCORE_DB_HOSTS", "dw.example; 127.0.0.2, andet")
        assert main(["beregn", str(path), "--ingen-backup"]) == 3  # our listener is no database
        capsys.readouterr()
        assert _connected(server) and path.read_bytes() == before
    finally:
        server.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "approved", "refused"),
    [
        ("postgresql+pg8000://u@dw.example:5432/x", "", ("dw.example",)),
        ("postgresql+pg8000://u@DW.example:5432/x", "dw.EXAMPLE", ()),
        ("postgresql+pg8000://u@localhost/x", "", ()),
        ("postgresql+pg8000://u@127.0.0.1:5432/x", "", ()),
        ("postgresql+pg8000://u@[::1]:5432/x", "", ()),
        ("sqlite:////tmp/sager.db", "", ()),
        ("postgresql+psycopg2://u@localhost/x?host=angriber.example", "", ("angriber.example",)),
        ("postgresql+psycopg2://u@/x?host=/var/run/postgresql", "", ()),
        (
            "mssql+pyodbc://dw/x?driver=ODBC+Driver+18+for+SQL+Server&trusted_connection=yes",
            "",
            ("dw",),
        ),
        (
            "mssql+pyodbc:///?odbc_connect=DRIVER%3D%7BODBC%7D%3BSERVER%3Dtcp%3Aevil.example%2C1433",
            "dw",
            ("evil.example",),
        ),
        ("mssql+pyodbc://DWDSN", "dwdsn", ()),
    ],
)
def test_which_database_servers_count_as_approved(
    url: str, approved: str, refused: tuple[str, ...]
) -> None:
    pytest.importorskip("sqlalchemy")
    from calc.casedb import unapproved_hosts

    assert unapproved_hosts(url, approved) == refused
