"""Setting assessments up, opening and closing them."""

import datetime

from django.db import transaction
from django.utils import timezone

from mobilise.accounts.models import Organisation, User
from mobilise.accounts.services.units import unit_for_assessment
from mobilise.assessments.models import Assessment, Mode, Status
from mobilise.audit.services import record, record_in_organisation
from mobilise.core.dates import uk_today
from mobilise.core.errors import FieldError, InvalidInput
from mobilise.framework.catalogue import CURRENT_VERSION


def validate_setup(unit: str, title: str, mode: str, closes_on: datetime.date | None) -> None:
    errors = []
    if not unit.strip():
        errors.append(FieldError(("unit",), "Enter the unit: the team, directorate or Board"))
    elif len(unit.strip()) > 200:
        errors.append(FieldError(("unit",), "The unit must be 200 characters or fewer"))
    if not title.strip():
        errors.append(FieldError(("title",), "Enter a title for the assessment"))
    elif len(title.strip()) > 200:
        errors.append(FieldError(("title",), "The title must be 200 characters or fewer"))
    if mode not in Mode.values:
        errors.append(FieldError(("mode",), "Choose group session or individual completion"))
    if closes_on is not None and closes_on < uk_today():
        errors.append(FieldError(("closes_on",), "The closing date must be today or in the future"))
    if errors:
        raise InvalidInput(errors)


@transaction.atomic
def create_assessment(
    organisation: Organisation,
    unit: str,
    title: str,
    mode: str,
    closes_on: datetime.date | None = None,
    created_by: User | None = None,
) -> Assessment:
    """A new open assessment; the unit is created in the organisation if it is new (an
    archived unit is refused)."""
    validate_setup(unit, title, mode, closes_on)
    unit_obj = unit_for_assessment(organisation, unit, created_by)
    assessment = Assessment.objects.create(
        organisation=organisation,
        unit=unit_obj,
        title=title.strip(),
        mode=mode,
        closes_on=closes_on,
        framework_version=CURRENT_VERSION,
        created_by=created_by,
    )
    record(assessment, created_by, f"Created the assessment “{assessment.title}”")
    return assessment


def close_assessment(assessment: Assessment, user: User | None = None) -> Assessment:
    assessment.status = Status.CLOSED
    assessment.closed_at = timezone.now()
    assessment.save(update_fields=["status", "closed_at", "updated_at"])
    record(assessment, user, "Closed the assessment")
    return assessment


def reopen_assessment(assessment: Assessment, user: User | None = None) -> Assessment:
    """Open again; a closing date already past is cleared, or it would close it at once."""
    assessment.status = Status.OPEN
    assessment.closed_at = None
    if assessment.closes_on is not None and assessment.closes_on < uk_today():
        assessment.closes_on = None
    assessment.save(update_fields=["status", "closed_at", "closes_on", "updated_at"])
    record(assessment, user, "Reopened the assessment")
    return assessment


def reveal_results(assessment: Assessment, revealed: bool, user: User | None = None) -> Assessment:
    assessment.results_revealed = revealed
    assessment.save(update_fields=["results_revealed", "updated_at"])
    record(
        assessment,
        user,
        "Showed the group's results to participants"
        if revealed
        else "Hid the group's results from participants",
    )
    return assessment


@transaction.atomic
def delete_assessment(assessment: Assessment, user: User | None = None) -> None:
    """Delete an assessment with its responses, agreed ratings, plan and its own history
    (which names action owners and quotes their notes). The organisation's history keeps one
    line: that it was deleted, by whom and when."""
    assessment.history.all().delete()
    record_in_organisation(
        assessment.organisation,
        user,
        f"Deleted the assessment “{assessment.title}” of {assessment.unit.name}, with its "
        f"{assessment.responses.count()} responses and its plan",
    )
    assessment.delete()
