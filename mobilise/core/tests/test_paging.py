from django.http import QueryDict

from mobilise.core.paging import paginate


def pages(count, query=""):
    return paginate(list(range(count)), QueryDict(query))


def test_a_page_of_twenty_five_and_where_it_sits():
    paged = pages(60, "page=2")
    assert list(paged.objects) == list(range(25, 50))
    assert (paged.count, paged.first, paged.last) == (60, 26, 50)
    assert paged.previous_url == "?" and paged.next_url == "?page=3"


def test_the_filters_stay_in_every_link():
    paged = pages(60, "status=done&owner=me&page=1")
    assert paged.next_url == "?status=done&owner=me&page=2"
    assert [item["href"] for item in paged.items] == [
        "?status=done&owner=me",
        "?status=done&owner=me&page=2",
        "?status=done&owner=me&page=3",
    ]
    assert [item["current"] for item in paged.items] == [True, False, False]


def test_a_bad_or_too_large_page_is_the_first_or_the_last():
    assert pages(60, "page=nonsense").page.number == 1
    assert pages(60, "page=-4").page.number == 3
    assert pages(60, "page=99999999999999999999").page.number == 3


def test_one_page_has_no_links_and_many_are_elided():
    assert pages(10).items == [] and not pages(10).several
    assert pages(0).count == 0 and list(pages(0).objects) == []
    many = pages(25 * 40, "page=20")
    numbers = [item.get("number") for item in many.items]
    assert numbers == [1, None, 19, 20, 21, None, 40]
