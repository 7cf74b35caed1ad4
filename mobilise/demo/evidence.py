"""The demo's evidence behind agreed ratings: notes, links and files on several elements
of the first cycle, and at the reassessment some kept, one updated, one still offered."""

import datetime
import io

from openpyxl import Workbook

from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment
from mobilise.assessments.services import evidence


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF saying `text`: enough for the demo to have a real file to download."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _enquiries_workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Enquiries"
    sheet.append(["Quarter", "Evidence searches", "Summaries sent"])
    for row in (["Q1", 14, 6], ["Q2", 19, 9], ["Q3", 23, 11]):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def load_demo_evidence(assessment: Assessment, facilitator: User) -> None:
    """Evidence on several elements of the first cycle (only when it has none)."""
    if assessment.evidence.exists():
        return
    day = assessment.created_at.date()
    evidence.add(
        assessment,
        "1.1",
        kind="note",
        title="Board minutes, September",
        note="The chief executive asked for an evidence summary before the ward reconfiguration "
        "decision, and the Board discussed it.",
        describes_on=day - datetime.timedelta(days=40),
        added_by=facilitator,
    )
    evidence.add(
        assessment,
        "1.1",
        kind="file",
        title="Evidence summary for the Board",
        file_name="evidence-summary-ward-reconfiguration.pdf",
        content=_minimal_pdf("Evidence summary: ward reconfiguration (demo)"),
        describes_on=day - datetime.timedelta(days=45),
        added_by=facilitator,
    )
    evidence.add(
        assessment,
        "2.1",
        kind="link",
        title="Lessons learned log on the intranet",
        url="https://intranet.example.nhs.uk/lessons-learned",
        describes_on=day - datetime.timedelta(days=20),
        added_by=facilitator,
    )
    evidence.add(
        assessment,
        "4.1",
        kind="file",
        title="Library enquiries by quarter",
        file_name="library-enquiries-2025.xlsx",
        content=_enquiries_workbook(),
        describes_on=day - datetime.timedelta(days=10),
        added_by=facilitator,
    )


def confirm_demo_evidence(reassessment: Assessment, facilitator: User) -> None:
    """At the next cycle: the Board minutes kept, the lessons log updated, the rest still
    offered, so the demo shows "Still true?" on the agree page of 1.1 and 4.1."""
    offered = {e.title: e for e in reassessment.evidence.filter(confirmed=False)}
    if minutes := offered.get("Board minutes, September"):
        evidence.keep(minutes, by=facilitator)
    if log := offered.get("Lessons learned log on the intranet"):
        evidence.update(
            log,
            title="Lessons learned log, now with the after action reviews",
            url="https://intranet.example.nhs.uk/lessons-learned?view=aar",
            describes_on=reassessment.created_at.date() - datetime.timedelta(days=14),
            by=facilitator,
        )
    evidence.add(
        reassessment,
        "3.2",
        kind="note",
        title="Peer assist before the discharge project",
        note="Two teams ran a peer assist; the notes are on the team site.",
        describes_on=reassessment.created_at.date() - datetime.timedelta(days=30),
        added_by=facilitator,
    )
