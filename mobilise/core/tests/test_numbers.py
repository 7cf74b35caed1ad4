"""A mean with one decimal place, as every page and document shows it."""

import pytest

from mobilise.core.numbers import one_decimal, signed_one_decimal


@pytest.mark.parametrize(
    ("value", "shown"),
    [(2, "2.0"), (1.7142857, "1.7"), (2.25, "2.3"), (2.35, "2.4"), (0.04, "0.0"), (None, "–")],
)
def test_a_mean_has_one_decimal_place_rounded_half_up(value, shown):
    assert one_decimal(value) == shown


def test_a_change_is_signed():
    assert [signed_one_decimal(v) for v in (2, -0.46, 0.01, None)] == ["+2.0", "−0.5", "0.0", "–"]
