"""Password encryption of a workbook as Excel does it: ECMA-376 agile encryption (AES-256,
SHA-512, 100 000 spins, with a data-integrity HMAC), with msoffcrypto-tool (MIT).

The state's rules (PAV) say personal data sent by e-mail must be encrypted; the director's
performance pay is such data. `encrypt` wraps the workbook's bytes unchanged in Excel's
encrypted package, so `decrypt` with the password gives back exactly the bytes that were
encrypted, and Excel, LibreOffice and Numbers open it after asking for the password.

`new_password` makes a password meant to be read aloud on the phone or sent by SMS: 16
lower-case letters and digits without look-alikes (no 0/o, 1/l/i), in groups of four.
"""

from __future__ import annotations

import io
import secrets

from calc.errors import MaalscoreError

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # 31 signs: 16 of them carry 79 bits
GROUPS, GROUP = 4, 4


class EncryptionError(MaalscoreError):
    """The workbook could not be encrypted or decrypted; the message is for the user."""


def new_password() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(GROUP)) for _ in range(GROUPS))


def encrypt(data: bytes, password: str) -> bytes:
    """The workbook `data` (an .xlsx/.xlsm zip) encrypted with `password`."""
    from msoffcrypto.format.ooxml import OOXMLFile

    if not password:
        raise EncryptionError("Der skal være en adgangskode for at kryptere projektmappen.")
    out = io.BytesIO()
    try:
        OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    except Exception as exc:  # msoffcrypto raises its own and library errors
        raise EncryptionError(f"Projektmappen kunne ikke krypteres ({exc}).") from exc
    return out.getvalue()


def decrypt(data: bytes, password: str) -> bytes:
    """The workbook inside an encrypted package; EncryptionError for a wrong password."""
    import msoffcrypto

    out = io.BytesIO()
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=password, verify_password=True)
        office.decrypt(out, verify_integrity=True)
    except Exception as exc:
        raise EncryptionError(f"Projektmappen kunne ikke dekrypteres ({exc}).") from exc
    return out.getvalue()


def is_encrypted(data: bytes) -> bool:
    """An OLE compound file (how an encrypted .xlsx is stored), not a zip."""
    return data[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
