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
  learns only where it stands against the middle half;
- figures are taken as dated snapshots (`refresh`, daily), not live, so one organisation
  joining, leaving or agreeing its levels between two looks does not show as a difference.
  Its own standing is worked out live, against the latest snapshot.
"""

import datetime
import statistics
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery

from mobilise.accounts.models import Organisation, OrganisationType, Region, Unit
from mobilise.assessments.models import Assessment, Consensus
from mobilise.benchmarking.models import BenchmarkSnapshot
from mobilise.framework.catalogue import action_key, get_framework
from mobilise.plans.models import ActionStatus, PlanAction

SPLITS = {"region": Region, "kind": OrganisationType}
ALL = "All organisations taking part"


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


def complete_assessments(organisation: Organisation | None = None):
    """The ids of each opted-in unit's latest assessment with every element agreed (of one
    organisation's units only, when given)."""
    elements = len(get_framework().elements)
    complete = (
        Assessment.objects.annotate(agreed=Count("consensus"))
        .filter(unit=OuterRef("pk"), agreed__gte=elements)
        .order_by("-created_at")
        .values("pk")[:1]
    )
    # An archived unit's assessments no longer speak for the organisation.
    units = Unit.objects.active().filter(organisation__benchmarking=True)
    if organisation is not None:
        units = units.filter(organisation=organisation)
    return units.annotate(latest=Subquery(complete)).filter(latest__isnull=False).values("latest")


def contributors(organisation: Organisation | None = None) -> dict:
    """Each opted-in organisation's figures (or one's), keyed by an id that never leaves
    this module."""
    rows = (
        Consensus.objects.filter(assessment_id__in=complete_assessments(organisation))
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
    framework = get_framework()
    for element in framework.elements:
        values = sorted(m.levels[element.code] for m in members if element.code in m.levels)
        if not values:
            continue
        # Groups too small to show are still summed up (whether they are shown is decided
        # when they are read); one value is its own quartiles.
        lower, _, upper = (
            statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
        )
        distribution = [0] * len(framework.levels)
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


def _figures(members: list[Contributor], actions: list[ActionFigures]) -> dict:
    return {
        "organisations": len(members),
        "elements": [asdict(f) for f in element_figures(members)],
        "actions": [asdict(a) for a in actions],
    }


@transaction.atomic
def refresh() -> BenchmarkSnapshot:
    """Take a new snapshot: every group of every split, whether it will be shown or not
    (that is decided when it is read, for who is reading). A constant number of queries."""
    everyone = list(contributors().values())
    groups = {"all": _figures(everyone, action_figures(everyone).get("all", []))}
    for split, choices in SPLITS.items():
        actions = action_figures(everyone, split)
        for value in choices.values:
            members = [c for c in everyone if getattr(c, split) == value]
            groups[f"{split}:{value}"] = _figures(members, actions.get(value, []))
    return BenchmarkSnapshot.objects.create(organisations=len(everyone), groups=groups)


def latest() -> BenchmarkSnapshot:
    """The latest snapshot; the first is taken on the first look."""
    return BenchmarkSnapshot.objects.first() or refresh()


def _group(snapshot: BenchmarkSnapshot, key: str, label: str, shown: bool, group_key: str) -> Group:
    data = snapshot.groups[group_key]
    group = Group(key=key, label=label, organisations=data["organisations"], shown=shown)
    if shown:
        group.elements = [ElementFigures(**f) for f in data["elements"]]
        group.actions = [ActionFigures(**a) for a in data["actions"]]
    return group


@dataclass
class Benchmark:
    groups: list[Group]
    # element code → "above", "around" or "below" the middle half, for the organisation
    # asking, when it takes part and the whole benchmark is shown.
    standing: dict[str, str]
    contributing: bool = True  # False: the organisation asking adds nothing, so sees nothing
    taken_at: datetime.datetime | None = None

    @property
    def overall(self) -> Group:
        return self.groups[0]


def benchmark(split: str | None = None, organisation: Organisation | None = None) -> Benchmark:
    """The latest snapshot's figures, overall and for each group of the split (region or
    organisation type), as the organisation asking (or platform staff) may see them."""
    own = None
    if organisation is not None:
        own = contributors(organisation).get(organisation.pk)
        if own is None:
            return Benchmark([Group("all", ALL, 0, False)], {}, contributing=False)
    snapshot = latest()
    total = snapshot.organisations
    # A member knows its own figures: taking them away must still leave a group of the
    # minimum size, so its view needs one organisation more.
    floor = minimum_group() + (organisation is not None)
    overall = _group(snapshot, "all", ALL, total >= floor, "all")
    groups = [overall]
    if split in SPLITS:
        sizes = {
            value: snapshot.groups[f"{split}:{value}"]["organisations"]
            for value in SPLITS[split].values
        }
        shown = shown_groups(sizes, total, floor)
        groups += [
            _group(snapshot, value, label, value in shown, f"{split}:{value}")
            for value, label in SPLITS[split].choices
        ]
    return Benchmark(groups, standing(own, overall) if own else {}, taken_at=snapshot.created_at)


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
