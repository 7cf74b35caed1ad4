"""The organisation's history page and an assessment's: labels in words, filters by kind,
person and dates kept in the URL, 25 changes a page, and queries that do not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobilise.accounts.models import Role
from mobilise.accounts.tests.factories import MembershipFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.kinds import Kind
from mobilise.audit.models import HistoryEntry
from mobilise.audit.services import record, record_in_organisation
from mobilise.core.dates import UK

ORG_HISTORY = "/organisation/history/"


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin.user)
    return client


def dated(entry: HistoryEntry, day: datetime.date, hour: int = 12) -> HistoryEntry:
    at = datetime.datetime.combine(day, datetime.time(hour), tzinfo=UK)
    HistoryEntry.objects.filter(pk=entry.pk).update(created_at=at)
    return entry


def many(assessment, count: int, actor=None) -> None:
    HistoryEntry.objects.bulk_create(
        HistoryEntry(
            organisation=assessment.organisation,
            assessment=assessment,
            actor=actor,
            actor_name=actor.username if actor else "",
            summary=f"Changed the action “Number {n}”",
            changes={"status": ["in_progress", "done"]},
            kind=Kind.PLAN,
        )
        for n in range(count)
    )


def test_changes_are_shown_in_words(admin_client, admin):
    assessment = AssessmentFactory(organisation=admin.organisation)
    record(assessment, admin.user, "Changed the action “A”", {"status": ["in_progress", "done"]})
    record_in_organisation(
        admin.organisation,
        admin.user,
        "Invited b@nhs.net as Facilitator",
        {"role": [None, "facilitator"]},
    )
    for url in (ORG_HISTORY, f"/assessments/{assessment.pk}/history/"):
        html = admin_client.get(url).content.decode()
        assert "Status: In progress → Done" in html
        assert "in_progress" not in html
    assert "Role: None → Facilitator" in admin_client.get(ORG_HISTORY).content.decode()


def test_the_filters_choose_by_kind_person_and_days(admin_client, admin):
    organisation = admin.organisation
    other = MembershipFactory(organisation=organisation, role=Role.FACILITATOR)
    other.user.first_name, other.user.last_name = "Priya", "Shah"
    other.user.save()
    assessment = AssessmentFactory(organisation=organisation)
    dated(record(assessment, admin.user, "Closed the assessment"), datetime.date(2027, 3, 1))
    dated(record(assessment, other.user, "Agreed 1.1: Emerging"), datetime.date(2027, 3, 5))
    dated(
        record_in_organisation(organisation, other.user, "Invited c@nhs.net as Viewer"),
        datetime.date(2027, 3, 9),
    )
    # Late on 9 March in the UK (BST does not start until the 28th): still the 9th.
    dated(record(assessment, admin.user, "Reopened the assessment"), datetime.date(2027, 3, 9), 23)

    def shown(**query) -> list[str]:
        page = admin_client.get(ORG_HISTORY, query).content.decode()
        return [
            s
            for s in (
                "Closed the assessment",
                "Agreed 1.1",
                "Invited c@nhs.net",
                "Reopened the assessment",
            )
            if s in page
        ]

    assert shown(kind="assessment") == ["Closed the assessment", "Reopened the assessment"]
    assert shown(kind="people") == ["Invited c@nhs.net"]
    assert shown(person=str(other.user.pk)) == ["Agreed 1.1", "Invited c@nhs.net"]
    assert shown(
        since_day="5",
        since_month="3",
        since_year="2027",
        until_day="9",
        until_month="3",
        until_year="2027",
        person=str(admin.user.pk),
    ) == ["Reopened the assessment"]
    assert shown(until_day="4", until_month="3", until_year="2027") == ["Closed the assessment"]
    page = admin_client.get(ORG_HISTORY).content.decode()
    assert "Priya Shah" in page  # the person's name in the choice of people
    # The assessment's own page filters its own lines the same way.
    own = admin_client.get(f"/assessments/{assessment.pk}/history/", {"kind": "ratings"})
    assert "Agreed 1.1" in own.content.decode()
    assert "Closed the assessment" not in own.content.decode()


@pytest.mark.parametrize(
    ("query", "message", "field"),
    [
        (
            {"since_day": "31", "since_month": "2", "since_year": "2027"},
            "The from date must be a real date",
            "id_since",
        ),
        (
            {"until_day": "1", "until_year": "2027"},
            "The to date must include a day, month and year",
            "id_until",
        ),
        (
            {
                "since_day": "9",
                "since_month": "3",
                "since_year": "2027",
                "until_day": "1",
                "until_month": "3",
                "until_year": "2027",
            },
            "The to date must be the same as or after the from date",
            "id_until",
        ),
        ({"kind": "nonsense"}, "Select a kind of change", "id_kind"),
        ({"person": "x"}, "Select a person from the list", "id_person"),
    ],
)
def test_a_bad_filter_is_named_in_the_error_summary(admin_client, admin, query, message, field):
    AssessmentFactory(organisation=admin.organisation)
    response = admin_client.get(ORG_HISTORY, query)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert f'href="#{field}"' in html
    assert "<title>Error: " in html


def test_25_changes_a_page_and_the_filters_stay_in_the_links(admin_client, admin):
    assessment = AssessmentFactory(organisation=admin.organisation)
    many(assessment, 60, admin.user)
    first = admin_client.get(ORG_HISTORY, {"kind": "plan"}).content.decode()
    assert first.count("Status: In progress → Done") == 25
    assert "60 changes: showing 1 to 25." in first
    assert "?kind=plan&amp;page=2" in first
    last = admin_client.get(ORG_HISTORY, {"kind": "plan", "page": "3"}).content.decode()
    assert last.count("Status: In progress → Done") == 10
    assert "60 changes: showing 51 to 60." in last
    own = admin_client.get(f"/assessments/{assessment.pk}/history/", {"page": "2"})
    assert "60 changes: showing 26 to 50." in own.content.decode()


@pytest.mark.parametrize("url", ["org", "assessment"])
def test_a_page_costs_the_same_queries_with_30_changes_as_with_300(admin_client, admin, url):
    assessment = AssessmentFactory(organisation=admin.organisation)
    address = ORG_HISTORY if url == "org" else f"/assessments/{assessment.pk}/history/"
    others = [MembershipFactory(organisation=admin.organisation).user for _ in range(3)]

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(address, {"page": "2"}).status_code == 200
        return len(captured)

    for actor in others:
        many(assessment, 10, actor)
    small = queries()
    for actor in others:
        many(assessment, 90, actor)
    assert queries() == small


def test_another_organisations_history_is_not_shown(admin_client, admin, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation, title="Southshire secret")
    record(theirs, outsider.user, "Closed the assessment")
    record_in_organisation(outsider.organisation, outsider.user, "Invited x@nhs.net as Viewer")
    html = admin_client.get(ORG_HISTORY).content.decode()
    assert "Southshire" not in html and "x@nhs.net" not in html
    assert outsider.user.username not in html  # not offered as a person either
    assert admin_client.get(f"/assessments/{theirs.pk}/history/").status_code == 404
