"""Assessments are read by the apps above them (plans, reports, portfolio) and never read
them: what those apps add to an assessment's pages comes through `assessments.panels`."""

import ast
from pathlib import Path

import mobilise.assessments

ABOVE = ("mobilise.plans", "mobilise.reports", "mobilise.portfolio", "mobilise.benchmarking")


def imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_assessments_imports_nothing_from_the_apps_above_it():
    root = Path(mobilise.assessments.__file__).parent
    sources = [p for p in root.rglob("*.py") if "tests" not in p.relative_to(root).parts]
    assert len(sources) > 20
    wrong = {
        str(path.relative_to(root)): sorted(m for m in imported(path) if m.startswith(ABOVE))
        for path in sources
    }
    assert {name: found for name, found in wrong.items() if found} == {}


def test_the_import_check_sees_an_import_from_above(tmp_path):
    source = tmp_path / "x.py"
    source.write_text("from mobilise.plans.services import case_studies\nimport os\n")
    assert "mobilise.plans.services" in imported(source)
