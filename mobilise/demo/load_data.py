"""Synthetic data at national scale, for the scale and load benchmarks (never for a real
service): organisations with units, each assessed over several cycles by a group of
participants, with agreed levels and plans. Inserted in bulk, one organisation per
transaction, deterministic for a seed."""

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from mobilise.accounts.models import Organisation, OrganisationType, Region, Unit
from mobilise.assessments.models import Assessment, Consensus, Rating, Response, Status
from mobilise.framework.catalogue import CURRENT_VERSION, action_key, get_framework
from mobilise.plans.models import ActionPlan, ActionStatus, PlanAction, PlanActionElement

PREFIX = "Load test organisation"
STATUSES = [ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED]


@dataclass
class Scale:
    organisations: int = 1000
    units: int = 20
    cycles: int = 2
    participants: int = 15
    actions: int = 6
    opted_in: float = 0.6  # the share of organisations taking part in the benchmark
    seed: int = 2026

    @property
    def ratings(self) -> int:
        elements = len(get_framework().elements)
        return self.organisations * self.units * self.cycles * self.participants * elements


def generate(scale: Scale, progress=None) -> int:
    """Add `scale.organisations` load-test organisations after those already there; returns
    how many were added."""
    framework = get_framework()
    codes = [e.code for e in framework.elements]
    options = list({action_key(o.text): o for o in framework.options}.values())
    start = Organisation.objects.filter(name__startswith=PREFIX).count()
    for number in range(start, start + scale.organisations):
        rng = random.Random(f"{scale.seed}:{number}")  # noqa: S311 - synthetic data
        with transaction.atomic():
            _organisation(number, scale, rng, codes, options)
        if progress and (number + 1) % 50 == 0:
            progress(number + 1 - start)
    return scale.organisations


def _organisation(number, scale, rng, codes, options) -> None:
    organisation = Organisation.objects.create(
        name=f"{PREFIX} {number + 1}",
        region=rng.choice(Region.values),
        kind=rng.choice(OrganisationType.values),
        benchmarking=rng.random() < scale.opted_in,
    )
    units = Unit.objects.bulk_create(
        Unit(organisation=organisation, name=f"Unit {u + 1}") for u in range(scale.units)
    )
    now = timezone.now()
    previous: dict = {}
    for cycle in range(scale.cycles):
        when = now - timedelta(days=365 * (scale.cycles - cycle))
        assessments = Assessment.objects.bulk_create(
            Assessment(
                organisation=organisation,
                unit=unit,
                title=f"Cycle {cycle + 1}",
                mode="group",
                status=Status.CLOSED,
                closed_at=when,
                framework_version=CURRENT_VERSION,
                previous=previous.get(unit.pk),
            )
            for unit in units
        )
        Assessment.objects.filter(pk__in=[a.pk for a in assessments]).update(created_at=when)
        responses, ratings, consensus = [], [], []
        for assessment in assessments:
            typical = {code: rng.randint(0, 3) + cycle // 2 for code in codes}
            given = {code: [] for code in codes}
            for _ in range(scale.participants):
                response = Response(
                    id=uuid.uuid4(), assessment=assessment, source="participant", submitted_at=when
                )
                responses.append(response)
                for code in codes:
                    level = max(0, min(4, typical[code] + rng.choice([-1, 0, 0, 1])))
                    given[code].append(level)
                    ratings.append(Rating(response=response, element_code=code, level=level))
            consensus += [
                Consensus(
                    assessment=assessment,
                    element_code=code,
                    level=sorted(levels)[len(levels) // 2],
                    importance=rng.choice(["low", "medium", "high"]),
                )
                for code, levels in given.items()
            ]
        Response.objects.bulk_create(responses, batch_size=2000)
        Rating.objects.bulk_create(ratings, batch_size=5000)
        Consensus.objects.bulk_create(consensus, batch_size=5000)
        plans = ActionPlan.objects.bulk_create(ActionPlan(assessment=a) for a in assessments)
        actions = PlanAction.objects.bulk_create(
            PlanAction(
                plan=plan,
                option_id=option.id,
                action_key=action_key(option.text),
                text=option.text,
                status=rng.choice(STATUSES),
                due_on=(when + timedelta(days=rng.randint(30, 400))).date(),
            )
            for plan in plans
            for option in rng.sample(options, scale.actions)
        )
        PlanActionElement.objects.bulk_create(
            PlanActionElement(action=a, element_code=a.option_id.rsplit("-", 1)[0]) for a in actions
        )
        previous = {a.unit_id: a for a in assessments}
