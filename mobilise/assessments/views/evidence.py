"""Evidence behind an agreed rating: added while agreeing (or afterwards), kept, updated
or dropped at the next cycle, removed after a confirmation, and its file downloaded only
by members of the organisation."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import element_of, load
from mobilise.assessments.forms.evidence import EvidenceChangeForm, EvidenceForm
from mobilise.assessments.models import Assessment
from mobilise.assessments.services import evidence as service
from mobilise.core.form_views import bound, done, handle


def back_url(request: HttpRequest, assessment: Assessment, code: str) -> str:
    """Back to where the evidence was added from: the results, the section's agree page or
    (by default) the element's."""
    source = _going_back(request)
    if source == "results":
        return reverse("assessments:results", args=[assessment.id]) + f"#evidence-{code}"
    if source == "section":
        framework = assessment.framework
        element = framework.element(code)
        number = framework.sections.index(framework.section(element.section_code)) + 1
        anchor = "agree-" + code.replace(".", "-")
        return reverse("assessments:agree", args=[assessment.id, number]) + f"#{anchor}"
    return reverse("assessments:agree-element", args=[assessment.id, code]) + "#evidence"


def _going_back(request: HttpRequest) -> str:
    source = request.GET.get("from") or request.POST.get("from")
    return source if source in {"results", "section"} else ""


@member_required
def evidence_add(request: HttpRequest, assessment_id, code: str) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    element = element_of(assessment, code)
    form = EvidenceForm(*((request.POST, request.FILES) if request.method == "POST" else ()))

    def save(data: dict) -> HttpResponse:
        upload = data.get("file")
        content = upload.read() if upload and data["kind"] == "file" else None
        service.add(
            assessment,
            code,
            kind=data["kind"],
            title=data["title"],
            note=data["note"],
            url=data["url"],
            file_name=upload.name if upload else "",
            content=content,
            describes_on=data["describes_on"],
            added_by=request.user,
        )
        return done(
            request, f"The evidence is added to {code}.", back_url(request, assessment, code)
        )

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "assessments/evidence_add.jinja",
        {
            "page_title": f"Add evidence for {element.code} {element.title}",
            "assessment": assessment,
            "element": element,
            "form": form,
            "back": back_url(request, assessment, code),
            "going_back": _going_back(request),
            "max_mb": service.max_bytes() // 2**20,
        },
    )


@member_required
def evidence_change(request: HttpRequest, assessment_id, evidence_id) -> HttpResponse:
    """Change a piece's title, words or link and date; for one offered again from the last
    cycle this is "update", and keeps it."""
    assessment = load(request, assessment_id)
    require_editor(request)
    item = service.get(assessment, evidence_id)
    element = element_of(assessment, item.element_code)
    form = bound(
        request,
        EvidenceChangeForm,
        initial={
            "title": item.title,
            "note": item.note,
            "url": item.url,
            "describes_on": item.describes_on,
        },
    )

    def save(data: dict) -> HttpResponse:
        service.update(
            item,
            title=data["title"],
            note=data["note"],
            url=data["url"],
            describes_on=data["describes_on"],
            by=request.user,
        )
        return done(
            request,
            f"The evidence for {item.element_code} is saved.",
            back_url(request, assessment, item.element_code),
        )

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "assessments/evidence_change.jinja",
        {
            "page_title": f"Update evidence for {element.code}",
            "assessment": assessment,
            "element": element,
            "item": item,
            "form": form,
            "back": back_url(request, assessment, item.element_code),
            "going_back": _going_back(request),
        },
    )


@require_POST
@member_required
def evidence_keep(request: HttpRequest, assessment_id, evidence_id) -> HttpResponse:
    """The group says a piece from the last cycle is still true."""
    assessment = load(request, assessment_id)
    require_editor(request)
    item = service.keep(service.get(assessment, evidence_id), by=request.user)
    return done(
        request,
        f"The evidence “{item.title}” is kept for {item.element_code}.",
        back_url(request, assessment, item.element_code),
    )


@member_required
def evidence_remove(request: HttpRequest, assessment_id, evidence_id) -> HttpResponse:
    """Asks first: a removed piece, and its file, cannot be brought back."""
    assessment = load(request, assessment_id)
    require_editor(request)
    item = service.get(assessment, evidence_id)
    back = back_url(request, assessment, item.element_code)
    if request.method == "POST":
        offered = not item.confirmed
        service.remove(item, by=request.user)
        verb = "dropped" if offered else "removed"
        return done(request, f"The evidence for {item.element_code} is {verb}.", back)
    return render(
        request,
        "assessments/evidence_remove.jinja",
        {
            "page_title": f"Remove evidence for {item.element_code}?",
            "assessment": assessment,
            "element": element_of(assessment, item.element_code),
            "item": item,
            "back": back,
            "going_back": _going_back(request),
        },
    )


@require_safe
@member_required
def evidence_file(request: HttpRequest, assessment_id, evidence_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    return service.download(service.get(assessment, evidence_id))
