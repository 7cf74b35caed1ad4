"""Text as files and pages can hold it: without the control characters that XML (Word,
Excel), PDF fonts and most readers refuse. Tab, line feed and carriage return stay; a
vertical tab or form feed (what Word's line and page breaks become when pasted) is a line
break; the rest, invisible anyway, go."""

import re
from typing import Any

_BREAKS = re.compile("[\x0b\x0c]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


def printable(text: str) -> str:
    if not text:
        return text
    return _CONTROL.sub("", _BREAKS.sub("\n", text))


def printable_data(value: Any) -> Any:
    """Every text in JSON-like data (dicts, lists, texts, numbers) made printable."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_data(k): printable_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [printable_data(v) for v in value]
    return value
