"""Downloads of an assessment's documents, blank paper forms and the import page."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import load
from mobilise.assessments.models import Assessment
from mobilise.core.errors import InvalidInput
from mobilise.core.form_views import bound, done, handle
from mobilise.core.json_input import JsonRefused, parse_json
from mobilise.plans.services import case_studies
from mobilise.plans.services.sign_off import version_of
from mobilise.reports import cover
from mobilise.reports.exports import (
    BLANK_FORMS,
    FORMATS,
    agreed_plan_file,
    blank_form_file,
    case_study_file,
    export_file,
    pre_read_file,
)
from mobilise.reports.forms import BoardPaperForm
from mobilise.reports.json_import import import_assessment


@require_safe
@member_required
def export(request: HttpRequest, assessment_id, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("No such format")
    return export_file(load(request, assessment_id), fmt).as_attachment()


@require_safe
@member_required
def agreed_plan(request: HttpRequest, assessment_id, version: int) -> HttpResponse:
    """A signed-off version of the plan as CSV, as it was agreed."""
    assessment = load(request, assessment_id)
    return agreed_plan_file(assessment, version_of(assessment, version)).as_attachment()


@require_safe
@member_required
def case_study(request: HttpRequest, assessment_id, case_id) -> HttpResponse:
    """An impact case study as an editable Word document."""
    assessment = load(request, assessment_id)
    found = case_studies.written_one(case_studies.get(assessment, case_id))
    return case_study_file(found).as_attachment()


@member_required
def board_paper_page(request: HttpRequest, assessment_id) -> HttpResponse:
    """Type the Board paper's cover (meeting, author, sponsor, purpose, what the Board is
    asked to do), then download the paper and its summary."""
    assessment = load(request, assessment_id)
    require_editor(request)
    form = bound(request, BoardPaperForm, initial=cover.initial(assessment))

    def save(data: dict) -> HttpResponse:
        cover.save(assessment, data, request.user)
        return done(
            request,
            "The Board paper's cover is saved: download the paper below.",
            "reports:board-paper",
            assessment.id,
        )

    if saved := handle(request, form, save):
        return saved
    return render(
        request,
        "reports/board_paper.jinja",
        {
            "page_title": f"Prepare the Board paper: {assessment.title}",
            "assessment": assessment,
            "form": form,
        },
    )


@require_safe
@member_required
def blank_form(request: HttpRequest, fmt: str, assessment_id=None) -> HttpResponse:
    if fmt not in BLANK_FORMS:
        raise Http404("No such format")
    assessment = load(request, assessment_id) if assessment_id else None
    return blank_form_file(assessment, fmt).as_attachment()


@require_safe
def pre_read(request: HttpRequest, token: str) -> HttpResponse:
    """The participants' pre-read, under the participant link: no account needed."""
    return pre_read_file(get_object_or_404(Assessment, participant_token=token)).as_attachment()


@require_safe
@member_required
def assessment_pre_read(request: HttpRequest, assessment_id) -> HttpResponse:
    return pre_read_file(load(request, assessment_id)).as_attachment()


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Upload a Mobilise JSON export",
        error_messages={"required": "Choose the exported JSON file", "empty": "The file is empty"},
    )


def refusal(error: JsonRefused) -> str:
    if error.not_json:
        return "The file is not JSON: upload a Mobilise JSON export"
    where = ".".join(str(part) for part in error.loc)
    return f"The file cannot be imported: {where + ': ' if where else ''}{error.msg}"


@member_required
def import_page(request: HttpRequest) -> HttpResponse:
    require_editor(request)
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.MOBILISE_MAX_IMPORT_BYTES:
            form.add_error("file", "The file must be smaller than 10 MB")
            return render(
                request,
                "reports/import.jinja",
                {"page_title": "Import an assessment", "form": form},
            )
        try:
            data = parse_json(upload.read(), loc=[])
            assessment = import_assessment(data, request.membership.organisation, request.user)
        except JsonRefused as error:
            form.add_error("file", refusal(error))
        except InvalidInput as error:
            first = error.errors[0]
            where = ".".join(str(part) for part in first.loc)
            more = f" (and {len(error.errors) - 1} more problems)" if len(error.errors) > 1 else ""
            form.add_error("file", f"The file cannot be imported: {where}: {first.msg}{more}")
        else:
            messages.success(request, "The assessment is imported.")
            return redirect("assessments:detail", assessment.id)
    return render(
        request, "reports/import.jinja", {"page_title": "Import an assessment", "form": form}
    )
