"""What participants read before the session: the start page and the pre-read PDF say the
same things in the same words, from here and from the framework data."""

import datetime
from dataclasses import dataclass

from mobilise.assessments.models import Assessment, Mode
from mobilise.assessments.services import results
from mobilise.core.dates import uk_date
from mobilise.framework.catalogue import Framework

MINUTES = "about 20 to 30 minutes"
ANONYMOUS = (
    "Your answers are anonymous. You do not need an account, and we do not record your name, "
    "e-mail address, IP address or anything else that could identify you."
)


@dataclass(frozen=True)
class PreRead:
    title: str
    unit: str
    mode: str
    closes_on: datetime.date | None
    minimum: int
    framework: Framework

    anonymous: str = ANONYMOUS

    @property
    def elements(self) -> int:
        return len(self.framework.elements)

    on_behalf_lead: str = "Answer on behalf of your team, not yourself"

    @property
    def on_behalf_detail(self) -> str:
        return (
            f"for each element, choose the level that best describes what happens now in "
            f"{self.unit} as a whole, not what is planned and not only what you do yourself. "
            f"If you cannot say, choose “{self.framework.dont_know}”."
        )

    @property
    def on_behalf(self) -> str:
        return f"{self.on_behalf_lead}: {self.on_behalf_detail}"

    @property
    def how_long(self) -> str:
        until = f" on {uk_date(self.closes_on)}" if self.closes_on else ""
        return (
            f"It takes {MINUTES}: {len(self.framework.sections)} short sections, "
            f"{self.elements} elements. You can save your answers and come back to them, "
            f"and change them until the assessment closes{until}."
        )

    @property
    def who_sees(self) -> str:
        seen = (
            "Your facilitator sees the answers without names: put together, and each set of "
            "levels on its own (so that a duplicate can be set aside), with the comments "
            "people leave."
        )
        if self.mode == Mode.GROUP:
            return seen + " The answers put together are usually shown to the group in the session."
        return seen + f" Nothing is shown until at least {self.minimum} people have answered."


def for_assessment(assessment: Assessment) -> PreRead:
    return PreRead(
        title=assessment.title,
        unit=assessment.unit.name,
        mode=assessment.mode,
        closes_on=assessment.closes_on,
        minimum=results.minimum_responses(),
        framework=assessment.framework,
    )
