"""The e-mail to the ministry: its text and the draft message, as pure functions.

Inputs in, an `email.message.EmailMessage` out; nothing here reads or writes a file, so every
front end (the desktop's *Send til departement*, a `maalscore send` command) builds the same
draft, and a later step can change the attachments (encrypt the workbook, add a Word report) or
add a paragraph (`notes`) without touching the rest. The text is in the workbook's language,
with the numbers the core computed, rounded by `calc.fmt`'s one display rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from . import fmt
from .model import Lang, Person, Plan
from .pay import PayResult
from .safetext import one_line
from .scoring import ScoreCard

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime: str  # "maintype/subtype"


@dataclass(frozen=True)
class Draft:
    """What the draft is made of besides the results: who it goes to, and how it is signed.

    `notes` are extra paragraphs before the greeting (e.g. "the password comes by phone").
    """

    to: str
    signature: str
    attachments: tuple[Attachment, ...] = ()
    notes: tuple[str, ...] = ()
    sender: str = ""


def subject(plan: Plan) -> str:
    year = str(plan.year or "")
    if plan.lang == "sv":
        return one_line(f"Resultatredovisning {year} för {plan.institution}")
    return one_line(f"Resultatopgørelse {year} for {plan.institution}")


def body(
    plan: Plan,
    card: ScoreCard,
    pay: Sequence[PayResult],
    signature: str,
    notes: Sequence[str] = (),
) -> str:
    """The message text: the total, the score, each person's pay with Skøn and its reason."""
    lang = plan.lang
    sv = lang == "sv"
    year = str(plan.year or "")
    to = plan.ministry or "departementet"
    lines = [
        f"Till {to}" if sv else f"Til {to}",
        "",
        (
            f"Här är resultatredovisningen för mål- och resultatplanen {year} för "
            f"{plan.institution}."
            if sv
            else f"Hermed resultatopgørelsen for mål- og resultatplanen {year} for "
            f"{plan.institution}."
        ),
        "",
        (
            f"Total måluppfyllelse: {fmt.pct(card.score_pct, lang)} "
            f"({fmt.points(card.total_points, lang)} av {fmt.points(card.max_points, lang)} poäng)."
            if sv
            else f"Samlet målopfyldelse: {fmt.pct(card.score_pct, lang)} "
            f"({fmt.points(card.total_points, lang)} af {fmt.points(card.max_points, lang)} point)."
        ),
    ]
    people = {p.row: p for p in plan.people}
    if pay:
        lines += ["", "Resultatlön:" if sv else "Resultatløn:"]
        lines += [f"- {_pay_line(r, people.get(r.row), lang)}" for r in pay]
    lines += [
        "",
        (
            "Arbetsboken och rapporten (PDF) är bifogade. Arbetsboken bär Målscores "
            "integritetsstämpel, så siffrorna kan kontrolleras med maalscore tjek."
            if sv
            else "Projektmappen og rapporten (PDF) er vedhæftet. Projektmappen bærer Målscores "
            "integritetsstempel, så tallene kan kontrolleres med maalscore tjek."
        ),
    ]
    for note in notes:
        lines += ["", note]
    lines += ["", "Med vänlig hälsning" if sv else "Med venlig hilsen"]
    if signature.strip():
        lines += ["", signature.strip()]
    return "\n".join(lines) + "\n"


def _pay_line(r: PayResult, person: Person | None, lang: Lang) -> str:
    sv = lang == "sv"
    parts = [
        f"{r.name}: beräknad {fmt.kroner(r.computed, lang)}"
        if sv
        else f"{r.name}: beregnet {fmt.kroner(r.computed, lang)}"
    ]
    if person is not None and person.adjustment:
        if person.adjustment_is_pct:
            amount = f"{fmt.number(person.adjustment, 2, lang)} procentenheter av maximum"
            if not sv:
                amount = f"{fmt.number(person.adjustment, 2, lang)} procentpoint af maksimum"
        else:
            amount = fmt.kroner(person.adjustment, lang)
        word = "justering" if sv else "skøn"
        parts.append(f"{word} {amount} ({person.reason})")
    if person is not None and person.withheld:
        parts.append(
            f"resultatlönen bortfaller ({person.reason})"
            if sv
            else f"resultatlønnen bortfalder ({person.reason})"
        )
    parts.append(
        f"utbetalning {fmt.kroner(r.payout, lang)}"
        if sv
        else f"udbetaling {fmt.kroner(r.payout, lang)}"
    )
    return ", ".join(parts)


def build_draft(
    plan: Plan,
    card: ScoreCard,
    pay: Sequence[PayResult],
    draft: Draft,
    *,
    date: datetime | None = None,
) -> EmailMessage:
    """The draft to the ministry with its attachments.

    `X-Unsent: 1` makes Outlook open the .eml as an unsent draft; other mail programs show it as
    a message they can forward or send. Header values are kept on one line.
    """
    msg = EmailMessage()
    if draft.to.strip():
        msg["To"] = one_line(draft.to)
    if draft.sender.strip():
        msg["From"] = one_line(draft.sender)
    msg["Subject"] = subject(plan)
    msg["Date"] = format_datetime((date or datetime.now()).astimezone())
    msg["X-Unsent"] = "1"
    msg.set_content(body(plan, card, pay, draft.signature, draft.notes))
    for a in draft.attachments:
        main, sub = a.mime.split("/", 1)
        msg.add_attachment(a.data, maintype=main, subtype=sub, filename=one_line(a.filename))
    return msg
