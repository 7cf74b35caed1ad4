"""People in an organisation: invitations by e-mail, roles, removal.

Every change is recorded in the audit trail. An organisation
always keeps at least one admin, so nobody can lock everyone out of its people and settings.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mobilise.accounts.models import ApiToken, Invitation, Membership, Organisation, Role, User
from mobilise.accounts.services import AccountError, hash_token
from mobilise.audit.services import record_in_organisation


def _announce(organisation: Organisation, actor: User | None, summary: str, **changes) -> None:
    record_in_organisation(organisation, actor, summary, changes)


def role_label(role: str) -> str:
    return Role(role).label


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise AccountError(
            "Enter an email address in the correct format, like name@nhs.net"
        ) from error
    return email


@transaction.atomic
def invite(
    organisation: Organisation, email: str, role: str, invited_by: User | None
) -> tuple[Invitation, str]:
    """A new invitation; the key for its link is returned once. An earlier invitation to the
    same address in this organisation is withdrawn, so only the newest link works."""
    email = normalise_email(email)
    if role not in Role.values:
        raise AccountError("Select a role")
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise AccountError(f"{email} is already a member of {organisation.name}")
    now = timezone.now()
    organisation.invitations.filter(
        email=email, accepted_at__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=now, updated_at=now)
    key = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=invited_by,
        key_hash=hash_token(key),
        expires_at=now + timedelta(days=settings.MOBILISE_INVITATION_DAYS),
    )
    _announce(organisation, invited_by, f"Invited {email} as {role_label(role)}", role=[None, role])
    return invitation, key


def send_invitation(invitation: Invitation, link: str) -> None:
    inviter = invitation.invited_by
    by = f" by {inviter.get_full_name() or inviter.get_username()}" if inviter else ""
    send_mail(
        subject=f"You are invited to join {invitation.organisation.name} on Mobilise",
        message=(
            f"You have been invited{by} to join {invitation.organisation.name} on Mobilise, "
            f"the Knowledge Mobilisation self-assessment service, as "
            f"{role_label(invitation.role).lower()}.\n\n"
            f"Accept the invitation here:\n{link}\n\n"
            f"The link works once and expires on {invitation.expires_at:%-d %B %Y}. "
            "If you did not expect this invitation, you can ignore this email.\n"
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )


def find_invitation(key: str) -> Invitation | None:
    """The invitation a link's key opens, whatever its state; None for an unknown key."""
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(key_hash=hash_token(key or ""))
        .first()
    )


@transaction.atomic
def accept(invitation: Invitation, user: User) -> Membership:
    """Join the invitation's organisation. Works once, before expiry, for the account with
    the address it was sent to."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise AccountError("This invitation has already been used, withdrawn or has expired")
    # The address is the proof that the invitation is theirs: an account with none cannot
    # take one (a forwarded link would otherwise let anyone join, and claim the address).
    if not user.email or user.email.lower() != invitation.email:
        raise AccountError(
            f"This invitation was sent to {invitation.email}; you are signed in as "
            f"{user.get_username()}"
            + (f" ({user.email})" if user.email else ", whose account has no email address")
        )
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    if created:
        _announce(
            invitation.organisation,
            user,
            f"{user.get_username()} joined as {role_label(membership.role)}",
            role=[None, membership.role],
        )
    return membership


def accept_all_for(user: User) -> list[Membership]:
    """Accept every live invitation sent to the person's (verified) address: single sign-on
    matches people to their invitations by e-mail."""
    if not user.email:
        return []
    pending = Invitation.objects.pending().filter(email=user.email.lower())
    return [accept(invitation, user) for invitation in pending]


def has_live_invitation(email: str) -> bool:
    return Invitation.objects.pending().filter(email=(email or "").lower()).exists()


@transaction.atomic
def create_account(invitation: Invitation, first_name: str, last_name: str, password: str) -> User:
    """A new local account for the invitation's address, which becomes its username, then
    the invitation accepted. The password must pass the service's password rules."""
    if User.objects.filter(
        Q(username__iexact=invitation.email) | Q(email__iexact=invitation.email)
    ).exists():
        raise AccountError(f"An account for {invitation.email} already exists: sign in instead")
    user = User(
        username=invitation.email,
        email=invitation.email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    validate_password(password, user)
    user.set_password(password)
    user.save()
    accept(invitation, user)
    return user


@transaction.atomic
def renew_link(invitation: Invitation, actor: User | None, resent: bool) -> str:
    """A new link for a waiting invitation, with a new expiry; the key is returned once.
    The old link stops working: only the newest is ever valid (only hashes are kept, so
    an old link cannot be shown again)."""
    invitation = (
        Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    )
    if not invitation.is_pending:
        raise AccountError("This invitation has already been used, withdrawn or has expired")
    key = secrets.token_urlsafe(32)
    invitation.key_hash = hash_token(key)
    invitation.expires_at = timezone.now() + timedelta(days=settings.MOBILISE_INVITATION_DAYS)
    invitation.save(update_fields=["key_hash", "expires_at", "updated_at"])
    summary = (
        f"Sent the invitation to {invitation.email} again, with a new link"
        if resent
        else f"Made a new invitation link for {invitation.email}, to copy"
    )
    _announce(invitation.organisation, actor, summary)
    return key


def withdraw(invitation: Invitation, actor: User | None) -> None:
    if invitation.accepted_at is None and invitation.withdrawn_at is None:
        invitation.withdrawn_at = timezone.now()
        invitation.save(update_fields=["withdrawn_at", "updated_at"])
        _announce(invitation.organisation, actor, f"Withdrew the invitation to {invitation.email}")


def _refuse_losing_last_admin(membership: Membership) -> None:
    admins = list(
        Membership.objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role=Role.ADMIN)
        .values_list("pk", flat=True)
    )
    if admins == [membership.pk]:
        raise AccountError(
            f"{membership.user.get_username()} is the organisation's only admin. "
            "Make someone else an admin first"
        )


@transaction.atomic
def change_role(membership: Membership, role: str, actor: User | None) -> Membership:
    if role not in Role.values:
        raise AccountError("Select a role")
    membership = Membership.objects.select_related("user", "organisation").get(pk=membership.pk)
    if role == membership.role:
        return membership
    if membership.role == Role.ADMIN:
        _refuse_losing_last_admin(membership)
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    _announce(
        membership.organisation,
        actor,
        f"Changed {membership.user.get_username()}'s role from {role_label(before)} "
        f"to {role_label(role)}",
        role=[before, role],
    )
    return membership


@transaction.atomic
def remove_member(membership: Membership, actor: User | None) -> None:
    """Take a person out of the organisation; their API tokens for it stop working. Their
    account stays for their other organisations."""
    membership = Membership.objects.select_related("user", "organisation").get(pk=membership.pk)
    if membership.role == Role.ADMIN:
        _refuse_losing_last_admin(membership)
    now = timezone.now()
    ApiToken.objects.filter(
        user=membership.user, organisation=membership.organisation, revoked_at__isnull=True
    ).update(revoked_at=now, updated_at=now)
    membership.delete()
    _announce(
        membership.organisation,
        actor,
        f"Removed {membership.user.get_username()} ({role_label(membership.role)}) "
        "from the organisation",
        role=[membership.role, None],
    )
