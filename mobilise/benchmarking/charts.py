"""The benchmark's chart: for each group shown, how many organisations stand at each level
of each element, drawn by the assessments' heat-map builder; the table beside it has the
same counts."""

from mobilise.assessments.charts import Chart, heat_map_svg
from mobilise.benchmarking.services import Group
from mobilise.framework.catalogue import get_framework


def levels_heat_map(group: Group) -> Chart:
    scale = get_framework().scale
    codes = tuple(figures.code for figures in group.elements)
    columns = tuple(f"{s.level} {s.label}" for s in scale)
    rows = tuple(tuple(figures.distribution) for figures in group.elements)
    alt = (
        f"Heat map of how many of the {group.organisations} organisations in {group.label} "
        f"stand at each level, 0 to 4, of each of the {len(codes)} elements; darker means "
        "more organisations. The same counts are in the table that follows."
    )
    return Chart(
        f"Organisations per element and level: {group.label}",
        alt,
        heat_map_svg(codes, columns, rows),
    )


def charts_of(groups: list[Group]) -> dict[str, Chart]:
    """A chart for each group that is shown, by its key."""
    return {group.key: levels_heat_map(group) for group in groups if group.shown}
