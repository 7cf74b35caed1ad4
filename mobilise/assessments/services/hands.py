"""A show of hands, for a room without devices: the facilitator types how many raised a
hand for each level of an element, and the counts join the spread, marked as counted by
hand. Unlike a paper response (one person's sheet), a count says nothing of who answered
what, and it never counts towards the minimum that shows individual results."""

from collections import Counter

from django.db import transaction

from mobilise.accounts.models import User
from mobilise.assessments.access import element_of
from mobilise.assessments.models import HANDS_MAX, Assessment, HandCount
from mobilise.audit.services import record
from mobilise.core.errors import AssessmentClosed, FieldError, InvalidInput

Hands = dict[int | None, int]
"""Hands per level for one element; the key None is Don't know."""


def hands_for(assessment: Assessment, element_code: str) -> Hands:
    """The hands counted for one element, every level present (0 when none counted)."""
    found: Hands = dict.fromkeys([*assessment.framework.levels, None], 0)
    rows = assessment.hand_counts.filter(element_code=element_code).values_list("level", "count")
    found.update(rows)
    return found


def tally(assessment: Assessment) -> Counter:
    """Every count, keyed (element code, level or None) as the results service counts ratings."""
    return Counter(
        {
            (code, level): count
            for code, level, count in assessment.hand_counts.values_list(
                "element_code", "level", "count"
            )
        }
    )


def elements_counted(assessment: Assessment) -> dict[str, int]:
    """Per element, how many hands were counted in all."""
    total: Counter = Counter()
    for code, count in assessment.hand_counts.values_list("element_code", "count"):
        total[code] += count
    return dict(total)


@transaction.atomic
def set_hands(
    assessment: Assessment, element_code: str, hands: Hands, user: User | None = None
) -> Hands:
    """Replace an element's show of hands with these counts (all of them, or none)."""
    framework = assessment.framework
    element_of(assessment, element_code)
    if not assessment.is_open():
        raise AssessmentClosed("The assessment is closed: reopen it to count a show of hands")
    errors = []
    for level in [*framework.levels, None]:
        count = hands.get(level, 0)
        name = "dont_know" if level is None else f"level_{level}"
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            errors.append(FieldError((name,), "Enter the number of hands as a whole number"))
        elif count > HANDS_MAX:
            errors.append(
                FieldError((name,), f"The number of hands must be {HANDS_MAX:,} or fewer")
            )
    unknown = [level for level in hands if level is not None and level not in framework.levels]
    if unknown:
        errors.append(FieldError(("level",), f"{unknown[0]!r} is not a level of the scale"))
    if errors:
        raise InvalidInput(errors)
    assessment.hand_counts.filter(element_code=element_code).delete()
    HandCount.objects.bulk_create(
        HandCount(assessment=assessment, element_code=element_code, level=level, count=count)
        for level, count in hands.items()
        if count
    )
    total = sum(hands.values())
    record(
        assessment,
        user,
        f"Counted a show of hands for {element_code}: {total} {'hand' if total == 1 else 'hands'}",
    )
    return hands_for(assessment, element_code)
