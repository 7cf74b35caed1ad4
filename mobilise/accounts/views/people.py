"""The organisation admin's pages for people: who is in, invitations, roles, removal."""

from smtplib import SMTPException

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from mobilise.accounts.access import member_required, require_admin
from mobilise.accounts.forms import ROLE_HINTS, InviteForm, RoleForm
from mobilise.accounts.models import Invitation, Membership, Role
from mobilise.accounts.services import AccountError, get_for_organisation
from mobilise.accounts.services import people as people_service
from mobilise.core.form_views import bound, done, handle


def _member(request: HttpRequest, membership_id) -> Membership:
    """A member of the admin's organisation; another organisation's is a 404 (before the
    role is considered, so that nothing is given away)."""
    membership = get_for_organisation(
        Membership.objects.select_related("user"), request.membership.organisation, pk=membership_id
    )
    require_admin(request)
    return membership


def role_items() -> list[dict]:
    return [
        {"value": value, "text": label, "hint": ROLE_HINTS[value]} for value, label in Role.choices
    ]


@require_safe
@member_required
def people(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    organisation = request.membership.organisation
    return render(
        request,
        "accounts/people.jinja",
        {
            "page_title": "People",
            "members": organisation.memberships.select_related("user").order_by(
                "user__first_name", "user__last_name", "user__username"
            ),
            "invitations": organisation.invitations.pending().select_related("invited_by"),
        },
    )


@member_required
def invite(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    form = bound(request, InviteForm)

    def save(data: dict) -> HttpResponse:
        try:
            # Sent, or not made at all: a failed e-mail leaves the earlier link working.
            with transaction.atomic():
                invitation, key = people_service.invite(
                    request.membership.organisation, data["email"], data["role"], request.user
                )
                link = request.build_absolute_uri(reverse("accounts:invitation", args=[key]))
                people_service.send_invitation(invitation, link)
        except (OSError, SMTPException) as error:
            raise AccountError("We could not send the email just now. Try again later") from error
        return done(request, f"We have sent an invitation to {invitation.email}.", "people:list")

    if saved := handle(request, form, save, refusals={AccountError: "email"}):
        return saved
    return render(
        request,
        "accounts/invite.jinja",
        {"page_title": "Invite someone", "form": form, "role_items": role_items()},
    )


@member_required
def member(request: HttpRequest, membership_id) -> HttpResponse:
    membership = _member(request, membership_id)
    form = bound(request, RoleForm, initial={"role": membership.role})

    def save(data: dict) -> HttpResponse:
        people_service.change_role(membership, data["role"], request.user)
        name = membership.user.get_full_name() or membership.user.get_username()
        return done(request, f"{name}'s role is now {Role(data['role']).label}.", "people:list")

    if saved := handle(request, form, save, refusals={AccountError: "role"}):
        return saved
    return render(
        request,
        "accounts/member.jinja",
        {
            "page_title": "Change role",
            "person": membership,
            "form": form,
            "role_items": role_items(),
        },
    )


@member_required
def remove(request: HttpRequest, membership_id) -> HttpResponse:
    membership = _member(request, membership_id)
    error = None
    if request.method == "POST":
        try:
            people_service.remove_member(membership, request.user)
        except AccountError as refused:
            error = str(refused)
        else:
            name = membership.user.get_full_name() or membership.user.get_username()
            messages.success(request, f"{name} has been removed from the organisation.")
            if membership.pk == request.membership.pk:
                return redirect("home")
            return redirect("people:list")
    return render(
        request,
        "accounts/remove.jinja",
        {
            "page_title": "Remove from the organisation",
            "person": membership,
            "error": error,
        },
    )


def _invitation(request: HttpRequest, invitation_id) -> Invitation:
    invitation = get_for_organisation(
        Invitation.objects.select_related("organisation", "invited_by"),
        request.membership.organisation,
        pk=invitation_id,
    )
    require_admin(request)
    return invitation


def _invitation_link(request: HttpRequest, key: str) -> str:
    return request.build_absolute_uri(reverse("accounts:invitation", args=[key]))


@require_POST
@member_required
def resend(request: HttpRequest, invitation_id) -> HttpResponse:
    """The invitation e-mailed again with a new link; the old link stops working."""
    invitation = _invitation(request, invitation_id)
    try:
        # Sent, or not renewed at all: a failed e-mail leaves the earlier link working.
        with transaction.atomic():
            key = people_service.renew_link(invitation, request.user, resent=True)
            invitation.refresh_from_db()
            people_service.send_invitation(invitation, _invitation_link(request, key))
    except AccountError as refused:
        messages.error(request, str(refused))
    except (OSError, SMTPException):
        messages.error(request, "We could not send the email just now. Try again later.")
    else:
        messages.success(
            request,
            f"We have sent the invitation to {invitation.email} again. "
            "The link sent before no longer works.",
        )
    return redirect("people:list")


@member_required
def invitation_link(request: HttpRequest, invitation_id) -> HttpResponse:
    """A new link to copy and send another way: asked first, as the old link stops working."""
    invitation = _invitation(request, invitation_id)
    link = error = None
    if request.method == "POST":
        try:
            link = _invitation_link(
                request, people_service.renew_link(invitation, request.user, resent=False)
            )
        except AccountError as refused:
            error = str(refused)
        invitation.refresh_from_db()
    return render(
        request,
        "accounts/invitation_link.jinja",
        {
            "page_title": "Copy the invitation link",
            "invitation": invitation,
            "link": link,
            "error": error,
        },
    )


@require_POST
@member_required
def withdraw(request: HttpRequest, invitation_id) -> HttpResponse:
    invitation = get_for_organisation(
        Invitation.objects.all(), request.membership.organisation, pk=invitation_id
    )
    require_admin(request)
    people_service.withdraw(invitation, request.user)
    messages.success(request, f"The invitation to {invitation.email} is withdrawn.")
    return redirect("people:list")
