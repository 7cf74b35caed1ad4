"""A reassessment offers the last cycle's evidence again: still true? keep, update or drop."""

import datetime

import pytest

from mobilise.assessments.models import Assessment
from mobilise.assessments.services import evidence
from mobilise.assessments.tests import evidence_files as files
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import page, text

pytestmark = pytest.mark.django_db
FORM = {"title": "Second cycle", "mode": "group", "close_previous": "yes"}
DAY = datetime.date(2026, 3, 1)


def test_the_next_cycle_offers_each_elements_evidence_on_its_agree_page(signed_in, assessment):
    evidence.add(assessment, "1.1", kind="note", note="Journal club monthly", describes_on=DAY)
    evidence.add(
        assessment, "1.1", kind="file", file_name="a.pdf", content=files.PDF, describes_on=DAY
    )
    signed_in.post(f"/assessments/{assessment.id}/reassess/", FORM)
    new = Assessment.objects.get(previous=assessment)
    assert new.evidence.filter(confirmed=False).count() == 2
    assert HistoryEntry.objects.filter(
        assessment=new, summary__endswith="2 pieces of evidence offered again"
    ).exists()
    html = page(signed_in.get(f"/assessments/{new.id}/agree/element/1.1/"))
    offered = html.select_one("#still-true").find_next("ul")
    assert "Journal club monthly" in text(offered)
    labels = [text(b) for b in offered.select("button")]
    assert labels and all(label.startswith("Keep") for label in labels)
    assert [
        text(a).split(" ")[0]
        for a in offered.select("a")
        if "Update" in text(a) or "Drop" in text(a)
    ] == ["Update", "Drop", "Update", "Drop"]
    # Not on the new results until the group keeps it.
    assert evidence.for_assessment(new) == {}


def test_a_reassessment_with_no_evidence_says_nothing_of_it(signed_in, assessment):
    signed_in.post(f"/assessments/{assessment.id}/reassess/", FORM)
    new = Assessment.objects.get(previous=assessment)
    assert not new.evidence.exists()
    assert not HistoryEntry.objects.filter(summary__contains="evidence offered").exists()
