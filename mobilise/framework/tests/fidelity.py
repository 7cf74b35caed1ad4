"""Comparing the framework data file with the source catalogue, difference by difference."""

from mobilise.framework.catalogue import Framework
from mobilise.framework.tests.seed import SeedElement


def differences(framework: Framework, seed: list[SeedElement]) -> list[str]:
    """Every way the framework's elements and options differ from the seed; empty if none."""
    found: list[str] = []
    ours = {e.code: e for e in framework.elements}
    if [e.code for e in framework.elements] != [s.code for s in seed]:
        found.append(
            f"Element codes differ: ours {[e.code for e in framework.elements]}, "
            f"seed {[s.code for s in seed]}"
        )
    for expected in seed:
        element = ours.get(expected.code)
        if element is None:
            continue
        section = framework.section(element.section_code)
        if section is None or section.title != expected.section:
            found.append(f"{expected.code} is not under the section {expected.section!r}")
        if (element.seed_title or element.title) != expected.title:
            found.append(f"{expected.code} title {element.title!r} is not {expected.title!r}")
        texts = [o.text for o in element.options]
        if texts != expected.options:
            found.append(f"{expected.code} options differ: ours {texts}, seed {expected.options}")
    return found
