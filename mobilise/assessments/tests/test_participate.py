"""The participant's journey through the shared link."""

import pytest
from django.test import Client

from mobilise.assessments.models import Mode, Response, Status
from mobilise.assessments.services import responses
from mobilise.assessments.tests.factories import AssessmentFactory, full_ratings, submit
from mobilise.core.tests.html import error_summary, field_error, page, text
from mobilise.framework.catalogue import get_framework

pytestmark = pytest.mark.django_db
FRAMEWORK = get_framework()


def section_data(number: int, level="2", **overrides) -> dict:
    data = {}
    for element in FRAMEWORK.sections[number - 1].elements:
        key = element.code.replace(".", "_")
        data[f"rating_{key}"] = overrides.get(key, level)
        data[f"comment_{key}"] = ""
    return data


def start(client: Client, assessment) -> None:
    response = client.post(f"/take/{assessment.participant_token}/")
    assert response.status_code == 302
    assert response.url == f"/take/{assessment.participant_token}/section/1/"


def test_the_start_page_says_what_it_is_and_that_it_is_anonymous(client):
    assessment = AssessmentFactory()
    html = text(page(client.get(f"/take/{assessment.participant_token}/")))
    assert assessment.title in html
    assert "anonymous" in html and "20 to 30 minutes" in html
    assert "IP address" in html


def test_a_participant_rates_every_section_checks_and_submits(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    start(client, assessment)
    for number in range(1, 5):
        response = client.post(
            f"/take/{token}/section/{number}/", {**section_data(number), "action": "continue"}
        )
        assert response.status_code == 302
    assert response.url == f"/take/{token}/check/"
    check = client.get(f"/take/{token}/check/")
    assert "2 Developing" in text(page(check))
    done = client.post(f"/take/{token}/check/")
    assert done.url == f"/take/{token}/done/"
    response = Response.objects.get()
    assert response.submitted_at is not None and response.ratings.count() == 23
    assert "Your answers have been sent" in text(page(client.get(done.url)))


def test_each_element_needs_an_answer_and_the_errors_link_to_it(client):
    assessment = AssessmentFactory()
    start(client, assessment)
    data = section_data(1)
    del data["rating_1_3"]
    response = client.post(
        f"/take/{assessment.participant_token}/section/1/", {**data, "action": "continue"}
    )
    assert response.status_code == 200
    assert error_summary(response) == [("#id_rating_1_3", "Select a level for 1.3, or Don't know")]
    assert text(page(response).title).startswith("Error: ")
    assert not Response.objects.get().ratings.exists()  # nothing half-saved


def test_a_comment_over_2000_characters_is_refused(client):
    assessment = AssessmentFactory()
    start(client, assessment)
    data = {**section_data(1), "comment_1_2": "x" * 2001, "action": "continue"}
    response = client.post(f"/take/{assessment.participant_token}/section/1/", data)
    assert error_summary(response) == [
        ("#id_comment_1_2", "The comment on 1.2 must be 2,000 characters or fewer")
    ]


def test_dont_know_is_an_answer(client):
    assessment = AssessmentFactory()
    start(client, assessment)
    client.post(
        f"/take/{assessment.participant_token}/section/1/",
        {**section_data(1, level="dont_know"), "action": "continue"},
    )
    assert Response.objects.get().ratings.get(element_code="1.1").level is None


def test_save_and_come_back_from_another_browser_with_the_personal_link(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    start(client, assessment)
    partial = {"rating_1_1": "4", "comment_1_1": "Strong", "action": "save"}
    saved = client.post(f"/take/{token}/section/1/", partial)
    assert saved.url == f"/take/{token}/saved/"
    html = page(client.get(saved.url))
    link = html.select_one("#copy-link").get_text().strip()
    code = html.select_one("#resume-code").get_text().strip()
    # The key is in the fragment, which no browser sends and so no server or proxy logs.
    assert link == f"http://testserver/take/{token}/resume/#{code}"

    other = Client()
    form_page = other.get(f"/take/{token}/resume/")
    assert form_page.status_code == 200
    assert page(form_page).select_one("input#id_code[name=code]") is not None
    resumed = other.post(f"/take/{token}/resume/", {"code": f"  {code} "})
    assert resumed.status_code == 302 and resumed.url == f"/take/{token}/"
    form = page(other.get(f"/take/{token}/section/1/"))
    assert form.select_one("#id_rating_1_1-5")["value"] == "4"
    assert form.select_one("#id_rating_1_1-5").has_attr("checked")
    assert Response.objects.count() == 1


def test_a_wrong_or_missing_resume_code_is_named_in_the_error_summary(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    for code, message in (("", "Enter your resume code"), ("nope", "No saved answers match")):
        answer = client.post(f"/take/{token}/resume/", {"code": code})
        assert answer.status_code == 200
        [(link, summary)] = error_summary(answer)
        assert link == "#id_code" and summary.startswith(message)
        assert field_error(answer, "id_code").startswith(message)
    assert not any(name.startswith("mobilise-resume-") for name in client.cookies)


def test_old_links_with_the_key_in_the_path_are_gone(client):
    assessment = AssessmentFactory()
    _, key = responses.start_draft(assessment)
    answer = client.get(f"/take/{assessment.participant_token}/resume/{key}/")
    assert answer.status_code == 404
    assert not any(name.startswith("mobilise-resume-") for name in client.cookies)


def test_the_same_browser_returns_to_its_answers(client):
    assessment = AssessmentFactory()
    start(client, assessment)
    client.post(
        f"/take/{assessment.participant_token}/section/1/", {**section_data(1), "action": "save"}
    )
    html = text(page(client.get(f"/take/{assessment.participant_token}/")))
    assert "5 of 23 elements answered" in html
    client.post(f"/take/{assessment.participant_token}/")
    assert Response.objects.count() == 1


def test_submitting_with_missing_answers_lists_them(client):
    assessment = AssessmentFactory()
    start(client, assessment)
    client.post(
        f"/take/{assessment.participant_token}/section/1/",
        {**section_data(1), "action": "continue"},
    )
    response = client.post(f"/take/{assessment.participant_token}/check/")
    errors = error_summary(response)
    assert errors[0] == (
        f"/take/{assessment.participant_token}/section/2/?return=check#element-2-1",
        "Select a level for 2.1, or Don't know",
    )
    assert Response.objects.get().submitted_at is None


def test_a_closed_assessment_says_so_politely(client):
    assessment = AssessmentFactory(status=Status.CLOSED)
    response = client.get(f"/take/{assessment.participant_token}/")
    assert "This assessment has closed" in text(page(response))
    assert client.post(f"/take/{assessment.participant_token}/").status_code == 200
    assert not Response.objects.exists()


def test_answers_cannot_change_once_closed(client):
    assessment = AssessmentFactory()
    start(client, assessment)
    assessment.status = Status.CLOSED
    assessment.save()
    response = client.post(
        f"/take/{assessment.participant_token}/section/1/",
        {**section_data(1), "action": "continue"},
    )
    assert "This assessment has closed" in text(page(response))
    assert not Response.objects.get().ratings.exists()


def test_an_unknown_link_is_not_found(client):
    assert client.get("/take/not-a-token/").status_code == 404


def test_participants_see_the_groups_results_only_when_revealed(client):
    assessment = AssessmentFactory()
    submit(assessment, 2)
    hidden = client.get(f"/take/{assessment.participant_token}/results/")
    assert "not shown yet" in text(page(hidden))
    assessment.results_revealed = True
    assessment.save()
    shown = client.get(f"/take/{assessment.participant_token}/results/")
    assert "The group's results" in text(page(shown))
    assert "1 person has answered" in text(page(shown))


def test_the_radios_show_each_levels_descriptor_for_the_element(client):
    assessment = AssessmentFactory()
    start(client, assessment)
    html = text(page(client.get(f"/take/{assessment.participant_token}/section/2/")))
    element = FRAMEWORK.element("2.6")
    assert element.levels[3] in html
    assert "Don't know" in html


def test_api_responses_do_not_unlock_the_groups_results_for_participants(client):
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL, results_revealed=True)
    submit(assessment, 4)
    for _ in range(2):
        posted = client.post(
            f"/api/v1/responses/{assessment.participant_token}",
            {"ratings": full_ratings(0)},
            content_type="application/json",
        )
        assert posted.status_code == 201
    hidden = client.get(f"/take/{assessment.participant_token}/results/")
    assert "not shown yet" in text(page(hidden))
    submit(assessment, 4)
    submit(assessment, 4)
    shown = client.get(f"/take/{assessment.participant_token}/results/")
    assert "The group's results" in text(page(shown))


def test_a_flood_of_fresh_browsers_is_refused_with_a_page_saying_when(client, monkeypatch):
    """Ten (here sixty-one) scripted runs with fresh cookies: starting drafts is limited."""
    from mobilise.core import limits

    monkeypatch.setattr(limits, "clock", lambda: 3_000_000.0)
    assessment = AssessmentFactory()
    for _ in range(60):
        start(Client(), assessment)
    refused = Client().post(f"/take/{assessment.participant_token}/")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    assert "Try again in 1 second" in text(page(refused))
    assert Response.objects.count() == 60


def test_sending_drafts_is_limited_too(client, settings, monkeypatch):
    from mobilise.core import limits

    monkeypatch.setattr(limits, "clock", lambda: 3_000_000.0)
    assessment = AssessmentFactory()
    token = assessment.participant_token
    browsers = [Client(), Client()]
    settings.MOBILISE_FLOOD_BURST = 2  # two drafts may start
    for browser in browsers:
        start(browser, assessment)
        for number in range(1, 5):
            browser.post(f"/take/{token}/section/{number}/", section_data(number))
    settings.MOBILISE_FLOOD_BURST = 1  # one may be sent
    assert browsers[0].post(f"/take/{token}/check/").status_code == 302
    refused = browsers[1].post(f"/take/{token}/check/")
    assert refused.status_code == 429
    assert Response.objects.filter(submitted_at__isnull=False).count() == 1
