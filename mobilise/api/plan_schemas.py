"""The API's request and response shapes for action plans and suggestions."""

import datetime
from typing import Annotated, Literal

from ninja import Field, Schema

Text = Annotated[str, Field(max_length=2000)]
PriorityIn = Literal["high", "medium", "low"]
StatusIn = Literal["not_started", "in_progress", "done", "dropped"]


# Far more than the framework's 23 elements; a longer list is refused in one error.
MAX_ELEMENTS = 100
Elements = Annotated[list[str], Field(max_length=MAX_ELEMENTS)]


class ActionIn(Schema):
    option_id: str | None = Field(None, description="A catalogue option; or give `text`")
    text: Text | None = Field(None, description="A custom action; or give `option_id`")
    elements: Elements = Field(description="At least one element the action serves")
    priority: PriorityIn
    owner_username: Annotated[str, Field(max_length=150)] | None = Field(
        None, description="A member of the organisation as the owner; or give `owner`"
    )
    owner: Annotated[str, Field(max_length=200)] | None = Field(
        None, description="The name of an owner without an account"
    )
    owner_email: str | None = Field(None, description="Where reminders are sent")
    due_on: datetime.date | None = None
    measure: Text | None = None
    status: StatusIn | None = Field(None, description="Defaults to not_started")


class ActionPatch(Schema):
    elements: Elements | None = None
    priority: PriorityIn | None = None
    owner_username: Annotated[str, Field(max_length=150)] | None = None
    owner: Annotated[str, Field(max_length=200)] | None = None
    owner_email: str | None = None
    due_on: datetime.date | None = None
    measure: Text | None = None
    status: StatusIn | None = None


class NoteOut(Schema):
    at: str
    by: str
    text: str


class ActionOut(Schema):
    id: str
    option_id: str | None
    text: str
    elements: list[str]
    priority: str
    owner: str
    owner_username: str | None
    owner_email: str
    due_on: datetime.date | None
    measure: str
    status: str
    carried_over: bool
    local: bool
    notes: list[NoteOut]


class NoActionOut(Schema):
    element: str
    reason: str


class PlanOut(Schema):
    complete: bool
    missing_elements: list[str]
    actions: list[ActionOut]
    no_action: list[NoActionOut]


class NoteIn(Schema):
    text: Text


class NoActionIn(Schema):
    element: str
    reason: Text | None = None


class SuggestedOption(Schema):
    id: str
    text: str
    local: bool


class SuggestionOut(Schema):
    element: str
    score: int
    reason: str
    options: list[SuggestedOption]


Name = Annotated[str, Field(max_length=200)]


class SignOffIn(Schema):
    agreed_by: Name = Field(description="A person's name, or the body that agreed the plan")
    agreed_by_role: Name | None = None
    meeting: Name
    agreed_on: datetime.date = Field(description="The day of the meeting; not in the future")
    note: Text | None = None


class AgreedActionOut(Schema):
    id: str
    text: str
    elements: list[str]
    priority: str
    owner: str
    due_on: datetime.date | None
    measure: str
    status: str


class AgreedNoActionOut(Schema):
    element: str
    reason: str


class SignOffOut(Schema):
    version: int
    agreed_by: str
    agreed_by_role: str
    meeting: str
    agreed_on: datetime.date
    note: str
    recorded_at: datetime.datetime
    actions: list[AgreedActionOut] = Field(description="The plan's actions as agreed")
    no_action: list[AgreedNoActionOut]


class SignOffsOut(Schema):
    status: Literal["draft", "agreed"]
    changes_since: int = Field(
        description="Differences between the plan now and the latest version"
    )
    versions: list[SignOffOut]


StatusFilterIn = Literal["open", "not_started", "in_progress", "done", "dropped", "any"]
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000_000  # far past any list; a larger one overflows the database


class ActionFiltersIn(Schema):
    """The follow-up filters, as query parameters: every one optional, all combined."""

    unit: Annotated[str, Field(max_length=200)] | None = Field(
        None, description="The name of one of the organisation's units"
    )
    mine: bool = Field(False, description="Only the caller's own actions (My actions)")
    owner_username: Annotated[str, Field(max_length=150)] | None = Field(
        None, description="Only the actions owned by this member of the organisation"
    )
    owner: Annotated[str, Field(max_length=200)] | None = Field(
        None, description="Owners whose name contains this (members and typed names alike)"
    )
    status: StatusFilterIn = Field(
        "open", description="open (not started or in progress, the default), a status, or any"
    )
    overdue: bool = Field(False, description="Only open actions due before today (UK time)")
    due_before: datetime.date | None = Field(None, description="Due on or before this date")
    limit: int = Field(25, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many matching actions to skip")


class FollowUpActionOut(ActionOut):
    assessment_id: str
    unit: str


class ActionListOut(Schema):
    count: int = Field(description="How many actions match, on every page")
    limit: int
    offset: int
    actions: list[FollowUpActionOut]


# The lengths (a line 200 characters, a paragraph 4,000, without the spaces around it) are
# the service's to check, so the API refuses what the pages refuse in the same words.
CaseLine = Annotated[str, Field(description="A line: at most 200 characters")]
CaseText = Annotated[str, Field(description="A paragraph: at most 4,000 characters")]


class CaseStudyIn(Schema):
    """An impact case study, in the fields knowledge services use nationally."""

    title: CaseLine = Field(description="A headline that says what changed")
    challenge: CaseText = Field(description="The problem or question the team faced")
    service_did: CaseText = Field(description="What the knowledge and library service did")
    intervention: CaseText = Field(description="What the team then did differently")
    outcome: CaseText = Field(description="Outcome and impact")
    figure: CaseLine = Field("", description="The impact in a figure, where there is one")
    quote: CaseText = Field("", description="A quote from a champion who agreed to be named")
    champion_name: CaseLine = Field("", description="Needed with a quote")
    champion_role: CaseLine = ""
    actions: Annotated[list[str], Field(max_length=MAX_ELEMENTS)] = Field(
        description="Ids of done actions of this plan, at least one"
    )


class CaseStudyPatch(Schema):
    """The fields to change; those left out keep their values."""

    title: CaseLine | None = None
    challenge: CaseText | None = None
    service_did: CaseText | None = None
    intervention: CaseText | None = None
    outcome: CaseText | None = None
    figure: CaseLine | None = None
    quote: CaseText | None = None
    champion_name: CaseLine | None = None
    champion_role: CaseLine | None = None
    actions: Annotated[list[str], Field(max_length=MAX_ELEMENTS)] | None = None


class ScoreOut(Schema):
    element: str
    before: int | None = Field(description="The agreed level at this assessment")
    after: int | None = Field(description="The agreed level at the next cycle")
    change: int | None = Field(description="after − before, when both are known")


class CycleOut(Schema):
    id: str
    title: str


class CaseStudyOut(Schema):
    id: str
    title: str
    challenge: str
    service_did: str
    intervention: str
    outcome: str
    figure: str
    quote: str
    champion_name: str
    champion_role: str
    written_by: str
    written_at: datetime.datetime
    actions: list[str] = Field(description="Ids of the plan's actions it was written from")
    elements: list[str] = Field(description="The elements it served: its actions' elements")
    reassessment: CycleOut | None = Field(
        description="The unit's next cycle, whose agreed levels show the change; null before"
    )
    scores: list[ScoreOut] = Field(description="Each element served, before and after")
    docx_url: str = Field(description="The case study as an editable Word document")
