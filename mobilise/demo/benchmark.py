"""Peer organisations for the demo's benchmark: the demo organisation takes part, with
twelve others in three regions, so the benchmark shows figures by region and a region too
small to show. The peers have no members: nobody signs in to them, and the benchmark never
names them. Seeded, so the same everywhere; running it again changes nothing."""

import random

from mobilise.accounts.models import Organisation, OrganisationType, Region
from mobilise.assessments.models import Assessment, Consensus
from mobilise.assessments.services.setup import create_assessment
from mobilise.plans.models import ActionStatus
from mobilise.plans.services.plan import ActionFields, add_catalogue_action

# (region, number of peers): North West has the demo organisation too, so 6; Midlands 5;
# London's 2 are never shown, and Midlands is then hidden with them so that London cannot
# be had by subtracting the others from the whole.
PEERS = [(Region.NORTH_WEST, 5), (Region.MIDLANDS, 5), (Region.LONDON, 2)]
KINDS = [OrganisationType.ACUTE, OrganisationType.MENTAL_HEALTH, OrganisationType.COMMUNITY]
STATUSES = [ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED]


def load_demo_benchmark(organisation: Organisation) -> None:
    if not organisation.region:
        organisation.region, organisation.kind = Region.NORTH_WEST, OrganisationType.ACUTE
        organisation.benchmarking = True
        organisation.save(update_fields=["region", "kind", "benchmarking"])
    number = 0
    for region, count in PEERS:
        for _ in range(count):
            number += 1
            _peer(number, region)


def _peer(number: int, region: str) -> None:
    name = f"Benchmark peer {number} (demo)"
    if Organisation.objects.filter(name=name).exists():
        return
    rng = random.Random(f"mobilise-demo-peer:{number}")  # noqa: S311 - demo figures only
    peer = Organisation.objects.create(
        name=name, region=region, kind=KINDS[number % len(KINDS)], benchmarking=True
    )
    assessment = create_assessment(peer, "Trust Board", "Board self-assessment", "group")
    typical = rng.choice([1, 2, 2, 3])
    Consensus.objects.bulk_create(
        Consensus(
            assessment=assessment,
            element_code=element.code,
            level=max(0, min(4, typical + rng.choice([-1, 0, 0, 1]))),
            importance=rng.choice(["low", "medium", "high"]),
        )
        for element in assessment.framework.elements
    )
    Assessment.objects.filter(pk=assessment.pk).update(status="closed")
    for element in rng.sample(assessment.framework.elements, 4):
        option = rng.choice(element.options)
        add_catalogue_action(
            assessment,
            option.id,
            [element.code],
            ActionFields(status=rng.choice(STATUSES), given={"status"}),
        )
