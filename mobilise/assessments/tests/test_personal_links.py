"""Single-use personal links: one response each, nothing tying a link to its response."""

import csv
import io

import pytest
from django.core import mail
from django.test import Client

from mobilise.assessments.models import Mode, PersonalLink, Response
from mobilise.assessments.services import personal_links
from mobilise.assessments.tests.factories import AssessmentFactory, full_ratings
from mobilise.assessments.tests.test_participate import section_data
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def individual(facilitator):
    return AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)


def answer_all(browser: Client, assessment) -> object:
    token = assessment.participant_token
    assert browser.post(f"/take/{token}/").status_code == 302
    for number in range(1, 5):
        browser.post(f"/take/{token}/section/{number}/", section_data(number))
    return browser.post(f"/take/{token}/check/")


def test_a_personal_link_takes_one_response_then_says_it_is_spent(individual):
    [secret] = personal_links.issue(individual, 1, only_personal=True, user=None)
    token = individual.participant_token
    browser = Client()
    opened = browser.get(f"/take/{token}/personal/{secret}/")
    assert opened.status_code == 302 and opened.url == f"/take/{token}/"
    assert answer_all(browser, individual).url == f"/take/{token}/done/"
    assert Response.objects.filter(submitted_at__isnull=False).count() == 1
    assert PersonalLink.objects.get().spent
    # The same link in another browser: spent, with a clear page.
    again = Client().get(f"/take/{token}/personal/{secret}/")
    assert again.status_code == 410
    assert "This personal link has been used" in text(page(again))
    # Only the hash is stored, and nothing ties the link to the response.
    link = PersonalLink.objects.get()
    assert link.secret_hash != secret and secret not in str(link.__dict__)
    assert {f.name for f in PersonalLink._meta.get_fields()} == {
        "id",
        "assessment",
        "secret_hash",
        "spent",
    }


def test_two_browsers_sharing_one_link_get_one_response_counted(individual):
    [secret] = personal_links.issue(individual, 1, only_personal=True, user=None)
    token = individual.participant_token
    first, second = Client(), Client()
    for browser in (first, second):
        browser.get(f"/take/{token}/personal/{secret}/")
        assert browser.post(f"/take/{token}/").status_code == 302
        for number in range(1, 5):
            browser.post(f"/take/{token}/section/{number}/", section_data(number))
    assert first.post(f"/take/{token}/check/").status_code == 302
    refused = second.post(f"/take/{token}/check/")
    assert refused.status_code == 410
    assert Response.objects.filter(submitted_at__isnull=False).count() == 1


def test_when_only_personal_links_take_answers_the_shared_link_and_api_refuse(individual):
    personal_links.issue(individual, 2, only_personal=True, user=None)
    token = individual.participant_token
    shared = Client().get(f"/take/{token}/")
    assert shared.status_code == 403
    assert "takes answers only through the personal links" in text(page(shared))
    assert Client().post(f"/take/{token}/").status_code == 403
    api = Client().post(
        f"/api/v1/responses/{token}", {"ratings": full_ratings()}, content_type="application/json"
    )
    assert api.status_code == 409
    assert not Response.objects.exists()


def test_the_shared_link_may_stay_open_beside_personal_links(individual):
    personal_links.issue(individual, 1, only_personal=False, user=None)
    assert answer_all(Client(), individual).status_code == 302
    assert Response.objects.filter(submitted_at__isnull=False).count() == 1


def test_the_facilitator_asks_for_links_on_the_page_or_as_csv(signed_in, individual):
    url = f"/assessments/{individual.id}/links/"
    shown = signed_in.post(url, {"count": "3", "output": "page", "only_personal": "yes"})
    assert shown.status_code == 200 and shown["Cache-Control"] == "private, no-store"
    assert text(page(shown)).count(f"/take/{individual.participant_token}/personal/") == 3
    as_csv = signed_in.post(url, {"count": "2", "output": "csv", "only_personal": "yes"})
    rows = list(csv.reader(io.StringIO(as_csv.content.decode())))
    assert rows[0] == ["personal_link"] and len(rows) == 3
    assert PersonalLink.objects.filter(assessment=individual).count() == 5
    individual.refresh_from_db()
    assert individual.personal_links_only
    assert HistoryEntry.objects.filter(summary__startswith="Issued 3 personal links").exists()


def test_bad_requests_for_links_name_the_field(signed_in, individual):
    url = f"/assessments/{individual.id}/links/"
    too_many = signed_in.post(url, {"count": "501", "only_personal": "yes"})
    assert error_summary(too_many) == [("#id_count", "Ask for 500 links or fewer")]
    neither = signed_in.post(url, {"only_personal": "yes"})
    assert error_summary(neither)[0][0] == "#id_count"
    bad_address = signed_in.post(
        url, {"addresses": "someone@nhs.net nobody", "only_personal": "no"}
    )
    assert error_summary(bad_address) == [("#id_addresses", "nobody is not an e-mail address")]
    assert not PersonalLink.objects.exists() and not mail.outbox


def test_links_sent_by_email_forget_the_addresses(signed_in, individual, caplog):
    url = f"/assessments/{individual.id}/links/"
    answer = signed_in.post(
        url, {"addresses": "a.person@nhs.net, b.person@nhs.net", "only_personal": "yes"}
    )
    assert answer.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a.person@nhs.net", "b.person@nhs.net"]
    assert all("/personal/" in m.body for m in mail.outbox)
    assert PersonalLink.objects.count() == 2
    everything = str(list(HistoryEntry.objects.values())) + caplog.text
    assert "a.person" not in everything and "b.person" not in everything
