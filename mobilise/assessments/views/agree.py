"""Agreeing the ratings with the group: one element a page (or a section a page), with
everything the group said for it beside the form, and nothing chosen for the group."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import element_of, load
from mobilise.assessments.forms.consensus import ConsensusForm, key
from mobilise.assessments.forms.ratings import level_items
from mobilise.assessments.models import Assessment
from mobilise.assessments.services import consensus, presenter, results
from mobilise.assessments.services import evidence as evidence_service
from mobilise.core.form_views import bound, done, handle
from mobilise.framework.catalogue import Element


def _initial(assessment: Assessment, elements: list[Element]) -> dict:
    """What the group has agreed already; never the median, so as not to anchor the room."""
    existing = {c.element_code: c for c in assessment.consensus.all()}
    initial = {}
    for element in elements:
        agreed = existing.get(element.code)
        if agreed:
            k = key(element)
            initial.update(
                {
                    f"level_{k}": str(agreed.level),
                    f"importance_{k}": agreed.importance,
                    f"target_{k}": str(agreed.target),
                    f"rationale_{k}": agreed.rationale,
                }
            )
    return initial


def _said(assessment: Assessment, element_code: str | None = None) -> dict:
    """What people answered, and wrote, for each element (the comments of one, when one is
    agreed); nothing while results are hidden."""
    found = results.assessment_results(assessment)
    if found.hidden:
        return {"results": None, "comments": {}, "hidden": True}
    return {
        "results": found,
        "comments": results.comments_by_element(assessment, element_code),
        "hidden": False,
    }


@member_required
def agree_start(request: HttpRequest, assessment_id) -> HttpResponse:
    """Begin (or carry on) at the first element the group has not agreed yet."""
    assessment = load(request, assessment_id)
    require_editor(request)
    return redirect("assessments:agree-element", assessment.id, consensus.next_to_agree(assessment))


@member_required
def agree_element(request: HttpRequest, assessment_id, code: str) -> HttpResponse:
    """One element: its spread, median, Don't know count and comments, then the form."""
    assessment = load(request, assessment_id)
    require_editor(request)
    framework = assessment.framework
    element = element_of(assessment, code)
    form = bound(
        request,
        ConsensusForm,
        framework=framework,
        elements=[element],
        initial=_initial(assessment, [element]),
    )

    def save(data: dict) -> HttpResponse:
        consensus.agree_elements(assessment, form.agreed(), agreed_by=request.user)
        following = consensus.after(assessment, code)
        if following is None:
            return done(request, "Every element is agreed.", "assessments:results", assessment.id)
        return done(
            request, f"{code} is agreed.", "assessments:agree-element", assessment.id, following
        )

    if saved := handle(request, form, save):
        return saved
    presenter.follow(assessment, code)  # the projected screen shows what the room agrees
    codes = [e.code for e in framework.elements]
    place = codes.index(code)
    said = _said(assessment, code)
    agreed = consensus.agreed_codes(assessment)
    return render(
        request,
        "assessments/agree_element.jinja",
        {
            "page_title": f"Agree {element.code} {element.title}",
            "assessment": assessment,
            "framework": framework,
            "element": element,
            "section": framework.section(element.section_code),
            "form": form,
            "level_items": level_items(framework, element)[:-2],
            "result": said["results"].element(code) if said["results"] else None,
            "comments": said["comments"].get(code, []),
            "hidden": said["hidden"],
            "agreed": agreed,
            "finishing": agreed | {code} >= set(codes),
            "section_number": framework.sections.index(framework.section(element.section_code)) + 1,
            "previous": codes[place - 1] if place > 0 else None,
            "next": codes[place + 1] if place + 1 < len(codes) else None,
            "place": place + 1,
            "evidence": evidence_service.for_assessment(assessment).get(code, []),
            "offered": evidence_service.for_assessment(assessment, confirmed=False).get(code, []),
        },
    )


@member_required
def agree_section(request: HttpRequest, assessment_id, number: int) -> HttpResponse:
    """A whole section on one page, for facilitators who prefer it; agreed whole."""
    assessment = load(request, assessment_id)
    require_editor(request)
    framework = assessment.framework
    if number < 1 or number > len(framework.sections):
        return redirect("assessments:agree", assessment.id, 1)
    section = framework.sections[number - 1]
    elements = list(section.elements)
    form = bound(
        request,
        ConsensusForm,
        framework=framework,
        elements=elements,
        initial=_initial(assessment, elements),
    )

    def save(data: dict) -> HttpResponse:
        consensus.agree_elements(assessment, form.agreed(), agreed_by=request.user)
        if number < len(framework.sections):
            return redirect("assessments:agree", assessment.id, number + 1)
        return done(request, "The agreed ratings are saved.", "assessments:results", assessment.id)

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "assessments/agree.jinja",
        {
            "page_title": f"Agree ratings: {section.code} {section.title}",
            "assessment": assessment,
            "framework": framework,
            "section": section,
            "number": number,
            "sections": len(framework.sections),
            "form": form,
            "one_at_a_time": reverse(
                "assessments:agree-element", args=[assessment.id, elements[0].code]
            ),
            "evidence": evidence_service.for_assessment(assessment),
            "offered": evidence_service.for_assessment(assessment, confirmed=False),
            **_said(assessment),
        },
    )
