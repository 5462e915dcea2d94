"""Workbook encryption: Excel's agile encryption round trip gives back every byte; a wrong
password is refused; LibreOffice opens the encrypted file with the password and not without."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("msoffcrypto")

from calc.xlsx.crypt import (
    ALPHABET,
    EncryptionError,
    decrypt,
    encrypt,
    is_encrypted,
    new_password,
)
from tests.conftest import WORKBOOKS

BOOK = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
HELPER = Path(__file__).resolve().parents[2] / "libreoffice_password.py"


def test_decrypting_gives_back_exactly_the_workbook():
    data = BOOK.read_bytes()
    password = new_password()
    sealed = encrypt(data, password)
    assert is_encrypted(sealed) and not is_encrypted(data)
    assert data not in sealed and b"Hjemrejsestyrelsen" not in sealed
    assert decrypt(sealed, password) == data


def test_the_encryption_is_agile_aes_256():
    import olefile

    sealed = encrypt(BOOK.read_bytes(), "en-adgangskode")
    ole = olefile.OleFileIO(sealed)
    info = ole.openstream("EncryptionInfo").read()
    assert info[:4] == b"\x04\x00\x04\x00"  # version 4.4: agile
    xml = info[8:].decode("utf-8")
    assert 'cipherAlgorithm="AES"' in xml and 'keyBits="256"' in xml
    assert 'hashAlgorithm="SHA512"' in xml and 'spinCount="100000"' in xml
    assert "dataIntegrity" in xml


def test_a_wrong_password_is_refused():
    sealed = encrypt(BOOK.read_bytes(), "rigtig")
    with pytest.raises(EncryptionError):
        decrypt(sealed, "forkert")
    with pytest.raises(EncryptionError):
        encrypt(b"", "x")


def test_new_passwords_are_readable_on_the_phone_and_differ():
    passwords = {new_password() for _ in range(200)}
    assert len(passwords) == 200
    for p in passwords:
        groups = p.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4]
        assert set("".join(groups)) <= set(ALPHABET)
    assert not set("0o1li") & set(ALPHABET)


def uno_python() -> str:
    """A Python with LibreOffice's UNO bridge (Debian's python3-uno), or skip."""
    for exe in ("/usr/bin/python3", shutil.which("python3")):
        if exe and subprocess.run([exe, "-c", "import uno"], capture_output=True).returncode == 0:
            return exe
    pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed")


def test_libreoffice_opens_the_encrypted_workbook_with_the_password(tmp_path: Path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed; .ci/run installs it")
    python = uno_python()
    password = new_password()
    book = tmp_path / "plan.xlsx"
    book.write_bytes(encrypt(BOOK.read_bytes(), password))

    def open_with(word: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, str(HELPER), soffice, str(book), word, str(tmp_path / "profile")],
            capture_output=True,
            text=True,
            timeout=240,
        )

    opened = open_with(password)
    assert opened.returncode == 0, opened.stderr
    assert "### Plan" in opened.stdout and "Hjemrejsestyrelsen" in opened.stdout
    assert "Karsten Bøgh Andersen" in opened.stdout  # the pay sheet is there, decrypted
    refused = open_with("forkert-kode")
    assert refused.returncode == 3
    assert "Hjemrejsestyrelsen" not in refused.stdout
