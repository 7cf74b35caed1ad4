"""A unit's trend over its cycles: a thin route over the trend service."""

import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema

from mobilise.accounts.models import Unit
from mobilise.accounts.services import get_for_organisation
from mobilise.api.assessments import READ
from mobilise.plans.services.trend import trend_as_dict, unit_trend

router = Router(tags=["Units"])


class UnitRefOut(Schema):
    id: str
    name: str


class SectionMeanOut(Schema):
    section: str
    mean_agreed_level: float | None


class DoneActionOut(Schema):
    id: str
    text: str
    elements: list[str]


class CycleOut(Schema):
    assessment_id: str
    title: str
    held_on: datetime.date
    responses: int = Field(description="The number who took part (responses in the figures)")
    hidden: bool = Field(
        description="Results kept back (fewer answers than the minimum): no figure is given"
    )
    elements_agreed: int | None
    mean_agreed_level: float | None = Field(description="Two decimals; null when hidden")
    sections: list[SectionMeanOut]
    actions_done: list[DoneActionOut] = Field(
        description="Actions of this cycle's plan that were done, before the next cycle "
        "(empty for the latest)"
    )


class ElementTrendOut(Schema):
    element: str
    agreed_levels: list[int | None] = Field(description="One per cycle, oldest first")
    changes: list[int | None] = Field(description="From each cycle to the next")
    actions_done_before: list[list[str]] = Field(
        description="Per change, the ids of the previous cycle's done actions for the element"
    )


class TrendOut(Schema):
    unit: UnitRefOut
    enough_cycles: bool = Field(description="Whether the unit has the cycles a trend needs")
    minimum_cycles: int
    cycles: list[CycleOut]
    elements: list[ElementTrendOut]


@router.get("/units/{unit_id}/trend", response={200: TrendOut, **READ}, summary="A unit's trend")
def get_trend(request: HttpRequest, unit_id: str):
    """Each element's agreed level per cycle (the unit's assessments, oldest first), the
    number who took part in each, the actions done between cycles, and the overall and
    section means of the agreed levels. A cycle whose results are hidden gives no figure.
    With fewer than `minimum_cycles` cycles, `enough_cycles` is false."""
    unit = get_for_organisation(Unit.objects, request.membership.organisation, pk=unit_id)
    return trend_as_dict(unit_trend(unit))
