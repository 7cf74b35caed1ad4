"""The API's request and response shapes for assessments, responses and results."""

import datetime
from typing import Annotated, Literal

from ninja import Field, Schema

Level = Annotated[int, Field(ge=0, le=4, strict=True)]
Comment = Annotated[str, Field(max_length=2000)]
# Lists are capped well above the framework's 23 elements, so that a flood of items is
# refused in one error instead of being checked item by item.
MAX_ITEMS = 100
Expected = Annotated[int, Field(ge=1, le=10_000, strict=True)]


class AssessmentIn(Schema):
    unit: Annotated[
        str,
        Field(
            min_length=1,
            max_length=200,
            description="The unit's name (its case aside): created if new; an archived unit "
            "is refused (422) until an admin restores it",
        ),
    ]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    mode: Literal["group", "individual"]
    closes_on: datetime.date | None = Field(None, description="Today or later (UK time)")
    expected_participants: Expected | None = Field(
        None, description="How many people are expected to answer; more responses warn"
    )


class AssessmentPatch(Schema):
    expected_participants: Expected | None = Field(
        None, description="How many people are expected to answer; null clears it"
    )


class AssessmentOut(Schema):
    id: str
    unit: str
    title: str
    mode: str
    status: str
    closes_on: datetime.date | None
    framework_version: str
    participant_token: str
    participant_url: str
    results_revealed: bool
    responses: int
    expected_participants: int | None
    more_responses_than_expected: bool
    previous_id: str | None
    created_at: datetime.datetime


class RatingIn(Schema):
    element: str = Field(description="An element code of the assessment's framework, e.g. 1.1")
    level: Level | None = Field(description="0 to 4, or null for Don't know")
    comment: Comment | None = None


class ResponseIn(Schema):
    ratings: list[RatingIn] = Field(description="Every element exactly once", max_length=MAX_ITEMS)


class ResponseCreated(Schema):
    response_id: str


class ConsensusIn(Schema):
    level: Level
    importance: Literal["low", "medium", "high"]
    target: Level | None = Field(None, description="Defaults to 3, Established")
    rationale: Comment | None = None


class ConsensusOut(Schema):
    element: str
    level: int
    importance: str
    target: int
    rationale: str


HandsCount = Annotated[int, Field(ge=0, le=1000, strict=True)]


class HandsIn(Schema):
    levels: dict[Literal["0", "1", "2", "3", "4"], HandsCount] = Field(
        description="Hands raised per level; a level left out had none"
    )
    dont_know: HandsCount = 0


class HandsOut(Schema):
    element: str
    levels: dict[str, int]
    dont_know: int
    counted: int = Field(description="Every hand counted for the element")


class ElementConsensusOut(Schema):
    level: int
    importance: str
    target: int


class ElementResultOut(Schema):
    element: str
    n: int
    dont_know: int
    distribution: dict[str, int]
    median: float | None
    mean: float | None
    min: int | None
    max: int | None
    spread: bool
    counted_by_hand: int = Field(
        0,
        description="Of the counts, how many were a show of hands typed in the room "
        "(they are not responses, and never count towards the minimum)",
    )
    consensus: ElementConsensusOut | None


class SectionResultOut(Schema):
    section: str
    mean: float | None


class ResultsOut(Schema):
    responses: int
    hidden: bool = Field(
        description="True in individual completion until enough people have responded; "
        "the figures are then withheld so that nobody can be identified"
    )
    counted_responses: int = Field(
        description="The responses that count towards the minimum that shows results: "
        "participants' own, sent from the participant pages. Paper, API and imported "
        "responses are in the figures once shown but never count towards the minimum"
    )
    overall_mean: float | None
    elements: list[ElementResultOut]
    sections: list[SectionResultOut]


class ResponseChoiceOut(Schema):
    id: str
    label: str = Field(description="A, B, C… in the order of the levels, not of arrival")
    levels: dict[str, int | None]


class DiscardedOut(Schema):
    response_id: str
    discarded: bool
    responses: int = Field(description="The responses that still count")


class FieldErrorOut(Schema):
    loc: list[str | int]
    msg: str


class ValidationErrorOut(Schema):
    detail: list[FieldErrorOut]


class EvidenceIn(Schema):
    kind: Literal["note", "link"] = Field(
        description="A file is sent as multipart/form-data instead (kind=file)"
    )
    describes_on: datetime.date = Field(description="The date the evidence describes")
    title: Annotated[str, Field(max_length=200)] | None = None
    note: Comment | None = Field(None, description="For a note")
    url: Annotated[str, Field(max_length=2000)] | None = Field(
        None, description="For a link: http or https only"
    )


class EvidenceFileOut(Schema):
    name: str
    type: str
    size: int | None
    sha256: str
    carried: bool = Field(description="False when only a reference came (a JSON import)")
    download_url: str | None


class EvidenceOut(Schema):
    id: str
    element: str
    kind: str
    title: str
    note: str
    url: str
    describes_on: datetime.date
    added_by: str
    added_at: datetime.datetime
    offered_again: bool = Field(
        description="Carried from the last cycle and not yet kept, updated or dropped"
    )
    file: EvidenceFileOut | None
