"""Inviting participants: the link and pre-read by e-mail, the session as a calendar file."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import load
from mobilise.assessments.forms.invitations import InvitationForm, SessionForm
from mobilise.assessments.models import Assessment
from mobilise.assessments.services import invitations
from mobilise.assessments.views.facilitate import participant_url
from mobilise.core.form_views import bound, done, handle


def pre_read_url(request: HttpRequest, assessment: Assessment) -> str:
    return request.build_absolute_uri(
        reverse("reports:pre-read", args=[assessment.participant_token])
    )


@member_required
def invite(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    form = bound(request, InvitationForm)

    def save(data: dict) -> HttpResponse:
        sent, refused = invitations.send_invitations(
            assessment,
            data["addresses"],
            participant_url(request, assessment),
            pre_read_url(request, assessment),
            request.user,
        )
        if refused:
            messages.warning(
                request, f"The mail server refused {refused} of the e-mails: try again later."
            )
        said = f"Sent {sent} invitation{'s' if sent != 1 else ''}."
        return done(request, said, "assessments:invite", assessment.id)

    if saved := handle(request, form, save):
        return saved
    subject, body = invitations.invitation(
        assessment, participant_url(request, assessment), pre_read_url(request, assessment)
    )
    return render(
        request,
        "assessments/invite.jinja",
        {
            "page_title": "Invite people to take part",
            "assessment": assessment,
            "form": form,
            "preview_subject": subject,
            "preview_body": body,
        },
    )


@member_required
def session_calendar(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_editor(request)
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        content = invitations.session_calendar(
            assessment,
            form.cleaned_data["session"],
            participant_url(request, assessment),
            pre_read_url(request, assessment),
        )
        answer = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        answer["Content-Disposition"] = 'attachment; filename="session.ics"'
        return answer
    return render(
        request,
        "assessments/session_calendar.jinja",
        {"page_title": "Invitation to the session", "assessment": assessment, "form": form},
    )
