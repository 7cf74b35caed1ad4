"""A show of hands, for a room without devices: count the hands for each level of an
element, then agree it (or count the next)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import element_of, load
from mobilise.assessments.forms.hands import HandsForm
from mobilise.assessments.services import hands
from mobilise.core.errors import AssessmentClosed
from mobilise.core.form_views import bound, done, handle


@require_safe
@member_required
def hands_list(request: HttpRequest, assessment_id) -> HttpResponse:
    """Every element, with the hands counted for it so far."""
    assessment = load(request, assessment_id)
    require_editor(request)
    return render(
        request,
        "assessments/hands_list.jinja",
        {
            "page_title": f"Count a show of hands: {assessment.title}",
            "assessment": assessment,
            "framework": assessment.framework,
            "counted": hands.elements_counted(assessment),
        },
    )


@member_required
def hands_element(request: HttpRequest, assessment_id, code: str) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    framework = assessment.framework
    element = element_of(assessment, code)
    form = bound(
        request,
        HandsForm,
        framework=framework,
        element=element,
        initial=HandsForm.initial_from(hands.hands_for(assessment, code)),
    )
    codes = [e.code for e in framework.elements]
    following = codes[codes.index(code) + 1] if code != codes[-1] else None

    def save(data: dict) -> HttpResponse:
        counted = sum(hands.set_hands(assessment, code, form.hands(), request.user).values())
        said = f"{counted} {'hand is' if counted == 1 else 'hands are'} counted for {code}."
        if request.POST.get("then") == "next" and following:
            return done(request, said, "assessments:hands-element", assessment.id, following)
        return done(request, said, "assessments:agree-element", assessment.id, code)

    if saved := handle(request, form, save, refusals={AssessmentClosed: None}):
        return saved
    return render(
        request,
        "assessments/hands_element.jinja",
        {
            "page_title": f"Count hands for {element.code} {element.title}",
            "assessment": assessment,
            "framework": framework,
            "element": element,
            "section": framework.section(element.section_code),
            "form": form,
            "following": following,
        },
    )
