"""The demo shows two impact case studies, each with the score change at the next cycle."""

import pytest

from mobilise.assessments.models import Assessment
from mobilise.demo.services import DEMO_ASSESSMENT, load_demo
from mobilise.plans.models import CaseStudy
from mobilise.plans.services import case_studies

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_case_studies_with_their_score_change():
    organisation = load_demo()
    found = case_studies.written(case_studies.for_organisation(organisation))
    assert len(found) == 2
    units = {w.assessment.unit.name: w for w in found}
    assert set(units) == {"Senior transformation team", "Pharmacy and medicines optimisation"}
    board = units["Senior transformation team"]
    assert board.assessment == Assessment.objects.get(title=DEMO_ASSESSMENT)
    assert board.elements == ["1.1", "1.2"]
    assert all(a.status == "done" for w in found for a in w.actions)
    for written in found:
        assert written.reassessed
        assert any(s.change and s.change > 0 for s in written.scores), written.scores
        assert "up" in written.change_in_words(written.assessment.framework)
    load_demo()  # idempotent
    assert CaseStudy.objects.count() == 2
