"""The follow-up page and the calendar feed."""

import datetime

import icalendar
import pytest

from mobilise.core.tests.html import page, text
from mobilise.plans.models import CalendarFeed
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
