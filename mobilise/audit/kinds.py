"""The kind of a change, for filtering the history: read from the line's summary when it is
recorded (every app writes its summaries in its own words, and this app knows none of
them), stored with the line, so that a filter is an indexed equality and not a text search.

An app can name the kind itself (`record(..., kind=...)`); a summary that no rule knows is
"Other". Migration 0002 fills the kind of lines recorded before it existed with a frozen
copy of these rules."""

import re

from django.db import models


class Kind(models.TextChoices):
    ASSESSMENT = "assessment", "The assessment"
    RESPONSES = "responses", "Invitations and responses"
    RATINGS = "ratings", "Agreed ratings"
    PLAN = "plan", "The action plan"
    LOCAL = "local", "Local actions"
    PEOPLE = "people", "People and roles"
    ORGANISATION = "organisation", "The organisation and its units"
    OTHER = "other", "Other"


# First match wins: the more particular summaries come before the general ones.
RULES: list[tuple[str, str]] = [
    (r"^(Added|Removed|Changed) the local action", Kind.LOCAL),
    (
        r"^Agreed |^Changed the agreed rating"
        r"|^(Added|Kept|Dropped|Removed|Updated)( and kept)? evidence",
        Kind.RATINGS,
    ),
    (r"^The plan was agreed by |may record that the plan was agreed$", Kind.PLAN),
    (
        r"the action “|^The action “|progress note|No action required$",
        Kind.PLAN,
    ),
    (
        r"^(Sent \d+ invitation|Issued \d+ personal link|Withdrew \d+ personal link"
        r"|Discarded a response|Counted a show of hands"
        r"|Set the number of people|Cleared the number of people)"
        r"| on the presenter screen$",
        Kind.RESPONSES,
    ),
    (
        r"^(Invited |Withdrew the invitation|Changed .*'s role|Removed .* \(\w+\) )"
        r"| joined as ",
        Kind.PEOPLE,
    ),
    (
        r"the assessment|^Imported |^Started as a reassessment|Board paper|group's results",
        Kind.ASSESSMENT,
    ),
    (
        r"organisation's settings|the benchmark across"
        r"|^(Added|Renamed|Archived|Restored) (the )?unit",
        Kind.ORGANISATION,
    ),
]
_COMPILED = [(re.compile(pattern), kind) for pattern, kind in RULES]


def kind_of(summary: str) -> str:
    """The kind of change a summary describes ("Closed the assessment": the assessment)."""
    for pattern, kind in _COMPILED:
        if pattern.search(summary or ""):
            return str(kind)
    return str(Kind.OTHER)
