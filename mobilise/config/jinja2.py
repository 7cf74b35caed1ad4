"""The Jinja2 environment: our templates first, then the NHS.UK design system's macros."""

import json
from functools import lru_cache
from typing import Any

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, Undefined
from markupsafe import Markup

from mobilise.audit.labels import change_in_words
from mobilise.core.dates import uk_date
from mobilise.core.numbers import one_decimal, signed_one_decimal
from mobilise.plans.services.followup import my_actions


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def uk_time(value) -> str:
    """A moment as people in the UK read it (the service's time zone), to the minute."""
    return uk_date(value, "%-d %b %Y, %H:%M")


def _defined(value: Any) -> Any:
    """Parameters without the optional ones left undefined, as plain JSON-able values."""
    if isinstance(value, dict):
        return {k: _defined(v) for k, v in value.items() if not isinstance(v, Undefined)}
    if isinstance(value, list | tuple):
        return [_defined(v) for v in value if not isinstance(v, Undefined)]
    return value


def component_cache(env: Environment):
    """A design-system component, rendered once per distinct set of parameters.

    The NHS.UK macros are pure functions of their parameters, and a participant's section
    page calls the radios macro for every element: about 40 ms of a 45 ms page. Rendering
    each distinct set once (the same element, checked value and error recur across every
    participant) takes the page to a few milliseconds. Parameters are compared as JSON, so
    `html` values must be plain strings that the component outputs as they are.
    """

    @lru_cache(maxsize=4096)
    def render(name: str, key: str) -> Markup:
        macro = getattr(env.get_template(f"nhsuk/components/{name}/macro.jinja").module, name)
        return macro(json.loads(key))  # a macro's output is already Markup

    def cached(name: str, params: dict) -> Markup:
        return render(name, json.dumps(_defined(params), sort_keys=True))

    return cached


def environment(**options: Any) -> Environment:
    # ChainableUndefined lets the design-system macros read optional nested parameters.
    options["undefined"] = ChainableUndefined
    options["loader"] = ChoiceLoader([options["loader"], PackageLoader("nhsuk_frontend_jinja")])
    options.setdefault("extensions", []).append("jinja2.ext.loopcontrols")
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.globals.update({"static": static, "url": url, "get_messages": get_messages, "zip": zip})
    env.filters["uk_time"] = uk_time
    env.globals["change_in_words"] = change_in_words
    env.filters["uk_date"] = uk_date
    env.filters["one_decimal"] = one_decimal
    env.filters["signed_one_decimal"] = signed_one_decimal
    env.globals["cached_component"] = component_cache(env)
    # The home page (assessments) shows the member's own actions, which plans know about.
    env.globals["my_actions"] = my_actions
    return env
