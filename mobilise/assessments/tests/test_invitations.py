"""Inviting participants: e-mails with the link and pre-read, addresses forgotten; the
session's calendar file."""

import datetime

import icalendar
import pytest
from django.apps import apps
from django.core import mail

from mobilise.assessments.models import Mode
from mobilise.assessments.services import invitations
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.audit.models import HistoryEntry
from mobilise.core.dates import UK, uk_today
from mobilise.core.errors import InvalidInput
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db
START = "https://mobilise.example/take/abc/"
PRE_READ = "https://mobilise.example/take/abc/pre-read.pdf"


def every_row_as_text() -> str:
    """Every row of every table of ours, as text: to prove an address is nowhere."""
    rows = []
    for model in apps.get_models():
        if model._meta.app_label in {"contenttypes", "auth"}:
            continue
        rows += [str(r) for r in model.objects.values()]
    return "\n".join(rows)


# Service


def test_addresses_one_per_line_or_by_commas_each_once():
    raw = "a.person@nhs.net\nb.person@nhs.net, c.person@nhs.net;a.person@nhs.net"
    assert invitations.parse_addresses(raw) == [
        "a.person@nhs.net",
        "b.person@nhs.net",
        "c.person@nhs.net",
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Enter the e-mail addresses to send the invitation to"),
        ("ok@nhs.net, nobody", "“nobody” is not an e-mail address"),
        (" ".join(f"p{i}@nhs.net" for i in range(501)), "Enter 500 e-mail addresses or fewer"),
        ("x" * 200_000, "Enter 500 e-mail addresses or fewer"),
    ],
)
def test_bad_addresses_are_refused_naming_the_field(raw, message):
    with pytest.raises(InvalidInput) as refused:
        invitations.parse_addresses(raw)
    [error] = refused.value.errors
    assert error.loc == ("addresses",) and message in error.msg


def test_it_sends_one_email_each_with_the_link_and_pre_read_and_forgets_them(facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation, title="Board 2027")
    addresses = ["a.person@nhs.net", "b.person@nhs.net"]
    sent = invitations.send_invitations(assessment, addresses, START, PRE_READ, facilitator.user)
    assert sent == (2, 0)
    assert sorted(m.to for m in mail.outbox) == [["a.person@nhs.net"], ["b.person@nhs.net"]]
    for message in mail.outbox:
        assert message.subject == "You are invited to Board 2027"
        assert START in message.body and PRE_READ in message.body
        assert "Answer on behalf of your team, not yourself" in message.body
        assert "anonymous" in message.body and not message.cc and not message.bcc
    entry = HistoryEntry.objects.get(assessment=assessment)
    assert entry.summary == "Sent 2 invitations"
    stored = every_row_as_text()
    assert "a.person" not in stored and "b.person" not in stored


def test_the_session_calendar_is_in_uk_time_with_the_link():
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL, title="Pharmacy review")
    day = uk_today() + datetime.timedelta(days=30)
    meeting = invitations.session(day, "14:30", 90, "Board room,  Trust HQ")
    content = invitations.session_calendar(assessment, meeting, START, PRE_READ)
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]).startswith(f"session-{assessment.id}-")
    assert event["dtstamp"].dt.tzinfo is not None
    start, end = event["dtstart"].dt, event["dtend"].dt
    assert start == datetime.datetime.combine(day, datetime.time(14, 30), tzinfo=UK)
    assert end - start == datetime.timedelta(minutes=90)
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert str(event["summary"]) == "Feedback session: Pharmacy review"
    assert START in str(event["description"]) and PRE_READ in str(event["description"])
    assert str(event["location"]) == "Board room, Trust HQ"
    assert b"BEGIN:VTIMEZONE" in content and b"TZID:Europe/London" in content


@pytest.mark.parametrize(
    ("on", "start", "minutes", "place", "field", "message"),
    [
        (None, "14:30", 60, "Room", "on", "Enter the date of the session"),
        ("past", "14:30", 60, "Room", "on", "The date of the session must be today or later"),
        ("soon", "", 60, "Room", "start", "Enter the start time, like 14:30"),
        ("soon", "2pm", 60, "Room", "start", "Enter the start time as hours and minutes"),
        ("soon", "25:10", 60, "Room", "start", "The start time must be a real time"),
        ("soon", "14:30", None, "Room", "minutes", "Enter how long the session lasts"),
        ("soon", "14:30", 5, "Room", "minutes", "The session must last 15 to 480 minutes"),
        ("soon", "14:30", 60, "  ", "place", "Enter the place, or the link to join online"),
        ("soon", "14:30", 60, "x" * 501, "place", "The place must be 500 characters or fewer"),
    ],
)
def test_a_bad_session_is_refused_naming_the_field(on, start, minutes, place, field, message):
    day = {
        None: None,
        "past": uk_today() - datetime.timedelta(days=1),
        "soon": uk_today() + datetime.timedelta(days=3),
    }[on]
    with pytest.raises(InvalidInput) as refused:
        invitations.session(day, start, minutes, place)
    [error] = refused.value.errors
    assert error.loc == (field,) and message in error.msg


# Pages


def test_it_works(signed_in, assessment):
    url = f"/assessments/{assessment.id}/invite/"
    html = page(signed_in.get(url))
    assert "Invite people to take part" in text(html)
    assert f"/take/{assessment.participant_token}/" in text(html)  # the e-mail, shown first
    answer = signed_in.post(url, {"addresses": "a.person@nhs.net\nb.person@nhs.net"})
    assert answer.status_code == 302 and answer.url == url
    assert len(mail.outbox) == 2
    assert f"http://testserver/take/{assessment.participant_token}/" in mail.outbox[0].body
    assert "Sent 2 invitations." in text(page(signed_in.get(url)))


def test_bad_addresses_name_the_field_and_nothing_is_sent(signed_in, assessment, caplog):
    url = f"/assessments/{assessment.id}/invite/"
    bad = signed_in.post(url, {"addresses": "a.person@nhs.net, nobody"})
    assert bad.status_code == 200
    [(link, message)] = error_summary(bad)
    assert link == "#id_addresses" and "e-mail addresses" in message and "nobody" in message
    assert error_summary(signed_in.post(url, {"addresses": ""})) == [
        ("#id_addresses", "Enter the e-mail addresses to send the invitation to")
    ]
    assert not mail.outbox and not HistoryEntry.objects.exists()
    assert "a.person" not in caplog.text


def test_addresses_sent_to_are_not_stored_or_logged(signed_in, assessment, caplog):
    signed_in.post(f"/assessments/{assessment.id}/invite/", {"addresses": "c.person@nhs.net"})
    assert len(mail.outbox) == 1
    assert HistoryEntry.objects.get().summary == "Sent 1 invitation"
    assert "c.person" not in every_row_as_text() and "c.person" not in caplog.text


def test_it_requires_rw_access(client, viewer):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    client.force_login(viewer.user)
    url = f"/assessments/{assessment.id}/invite/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"addresses": "a.person@nhs.net"}).status_code == 403
    assert client.post(f"{url}calendar/", {}).status_code == 403
    assert not mail.outbox


def test_it_checks_ownership(signed_in, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    url = f"/assessments/{theirs.id}/invite/"
    assert signed_in.post(url, {"addresses": "a.person@nhs.net"}).status_code == 404
    assert signed_in.get(f"{url}calendar/").status_code == 404
    assert not mail.outbox


def test_the_calendar_form_downloads_an_ics_file(signed_in, assessment):
    day = uk_today() + datetime.timedelta(days=14)
    answer = signed_in.post(
        f"/assessments/{assessment.id}/invite/calendar/",
        {
            "on_day": day.day,
            "on_month": day.month,
            "on_year": day.year,
            "start": "9:15",
            "minutes": "60",
            "place": "https://teams.example/meet/1",
        },
    )
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/calendar; charset=utf-8"
    assert answer["Content-Disposition"] == 'attachment; filename="session.ics"'
    [event] = icalendar.Calendar.from_ical(answer.content).walk("VEVENT")
    assert event["dtstart"].dt.hour == 9 and event["dtstart"].dt.minute == 15
    assert f"http://testserver/take/{assessment.participant_token}/" in str(event["description"])
    assert str(event["summary"]).startswith("Self-assessment session: ")


def test_the_calendar_form_names_every_bad_field(signed_in, assessment):
    answer = signed_in.post(
        f"/assessments/{assessment.id}/invite/calendar/",
        {"on_day": "31", "on_month": "2", "on_year": "2030", "minutes": "lots"},
    )
    assert answer.status_code == 200
    assert error_summary(answer) == [
        ("#id_on", "The date of the session must be a real date"),
        ("#id_start", "Enter the start time, like 14:30"),
        ("#id_minutes", "Enter how long the session lasts as a number of minutes"),
        ("#id_place", "Enter the place, or the link to join online"),
    ]


@pytest.mark.parametrize("body", [{"addresses": "\x00"}, {"addresses": ["a", "b"]}, {}])
def test_hostile_bodies_are_answered_without_a_server_error(signed_in, assessment, body):
    for url in (
        f"/assessments/{assessment.id}/invite/",
        f"/assessments/{assessment.id}/invite/calendar/",
    ):
        assert signed_in.post(url, body).status_code == 200
    assert not mail.outbox
