"""The framework as plain data: the JSON of the API contract, and CSV rows."""

import csv
import io
from typing import Any

from mobilise.framework.catalogue import Framework

CSV_HEADER = [
    "section_code",
    "section_title",
    "element_code",
    "element_title",
    "option_id",
    "option_text",
]


def framework_as_dict(fw: Framework) -> dict[str, Any]:
    """The shape of `GET /api/v1/framework` and `export_framework --format json`."""
    return {
        "version": fw.version,
        "name": fw.name,
        "no_action": fw.no_action,
        "scale": [
            {"level": s.level, "label": s.label, "description": s.description} for s in fw.scale
        ],
        "dont_know": {"label": fw.dont_know, "description": fw.dont_know_description},
        "techniques": [{"id": t.id, "name": t.name, "summary": t.summary} for t in fw.techniques],
        "sections": [
            {
                "code": section.code,
                "title": section.title,
                "elements": [
                    {
                        "code": element.code,
                        "title": element.title,
                        "seed_title": element.seed_title,
                        "levels": [
                            {"level": level.level, "description": description}
                            for level, description in zip(fw.scale, element.levels, strict=True)
                        ],
                        "options": [
                            {
                                "id": option.id,
                                "text": option.text,
                                "techniques": list(option.techniques),
                                "action_id": fw.action_id(option),
                                "elements": fw.elements_served(option),
                            }
                            for option in element.options
                        ],
                    }
                    for element in section.elements
                ],
            }
            for section in fw.sections
        ],
    }


def framework_csv_rows(fw: Framework) -> list[list[str]]:
    return [
        [section.code, section.title, element.code, element.title, option.id, option.text]
        for section in fw.sections
        for element in section.elements
        for option in element.options
    ]


def framework_as_csv(fw: Framework) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(framework_csv_rows(fw))
    return out.getvalue()
