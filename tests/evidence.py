"""A piece of evidence with a file, for the route walks to name."""

import datetime

from mobilise.assessments.models import Assessment, Evidence
from mobilise.assessments.services import evidence
from mobilise.assessments.tests.evidence_files import PDF


def evidence_file(assessment: Assessment) -> Evidence:
    return evidence.add(
        assessment,
        "2.1",
        kind="file",
        file_name="minutes.pdf",
        content=PDF,
        describes_on=datetime.date(2026, 9, 1),
    )
