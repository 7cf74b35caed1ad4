"""The follow-up page and the calendar feed."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobilise.accounts.models import Role
from mobilise.accounts.tests.factories import MembershipFactory
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.dates import uk_today
from mobilise.core.tests.html import error_summary, page, text
from mobilise.plans.models import ActionPlan, CalendarFeed, PlanAction, PlanActionElement
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db


def test_follow_up_lists_open_actions_filters_and_highlights_overdue(signed_in, assessment):
    plans.add_custom_action(
        assessment,
        "Late one",
        ["1.1"],
        plans.ActionFields(
            owner="Ann", due_on=datetime.date(2020, 1, 1), given={"owner", "due_on"}
        ),
    )
    plans.add_custom_action(
        assessment,
        "Bo's one",
        ["1.1"],
        plans.ActionFields(owner="Bo", status="in_progress", given={"owner", "status"}),
    )
    plans.add_custom_action(
        assessment, "Finished", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )
    html = text(page(signed_in.get("/follow-up/")))
    assert "Late one" in html and "Bo's one" in html and "Finished" not in html
    assert "1 overdue" in html
    filtered = text(page(signed_in.get("/follow-up/", {"owner": "bo"})))
    assert "Bo's one" in filtered and "Late one" not in filtered
    assert "Late one" not in text(page(signed_in.get("/follow-up/", {"status": "in_progress"})))


def test_the_calendar_feed_is_secret_and_parses(signed_in, facilitator, assessment, client):
    plans.add_custom_action(
        assessment,
        "Due soon",
        ["1.1"],
        plans.ActionFields(due_on=datetime.date(2027, 5, 1), given={"due_on"}),
    )
    signed_in.get("/follow-up/")
    key = CalendarFeed.objects.get(membership=facilitator).key
    response = client.get(f"/calendar/{key}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Due: Due soon"]
    assert client.get("/calendar/wrong-key.ics").status_code == 404


def test_a_person_can_change_their_calendar_feeds_address(client, viewer):
    client.force_login(viewer.user)
    client.get("/follow-up/")
    old = CalendarFeed.objects.get(membership=viewer).key
    confirm = client.get("/follow-up/calendar/change/")
    assert confirm.status_code == 200
    assert "The old address stops working at once" in text(page(confirm))
    assert CalendarFeed.objects.get(membership=viewer).key == old  # nothing in one click
    changed = client.post("/follow-up/calendar/change/")
    assert changed.status_code == 302 and changed.url == "/follow-up/"
    new = CalendarFeed.objects.get(membership=viewer).key
    assert new != old
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200
    follow_up = page(client.get("/follow-up/"))
    assert (
        follow_up.select_one("#calendar-feed").get_text().strip().endswith(f"/calendar/{new}.ics")
    )


def many(assessment, count, *, member=None, due_from=-10):
    """`count` open actions due a day apart from `due_from` days ago (bulk, for speed)."""
    today = uk_today()
    for index in range(count):
        action = PlanAction.objects.create(
            plan=assessment_plan(assessment),
            text=f"Action {index:03}",
            owner_member=member,
            owner=member.user.display_name if member else "",
            due_on=today + datetime.timedelta(days=due_from + index),
        )
        PlanActionElement.objects.create(action=action, element_code="1.1")


def assessment_plan(assessment):
    return ActionPlan.objects.get_or_create(assessment=assessment)[0]


def rows(response) -> list[str]:
    return [text(r.select_one("td a")) for r in page(response).select("tbody tr")]


def test_follow_up_pages_25_at_a_time_keeping_the_filters(signed_in, assessment, facilitator):
    many(assessment, 30, member=facilitator)
    many(assessment, 3)
    first = signed_in.get("/follow-up/", {"member": "me"})
    assert len(rows(first)) == 25 and rows(first)[0] == "Action 000"
    assert text(page(first).select_one("#match-count")) == "30 actions: showing 1 to 25."
    links = [a["href"] for a in page(first).select(".nhsuk-pagination a")]
    assert "?member=me&page=2" in links
    second = signed_in.get("/follow-up/", {"member": "me", "page": "2"})
    assert rows(second) == [f"Action {i:03}" for i in range(25, 30)]
    assert page(second).select_one("#id_member option[selected]")["value"] == "me"
    assert "10 overdue" in text(page(second))


def test_follow_up_filters_by_unit_member_status_and_overdue(signed_in, organisation, facilitator):
    north = AssessmentFactory(organisation=organisation)
    south = AssessmentFactory(organisation=organisation)
    colleague = MembershipFactory(organisation=organisation, role=Role.VIEWER)
    plans.add_custom_action(
        north,
        "North late",
        ["1.1"],
        plans.ActionFields(
            owner_member=colleague,
            due_on=datetime.date(2020, 1, 1),
            given={"owner_member", "due_on"},
        ),
    )
    plans.add_custom_action(north, "North undated", ["1.1"], plans.ActionFields())
    plans.add_custom_action(
        south, "South done", ["1.1"], plans.ActionFields(status="done", given={"status"})
    )

    def listed(**query):
        return rows(signed_in.get("/follow-up/", query))

    assert listed() == ["North late", "North undated"]
    assert listed(unit=str(south.unit.id)) == []
    assert listed(unit=str(south.unit.id), status="done") == ["South done"]
    assert listed(status="any") == ["North late", "North undated", "South done"]
    assert listed(member=str(colleague.id)) == ["North late"]
    assert listed(overdue="yes") == ["North late"]
    assert listed(unit=str(north.unit.id), overdue="yes", member="me") == []
    empty = signed_in.get("/follow-up/", {"member": "me"})
    assert text(page(empty).select_one("#match-count")) == "No actions match."


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"unit": "not-a-unit"}, "id_unit", "Select a unit from the list"),
        ({"member": "someone"}, "id_member", "Select an owner from the list"),
        ({"status": "finished"}, "id_status", "Select a status from the list"),
        ({"overdue": "maybe"}, "id_overdue", "Select overdue actions only, or leave it unticked"),
        ({"owner": "x" * 201}, "id_owner", "The owner's name must be 200 characters or fewer"),
        ({"page": "many"}, None, None),
    ],
)
def test_bad_filters_are_named_in_the_error_summary(signed_in, assessment, query, field, message):
    plans.add_custom_action(assessment, "Still listed", ["1.1"], plans.ActionFields())
    response = signed_in.get("/follow-up/", query)
    assert response.status_code == 200
    if field is None:
        assert error_summary(response) == []
    else:
        assert error_summary(response) == [(f"#{field}", message)]
        assert page(response).title.get_text().startswith("Error: ")
    assert rows(response) == ["Still listed"]


def test_another_organisations_unit_or_member_is_refused(signed_in, assessment, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    for query in ({"unit": str(theirs.unit.id)}, {"member": str(outsider.id)}):
        assert error_summary(signed_in.get("/follow-up/", query)), query


def test_a_viewer_sees_follow_up_and_their_own_actions(client, viewer, assessment):
    many(assessment, 2, member=viewer)
    many(assessment, 1)
    client.force_login(viewer.user)
    assert len(rows(client.get("/follow-up/", {"member": "me"}))) == 2
    assert len(rows(client.get("/follow-up/"))) == 3


def queries_for_a_page(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_a_page_costs_the_same_queries_at_30_and_300_actions(signed_in, organisation, facilitator):
    small = AssessmentFactory(organisation=organisation)
    many(small, 30, member=facilitator)
    path = "/follow-up/?member=me&overdue=yes&status=&page=2"
    signed_in.get("/follow-up/")  # the first visit also creates the person's calendar feed
    at_30 = queries_for_a_page(signed_in, "/follow-up/?page=2")
    filtered_at_30 = queries_for_a_page(signed_in, path)
    for _ in range(9):
        many(AssessmentFactory(organisation=organisation), 30, member=facilitator)
    assert PlanAction.objects.count() == 300
    assert queries_for_a_page(signed_in, "/follow-up/?page=2") == at_30
    assert queries_for_a_page(signed_in, path) == filtered_at_30


def test_the_home_page_lists_my_open_actions_soonest_first(client, viewer, assessment):
    client.force_login(viewer.user)
    empty = page(client.get("/"))
    assert "You own no open actions" in text(empty)
    many(assessment, 7, member=viewer, due_from=-1)
    many(assessment, 2)  # nobody's: never on the viewer's home page
    home = page(client.get("/"))
    section = home.select_one("#my-actions").find_next("ul")
    items = [text(a) for a in section.select("li > a")]
    assert items == [f"Action {i:03}" for i in range(5)]
    assert "Overdue" in text(section.select("li")[0]) and "Overdue" not in text(
        section.select("li")[1]
    )
    link = home.find("a", string=lambda s: s and "of your open actions" in s)
    assert link["href"] == "/follow-up/?member=me" and "All 7" in link.get_text()
    assert len(rows(client.get(link["href"]))) == 7
