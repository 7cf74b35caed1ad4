"""The kind of a change, read from its summary, as the history's filter uses it."""

import pytest

from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.kinds import Kind, kind_of
from mobilise.audit.models import HistoryEntry
from mobilise.audit.services import record


@pytest.mark.parametrize(
    ("summary", "kind"),
    [
        ("Created the assessment “Board review”", Kind.ASSESSMENT),
        ("Closed the assessment", Kind.ASSESSMENT),
        ("Started as a reassessment of “Board review”", Kind.ASSESSMENT),
        ("Deleted the assessment “Ward 3” of Ward 3 unit, with its 4 responses", Kind.ASSESSMENT),
        ("Imported by Ann from a file", Kind.ASSESSMENT),
        ("Sent 4 invitations", Kind.RESPONSES),
        ("Discarded a response: it no longer counts in any figure", Kind.RESPONSES),
        ("Revealed the answers to 1.1 on the presenter screen", Kind.RESPONSES),
        ("Agreed 1.1: Emerging, importance high, target Developing", Kind.RATINGS),
        ("Changed the agreed rating of 2.3: Developing", Kind.RATINGS),
        ("Added the action “Invite staff as mentors” for 1.1", Kind.PLAN),
        ("Changed the action “Review the assessment”", Kind.PLAN),
        ("Added a progress note to “Journal club”", Kind.PLAN),
        ("Marked 3.1 No action required", Kind.PLAN),
        ("Added the local action “Our café” for 1.1", Kind.LOCAL),
        ("Invited ann@nhs.net as Viewer", Kind.PEOPLE),
        ("ann joined as Facilitator", Kind.PEOPLE),
        ("Changed ann's role from Viewer to Admin", Kind.PEOPLE),
        ("Removed ann (Viewer) from the organisation", Kind.PEOPLE),
        ("Changed the organisation's settings", Kind.ORGANISATION),
        ("Joined the benchmark across organisations", Kind.ORGANISATION),
        ("Renamed the unit “Ward 3” to “Ward 4”", Kind.ORGANISATION),
        ("Added evidence to 1.1: link “Board minutes”", Kind.RATINGS),
        ("Updated and kept evidence from the last cycle for 2.1: “Survey”", Kind.RATINGS),
        ("Dropped evidence from the last cycle for 4.1: file “the assessment”", Kind.RATINGS),
        ("The plan was agreed by Trust Board at Board on 3 December 2026 (version 1)", Kind.PLAN),
        ("Fran Facilitator may record that the plan was agreed", Kind.PLAN),
        ("Something nobody foresaw", Kind.OTHER),
    ],
)
def test_a_summary_tells_its_kind(summary, kind):
    assert kind_of(summary) == kind


@pytest.mark.django_db
def test_a_line_is_saved_with_its_kind_unless_the_app_names_another():
    assessment = AssessmentFactory()
    assert record(assessment, None, "Closed the assessment").kind == Kind.ASSESSMENT
    assert record(assessment, None, "Closed the assessment", kind=Kind.PLAN).kind == Kind.PLAN
    made = HistoryEntry.objects.create(assessment=assessment, summary="Sent 2 invitations")
    assert HistoryEntry.objects.get(pk=made.pk).kind == Kind.RESPONSES
