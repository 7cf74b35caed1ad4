"""The framework catalogue: sections, elements, action options, scale and techniques.

The catalogue is read from a versioned TOML data file in `data/`. It knows nothing of
assessments or organisations; everything else asks it for elements and options.
"""

import re
import string
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
CURRENT_VERSION = "1.0"


@dataclass(frozen=True)
class ScaleLevel:
    level: int
    label: str
    description: str


@dataclass(frozen=True)
class Technique:
    id: str
    name: str
    summary: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    element_code: str
    techniques: tuple[str, ...]
    action_key: str


@dataclass(frozen=True)
class Element:
    code: str
    title: str
    section_code: str
    options: tuple[Option, ...]
    levels: tuple[str, ...]
    seed_title: str | None = None


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    elements: tuple[Element, ...]


@dataclass(frozen=True)
class Framework:
    version: str
    name: str
    source: str
    no_action: str
    scale_about: str
    scale: tuple[ScaleLevel, ...]
    dont_know: str
    dont_know_description: str
    techniques: tuple[Technique, ...]
    sections: tuple[Section, ...]
    _elements: dict[str, Element] = field(repr=False, compare=False, default_factory=dict)
    _options: dict[str, Option] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for section in self.sections:
            for element in section.elements:
                self._elements[element.code] = element
                for option in element.options:
                    self._options[option.id] = option

    @property
    def elements(self) -> list[Element]:
        return list(self._elements.values())

    @property
    def options(self) -> list[Option]:
        return list(self._options.values())

    def element(self, code: str) -> Element | None:
        return self._elements.get(code)

    def element_name(self, code: str) -> str:
        """An element's code and title with its section, as people read it: two elements
        share a title (2.1 and 4.4, "Capacity to use evidence from research")."""
        element = self._elements[code]
        return f"{element.code} {element.title} ({self.section(element.section_code).title})"

    def section_number(self, code: str) -> int:
        """The place (from 1) of the section an element belongs to."""
        section_code = self._elements[code].section_code
        return next(i for i, s in enumerate(self.sections, 1) if s.code == section_code)

    def option(self, option_id: str) -> Option | None:
        return self._options.get(option_id)

    def section(self, code: str) -> Section | None:
        return next((s for s in self.sections if s.code == code), None)

    def level_in_words(self, value: float) -> str:
        """A figure on the scale as the scale says it (a median or a mean): a level's
        label, or the two labels it falls between."""
        low, high = self.level(int(value)), self.level(int(value) + 1)
        if float(value).is_integer() or high is None:
            return low.label
        return f"between {low.label} and {high.label}"

    def technique(self, technique_id: str) -> Technique | None:
        return next((t for t in self.techniques if t.id == technique_id), None)

    @property
    def levels(self) -> tuple[int, ...]:
        """The levels of the scale, lowest first (0 to 4 in version 1.0)."""
        return tuple(s.level for s in self.scale)

    def level(self, level: int) -> ScaleLevel | None:
        return next((s for s in self.scale if s.level == level), None)

    def same_action(self, option: Option) -> list[Option]:
        """Every occurrence of the action this option names, in framework order."""
        return [o for o in self._options.values() if o.action_key == option.action_key]

    def elements_served(self, option: Option) -> list[str]:
        """The codes of the elements an option belongs to (its action's every occurrence)."""
        return [o.element_code for o in self.same_action(option)]

    def action_id(self, option: Option) -> str:
        """The id that stands for the whole action: its first occurrence's."""
        return self.same_action(option)[0].id


# Typographic quotes and dashes count as punctuation too.
_PUNCTUATION = str.maketrans("", "", string.punctuation + "\u201c\u201d\u2018\u2019\u2013\u2014")


def action_key(text: str) -> str:
    """Options with the same words, ignoring case and punctuation, are one action."""
    return " ".join(text.casefold().translate(_PUNCTUATION).split())


def techniques_named(text: str, techniques: tuple[Technique, ...]) -> tuple[str, ...]:
    return tuple(
        t.id for t in techniques if any(term_pattern(term).search(text) for term in t.terms)
    )


@cache
def term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def parse(data: dict) -> Framework:
    techniques = tuple(
        Technique(t["id"], t["name"], t["summary"], tuple(t["terms"])) for t in data["techniques"]
    )
    scale = tuple(
        ScaleLevel(s["level"], s["label"], s["description"]) for s in data["scale"]["levels"]
    )
    generic_levels = tuple(s.description for s in scale)
    sections = tuple(
        Section(
            code=s["code"],
            title=s["title"],
            elements=tuple(
                _element(e, s["code"], techniques, generic_levels) for e in s["elements"]
            ),
        )
        for s in data["sections"]
    )
    return Framework(
        version=data["version"],
        name=data["name"],
        source=data["source"],
        no_action=data["no_action"],
        scale_about=data["scale"]["about"],
        scale=scale,
        dont_know=data["scale"]["dont_know"],
        dont_know_description=data["scale"]["dont_know_description"],
        techniques=techniques,
        sections=sections,
    )


def _element(
    data: dict, section_code: str, techniques: tuple[Technique, ...], generic: tuple[str, ...]
) -> Element:
    options = tuple(
        Option(
            id=o["id"],
            text=o["text"],
            element_code=data["code"],
            techniques=techniques_named(o["text"], techniques),
            action_key=action_key(o["text"]),
        )
        for o in data.get("options", [])
    )
    return Element(
        code=data["code"],
        title=data["title"],
        section_code=section_code,
        options=options,
        levels=tuple(data.get("levels", generic)),
        seed_title=data.get("seed_title"),
    )


def available_versions() -> list[str]:
    return sorted(p.stem.removeprefix("framework-") for p in DATA_DIR.glob("framework-*.toml"))


@cache
def get_framework(version: str = CURRENT_VERSION) -> Framework:
    """The framework of a version; raises LookupError for a version we do not have."""
    path = DATA_DIR / f"framework-{version}.toml"
    if not path.is_file():
        raise LookupError(f"Framework version {version!r} is not available")
    with path.open("rb") as f:
        return parse(tomllib.load(f))
