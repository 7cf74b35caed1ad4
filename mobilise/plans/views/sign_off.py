"""Signing off a plan: the record of who agreed it and when, its versions, and what
changed since."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mobilise.accounts.access import member_required, require_admin
from mobilise.assessments.access import load
from mobilise.core.errors import NotAllowed
from mobilise.core.form_views import bound, done, handle
from mobilise.plans.forms.sign_off import SignatoryForm, SignOffForm
from mobilise.plans.services import sign_off as signing
from mobilise.plans.services.plan import plan_of


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def sign_off_page(request: HttpRequest, assessment_id) -> HttpResponse:
    """Whether the plan is a draft or agreed, its versions and what changed since the
    latest; admins (and the facilitator an admin named) record a sign-off here."""
    assessment = load(request, assessment_id)
    plan = plan_of(assessment)
    allowed = signing.may_sign_off(request.membership, plan)
    if request.method == "POST" and not allowed:
        raise NotAllowed(signing.NOT_ALLOWED)
    form = bound(request, SignOffForm) if allowed else None

    def save(data: dict) -> HttpResponse:
        made = signing.sign_off(
            assessment,
            request.membership,
            signing.SignOffFields(
                agreed_by=data["agreed_by"],
                agreed_by_role=data["agreed_by_role"],
                meeting=data["meeting"],
                agreed_on=data["agreed_on"],
                note=data["note"],
            ),
            request.user,
        )
        return done(
            request,
            f"The plan is recorded as agreed (version {made.version}).",
            "plans:sign-off",
            assessment.id,
        )

    if form is not None and (saved := handle(request, form, save)):
        return saved
    facilitators = signing.facilitators(assessment)
    signatory = None
    if request.membership.role == "admin":
        named = str(plan.sign_off_member_id or "")
        signatory = SignatoryForm(initial={"sign_off_member": named}, facilitators=facilitators)
    return _sign_off_page(request, assessment, plan, record=form, signatory=signatory, posted=form)


@require_POST
@member_required
def name_signatory(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    require_admin(request)
    form = SignatoryForm(request.POST, facilitators=signing.facilitators(assessment))

    def save(data: dict) -> HttpResponse:
        member = data["sign_off_member"]
        signing.name_signatory(assessment, request.membership, member, request.user)
        said = (
            f"{member.user.display_name} may now record that the plan was agreed."
            if member
            else "Only admins may now record that the plan was agreed."
        )
        return done(request, said, "plans:sign-off", assessment.id)

    if saved := handle(request, form, save):
        return saved
    plan = plan_of(assessment)
    record = SignOffForm() if signing.may_sign_off(request.membership, plan) else None
    return _sign_off_page(request, assessment, plan, record=record, signatory=form, posted=form)


def _sign_off_page(request, assessment, plan, *, record, signatory, posted) -> HttpResponse:
    """The sign-off page, with `posted` (the form just refused, if any) in the error summary."""
    return render(
        request,
        "plans/sign_off.jinja",
        {
            "page_title": f"Sign-off of the action plan: {assessment.title}",
            "assessment": assessment,
            "plan": plan,
            "standing": signing.standing(assessment),
            "versions": signing.versions(assessment),
            "form": posted,
            "record": record,
            "signatory": signatory,
        },
    )


@require_safe
@member_required
def agreed_version(request: HttpRequest, assessment_id, version: int) -> HttpResponse:
    """A signed-off version of the plan, as it was agreed."""
    assessment = load(request, assessment_id)
    agreed = signing.version_of(assessment, version)
    framework = assessment.framework
    return render(
        request,
        "plans/agreed_version.jinja",
        {
            "page_title": f"Action plan as agreed, version {agreed.version}: {assessment.title}",
            "assessment": assessment,
            "agreed": agreed,
            "rows": signing.rows_of(agreed),
            "framework": framework,
        },
    )
