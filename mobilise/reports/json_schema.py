"""The JSON file of a whole assessment: its schema (`mobilise.assessment`), the versions
read, and the checks of a file's shape; docs/export-schema.md describes it for people."""

import datetime
from typing import Annotated, Any, Literal

import pydantic

from mobilise.assessments.models import UK
from mobilise.core.errors import FieldError, InvalidInput
from mobilise.framework.catalogue import available_versions
from mobilise.plans.models import CASE_LINE_MAX, CASE_TEXT_MAX

SCHEMA = "mobilise.assessment"
SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)


EARLIEST, LATEST = 1900, 2999  # years a stored time may have: far beyond any real record


def _within_years(value: datetime.datetime) -> datetime.datetime:
    if not EARLIEST <= value.year <= LATEST:
        raise ValueError(f"Give a date and time between the years {EARLIEST} and {LATEST}")
    return value


def _with_offset(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is None:
        raise ValueError("Give the time with its offset from UTC, as exported (…+00:00)")
    return value


# A time that is stored: with its offset, as every export writes it, and within years that
# the database's conversion to UTC can hold.
Moment = Annotated[
    datetime.datetime, pydantic.AfterValidator(_with_offset), pydantic.AfterValidator(_within_years)
]
# Version 1's response times, read as their day: some had no offset.
OldMoment = Annotated[datetime.datetime, pydantic.AfterValidator(_within_years)]


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")


class RatingIn(_Strict):
    element: str
    level: int | None
    comment: pydantic.constr(max_length=2000) = ""


class ResponseIn(_Strict):
    source: Literal["participant", "api", "paper"]
    submitted_on: datetime.date
    ratings: list[RatingIn]


class ResponseInV1(_Strict):
    """Version 1 dated a response to the microsecond; it is read as its day (UK)."""

    source: Literal["participant", "api", "paper"]
    submitted_at: OldMoment
    ratings: list[RatingIn]

    def upgraded(self) -> dict:
        when = self.submitted_at
        day = (when.astimezone(UK) if when.tzinfo else when).date()
        return {
            "source": self.source,
            "submitted_on": day.isoformat(),
            "ratings": [r.model_dump() for r in self.ratings],
        }


Level = pydantic.conint(ge=0, le=4)
LongText = pydantic.constr(max_length=2000)
Name = pydantic.constr(max_length=150)


class ConsensusIn(_Strict):
    element: str
    level: Level
    importance: Literal["low", "medium", "high"]
    target: Level
    rationale: LongText = ""


class HandCountIn(_Strict):
    element: str
    level: Level | None  # None: Don't know
    count: pydantic.conint(ge=1, le=1000)


class BoardPaperIn(_Strict):
    meeting: pydantic.constr(max_length=200) = ""
    meeting_on: datetime.date | None = None
    author: pydantic.constr(max_length=200) = ""
    presenter: pydantic.constr(max_length=200) = ""
    sponsor: pydantic.constr(max_length=200) = ""
    purpose: Literal["decision", "assurance", "information"] = "decision"
    recommendations: LongText = ""


class NoteIn(_Strict):
    at: Moment
    by: Name = ""
    text: pydantic.constr(min_length=1, max_length=2000)


class LocalIn(_Strict):
    element: str
    text: pydantic.constr(min_length=1, max_length=500)
    good_practice: LongText = ""


class ActionIn(_Strict):
    option_id: str | None
    text: pydantic.constr(min_length=1, max_length=2000)
    elements: list[str] = pydantic.Field(min_length=1)
    priority: Literal["high", "medium", "low"]
    owner: pydantic.constr(max_length=200) = ""
    owner_email: pydantic.constr(max_length=254) = ""
    due_on: datetime.date | None = None
    measure: LongText = ""
    status: Literal["not_started", "in_progress", "done", "dropped"]
    carried_over: bool = False
    local: LocalIn | None = None
    notes: list[NoteIn] = []


class NoActionIn(_Strict):
    element: str
    reason: LongText = ""


class PlanIn(_Strict):
    actions: list[ActionIn]
    no_action: list[NoActionIn]


# A change is a field's [before, after]; a value is plain text, a number, a truth value,
# nothing, or a list of texts (an action's elements). Anything else is refused.
ChangeValue = (
    pydantic.StrictBool
    | pydantic.StrictInt
    | pydantic.StrictFloat
    | pydantic.constr(strict=True, max_length=2000)
    | None
    | list[pydantic.constr(strict=True, max_length=200)]
)
Change = tuple[ChangeValue, ChangeValue]
FieldName = pydantic.constr(strict=True, min_length=1, max_length=100)


class HistoryIn(_Strict):
    at: Moment
    by: Name = ""
    summary: pydantic.constr(max_length=300)
    changes: dict[FieldName, Change] = {}


class EvidenceFileIn(_Strict):
    """A file is carried as a reference only: never its bytes."""

    name: pydantic.constr(min_length=1, max_length=255)
    type: Literal[
        "application/pdf",
        "image/png",
        "image/jpeg",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
    size: pydantic.conint(ge=0) | None = None
    sha256: pydantic.constr(pattern=r"^[0-9a-f]{64}$")


class EvidenceIn(_Strict):
    element: str
    kind: Literal["note", "link", "file"]
    title: pydantic.constr(min_length=1, max_length=200)
    note: LongText = ""
    url: pydantic.constr(max_length=2000) = ""
    describes_on: datetime.date
    added_by: Name = ""
    file: EvidenceFileIn | None = None
    file_carried: Literal[False] = False


CaseLine = pydantic.constr(max_length=CASE_LINE_MAX)
CaseText = pydantic.constr(max_length=CASE_TEXT_MAX)
Place = pydantic.conint(ge=0, strict=True)  # in a list of the file, 0 for the first


class CaseStudyIn(_Strict):
    """An impact case study; its actions are places in `plan.actions`, checked on import."""

    title: CaseLine
    challenge: CaseText
    service_did: CaseText
    intervention: CaseText
    outcome: CaseText
    figure: CaseLine = ""
    quote: CaseText = ""
    champion_name: CaseLine = ""
    champion_role: CaseLine = ""
    written_by: Name = ""
    written_at: Moment
    actions: list[Place] = pydantic.Field(min_length=1, max_length=1000)


class AgreedActionIn(_Strict):
    """An action as it was agreed; `action` is its place in `plan.actions`, or null for one
    removed from the plan since."""

    action: Place | None
    text: pydantic.constr(min_length=1, max_length=2000)
    elements: list[str] = pydantic.Field(min_length=1, max_length=100)
    priority: Literal["high", "medium", "low"]
    owner: pydantic.constr(max_length=200) = ""
    due_on: datetime.date | None = None
    measure: LongText = ""
    status: Literal["not_started", "in_progress", "done", "dropped"]


class SignOffIn(_Strict):
    version: pydantic.conint(ge=1, le=100_000, strict=True)
    agreed_by: pydantic.constr(max_length=200)
    agreed_by_role: pydantic.constr(max_length=200) = ""
    meeting: pydantic.constr(max_length=200)
    agreed_on: datetime.date
    note: LongText = ""
    recorded_at: Moment
    actions: list[AgreedActionIn] = pydantic.Field(max_length=1000)
    no_action: list[NoActionIn] = pydantic.Field(max_length=100)


class AssessmentIn(_Strict):
    title: str = pydantic.Field(min_length=1, max_length=200)
    unit: str = pydantic.Field(min_length=1, max_length=200)
    mode: Literal["group", "individual"]
    status: Literal["open", "closed"]
    closes_on: datetime.date | None = None
    created_at: Moment
    results_revealed: bool = False


class ExportIn(_Strict):
    schema_: Literal["mobilise.assessment"] = pydantic.Field(alias="schema")
    schema_version: int
    exported_at: datetime.datetime
    framework_version: str
    assessment: AssessmentIn
    responses: list[ResponseIn]
    responses_withheld: pydantic.NonNegativeInt = 0
    consensus: list[ConsensusIn]
    hand_counts: list[HandCountIn] = []
    board_paper: BoardPaperIn | None = None
    plan: PlanIn
    history: list[HistoryIn]
    local_actions: list[LocalIn]
    evidence: list[EvidenceIn] = []
    case_studies: list[CaseStudyIn] = []
    sign_offs: list[SignOffIn] = []


class ExportInV1(ExportIn):
    responses: list[ResponseInV1]
    responses_withheld: Literal[0] = 0


def _validate(data: dict) -> ExportIn:
    if data.get("schema_version") == 1:
        older = ExportInV1.model_validate(data)
        data = {
            **data,
            "schema_version": SCHEMA_VERSION,
            "responses": [r.upgraded() for r in older.responses],
        }
    return ExportIn.model_validate(data)


def parse_export(data: Any) -> ExportIn:
    """Check the shape; unknown schema versions and framework versions are refused."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InvalidInput([FieldError(("schema",), "This is not a Mobilise assessment export")])
    version = data.get("schema_version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise InvalidInput(
            [
                FieldError(
                    ("schema_version",),
                    f"Unknown schema version {version!r}: "
                    f"this service reads versions {', '.join(map(str, READABLE_VERSIONS))}",
                )
            ]
        )
    try:
        export = _validate(data)
    except pydantic.ValidationError as error:
        raise InvalidInput(
            [FieldError(tuple(e["loc"]), e["msg"]) for e in error.errors(include_url=False)]
        ) from error
    if export.framework_version not in available_versions():
        raise InvalidInput(
            [
                FieldError(
                    ("framework_version",),
                    f"Unknown framework version {export.framework_version!r}",
                )
            ]
        )
    return export
