"""Benchmarking across the organisations that opted in: anonymised figures per element.

An organisation contributes through its *complete* agreements: for each of its units, the
latest assessment whose group agreed a level for every element. Its figure for an element
is the median of those units' agreed levels. So every element of a group rests on the same
organisations, and one suppression rule covers them all.

Privacy:
- a group of fewer than `MINIMUM_GROUP` organisations is never shown (primary suppression);
- within a way of splitting (by region, by organisation type), the groups not shown must
  together hold none or at least `MINIMUM_GROUP` organisations, or their figures could be
  had by subtracting the shown groups from the whole; the smallest shown groups are
  suppressed as well until they do (secondary suppression);
- no name, and no single organisation's figure, is ever in the result: an organisation
  learns only where it stands against the middle half.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery

from mobilise.accounts.models import Organisation, OrganisationType, Region, Unit
from mobilise.assessments.models import Assessment, Consensus
from mobilise.framework.catalogue import action_key, get_framework
from mobilise.plans.models import ActionStatus, PlanAction

LEVELS = range(5)
SPLITS = {"region": Region, "kind": OrganisationType}


def minimum_group() -> int:
    return settings.MOBILISE_BENCHMARK_MINIMUM_GROUP


@dataclass
class ElementFigures:
    code: str
    title: str
    distribution: list[int]  # organisations at each level 0 to 4 (their median, rounded down)
    median: float
    lower_quartile: float
    upper_quartile: float


@dataclass
class ActionFigures:
    text: str
    organisations: int  # how many organisations' plans chose it
    actions: int
    done: int

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.actions) if self.actions else 0


@dataclass
class Group:
    key: str
    label: str
    organisations: int
    shown: bool
    elements: list[ElementFigures] = field(default_factory=list)
    actions: list[ActionFigures] = field(default_factory=list)


@dataclass
class Contributor:
    region: str
    kind: str
    levels: dict[str, float]  # element code → median of its units' agreed levels
    assessment_ids: list


def complete_assessments():
    """The ids of each opted-in unit's latest assessment with every element agreed."""
    elements = len(get_framework().elements)
    complete = (
        Assessment.objects.annotate(agreed=Count("consensus"))
        .filter(unit=OuterRef("pk"), agreed__gte=elements)
        .order_by("-created_at")
        .values("pk")[:1]
    )
    return (
        Unit.objects.filter(organisation__benchmarking=True)
        .annotate(latest=Subquery(complete))
        .filter(latest__isnull=False)
        .values("latest")
    )


def contributors() -> dict:
    """Each opted-in organisation's figures, keyed by an id that never leaves this module."""
    rows = (
        Consensus.objects.filter(assessment_id__in=complete_assessments())
        .values_list(
            "assessment__organisation_id",
            "assessment__organisation__region",
            "assessment__organisation__kind",
            "assessment_id",
            "element_code",
            "level",
        )
        .order_by()
    )
    levels: dict = defaultdict(lambda: defaultdict(list))
    meta: dict = {}
    assessments: dict = defaultdict(set)
    for organisation_id, region, kind, assessment_id, code, level in rows:
        levels[organisation_id][code].append(level)
        meta[organisation_id] = (region, kind)
        assessments[organisation_id].add(assessment_id)
    return {
        organisation_id: Contributor(
            region=meta[organisation_id][0],
            kind=meta[organisation_id][1],
            levels={code: statistics.median(values) for code, values in by_code.items()},
            assessment_ids=sorted(assessments[organisation_id], key=str),
        )
        for organisation_id, by_code in levels.items()
    }


def shown_groups(sizes: dict[str, int], total: int, floor: int | None = None) -> set[str]:
    """Which groups of one split may be shown, with primary and secondary suppression."""
    floor = floor or minimum_group()
    if total < floor:
        return set()
    shown = {key for key, size in sizes.items() if size >= floor}
    hidden = sum(size for key, size in sizes.items() if key not in shown)
    # Organisations with no value for the split (region not set) are hidden too.
    hidden += total - sum(sizes.values())
    for key in sorted(shown, key=lambda k: (sizes[k], k)):
        if hidden == 0 or hidden >= floor:
            break
        shown.discard(key)
        hidden += sizes[key]
    return shown if (hidden == 0 or hidden >= floor) else set()


def element_figures(members: list[Contributor]) -> list[ElementFigures]:
    figures = []
    for element in get_framework().elements:
        values = sorted(m.levels[element.code] for m in members if element.code in m.levels)
        if not values:
            continue
        lower, _, upper = statistics.quantiles(values, n=4, method="inclusive")
        distribution = [0] * len(LEVELS)
        for value in values:
            distribution[int(value)] += 1
        figures.append(
            ElementFigures(
                code=element.code,
                title=element.title,
                distribution=distribution,
                median=statistics.median(values),
                lower_quartile=lower,
                upper_quartile=upper,
            )
        )
    return figures


def action_figures(
    members: list[Contributor], split: str | None = None, limit: int = 10
) -> dict[str, list[ActionFigures]]:
    """The catalogue actions most often chosen by the organisations, and how often they were
    done, for the whole group or for each value of the split: one query either way."""
    ids = [i for m in members for i in m.assessment_ids]
    texts = {action_key(o.text): o.text for o in get_framework().options}
    by = f"plan__assessment__organisation__{split}" if split else None
    rows = (
        PlanAction.objects.filter(plan__assessment_id__in=ids, option_id__isnull=False)
        .values(*([by] if by else []), "action_key")
        .annotate(
            organisations=Count("plan__assessment__organisation", distinct=True),
            actions=Count("id"),
            done=Count("id", filter=Q(status=ActionStatus.DONE)),
        )
        .order_by()
    )
    found: dict[str, list[ActionFigures]] = defaultdict(list)
    for row in rows:
        found[row[by] if by else "all"].append(
            ActionFigures(
                text=texts.get(row["action_key"], row["action_key"]),
                organisations=row["organisations"],
                actions=row["actions"],
                done=row["done"],
            )
        )
    return {
        key: sorted(figures, key=lambda a: (-a.organisations, -a.actions, a.text))[:limit]
        for key, figures in found.items()
    }


def build_group(
    key: str, label: str, members: list[Contributor], shown: bool, actions: dict
) -> Group:
    group = Group(key=key, label=label, organisations=len(members), shown=shown)
    if shown:
        group.elements = element_figures(members)
        group.actions = actions.get(key, [])
    return group


@dataclass
class Benchmark:
    groups: list[Group]
    # element code → "above", "around" or "below" the middle half, for the organisation
    # asking, when it takes part and the whole benchmark is shown.
    standing: dict[str, str]
    contributing: bool = True  # False: the organisation asking adds nothing, so sees nothing

    @property
    def overall(self) -> Group:
        return self.groups[0]


def benchmark(split: str | None = None, organisation: Organisation | None = None) -> Benchmark:
    """The whole benchmark, then each group of the split (region or organisation type)."""
    found = contributors()
    everyone = list(found.values())
    own = found.get(organisation.pk) if organisation is not None else None
    # A member knows its own figures: taking them away must still leave a group of the
    # minimum size, so its view needs one organisation more. And only an organisation that
    # contributes sees anything.
    floor = minimum_group() + (organisation is not None)
    if organisation is not None and own is None:
        return Benchmark(
            [Group("all", "All organisations taking part", len(everyone), False)], {}, False
        )
    shown_at_all = len(everyone) >= floor
    overall = build_group(
        "all",
        "All organisations taking part",
        everyone,
        shown_at_all,
        action_figures(everyone) if shown_at_all else {},
    )
    groups = [overall]
    if split in SPLITS:
        members = {
            value: [c for c in everyone if getattr(c, split) == value]
            for value in SPLITS[split].values
        }
        shown = shown_groups({k: len(v) for k, v in members.items()}, len(everyone), floor)
        actions = action_figures([c for k in shown for c in members[k]], split) if shown else {}
        groups += [
            build_group(value, label, members[value], value in shown, actions)
            for value, label in SPLITS[split].choices
        ]
    return Benchmark(groups, standing(own, overall) if own else {})


def standing(own: Contributor, overall: Group) -> dict[str, str]:
    found = {}
    for figures in overall.elements:
        level = own.levels.get(figures.code)
        if level is None:
            continue
        if level > figures.upper_quartile:
            found[figures.code] = "above"
        elif level < figures.lower_quartile:
            found[figures.code] = "below"
        else:
            found[figures.code] = "around"
    return found
