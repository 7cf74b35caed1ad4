"""Checks grow with their input, not with its square: counted in work done, not seconds."""

from mobilise.core.errors import FieldError
from mobilise.framework.catalogue import get_framework
from mobilise.plans.services.plan import check_elements


class Work:
    units = 0


class CountedCode(str):
    """An element code that counts how often it is compared."""

    def __eq__(self, other: object) -> bool:
        Work.units += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class CountedList(list):
    """A list that counts the items it copies into slices and searches through."""

    def __getitem__(self, index):
        if isinstance(index, slice):
            Work.units += len(range(*index.indices(len(self))))
        return super().__getitem__(index)

    def __contains__(self, item: object) -> bool:
        Work.units += len(self)
        return super().__contains__(item)


def work_for(size: int) -> int:
    # Mostly the same element again (the attack: one code named thousands of times).
    codes = CountedList(CountedCode("1.1" if i % 10 else f"9.{i}") for i in range(size))
    Work.units = 0
    errors: list[FieldError] = []
    check_elements(get_framework(), codes, errors)
    assert len(errors) == size - 1  # every unknown code and every repeat is named
    return Work.units


def test_check_elements_is_linear_in_the_number_of_elements():
    small, large = work_for(2_000), work_for(8_000)
    # Four times the input: about four times the work when linear, sixteen when quadratic.
    assert large <= 6 * max(small, 2_000)
