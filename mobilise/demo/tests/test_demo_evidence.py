"""The demo shows evidence on several elements, kept and offered again at the next cycle."""

import pytest

from mobilise.assessments.models import Assessment, Evidence
from mobilise.assessments.services import evidence
from mobilise.demo.services import DEMO_ASSESSMENT, load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_evidence_and_offers_it_again_at_the_reassessment():
    load_demo()
    first = Assessment.objects.get(title=DEMO_ASSESSMENT)
    shown = evidence.for_assessment(first)
    assert set(shown) == {"1.1", "2.1", "4.1"}
    kinds = {e.kind for items in shown.values() for e in items}
    assert kinds == {"note", "link", "file"}
    for item in Evidence.objects.filter(assessment=first, kind="file"):
        with evidence.read_file(item) as stored:
            assert evidence.sniff(stored.read()).content_type == item.file_type
    again = first.reassessments.get()
    assert set(evidence.for_assessment(again)) == {"1.1", "2.1", "3.2"}
    offered = evidence.for_assessment(again, confirmed=False)
    assert set(offered) == {"1.1", "4.1"}  # the two files: still true?
    load_demo()  # idempotent
    assert Evidence.objects.filter(assessment=first).count() == 4
