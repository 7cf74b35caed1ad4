"""The presenter screen's pages: who may follow and drive it, what it shows, the poll."""

import pytest

from mobilise.assessments.models import Mode, PresenterState
from mobilise.assessments.services import presenter
from mobilise.assessments.tests.factories import CODES, AssessmentFactory, submit
from mobilise.core.tests.html import page, text

pytestmark = pytest.mark.django_db


def url(assessment, path: str = "") -> str:
    return f"/assessments/{assessment.id}/present/{path}"


def test_it_works(signed_in, assessment):
    submit(assessment, 2)
    html = page(signed_in.get(url(assessment)))
    assert text(html.select_one("h1")) == assessment.title
    assert html.select_one("header.nhsuk-header") is None  # made to be projected
    assert html.select_one("nav") is None
    qr = html.select_one("img.app-present__qr")
    assert qr["src"].startswith("data:image/svg+xml")
    assert text(html.select_one(".app-present__link")) == (
        f"testserver/take/{assessment.participant_token}/"
    )
    assert text(html.select_one(".app-present__count")) == "1 answered"
    assert html.select_one("main")["data-present-state"] == url(assessment, "state/")
    assert "Refresh" in text(html.select_one("[data-present-no-js]"))


def test_the_join_screen_counts_against_the_people_expected(signed_in, assessment):
    assessment.expected_participants = 9
    assessment.save()
    submit(assessment, 1)
    submit(assessment, 3)
    html = page(signed_in.get(url(assessment, "panel/")))
    assert text(html.select_one(".app-present__count")) == "2 of 9 answered"


def test_it_checks_ownership(signed_in, outsider):
    theirs = AssessmentFactory(organisation=outsider.organisation)
    for path in ("", "panel/", "state/", "controls/"):
        assert signed_in.get(url(theirs, path)).status_code == 404, path
    assert signed_in.post(url(theirs, "change/"), {"do": "next"}).status_code == 404
    assert not PresenterState.objects.exists()


def test_a_viewer_may_follow_the_screen_but_not_drive_it(client, viewer):
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation)
    presenter.go_to(assessment, "1.1")
    html = page(client.get(url(assessment)))
    assert text(html.select_one("h1")).startswith("1.1 ")
    assert html.select("form") == []
    assert client.get(url(assessment, "state/")).status_code == 200
    assert client.get(url(assessment, "controls/")).status_code == 403
    for do in ("next", "reveal", "reveal-all", "order"):
        assert client.post(url(assessment, "change/"), {"do": do}).status_code == 403
    state = presenter.state_for(assessment)
    assert (state.position, state.version, state.revealed) == ("1.1", 2, [])


def test_editors_drive_it_from_the_screen_and_the_controls(signed_in, assessment):
    response = signed_in.post(url(assessment, "change/"), {"do": "next"})
    assert response.status_code == 302 and response.url == url(assessment)
    response = signed_in.post(url(assessment, "change/"), {"do": "next", "from": "controls"})
    assert response.url == url(assessment, "controls/")
    signed_in.post(url(assessment, "change/"), {"do": "go", "element": "3.1"})
    signed_in.post(url(assessment, "change/"), {"do": "reveal"})  # the element on the screen
    signed_in.post(url(assessment, "change/"), {"do": "order", "order": "disagreements"})
    state = presenter.state_for(assessment)
    assert (state.position, state.revealed, state.order) == ("3.1", ["3.1"], "disagreements")
    controls = text(page(signed_in.get(url(assessment, "controls/"))))
    assert "On the screen now: 3.1" in controls and "(answers revealed)" in controls


def test_a_change_asked_for_by_the_script_answers_the_new_state(signed_in, assessment):
    response = signed_in.post(
        url(assessment, "change/"), {"do": "next"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["position"] == "1.1" and response.json()["version"] == 2


def test_bad_changes_get_a_clear_answer_and_change_nothing(signed_in, assessment):
    nothing = signed_in.post(url(assessment, "change/"), {})
    assert nothing.status_code == 400 and "Choose what to change" in text(page(nothing))
    unknown = signed_in.post(url(assessment, "change/"), {"do": "go", "element": "9.9"})
    assert unknown.status_code == 404
    at_join = signed_in.post(url(assessment, "change/"), {"do": "reveal"})
    assert at_join.status_code == 400 and "Move to an element first" in text(page(at_join))
    order = signed_in.post(url(assessment, "change/"), {"do": "order", "order": "by-rank"})
    assert order.status_code == 400 and "Choose the order" in text(page(order))
    as_json = signed_in.post(
        url(assessment, "change/"), {"do": "fly"}, headers={"Accept": "application/json"}
    )
    assert as_json.status_code == 400 and "detail" in as_json.json()
    assert presenter.state_for(assessment).version == 1


def test_nothing_shows_until_revealed(signed_in, assessment):
    for level in (0, 0, 4, 4):
        submit(assessment, {**dict.fromkeys(CODES, 2), "2.3": level}, {"2.3": f"Said at {level}"})
    presenter.go_to(assessment, "2.3")
    blind = page(signed_in.get(url(assessment, "panel/")))
    assert "Hidden until the facilitator reveals them" in text(blind)
    assert blind.select("table") == [] and "Said at" not in text(blind)
    assert "Disagreement" not in text(blind)
    levels = [text(dt) for dt in blind.select(".app-present__scale dt")]
    assert levels == ["0 Not yet", "1 Emerging", "2 Developing", "3 Established", "4 Embedded"]

    presenter.reveal(assessment, "2.3")
    shown = page(signed_in.get(url(assessment, "panel/")))
    rows = [[text(c) for c in row.select("th, td")[:2]] for row in shown.select("tbody tr")]
    assert rows == [
        ["0 Not yet", "2"],
        ["1 Emerging", "0"],
        ["2 Developing", "0"],
        ["3 Established", "0"],
        ["4 Embedded", "2"],
        ["Don't know", "0"],
    ]
    assert text(shown.select_one("caption")) == "How people rated 2.3: 4 gave a level"
    assert "Median: 2 (Developing)" in text(shown)
    assert "Talk it through" in text(shown)
    comments = [text(li) for li in shown.select(".app-present__comments li")]
    assert comments == ["Said at 0", "Said at 0", "Said at 4", "Said at 4"]


def test_hidden_results_show_nothing_and_say_why(client, viewer, settings):
    settings.MOBILISE_MIN_RESPONSES_TO_SHOW = 3
    client.force_login(viewer.user)
    assessment = AssessmentFactory(organisation=viewer.organisation, mode=Mode.INDIVIDUAL)
    submit(assessment, 4, {"1.1": "Only I said this"})
    submit(assessment, 0)
    presenter.go_to(assessment, "1.1")
    presenter.reveal(assessment, None)
    html = text(page(client.get(url(assessment))))
    assert "Nothing is shown yet" in html and "at least 3 people have answered" in html
    assert "Only I said this" not in html and "Median" not in html


def test_the_state_answers_304_while_nothing_changes(signed_in, assessment):
    first = signed_in.get(url(assessment, "state/"))
    tag = first["ETag"]
    assert first.status_code == 200 and first.json()["version"] == 1
    again = signed_in.get(url(assessment, "state/"), headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == tag
    weak = signed_in.get(url(assessment, "state/"), headers={"If-None-Match": f'"x", W/{tag}'})
    assert weak.status_code == 304
    submit(assessment, 3)
    answered = signed_in.get(url(assessment, "state/"), headers={"If-None-Match": tag})
    assert answered.status_code == 200 and answered.json()["answered"] == 1
    presenter.next_element(assessment)
    moved = signed_in.get(url(assessment, "state/"), headers={"If-None-Match": answered["ETag"]})
    assert moved.status_code == 200 and moved.json()["position"] == "1.1"


def test_the_presenter_is_linked_from_the_assessment_and_the_live_view(signed_in, assessment):
    for path in ("", "live/"):
        html = page(signed_in.get(f"/assessments/{assessment.id}/{path}"))
        links = [a["href"] for a in html("a")]
        assert url(assessment) in links and url(assessment, "controls/") in links, path
