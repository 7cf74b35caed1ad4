"""The API's shared shapes: errors, the caller, the framework."""

from collections.abc import Iterable

from ninja import Field, Schema


def attachment(description: str, content_types: Iterable[str]) -> dict:
    """`openapi_extra` for an operation that answers 200 with a file to download."""
    return {
        "responses": {
            "200": {
                "description": description,
                "content": {kind.split(";")[0]: {} for kind in content_types},
            }
        }
    }


class Error(Schema):
    detail: str


class RetryError(Schema):
    detail: str
    retry_after: int = Field(description="Seconds to wait before trying again")


class OrganisationOut(Schema):
    id: str
    name: str


class MeOut(Schema):
    username: str
    role: str
    organisation: OrganisationOut


class ScaleLevelOut(Schema):
    level: int
    label: str
    description: str


class DontKnowOut(Schema):
    label: str
    description: str


class TechniqueOut(Schema):
    id: str
    name: str
    summary: str


class ElementLevelOut(Schema):
    level: int
    description: str


class OptionOut(Schema):
    id: str
    text: str
    techniques: list[str]
    action_id: str
    elements: list[str]


class ElementOut(Schema):
    code: str
    title: str
    seed_title: str | None
    levels: list[ElementLevelOut]
    options: list[OptionOut]


class SectionOut(Schema):
    code: str
    title: str
    elements: list[ElementOut]


class FrameworkOut(Schema):
    version: str
    name: str
    no_action: str
    scale: list[ScaleLevelOut]
    dont_know: DontKnowOut
    techniques: list[TechniqueOut]
    sections: list[SectionOut]
