"""Assessments and submitted responses for tests."""

import factory
from django.utils import timezone

from mobilise.accounts.tests.factories import OrganisationFactory, UnitFactory
from mobilise.assessments.models import Assessment, Mode, Rating, Response, Source
from mobilise.framework.catalogue import CURRENT_VERSION, get_framework

CODES = [e.code for e in get_framework().elements]


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    organisation = factory.SubFactory(OrganisationFactory)
    unit = factory.LazyAttribute(lambda o: UnitFactory(organisation=o.organisation))
    title = factory.Sequence(lambda n: f"Self-assessment {n}")
    mode = Mode.GROUP
    framework_version = CURRENT_VERSION


def submit(
    assessment: Assessment, levels, comments: dict | None = None, source: str = Source.PARTICIPANT
) -> Response:
    """A submitted response: `levels` is one level for every element, or {code: level}.
    A participant's by default: only those count towards the minimum that shows results."""
    by_code = levels if isinstance(levels, dict) else dict.fromkeys(CODES, levels)
    response = Response.objects.create(
        assessment=assessment, source=source, submitted_at=timezone.now()
    )
    Rating.objects.bulk_create(
        Rating(
            response=response,
            element_code=code,
            level=by_code.get(code),
            comment=(comments or {}).get(code, ""),
        )
        for code in CODES
    )
    return response


def full_ratings(level=2, **overrides) -> list[dict]:
    """A valid API body's ratings: every element at `level` unless overridden."""
    return [
        {"element": code, "level": overrides.get(code.replace(".", "_"), level)} for code in CODES
    ]
