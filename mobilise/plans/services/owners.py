"""Owners of actions: the organisation's members to choose from, found by id or user name."""

from mobilise.accounts.models import Membership, Organisation


def people(organisation: Organisation) -> list[Membership]:
    """The organisation's members, by name, for choosing an action's owner."""
    members = Membership.objects.filter(organisation=organisation).select_related("user")
    return sorted(members, key=lambda m: (m.user.display_name.casefold(), m.user.username))


def member_by_username(organisation: Organisation, username: str) -> Membership | None:
    """The member with this user name in the organisation, or None (someone of another
    organisation is as unknown as no one)."""
    return (
        Membership.objects.filter(organisation=organisation, user__username=username)
        .select_related("user")
        .first()
    )
