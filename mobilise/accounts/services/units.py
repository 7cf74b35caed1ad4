"""An organisation's units, managed by its admins: added, renamed, archived and restored.

Every change is recorded in the organisation's history. An archived unit keeps its
assessments, plans and history; it leaves the portfolio, the benchmark and the choice of
units for a new assessment until it is restored. Two units of an organisation never share a
name, whatever its case, archived or not, so that a name always says which unit it is.
"""

from django.db import transaction
from django.utils import timezone

from mobilise.accounts.models import Organisation, Unit, User
from mobilise.audit.services import record_in_organisation
from mobilise.core.errors import FieldError, InvalidInput

NAME_MAX = 200


def clean_name(
    organisation: Organisation, name: str, loc: tuple = ("name",), unit: Unit | None = None
) -> str:
    """The name without its outer spaces, refused when empty, too long or taken by another
    of the organisation's units (`unit` being the one renamed)."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput([FieldError(loc, "Enter the unit's name")])
    if len(name) > NAME_MAX:
        raise InvalidInput(
            [FieldError(loc, f"The unit's name must be {NAME_MAX} characters or fewer")]
        )
    others = organisation.units.filter(name__iexact=name)
    if unit is not None:
        others = others.exclude(pk=unit.pk)
    taken = others.first()
    if taken is not None:
        message = (
            f"{taken.name} is an archived unit: restore it, or choose another name"
            if taken.is_archived
            else f"There is already a unit called {taken.name}: choose another name"
        )
        raise InvalidInput([FieldError(loc, message)])
    return name


@transaction.atomic
def add_unit(
    organisation: Organisation, name: str, actor: User | None, loc: tuple = ("name",)
) -> Unit:
    name = clean_name(organisation, name, loc)
    unit = Unit.objects.create(organisation=organisation, name=name)
    record_in_organisation(organisation, actor, f"Added the unit {name}", {"unit": [None, name]})
    return unit


@transaction.atomic
def rename_unit(unit: Unit, name: str, actor: User | None) -> Unit:
    name = clean_name(unit.organisation, name, unit=unit)
    before = unit.name
    if name == before:
        return unit
    unit.name = name
    unit.save(update_fields=["name", "updated_at"])
    record_in_organisation(
        unit.organisation, actor, f"Renamed the unit {before} to {name}", {"unit": [before, name]}
    )
    return unit


def archive_unit(unit: Unit, actor: User | None) -> Unit:
    return _set_archived(unit, True, actor)


def restore_unit(unit: Unit, actor: User | None) -> Unit:
    return _set_archived(unit, False, actor)


@transaction.atomic
def _set_archived(unit: Unit, archived: bool, actor: User | None) -> Unit:
    """Archive or restore a unit (nothing when it already is), recorded in the history."""
    if unit.is_archived == archived:
        return unit
    unit.archived_at = timezone.now() if archived else None
    unit.save(update_fields=["archived_at", "updated_at"])
    said = "Archived" if archived else "Restored"
    record_in_organisation(
        unit.organisation,
        actor,
        f"{said} the unit {unit.name}",
        {"archived": [not archived, archived]},
    )
    return unit
    unit.archived_at = None
    unit.save(update_fields=["archived_at", "updated_at"])
    record_in_organisation(
        unit.organisation, actor, f"Restored the unit {unit.name}", {"archived": [True, False]}
    )
    return unit


def unit_for_assessment(
    organisation: Organisation, name: str, actor: User | None, loc: tuple = ("unit",)
) -> Unit:
    """The unit a new assessment is of, by its name: an existing unit, or a new one added
    (and recorded). An archived unit takes no new assessment until it is restored."""
    unit = existing_unit(organisation, name, loc)
    return unit if unit is not None else add_unit(organisation, name, actor, loc)


def existing_unit(organisation: Organisation, name: str, loc: tuple = ("unit",)) -> Unit | None:
    """The unit of this name (its case aside), None when there is none; refused when it is
    archived."""
    name = (name or "").strip()
    found = organisation.units.filter(name__iexact=name)
    unit = found.filter(name=name).first() or found.first()
    if unit is not None and unit.is_archived:
        message = f"{unit.name} is archived. An admin can restore it from the units page"
        raise InvalidInput([FieldError(loc, message)])
    return unit
