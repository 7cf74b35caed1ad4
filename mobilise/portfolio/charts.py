"""The portfolio's charts: units × elements, and how many units agreed each level, drawn
by the assessments' heat-map builder."""

from mobilise.assessments.charts import NHS_BLUE, NHS_DARK_BLUE, Chart, heat_map_svg
from mobilise.framework.catalogue import Framework

# The agreed levels 0 to 4 in the colours of the portfolio's table (see _components.scss).
LEVEL_COLOURS = ("#f0f4f5", "#cce0f1", "#80afdc", NHS_BLUE, NHS_DARK_BLUE)
NUMBERED_UNITS = 30


def units_heat_map(framework: Framework, units: list[tuple[str, dict[str, int]]]) -> Chart:
    """Units × elements: each unit's agreed level of each element, blank where none."""
    codes = tuple(e.code for e in framework.elements)
    names = tuple(name for name, _ in units)
    rows = tuple(tuple(levels.get(c) for c in codes) for _, levels in units)
    alt = (
        f"Heat map of the agreed level, 0 to 4, of each of the {len(codes)} elements for each "
        f"of {len(names)} {'unit' if len(names) == 1 else 'units'}; darker means a higher level "
        "and a blank square means not assessed. The same levels are in the table that follows."
    )
    image = heat_map_svg(
        names,
        codes,
        rows,
        top=4,
        colours=LEVEL_COLOURS,
        size=(9, 1.2 + 0.4 * max(len(names), 1)),
        rotation=0,
        # Each number is drawn as paths: for many units they would take seconds and
        # megabytes, and the table that follows the chart has them all.
        numbers=len(names) <= NUMBERED_UNITS,
    )
    return Chart("Agreed level per unit and element", alt, image)


def units_per_level(framework: Framework, distribution: dict[str, dict]) -> Chart:
    """Elements × levels: how many units agreed each level of each element."""
    codes = tuple(e.code for e in framework.elements)
    columns = (*(f"{s.level} {s.label}" for s in framework.scale), "Not assessed")
    rows = tuple(tuple(distribution[c].values()) for c in codes)
    alt = (
        "Heat map of how many units agreed each level of each element; darker means more "
        "units. The same counts are in the table that follows."
    )
    return Chart("Units per element and level", alt, heat_map_svg(codes, columns, rows))
