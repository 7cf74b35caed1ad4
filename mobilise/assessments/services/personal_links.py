"""Single-use personal links for individual completion.

A link carries a random secret; only its SHA-256 hash is stored. Opening it lets one person
answer as on the shared link; sending their answers spends it, in the same transaction, so
a link brings one response at most. Nothing records which response a link brought, and
e-mail addresses given to send links are used to send and then forgotten.
"""

import hashlib
import secrets

from django.db import transaction

from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment, PersonalLink
from mobilise.audit.services import record
from mobilise.core.errors import FieldError, InvalidInput
from mobilise.core.mail import send_each

MAX_LINKS = 500


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue(assessment: Assessment, count: int, only_personal: bool, user: User | None) -> list[str]:
    """`count` new secrets (shown once, stored hashed)."""
    if not 1 <= count <= MAX_LINKS:
        raise InvalidInput([FieldError(("count",), f"Ask for 1 to {MAX_LINKS} links")])
    made = [secrets.token_urlsafe(24) for _ in range(count)]
    PersonalLink.objects.bulk_create(
        PersonalLink(assessment=assessment, secret_hash=_hash(s)) for s in made
    )
    if assessment.personal_links_only != only_personal:
        assessment.personal_links_only = only_personal
        assessment.save(update_fields=["personal_links_only", "updated_at"])
    record(
        assessment,
        user,
        f"Issued {count} personal link{'s' if count != 1 else ''}"
        + ("; only personal links take answers" if only_personal else ""),
    )
    return made


def send_links(
    assessment: Assessment, addresses: list[str], only_personal: bool, url_for, user: User | None
) -> tuple[int, int]:
    """One new link to each address: how many were sent, and how many the mail server
    refused (their links are withdrawn at once). The addresses are not stored or logged."""
    made = issue(assessment, len(addresses), only_personal, user)
    sent = send_each(
        (
            f"Your personal link to {assessment.title}",
            f"You are invited to take part in {assessment.title}, a Knowledge Mobilisation "
            f"self-assessment of {assessment.unit.name}.\n\nYour personal link (it takes one "
            f"set of answers, which are anonymous):\n{url_for(secret)}\n",
            address,
        )
        for address, secret in zip(addresses, made, strict=True)
    )
    refused = [_hash(s) for s, ok in zip(made, sent, strict=True) if not ok]
    if refused:
        PersonalLink.objects.filter(assessment=assessment, secret_hash__in=refused).delete()
        record(assessment, user, f"Withdrew {len(refused)} personal links the mail server refused")
    return len(made) - len(refused), len(refused)


def is_usable(assessment: Assessment, secret: str | None) -> bool:
    if not secret:
        return False
    return PersonalLink.objects.filter(
        assessment=assessment, secret_hash=_hash(secret), spent=False
    ).exists()


def spend(assessment: Assessment, secret: str) -> bool:
    """Spend the link (inside the caller's transaction); False when it was already spent or
    is unknown. An update, so that two tabs sending at once spend it once."""
    return bool(
        PersonalLink.objects.filter(
            assessment=assessment, secret_hash=_hash(secret), spent=False
        ).update(spent=True)
    )


def counts(assessment: Assessment) -> tuple[int, int]:
    """(issued, spent)."""
    links = assessment.personal_links
    return links.count(), links.filter(spent=True).count()
