"""JSON from outside (API bodies, imported files), read so that no input, however hostile,
costs more than its size or ends in a server error.

`json.loads` recurses once per level of nesting, so `[[[[…]]]]` of a few thousand levels
raises RecursionError; anything that then walks the value recursively would too. The value
is therefore walked once, without recursion, checking its depth, the number of values it
holds and that no text holds a NUL character (PostgreSQL cannot store one).
"""

import json
from typing import Any

# Deeper than any body or export of ours (an export is seven levels deep).
MAX_DEPTH = 32


class JsonRefused(Exception):
    """The input is not JSON we accept; `loc` names where, as in the API's 422 bodies."""

    def __init__(self, loc: list, msg: str, not_json: bool = False) -> None:
        super().__init__(msg)
        self.loc = loc
        self.msg = msg
        self.not_json = not_json  # not JSON at all, rather than JSON we refuse


def parse_json(
    raw: bytes | str, *, loc: list, max_depth: int = MAX_DEPTH, max_values: int | None = None
) -> Any:
    """The parsed value, or JsonRefused naming the place (`loc` is where the JSON came from,
    for example `["body"]`)."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        value = json.loads(text or "null")
    except RecursionError as error:
        raise JsonRefused(loc, f"The JSON is nested more than {max_depth} levels deep") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise JsonRefused(loc, "The body must be valid JSON", not_json=True) from error
    check(value, loc=loc, max_depth=max_depth, max_values=max_values)
    return value


def check(value: Any, *, loc: list, max_depth: int, max_values: int | None) -> None:
    """Depth, size and NUL characters, in one pass without recursion."""
    stack: list[tuple[Any, list, int]] = [(value, loc, 0)]
    seen = 0
    while stack:
        item, where, depth = stack.pop()
        seen += 1
        if max_values is not None and seen > max_values:
            raise JsonRefused(loc, f"The JSON holds more than {max_values:,} values")
        if isinstance(item, str):
            if "\x00" in item:
                raise JsonRefused(where, "Text may not contain NUL characters")
            continue
        if isinstance(item, dict):
            children = list(item.items())
        elif isinstance(item, list):
            children = list(enumerate(item))
        else:
            continue
        if depth >= max_depth and children:
            raise JsonRefused(loc, f"The JSON is nested more than {max_depth} levels deep")
        for key, child in reversed(children):
            if isinstance(key, str) and "\x00" in key:
                raise JsonRefused([*where, key], "Text may not contain NUL characters")
            stack.append((child, [*where, key], depth + 1))
