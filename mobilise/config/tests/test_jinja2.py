"""The Jinja2 environment's cached components render exactly what the macros render."""

import pytest
from django.template import engines

PARAMS = {
    "idPrefix": "id_rating_1_1",
    "name": "rating_1_1",
    "inline": False,
    "small": False,
    "fieldset": {
        "legend": {
            "text": "1.1 Leaders <role-model>",
            "classes": "nhsuk-fieldset__legend--m",
            "isPageHeading": False,
        }
    },
    "hint": {"text": "Choose one & explain"},
    "errorMessage": {"text": "Select a level for 1.1"},
    "items": [
        {
            "value": "0",
            "text": "Not yet",
            "hint": {"text": "This does not happen."},
            "checked": False,
        },
        {"divider": "or"},
        {
            "value": "3",
            "text": "Established",
            "checked": True,
            "conditional": {"html": "<p>More</p>"},
        },
    ],
}


@pytest.mark.parametrize("errors", [True, False])
def test_a_cached_component_is_the_macros_own_output(errors):
    params = dict(PARAMS) if errors else {k: v for k, v in PARAMS.items() if k != "errorMessage"}
    env = engines["jinja2"].env
    direct = env.from_string(
        '{% from "nhsuk/components/radios/macro.jinja" import radios %}{{ radios(p) }}'
    ).render(p=params)
    cached = env.from_string('{{ cached_component("radios", p) }}').render(p=params)
    again = env.from_string('{{ cached_component("radios", p) }}').render(p=params)
    assert cached == direct == again
    assert "&lt;role-model&gt;" in cached and "<p>More</p>" in cached
    assert ("Select a level for 1.1" in cached) is errors


def test_undefined_parameters_are_left_out_as_the_macro_would_ignore_them():
    env = engines["jinja2"].env
    template = (
        '{{ cached_component("radios", {"name": "x", "hint": undefined,'
        ' "items": [{"value": "1", "text": "One"}]}) }}'
    )
    assert 'name="x"' in env.from_string(template).render()
