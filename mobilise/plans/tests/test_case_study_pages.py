"""Impact case studies, the pages: the plan's list, writing one from done actions (every
error against its field, nothing half-saved), reading, changing and deleting it, and the
lists on the unit's results and the portfolio."""

import pytest
from django.urls import reverse

from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.tests.html import error_summary, page, text
from mobilise.plans.models import CaseStudy
from mobilise.plans.services import case_studies
from mobilise.plans.tests.factories import action, cycle

pytestmark = pytest.mark.django_db


def form(*actions, **changes) -> dict:
    data = {
        "actions": [str(a.id) for a in actions],
        "title": "Discharge letters now cite the evidence",
        "challenge": "Letters varied from ward to ward.\nPatients were confused.",
        "service_did": "The library found and summarised the guidance.",
        "intervention": "The wards agreed one template.",
        "outcome": "Complaints about letters stopped.",
        "figure": "12 fewer complaints a quarter",
        "quote": "It made the case for us.",
        "champion_name": "Jo Reid",
        "champion_role": "Ward manager",
    }
    return {**data, **changes}


def link(soup, words: str):
    return soup.find("a", string=lambda s: bool(s) and s.strip() == words)


def base(assessment) -> str:
    return f"/assessments/{assessment.id}/case-studies/"


def test_the_plan_links_to_its_case_studies_and_the_list_explains_how(signed_in, assessment):
    shown = text(page(signed_in.get(f"/assessments/{assessment.id}/plan/")))
    assert "Impact case studies: what the done actions achieved" in shown
    listing = page(signed_in.get(base(assessment)))
    assert "No action of this plan is done yet" in text(listing)
    assert not link(listing, "Write an impact case study")
    action(assessment, ["1.1"], status="done")
    listing = page(signed_in.get(base(assessment)))
    assert link(listing, "Write an impact case study")["href"].endswith("/new/")


def test_a_facilitator_writes_one_and_reads_it(signed_in, assessment, facilitator):
    done = action(assessment, ["1.1", "3.2"], status="done", text="Summaries for the wards")
    action(assessment, ["2.1"], status="in_progress", text="Not yet done")
    new = signed_in.get(base(assessment) + "new/")
    offered = [box["value"] for box in page(new).select("input[name=actions]")]
    assert offered == [str(done.id)]
    saved = signed_in.post(base(assessment) + "new/", form(done))
    case = CaseStudy.objects.get()
    assert saved.status_code == 302 and saved["Location"] == f"{base(assessment)}{case.id}/"
    shown = page(signed_in.get(saved["Location"]))
    words = text(shown)
    assert shown.h1.string == "Discharge letters now cite the evidence"
    assert "12 fewer complaints a quarter" in words
    assert "Summaries for the wards" in words
    assert "1.1" in words and "3.2" in words
    assert "has not been reassessed since this plan" in words
    # Each line of a paragraph is its own paragraph, as it was typed.
    assert [
        p.string for p in shown.find_all("p") if "Letters" in p.text or "Patients" in p.text
    ] == [
        "Letters varied from ward to ward.",
        "Patients were confused.",
    ]
    assert "Jo Reid, Ward manager" in words
    assert facilitator.user.display_name in words
    listed = text(page(signed_in.get(base(assessment))))
    assert "Discharge letters now cite the evidence" in listed and "Not reassessed yet" in listed


def test_every_error_is_named_against_its_field_and_nothing_is_saved(signed_in, assessment):
    done = action(assessment, ["1.1"], status="done")
    refused = signed_in.post(
        base(assessment) + "new/", form(title="", outcome="x" * 4001, champion_name="")
    )
    assert refused.status_code == 200
    said = dict(error_summary(refused))
    assert said["#id_title"] == "Enter a title"
    assert said["#id_outcome"] == "Outcome and impact must be 4,000 characters or fewer"
    assert said["#id_champion_name"] == "Enter the name of the champion who gave the quote"
    assert said["#id_actions"] == "Choose at least one done action of this plan"
    # What was typed is kept for the person to mend.
    assert page(refused).find("textarea", id="id_challenge").string.startswith("Letters varied")
    assert not CaseStudy.objects.exists()
    stranger = signed_in.post(base(assessment) + "new/", form(done, actions=["not-an-action"]))
    assert "Choose at least one done action of this plan" in dict(error_summary(stranger)).values()
    assert not CaseStudy.objects.exists()


def test_it_is_changed_and_deleted_only_after_asking(signed_in, assessment, facilitator):
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(
        assessment,
        facilitator,
        case_studies.CaseStudyFields(**{k: v for k, v in form(done).items()}),
        facilitator.user,
    )
    url = f"{base(assessment)}{case.id}/"
    edit = page(signed_in.get(url + "change/"))
    assert edit.find("input", id="id_title")["value"] == case.title
    assert edit.find("input", attrs={"name": "actions", "value": str(done.id)}).has_attr("checked")
    changed = signed_in.post(url + "change/", form(done, title="A better headline"))
    assert changed.status_code == 302
    case.refresh_from_db()
    assert case.title == "A better headline"
    asked = signed_in.get(url + "delete/")
    assert "cannot be undone" in text(page(asked)) and CaseStudy.objects.exists()
    gone = signed_in.post(url + "delete/")
    assert gone.status_code == 302 and gone["Location"] == base(assessment)
    assert not CaseStudy.objects.exists()


def test_a_viewer_reads_but_cannot_write(client, assessment, facilitator, viewer):
    done = action(assessment, ["1.1"], status="done")
    case = case_studies.write(
        assessment, facilitator, case_studies.CaseStudyFields(**form(done)), facilitator.user
    )
    client.force_login(viewer.user)
    url = f"{base(assessment)}{case.id}/"
    shown = page(client.get(url))
    assert shown.h1.string == case.title
    assert not link(shown, "Change the case study")
    assert not link(page(client.get(base(assessment))), "Write an impact case study")
    assert client.get(base(assessment) + "new/").status_code == 403
    assert client.post(base(assessment) + "new/", form(done)).status_code == 403
    assert client.post(url + "change/", form(done, title="Mine")).status_code == 403
    assert client.post(url + "delete/").status_code == 403
    assert CaseStudy.objects.get().title == case.title


def test_another_assessments_case_study_is_a_404_under_this_one(signed_in, assessment, facilitator):
    other = AssessmentFactory(organisation=assessment.organisation)
    done = action(other, ["1.1"], status="done")
    theirs = case_studies.write(
        other, facilitator, case_studies.CaseStudyFields(**form(done)), facilitator.user
    )
    for tail in ("", "change/", "delete/"):
        assert signed_in.get(f"{base(assessment)}{theirs.id}/{tail}").status_code == 404


def test_the_results_and_the_portfolio_list_them_with_the_score_change(client, admin):
    unit = UnitFactory(organisation=admin.organisation, name="Pharmacy")
    first = cycle(unit, {"1.1": 1}, None, 200)
    second = cycle(unit, {"1.1": 3}, first, 20)
    done = action(first, ["1.1"], status="done", text="Journal club")
    case_studies.write(
        first, admin, case_studies.CaseStudyFields(**form(done, title="A journal club")), admin.user
    )
    assert Consensus.objects.filter(assessment=second, element_code="1.1").exists()
    client.force_login(admin.user)
    results = page(client.get(f"/assessments/{second.id}/results/"))
    panel = results.find("h2", id="case-studies").find_next("ul")
    assert "A journal club" in text(panel) and "1.1 1" in text(panel)
    assert "up 2 levels" in text(panel)
    earlier = text(page(client.get(f"/assessments/{first.id}/results/")))
    assert "A journal club" in earlier
    portfolio = page(client.get("/portfolio/"))
    row = link(portfolio, "A journal club").find_parent("tr")
    assert "Pharmacy" in text(row) and "up 2 levels" in text(row)


def test_a_done_actions_page_offers_a_case_study_from_it_ticked(signed_in, assessment):
    done = action(assessment, ["1.1"], status="done", text="Done one")
    other = action(assessment, ["2.1"], status="done", text="Done two")
    open_one = action(assessment, ["2.2"], status="in_progress")
    shown = page(signed_in.get(f"/assessments/{assessment.id}/plan/actions/{done.id}/"))
    offer = link(shown, "Write an impact case study from this action")
    assert offer["href"] == f"{base(assessment)}new/?action={done.id}"
    boxes = page(signed_in.get(offer["href"])).select("input[name=actions]")
    assert {b["value"]: b.has_attr("checked") for b in boxes} == {
        str(done.id): True,
        str(other.id): False,
    }
    not_done = page(signed_in.get(f"/assessments/{assessment.id}/plan/actions/{open_one.id}/"))
    assert not link(not_done, "Write an impact case study from this action")


def test_an_action_with_a_case_study_is_kept_and_the_page_says_why(
    signed_in, assessment, facilitator
):
    from mobilise.plans.models import PlanAction

    done = action(assessment, ["1.1"], status="done", text="Search clinics")
    case = case_studies.write(
        assessment, facilitator, case_studies.CaseStudyFields(**form(done)), facilitator.user
    )
    url = reverse("plans:action-delete", args=[assessment.id, done.id])
    asked = page(signed_in.get(url))
    assert asked.find("h1").get_text(strip=True) == "The action cannot be removed yet"
    assert link(asked, case.title)["href"] == f"{base(assessment)}{case.id}/"
    assert asked.find("button") is None or "Remove" not in asked.find("button").get_text()
    refused = signed_in.post(url)
    assert refused.status_code == 409 and PlanAction.objects.filter(pk=done.pk).exists()
    # Unticking it from its only element on the element's plan page is refused by name too.
    element = signed_in.post(
        reverse("plans:element", args=[assessment.id, "1.1"]),
        {"priority": "medium", "no_action": "on", "reason": "A strength"},
    )
    assert element.status_code == 200, element.status_code
    assert any("Search clinics" in message for message in dict(error_summary(element)).values())
    assert PlanAction.objects.filter(pk=done.pk).exists()
    assert not assessment.plan.no_action.exists()  # nothing of the page was saved
