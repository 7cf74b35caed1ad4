"""The group's agreed ratings."""

from collections.abc import Iterable

from django.db import transaction

from mobilise.accounts.models import User
from mobilise.assessments.access import element_of
from mobilise.assessments.models import (
    COMMENT_MAX_LENGTH,
    DEFAULT_TARGET,
    Assessment,
    Consensus,
    Importance,
)
from mobilise.audit.services import record
from mobilise.core.errors import FieldError, InvalidInput


@transaction.atomic
def set_consensus(
    assessment: Assessment,
    element_code: str,
    level: int,
    importance: str,
    target: int | None = None,
    rationale: str = "",
    agreed_by: User | None = None,
) -> Consensus:
    """Record (or change) what the group agreed for one element."""
    element_of(assessment, element_code)
    target = DEFAULT_TARGET if target is None else target
    errors = []
    if level not in assessment.framework.levels:
        errors.append(FieldError(("level",), "The agreed level must be 0 to 4"))
    if importance not in Importance.values:
        errors.append(FieldError(("importance",), "Importance must be low, medium or high"))
    if target not in assessment.framework.levels:
        errors.append(FieldError(("target",), "The target level must be 0 to 4"))
    if len(rationale or "") > COMMENT_MAX_LENGTH:
        errors.append(
            FieldError(
                ("rationale",), f"The rationale must be {COMMENT_MAX_LENGTH:,} characters or fewer"
            )
        )
    if errors:
        raise InvalidInput(errors)
    consensus, created = Consensus.objects.update_or_create(
        assessment=assessment,
        element_code=element_code,
        defaults={
            "level": level,
            "importance": importance,
            "target": target,
            "rationale": rationale or "",
            "agreed_by": agreed_by,
        },
    )
    framework = assessment.framework
    record(
        assessment,
        agreed_by,
        f"{'Agreed' if created else 'Changed the agreed rating of'} {element_code}: "
        f"{framework.level(level).label}, importance {importance}, "
        f"target {framework.level(target).label}",
    )
    return consensus


Agreement = tuple[str, int, str, int | None, str]
"""One element's agreed rating: code, level, importance, target and rationale."""


@transaction.atomic
def agree_elements(
    assessment: Assessment, agreed: Iterable[Agreement], agreed_by: User | None = None
) -> list[Consensus]:
    """Record several elements' agreed ratings together: all of them, or none when any is
    refused (a page of elements is agreed whole)."""
    return [
        set_consensus(assessment, code, level, importance, target, rationale, agreed_by=agreed_by)
        for code, level, importance, target, rationale in agreed
    ]


def agreed_codes(assessment: Assessment) -> set[str]:
    """The elements the group has agreed so far."""
    return set(assessment.consensus.values_list("element_code", flat=True))


def after(assessment: Assessment, code: str) -> str | None:
    """Where to go once an element is agreed: the next element in the framework's order not
    yet agreed (wrapping round to any skipped before it); None once every element is."""
    codes = [e.code for e in assessment.framework.elements]
    agreed = agreed_codes(assessment)
    place = codes.index(code) if code in codes else -1
    return next((c for c in codes[place + 1 :] + codes[: place + 1] if c not in agreed), None)


def next_to_agree(assessment: Assessment) -> str:
    """The first element not agreed yet; the first element when every one is."""
    codes = [e.code for e in assessment.framework.elements]
    agreed = agreed_codes(assessment)
    return next((c for c in codes if c not in agreed), codes[0])
