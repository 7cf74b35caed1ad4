"""The participant's journey where it used to slip (#13.5), and the pre-read on the start
page (#13.3)."""

import pytest
from django.test import Client, override_settings

from mobilise.assessments.models import Mode
from mobilise.assessments.services import setup
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.assessments.tests.test_participate import section_data, start
from mobilise.core.tests.html import page, text
from mobilise.framework.catalogue import get_framework

pytestmark = pytest.mark.django_db
FRAMEWORK = get_framework()


def answer_every_section(client: Client, token: str) -> None:
    for number in range(1, 5):
        client.post(
            f"/take/{token}/section/{number}/", {**section_data(number), "action": "continue"}
        )


def test_change_on_the_check_page_then_save_and_continue_goes_back_to_check(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    start(client, assessment)
    answer_every_section(client, token)
    check = page(client.get(f"/take/{token}/check/"))
    change = check.select_one(".nhsuk-summary-list__actions a[href*='element-2-3']")
    assert change["href"] == f"/take/{token}/section/2/?return=check#element-2-3"
    section = page(client.get(change["href"].split("#")[0]))
    assert section.select_one("input[name=return]")["value"] == "check"
    assert section.select_one(".nhsuk-back-link")["href"] == f"/take/{token}/check/"
    saved = client.post(
        f"/take/{token}/section/2/",
        {**section_data(2, rating_2_3="4"), "return": "check", "action": "continue"},
    )
    assert saved.status_code == 302 and saved.url == f"/take/{token}/check/"


def test_without_return_save_and_continue_still_goes_to_the_next_section(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    start(client, assessment)
    saved = client.post(f"/take/{token}/section/1/", {**section_data(1), "action": "continue"})
    assert saved.url == f"/take/{token}/section/2/"


def test_continue_your_answers_opens_the_first_section_with_an_unanswered_element(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    start(client, assessment)
    client.post(f"/take/{token}/section/1/", {**section_data(1), "action": "continue"})
    client.post(f"/take/{token}/section/2/", {**section_data(2), "action": "continue"})
    # 3.2 left blank, saved for later.
    data = {**section_data(3), "action": "save"}
    del data["rating_3_2"]
    client.post(f"/take/{token}/section/3/", data)
    assert client.post(f"/take/{token}/").url == f"/take/{token}/section/3/"
    client.post(f"/take/{token}/section/3/", {**section_data(3), "action": "save"})
    assert client.post(f"/take/{token}/").url == f"/take/{token}/section/4/"
    client.post(f"/take/{token}/section/4/", {**section_data(4), "action": "save"})
    assert client.post(f"/take/{token}/").url == f"/take/{token}/check/"


def test_after_sending_the_start_page_says_the_answers_were_sent(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    start(client, assessment)
    answer_every_section(client, token)
    client.post(f"/take/{token}/check/")
    html = page(client.get(f"/take/{token}/"))
    words = text(html)
    assert "You have sent your answers" in words
    assert "You have started this assessment" not in words
    assert html.find("button", string=lambda s: s and "Continue your answers" in s) is None
    assert html.find("a", string="See the group's results") is None
    setup.reveal_results(assessment, True)
    html = page(client.get(f"/take/{token}/"))
    assert html.find("a", string="See the group's results")["href"] == f"/take/{token}/results/"


def element_names(html) -> list[str]:
    return [text(n) for n in html.select("legend, .nhsuk-summary-list__key, tbody th")]


def test_an_element_title_shows_with_its_section_to_participants(client):
    assessment = AssessmentFactory()
    token = assessment.participant_token
    start(client, assessment)
    behaviours = "2.1 Capacity to use evidence from research (Behaviours)"
    services = "4.4 Capacity to use evidence from research (Knowledge Services)"
    assert behaviours in element_names(page(client.get(f"/take/{token}/section/2/")))
    assert services in element_names(page(client.get(f"/take/{token}/section/4/")))
    answer_every_section(client, token)
    check = element_names(page(client.get(f"/take/{token}/check/")))
    assert behaviours in check and services in check
    for _ in range(3):
        submit(assessment, 2)
    setup.reveal_results(assessment, True)
    results = text(page(client.get(f"/take/{token}/results/")))
    assert behaviours in results and services in results
    start_page = text(page(client.get(f"/take/{token}/")))
    assert behaviours in start_page and services in start_page


def test_the_start_page_carries_the_pre_read(client):
    assessment = AssessmentFactory(mode=Mode.GROUP)
    html = page(client.get(f"/take/{assessment.participant_token}/"))
    words = text(html)
    assert "Answer on behalf of your team, not yourself" in words
    assert "about 20 to 30 minutes" in words and "Your answers are anonymous" in words
    link = html.find("a", string="Download the pre-read (PDF)")
    assert link["href"] == f"/take/{assessment.participant_token}/pre-read.pdf"
    expanders = html.select("details.nhsuk-expander")
    assert len(expanders) == 23
    first = expanders[0]
    assert text(first.select_one("summary")).startswith("1.1 ")
    assert FRAMEWORK.element("1.1").levels[4] in text(first)
    for level in FRAMEWORK.scale:
        assert level.description in words


@override_settings(MOBILISE_MIN_RESPONSES_TO_SHOW=7)
def test_the_start_page_says_the_real_minimum_before_anything_is_shown(client):
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL)
    words = text(page(client.get(f"/take/{assessment.participant_token}/")))
    assert "until at least 7 people have answered" in words
    assert "at least 3 people" not in words
