"""Text that spreadsheets must not run: a participant's comment or an action's text that
starts like a formula ("=HYPERLINK(...)") stays text in every export."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """For CSV: a leading apostrophe, which Excel and LibreOffice read as "this is text"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)
