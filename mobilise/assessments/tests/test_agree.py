"""Agreeing one element at a time, with what the group said beside the form."""

import pytest

from mobilise.assessments.models import Consensus, Mode
from mobilise.assessments.services import consensus
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db


def url(assessment, code=""):
    return f"/assessments/{assessment.id}/agree/" + (f"element/{code}/" if code else "")


def agreed(code, level="2", importance="high", target="3", rationale=""):
    key = code.replace(".", "_")
    return {
        f"level_{key}": level,
        f"importance_{key}": importance,
        f"target_{key}": target,
        f"rationale_{key}": rationale,
    }


def test_it_starts_at_the_first_element_not_agreed(signed_in, assessment):
    assert signed_in.get(url(assessment)).url == url(assessment, "1.1")
    for code in ("1.1", "1.2"):
        consensus.set_consensus(assessment, code, 2, "high")
    assert signed_in.get(url(assessment)).url == url(assessment, "1.3")


def test_the_page_shows_the_spread_the_median_and_the_comments_and_chooses_nothing(
    signed_in, assessment
):
    submit(assessment, {**dict.fromkeys(CODES, 1), "2.2": 0}, {"2.2": "Zebra crossing"})
    submit(assessment, {**dict.fromkeys(CODES, 1), "2.2": 4}, {"2.2": "apples first"})
    submit(assessment, {**dict.fromkeys(CODES, 1), "2.2": None})
    html = page(signed_in.get(url(assessment, "2.2")))
    body = text(html)
    assert not html.select("input[name=level_2_2][checked]")
    assert "No level is chosen for you: the median of the answers is 2" in body
    assert "People disagree about 2.2" in body
    counts = [
        td.get_text(strip=True)
        for td in html.select(".app-spread-table td.nhsuk-table__cell--numeric")
    ]
    assert counts == ["1", "0", "0", "0", "1", "1"]  # levels 0-4, then Don't know
    comments = [li.get_text(strip=True) for li in html.select("main ul.nhsuk-list--bullet li")]
    assert comments == ["apples first", "Zebra crossing"]  # alphabetical: says nothing of who
    assert "section 2" in html.select_one(".nhsuk-caption-l").get_text()
    # Each level's radio carries what the level means for this element.
    assert len(html.select("input[name=level_2_2]")) == 5
    assert len(html.select(".nhsuk-radios__hint")) >= 5


def test_saving_goes_to_the_next_element_not_agreed_and_keeps_the_rationale(signed_in, assessment):
    consensus.set_consensus(assessment, "1.2", 1, "low")
    response = signed_in.post(url(assessment, "1.1"), agreed("1.1", rationale="Two dissent"))
    assert response.url == url(assessment, "1.3")  # 1.2 is agreed already
    saved = Consensus.objects.get(assessment=assessment, element_code="1.1")
    assert (saved.level, saved.importance, saved.target, saved.rationale) == (
        2,
        "high",
        3,
        "Two dissent",
    )
    html = page(signed_in.get(url(assessment, "1.1")))
    assert html.select_one("input[name=level_1_1][value='2']").has_attr("checked")
    assert "Two dissent" in html.select_one("textarea").get_text()
    listed = {a.get_text(strip=True)[:3]: a for a in html.select(".app-element-list a")}
    assert len(listed) == 23 and listed["1.1"].get("aria-current") == "page"
    assert "2 of 23 agreed" in text(html)


def test_the_last_element_agreed_goes_to_the_results(signed_in, assessment):
    for code in CODES[1:]:
        consensus.set_consensus(assessment, code, 2, "medium")
    html = page(signed_in.get(url(assessment, "1.1")))
    assert "Save and see the results" in text(html)
    response = signed_in.post(url(assessment, "1.1"), agreed("1.1"))
    assert response.url == f"/assessments/{assessment.id}/results/"


def test_errors_name_the_field_and_nothing_is_saved(signed_in, assessment):
    data = agreed("1.4")
    del data["importance_1_4"]
    response = signed_in.post(url(assessment, "1.4"), data)
    assert error_summary(response) == [("#id_importance_1_4", "Select how important 1.4 is now")]
    assert not Consensus.objects.exists()


def test_an_unknown_element_is_not_found_and_viewers_cannot_agree(
    signed_in, assessment, client, viewer
):
    assert signed_in.get(url(assessment, "9.9")).status_code == 404
    client.force_login(viewer.user)
    ours = AssessmentFactory(organisation=viewer.organisation)
    assert client.get(url(ours, "1.1")).status_code == 403


def test_nothing_of_the_answers_shows_while_results_are_hidden(signed_in, facilitator):
    hidden = AssessmentFactory(organisation=facilitator.organisation, mode=Mode.INDIVIDUAL)
    submit(hidden, 4, {"1.1": "A secret"})
    body = text(page(signed_in.get(url(hidden, "1.1"))))
    assert "The answers are not shown" in body
    assert "A secret" not in body and "median" not in body.lower()


def test_where_to_go_after_an_element(assessment):
    assert consensus.after(assessment, "1.1") == "1.2"
    consensus.set_consensus(assessment, "1.2", 2, "high")
    assert consensus.after(assessment, "1.1") == "1.3"
    for code in CODES[2:]:
        consensus.set_consensus(assessment, code, 2, "high")
    assert consensus.after(assessment, "5.4") == "1.1"  # wraps round to the one skipped
    consensus.set_consensus(assessment, "1.1", 2, "high")
    assert consensus.after(assessment, "1.1") is None
    assert consensus.next_to_agree(assessment) == "1.1"


def test_the_rationale_shows_on_the_results_page_beside_the_agreed_level(signed_in, assessment):
    submit(assessment, 2)
    consensus.set_consensus(assessment, "3.1", 2, "high", 3, "Finance dissents: no budget")
    html = page(signed_in.get(f"/assessments/{assessment.id}/results/"))
    row = html.select_one("#element-3\\.1").find_parent("tr")
    cells = [c.get_text(" ", strip=True) for c in row.select("td")]
    assert cells[0].startswith("2 ") and cells[-1] == "Finance dissents: no budget"


def test_the_presenter_screen_follows_the_agree_page(signed_in, assessment):
    from mobilise.assessments.services import presenter

    presenter.reveal(assessment, "1.1")
    signed_in.get(url(assessment, "2.3"))
    state = presenter.state_for(assessment)
    assert state.position == "2.3"
    assert not presenter.is_revealed(state, "2.3")  # a blind element stays blind
    assert presenter.is_revealed(state, "1.1")
    panel = text(page(signed_in.get(f"/assessments/{assessment.id}/present/panel/")))
    assert "2.3" in panel
