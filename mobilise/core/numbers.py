"""Figures as every page and document shows them: a mean with one decimal place ("2.0",
"2.5"), rounded half up as people round, and a dash where there is none."""

from decimal import ROUND_HALF_UP, Decimal


def one_decimal(value: float | None) -> str:
    if value is None:
        return "–"
    return str(Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def signed_one_decimal(value: float | None) -> str:
    """A change in a mean: "+0.3", "−0.5" (a minus sign, not a hyphen) or "0.0"."""
    if value is None:
        return "–"
    shown = one_decimal(abs(value))
    if shown == "0.0":
        return shown
    return ("+" if value > 0 else "−") + shown
