"""Impact case studies: the plan's list, writing one from done actions, reading, changing
and deleting it. Thin: the rules are in plans.services.case_studies."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import load
from mobilise.core.form_views import bound, done, handle
from mobilise.plans.forms.case_study import CaseStudyForm
from mobilise.plans.models import CaseStudy, PlanAction
from mobilise.plans.services import case_studies as cases
from mobilise.plans.services.case_studies import PART_NAMES, PARTS, CaseStudyFields


@require_safe
@member_required
def case_studies_page(request: HttpRequest, assessment_id) -> HttpResponse:
    """The case studies written from this plan, and how to write one."""
    assessment = load(request, assessment_id)
    return render(
        request,
        "plans/case_studies.jinja",
        {
            "page_title": f"Impact case studies: {assessment.title}",
            "assessment": assessment,
            "framework": assessment.framework,
            "written": cases.written(cases.of_assessment(assessment)),
            "done_actions": cases.done_actions(assessment),
            "may_write": cases.may_write(request.membership),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def new_case_study(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    offered = cases.done_actions(assessment)
    chosen = request.GET.getlist("action")
    form = bound(request, CaseStudyForm, actions=offered, initial={"actions": chosen})

    def save(data: dict) -> HttpResponse:
        case = cases.write(assessment, request.membership, _fields(data), request.user)
        return _saved(request, case)

    return handle(request, form, save, field="title") or _form_page(request, assessment, form, None)


def _saved(request: HttpRequest, case) -> HttpResponse:
    return done(
        request,
        f"The impact case study “{case.title}” is saved.",
        "plans:case-study",
        case.plan.assessment_id,
        case.id,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def edit_case_study(request: HttpRequest, assessment_id, case_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    case = cases.get(assessment, case_id)
    require_editor(request)
    now = CaseStudyFields.of(case)
    form = bound(
        request,
        CaseStudyForm,
        actions=_offered(assessment, case),
        initial={name: getattr(now, name) for name in [*PART_NAMES, "actions"]},
    )

    def save(data: dict) -> HttpResponse:
        cases.change(case, request.membership, _fields(data), request.user)
        return _saved(request, case)

    return handle(request, form, save, field="title") or _form_page(request, assessment, form, case)


@require_safe
@member_required
def case_study_page(request: HttpRequest, assessment_id, case_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    case = cases.get(assessment, case_id)
    return render(
        request,
        "plans/case_study.jinja",
        {
            "page_title": f"Impact case study: {case.title}",
            "assessment": assessment,
            "framework": assessment.framework,
            "found": cases.written([case])[0],
            "parts": PARTS,
            "may_write": cases.may_write(request.membership),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def delete_case_study(request: HttpRequest, assessment_id, case_id) -> HttpResponse:
    """Delete a case study, once the page has asked."""
    assessment = load(request, assessment_id)
    case = cases.get(assessment, case_id)
    require_editor(request)
    if request.method == "POST":
        cases.remove(case, request.membership, request.user)
        return done(
            request,
            f"The impact case study “{case.title}” is deleted.",
            "plans:case-studies",
            assessment.id,
        )
    return render(
        request,
        "plans/case_study_delete.jinja",
        {"page_title": "Delete the impact case study?", "assessment": assessment, "case": case},
    )


def _offered(assessment, case: CaseStudy) -> list[PlanAction]:
    """The plan's done actions, and any action already in the case study that has moved on."""
    offered = cases.done_actions(assessment)
    known = {a.id for a in offered}
    return offered + [a for a in case.actions.order_by("created_at") if a.id not in known]


def _fields(data: dict) -> CaseStudyFields:
    return CaseStudyFields(
        **{name: data[name] for name in PART_NAMES}, actions=list(data["actions"])
    )


def _form_page(request, assessment, form: CaseStudyForm, case: CaseStudy | None) -> HttpResponse:
    return render(
        request,
        "plans/case_study_form.jinja",
        {
            "page_title": (
                f"Change the impact case study: {case.title}"
                if case
                else f"Write an impact case study: {assessment.title}"
            ),
            "assessment": assessment,
            "case": case,
            "form": form,
            "parts": PARTS,
        },
    )
