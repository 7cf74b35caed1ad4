"""The workbook grows in proportion to its rows (issue #11: it was quadratic)."""

import cProfile
import pstats

from openpyxl import Workbook

from mobilise.reports.xlsx import _sheet


def operations(rows: int) -> int:
    """Python and C function calls (generator steps included) made to write a sheet."""
    data = [
        [n, "1.1", n % 5, "No", "=looks like a formula" if n % 7 == 0 else None]
        for n in range(rows)
    ]
    profile = cProfile.Profile()
    profile.enable()
    _sheet(
        Workbook(),
        "Ratings",
        ["Response", "Element", "Level", "Don't know", "Comment"],
        data,
        [10, 9, 8, 11, 80],
    )
    profile.disable()
    return pstats.Stats(profile).total_calls


def test_a_sheet_of_four_times_the_rows_costs_about_four_times_the_work():
    small, large = operations(1_000), operations(4_000)
    # Linear work gives a ratio of 4; the quadratic version gave about 16.
    assert large < 6 * small, (small, large)


def test_text_that_looks_like_a_formula_is_still_stored_as_text():
    sheet = _sheet(Workbook(), "T", ["A", "B"], [["=1+1", 2], ["plain", "@x"]], [5, 5])
    assert [c.data_type for c in sheet[2]] == ["s", "n"]
    assert [c.data_type for c in sheet[3]] == ["s", "s"] and sheet["A2"].value == "=1+1"
