"""An independent reading of the source catalogue, used to check the framework data file.

The seed was extracted from a PDF: "## Action Plan options following Knowledge Mobilisation
Assessment" is a page header that repeats, and the bullets after a page header belong to the
element before it. This parser knows nothing of our data file, so the fidelity test compares
two separate readings of the catalogue.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SEED = REPO_ROOT.parent / "shared" / "seeds" / "000_1860b4494f1a3516.txt"

PAGE_HEADER = "## Action Plan options following Knowledge Mobilisation Assessment"
ELEMENT_HEADING = re.compile(
    r"^(?P<section>Leadership|Behaviours|Capabilities and Working Practices|Knowledge Services)"
    r"\s+(?P<code>\d\.\d)[.:]\s*(?P<title>.+)$"
)
LIST_ITEM = re.compile(r"<li>\s*•\s*(.*?)\s*</li>")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class SeedElement:
    section: str
    code: str
    title: str
    options: list[str] = field(default_factory=list)


def seed_path() -> Path:
    return Path(os.environ.get("MOBILISE_SEED_FILE", DEFAULT_SEED))


def plain(text: str) -> str:
    """Markdown links reduced to their text, markup and surrounding space removed."""
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = re.sub(r"</?b>|\*\*", "", text)
    return text.strip().strip("|").strip()


def parse_seed(text: str) -> list[SeedElement]:
    elements: list[SeedElement] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line == PAGE_HEADER:
            continue
        heading = ELEMENT_HEADING.match(plain(line.removeprefix("###").strip()))
        if heading:
            elements.append(
                SeedElement(heading["section"], heading["code"], heading["title"].strip())
            )
            continue
        items = LIST_ITEM.findall(line)
        if line.startswith("- "):
            items = [line[2:]]
        for item in items:
            if not elements:
                raise ValueError(f"An option comes before any element: {item!r}")
            elements[-1].options.append(plain(item))
    return elements


def load_seed() -> list[SeedElement]:
    path = seed_path()
    if not path.exists():
        raise FileNotFoundError(
            f"The source catalogue is not at {path}. Set MOBILISE_SEED_FILE to its path."
        )
    return parse_seed(path.read_text(encoding="utf-8"))
