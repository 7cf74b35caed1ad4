"""How many people answered against how many were expected, and discarding a response
(a flood, a duplicate): recorded in the history, kept in the database, never counted."""

from dataclasses import dataclass

from django.db import transaction

from mobilise.accounts.models import User
from mobilise.assessments.models import Assessment, Response
from mobilise.audit.services import record
from mobilise.core.errors import FieldError, InvalidInput

MAX_EXPECTED = 10_000


@dataclass(frozen=True)
class Turnout:
    answered: int
    expected: int | None

    @property
    def over(self) -> bool:
        """More responses than people expected: someone may have answered twice."""
        return self.expected is not None and self.answered > self.expected

    @property
    def in_words(self) -> str:
        if self.expected is None:
            return f"{self.answered} answered"
        return f"{self.answered} of {self.expected} answered"


def turnout(assessment: Assessment, answered: int | None = None) -> Turnout:
    if answered is None:
        answered = assessment.responses.in_figures().count()
    return Turnout(answered, assessment.expected_participants)


def set_expected(assessment: Assessment, expected: int | None, user: User | None) -> Assessment:
    if expected is not None and not (1 <= expected <= MAX_EXPECTED):
        raise InvalidInput(
            [
                FieldError(
                    ("expected_participants",),
                    f"The number of people expected must be 1 to {MAX_EXPECTED:,}",
                )
            ]
        )
    before = assessment.expected_participants
    if before == expected:
        return assessment
    assessment.expected_participants = expected
    assessment.save(update_fields=["expected_participants", "updated_at"])
    record(
        assessment,
        user,
        "Set the number of people expected to answer"
        if expected
        else "Cleared the number of people expected to answer",
        {"expected_participants": [before, expected]},
    )
    return assessment


@dataclass(frozen=True)
class Choice:
    """A response as the facilitator sees it to choose one to discard: its levels, in an
    order that says nothing about when it arrived or who gave it."""

    response: Response
    label: str
    levels: dict[str, int | None]


def choices(assessment: Assessment) -> list[Choice]:
    """Every counted response with its levels, sorted by the levels themselves (so that
    twins stand side by side and arrival order is lost), labelled A, B, C… in that order.
    No comment, no source, no time."""
    codes = [e.code for e in assessment.framework.elements]
    found: dict = {}
    for response_id, code, level in (
        assessment.responses.in_figures()
        .values_list("id", "ratings__element_code", "ratings__level")
        .order_by()
    ):
        found.setdefault(response_id, {})[code] = level
    ordered = sorted(
        found.items(),
        key=lambda item: (
            tuple(-1 if item[1].get(c) is None else item[1][c] for c in codes),
            str(item[0]),
        ),
    )
    by_id = {r.id: r for r in assessment.responses.in_figures().only("id", "assessment_id")}
    return [
        Choice(by_id[response_id], _label(index), {c: levels.get(c) for c in codes})
        for index, (response_id, levels) in enumerate(ordered)
    ]


def _label(index: int) -> str:
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(65 + rest) + label
    return label


@transaction.atomic
def discard(assessment: Assessment, response: Response, user: User | None) -> Response:
    """Stop counting a response. It stays in the database, marked discarded, and the history
    says who discarded one and when (never which levels it held)."""
    if response.discarded:
        return response
    response.discarded = True
    # updated_at is left alone: it would date the response's arrival for anyone who looked.
    Response.objects.filter(pk=response.pk).update(discarded=True)
    record(assessment, user, "Discarded a response: it no longer counts in any figure")
    return response
