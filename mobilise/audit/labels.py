"""The history in words: a change's field and values as people read them ("Status: In
progress → Done"), not as they are stored ("status: in_progress → done").

The audit trail imports no app of ours, so each app tells it, when it starts, the words of
the values it records (`register`, from its AppConfig.ready)."""

import datetime
from collections.abc import Iterable
from typing import Any

from mobilise.core.dates import uk_date

_VALUES: dict[str, dict[Any, str]] = {}
_FIELDS: dict[str, str] = {}


def register(field: str, choices: Iterable[tuple[Any, str]], name: str | None = None) -> None:
    """The words for each stored value of `field` (a model's choices), and its name."""
    words = {value: str(label) for value, label in choices}
    if words:
        _VALUES[field] = words
    if name:
        _FIELDS[field] = name


def field_in_words(field: str) -> str:
    return _FIELDS.get(field) or field.replace("_", " ").capitalize()


def value_in_words(field: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "None"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | tuple):
        return ", ".join(value_in_words(field, item) for item in value)
    if field in _VALUES:
        return _VALUES[field].get(value, str(value))
    if isinstance(value, str) and len(value) == 10:
        try:
            return uk_date(datetime.date.fromisoformat(value), "%-d %B %Y")
        except ValueError:
            pass
    return str(value)


def change_in_words(field: str, change: Any) -> str:
    """'Status: In progress → Done'; a change that is not a pair is shown as it is."""
    if isinstance(change, list | tuple) and len(change) == 2:
        before, after = (value_in_words(field, v) for v in change)
        return f"{field_in_words(field)}: {before} → {after}"
    return f"{field_in_words(field)}: {change}"
