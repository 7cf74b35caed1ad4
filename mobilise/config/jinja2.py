"""The Jinja2 environment: our templates first, then the NHS.UK design system's macros."""

from typing import Any

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def uk_time(value) -> str:
    """A moment as people in the UK read it (the service's time zone), to the minute."""
    return timezone.localtime(value).strftime("%-d %b %Y, %H:%M")


def environment(**options: Any) -> Environment:
    # ChainableUndefined lets the design-system macros read optional nested parameters.
    options["undefined"] = ChainableUndefined
    options["loader"] = ChoiceLoader([options["loader"], PackageLoader("nhsuk_frontend_jinja")])
    options.setdefault("extensions", []).append("jinja2.ext.loopcontrols")
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.globals.update({"static": static, "url": url, "get_messages": get_messages, "zip": zip})
    env.filters["uk_time"] = uk_time
    return env
