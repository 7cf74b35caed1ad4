"""Charts of an assessment's results, drawn with matplotlib.

Written once: the results page shows them as SVG, and the report documents reuse the same
functions for PNG or SVG. Each chart is drawn from the same `Results` as the tables beside
it, and carries a text alternative. Drawing takes a tenth of a second or more, so each
drawing is remembered for the figures it shows (charts of a closed assessment never change).
"""

import base64
import io
import math
from dataclasses import dataclass
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from mobilise.assessments.services.priorities import agreed_section_means
from mobilise.assessments.services.results import Results
from mobilise.core.numbers import one_decimal
from mobilise.framework.catalogue import Framework

NHS_BLUE = "#005eb8"
NHS_DARK_BLUE = "#003087"
NHS_WARM_YELLOW = "#ffb81c"
NHS_GREY = "#768692"
TEXT = "#212b32"

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "svg.fonttype": "path",
        "svg.hashsalt": "mobilise",  # the same figures make the same file
        "text.color": TEXT,
        "axes.labelcolor": TEXT,
        "xtick.color": TEXT,
        "ytick.color": TEXT,
    }
)


@dataclass(frozen=True)
class Chart:
    title: str
    alt: str
    image: bytes  # SVG unless asked for PNG

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.image).decode()


def render(figure: Figure, fmt: str = "svg", dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=dpi, bbox_inches="tight", metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: str) -> dict | None:
    return {"Date": None} if fmt == "svg" else None


# Told apart without colour, for print in black and white: a line style and a marker shape
# per series, in this order, and a legend in words.
STYLES = [("-", "o"), ("--", "s"), (":", "^")]
_IN_WORDS = {
    ("-", "o"): "solid line, circles",
    ("--", "s"): "dashed line, squares",
    (":", "^"): "dotted line, triangles",
}


RADAR_TEXT = 12  # points: 8 or more once Word scales the drawing to the page (issue #14.6)


def _radar(
    labels: list[str], series: list[tuple[str, list[float | None], str]], size: float
) -> Figure:
    figure = Figure(figsize=(size, size))
    axes = figure.add_subplot(projection="polar")
    angles = [2 * math.pi * i / len(labels) for i in range(len(labels))]
    for (name, values, colour), (dashes, marker) in zip(series, STYLES, strict=False):
        points = [(a, v) for a, v in zip(angles, values, strict=True) if v is not None]
        if not points:
            continue
        closed = [*points, points[0]]
        axes.plot(
            [a for a, _ in closed],
            [v for _, v in closed],
            color=colour,
            linewidth=2,
            linestyle=dashes,
            marker=marker,
            markersize=5,
            markeredgecolor=TEXT,
            markeredgewidth=0.6,
            label=f"{name} ({_IN_WORDS[dashes, marker]})",
        )
        axes.fill([a for a, _ in closed], [v for _, v in closed], color=colour, alpha=0.12)
    axes.set_xticks(angles)
    axes.set_xticklabels(labels, fontsize=RADAR_TEXT)
    axes.set_ylim(0, 4)
    axes.set_yticks([0, 1, 2, 3, 4])
    axes.set_yticklabels(["0", "1", "2", "3", "4"], color=NHS_GREY, fontsize=RADAR_TEXT)
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.08),
            frameon=False,
            fontsize=RADAR_TEXT,
        )
    return figure


def _describe(pairs: list[tuple[str, float | None]], mean: bool = False) -> str:
    """A series in words; a mean with one decimal place, as the pages show it."""
    return "; ".join(
        f"{label} {'no rating' if v is None else (one_decimal(v) if mean else f'{v:g}')}"
        for label, v in pairs
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass(frozen=True)
class Radar:
    """A radar's data, defined once: matplotlib draws it for the pages and Word, the PDF's
    Typst template draws the same spokes, series and text alternative."""

    title: str
    labels: list[str]  # on the spokes (may hold a line break)
    names: list[str]  # the spokes in words, for the text alternative
    series: list[tuple[str, list[float | None], str]]  # name, values, colour
    size: float  # inches, for matplotlib
    what: str

    @property
    def alt(self) -> str:
        """ "Radar chart of … . <name>: <spoke> <value>; …." for each series."""
        return f"Radar chart of {self.what} on the 0 to 4 scale. " + " ".join(
            f"{name}: "
            f"{_describe(list(zip(self.names, values, strict=True)), name.startswith('Mean'))}."
            for name, values, _ in self.series
        )

    def chart(self, fmt: str = "svg") -> Chart:
        image = _radar_svg(
            tuple(self.labels),
            tuple((name, tuple(values), colour) for name, values, colour in self.series),
            self.size,
            fmt,
        )
        return Chart(self.title, self.alt, image)


def section_series(framework: Framework, results: Results) -> Radar:
    agreed = agreed_section_means(framework, results)
    return Radar(
        "Sections",
        [
            f"{s.code} {s.title}".replace(
                "Capabilities and Working Practices", "Capabilities and\nWorking Practices"
            )
            for s in framework.sections
        ],
        [f"{s.code} {s.title}" for s in framework.sections],
        [
            ("Mean rating", [_rounded(s.mean) for s in results.sections], NHS_BLUE),
            (
                "Mean agreed level",
                [_rounded(agreed[s.code]) for s in framework.sections],
                NHS_WARM_YELLOW,
            ),
        ],
        5.5,
        "the four sections",
    )


def element_series(framework: Framework, results: Results) -> Radar:
    codes = [e.code for e in framework.elements]
    found = [results.element(c) for c in codes]
    return Radar(
        "Elements",
        codes,
        codes,
        [
            ("Median rating", [e.median for e in found], NHS_BLUE),
            (
                "Agreed level",
                [e.consensus.level if e.consensus else None for e in found],
                NHS_WARM_YELLOW,
            ),
        ],
        6.5,
        "the 23 elements",
    )


def section_radar(framework: Framework, results: Results, fmt: str = "svg") -> Chart:
    return section_series(framework, results).chart(fmt)


def element_radar(framework: Framework, results: Results, fmt: str = "svg") -> Chart:
    return element_series(framework, results).chart(fmt)


@lru_cache(maxsize=256)
def _radar_svg(labels: tuple, series: tuple, size: float, fmt: str = "svg") -> bytes:
    return render(_radar(list(labels), [(n, list(v), c) for n, v, c in series], size), fmt=fmt)


def heat_map(framework: Framework, results: Results) -> Chart:
    codes = tuple(e.code for e in framework.elements)
    columns = (*(f"{s.level} {s.label}" for s in framework.scale), framework.dont_know)
    rows = tuple(
        (*results.element(c).distribution.values(), results.element(c).dont_know) for c in codes
    )
    alt = (
        "Heat map of how many people chose each level for each element; darker means more. "
        "The same counts are in the table that follows."
    )
    return Chart("Answers per element and level", alt, heat_map_svg(codes, columns, rows))


@lru_cache(maxsize=128)
def heat_map_svg(
    labels: tuple,
    columns: tuple,
    rows: tuple,
    top: int | None = None,
    colours: tuple | None = None,
    size: tuple = (6.5, 8),
    rotation: int = 30,
    numbers: bool = True,
) -> bytes:
    """A grid of numbers coloured by value, from 0 to `top` (the largest if not given),
    in shades of blue or the `colours` given one per whole value; None is left blank."""
    top = top or max((max((v for v in r if v is not None), default=0) for r in rows), default=0)
    top = top or 1
    cmap = ListedColormap(list(colours)) if colours else "Blues"
    figure = Figure(figsize=size)
    axes = figure.add_subplot()
    grid = [[math.nan if v is None else v for v in r] for r in rows]
    axes.imshow(grid, cmap=cmap, vmin=0, vmax=top, aspect="auto")
    for y, row in enumerate(rows if numbers else []):
        for x, count in enumerate(row):
            if count is None:
                continue
            colour = "white" if count > top * 0.6 else TEXT
            axes.text(x, y, str(count), ha="center", va="center", color=colour)
    axes.set_xticks(range(len(columns)))
    axes.set_xticklabels(columns, rotation=rotation, ha="right" if rotation else "center")
    axes.set_yticks(range(len(labels)))
    axes.set_yticklabels(labels)
    axes.tick_params(length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)
    return render(figure)


def trend(framework: Framework, labels: list[str], cycles: list[Results]) -> Chart:
    """The overall and section means, rating and agreed, across a unit's cycles."""
    series = [("Overall mean rating", tuple(_rounded(c.overall_mean) for c in cycles))]
    for index, section in enumerate(framework.sections):
        series.append(
            (
                f"{section.code} {section.title}",
                tuple(_rounded(c.sections[index].mean) for c in cycles),
            )
        )
    return _trend_chart("Change across assessments", "mean ratings", "no rating", labels, series)


def _trend_chart(title: str, what: str, missing: str, labels: list[str], series: list) -> Chart:
    """A line chart of means across cycles, with every figure in its text alternative."""
    svg = _trend_svg(tuple(labels), tuple(series))
    alt = f"Line chart of {what} across assessments, on the 0 to 4 scale. " + " ".join(
        f"{name}: "
        + ", ".join(
            f"{label} {missing if v is None else one_decimal(v)}"
            for label, v in zip(labels, values, strict=True)
        )
        + "."
        for name, values in series
    )
    return Chart(title, alt, svg)


TREND_COLOURS = [NHS_DARK_BLUE, NHS_BLUE, NHS_WARM_YELLOW, "#007f3b", "#7c2855"]


@lru_cache(maxsize=128)
def _trend_svg(labels: tuple, series: tuple) -> bytes:
    figure = Figure(figsize=(6.5, 3.8))
    axes = figure.add_subplot()
    for (name, values), colour in zip(series, TREND_COLOURS, strict=False):
        points = [(i, v) for i, v in enumerate(values) if v is not None]
        width = 3 if name.startswith("Overall") else 1.5
        axes.plot(
            [i for i, _ in points],
            [v for _, v in points],
            marker="o",
            color=colour,
            linewidth=width,
            label=name,
        )
    axes.set_xticks(range(len(labels)))
    axes.set_xticklabels(labels)
    axes.set_ylim(0, 4)
    axes.set_ylabel("Mean on the 0 to 4 scale")
    axes.grid(axis="y", color="#d8dde0")
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False)
    return render(figure)


def agreed_trend(
    labels: list[str], overall: list[float | None], sections: list[tuple[str, list]]
) -> Chart:
    """The overall and section means of the agreed levels across a unit's cycles."""
    series = [("Overall mean agreed level", tuple(_rounded(v) for v in overall))]
    series += [(name, tuple(_rounded(v) for v in values)) for name, values in sections]
    return _trend_chart(
        "Mean agreed levels across assessments",
        "mean agreed levels",
        "no agreed level",
        labels,
        series,
    )


def small_multiples(labels: list[str], panels: list[tuple[str, list[int | None]]]) -> Chart:
    """One small chart per element of its agreed level in each cycle, side by side on the
    same scale, so that the eye compares the shapes."""
    svg = _small_multiples_svg(tuple(labels), tuple((t, tuple(v)) for t, v in panels))
    alt = (
        f"Small charts, one per element, of the agreed level in each of {len(labels)} "
        f"assessments ({', '.join(labels)}), on the 0 to 4 scale. "
        + " ".join(
            f"{title}: "
            + ", ".join("no agreed level" if v is None else str(v) for v in values)
            + "."
            for title, values in panels
        )
    )
    return Chart("Agreed level of each element across assessments", alt, svg)


SMALL_COLUMNS = 4


@lru_cache(maxsize=64)
def _small_multiples_svg(labels: tuple, panels: tuple) -> bytes:
    rows = math.ceil(len(panels) / SMALL_COLUMNS)
    figure = Figure(figsize=(7.5, 1.45 * rows))
    grid = figure.subplots(rows, SMALL_COLUMNS, sharex=True, sharey=True, squeeze=False)
    for index, axes in enumerate(grid.flat):
        if index >= len(panels):
            axes.set_visible(False)
            continue
        title, values = panels[index]
        points = [(i, v) for i, v in enumerate(values) if v is not None]
        axes.plot(
            [i for i, _ in points],
            [v for _, v in points],
            color=NHS_BLUE,
            linewidth=2,
            marker="o",
            markersize=4,
            markeredgecolor=TEXT,
            markeredgewidth=0.5,
        )
        axes.set_title(title, fontsize=9, loc="left")
        axes.set_ylim(-0.3, 4.3)
        axes.set_yticks([0, 2, 4])
        axes.set_xlim(-0.3, len(labels) - 0.7)
        axes.set_xticks(range(len(labels)))
        axes.set_xticklabels(labels, fontsize=7, rotation=45, ha="right")
        axes.grid(axis="y", color="#d8dde0")
        for spine in ("top", "right"):
            axes.spines[spine].set_visible(False)
    figure.tight_layout()
    return render(figure)
