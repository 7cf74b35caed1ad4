"""export_framework and GET /api/v1/framework: the same JSON, and the CSV."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from mobilise.framework.catalogue import get_framework
from mobilise.framework.export import CSV_HEADER, framework_as_dict


def run_export(*args: str) -> str:
    out = io.StringIO()
    call_command("export_framework", *args, stdout=out)
    return out.getvalue()


def test_json_has_the_shape_of_the_api_contract():
    data = framework_as_dict(get_framework())
    assert data["version"] == "1.0"
    assert data["scale"][0] == {
        "level": 0,
        "label": "Not yet",
        "description": "This does not happen.",
    }
    assert {"id", "name", "summary"} <= set(data["techniques"][0])
    element = data["sections"][0]["elements"][0]
    assert element["code"] == "1.1"
    assert element["title"] == "Leaders and their teams use of externally generated evidence"
    assert [level["level"] for level in element["levels"]] == [0, 1, 2, 3, 4]
    assert element["options"][0] == {
        "id": "1.1-a",
        "text": "Request and use summaries of the latest research evidence",
        "techniques": ["evidence-summaries"],
        "action_id": "1.1-a",
        "elements": ["1.1"],
    }


def test_json_marks_one_action_under_several_elements():
    data = framework_as_dict(get_framework())
    options = {o["id"]: o for s in data["sections"] for e in s["elements"] for o in e["options"]}
    assert options["4.5-b"]["action_id"] == "4.1-c"
    assert options["4.5-b"]["elements"] == ["4.1", "4.3", "4.4", "4.5"]


def test_export_framework_json_prints_the_framework():
    assert json.loads(run_export("--format", "json")) == framework_as_dict(get_framework())


def test_export_framework_csv_has_one_row_per_element_and_option():
    rows = list(csv.reader(io.StringIO(run_export("--format", "csv"))))
    assert rows[0] == CSV_HEADER
    assert len(rows) == 100
    assert rows[1] == [
        "1",
        "Leadership",
        "1.1",
        "Leaders and their teams use of externally generated evidence",
        "1.1-a",
        "Request and use summaries of the latest research evidence",
    ]
    assert rows[-1][2] == "4.5" and rows[-1][4] == "4.5-d"
    # A Markdown link in the seed is reduced to its text.
    assert any(r[5].startswith("Read the Value Proposition: The Gift of Time to") for r in rows)


def test_export_framework_refuses_an_unknown_version():
    with pytest.raises(CommandError, match="not available"):
        run_export("--framework-version", "9.9")


def test_the_api_and_the_command_give_the_same_json(client):
    response = client.get("/api/v1/framework")
    assert response.status_code == 200
    assert response.json() == json.loads(run_export("--format", "json"))
