"""A page of a long list, for follow-up, the history and whatever else grows without end.

Django's paginator does the counting (one COUNT and one LIMIT/OFFSET query, whatever the
list's length); the page asked for is the URL's ``page``, a bad value meaning the first
page and one past the end the last. Each link keeps the rest of the URL's query (the
filters), so that paging through a filtered list stays filtered. The links are the design
system's numbered pagination, elided around the current page.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import QueryDict

PER_PAGE = 25


@dataclass(frozen=True)
class Paged:
    page: Page
    count: int
    items: list[dict]  # the design system's numbered pagination items
    previous_url: str | None
    next_url: str | None

    @property
    def objects(self):
        return self.page.object_list

    @property
    def first(self) -> int:
        """The position of the page's first item in the whole list, counted from 1."""
        return self.page.start_index()

    @property
    def last(self) -> int:
        return self.page.end_index()

    @property
    def several(self) -> bool:
        return self.page.paginator.num_pages > 1


def page_url(query: QueryDict, number: int) -> str:
    """The query string of page ``number``, with every other parameter kept."""
    kept = query.copy()
    kept.pop("page", None)
    if number > 1:
        kept["page"] = str(number)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else "?"


def paginate(items: Sequence, query: QueryDict, per_page: int = PER_PAGE) -> Paged:
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    page = paginator.get_page(query.get("page"))
    links = []
    for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            links.append({"ellipsis": True})
        else:
            links.append(
                {
                    "number": number,
                    "href": page_url(query, number),
                    "current": number == page.number,
                }
            )
    return Paged(
        page=page,
        count=paginator.count,
        items=links if paginator.num_pages > 1 else [],
        previous_url=page_url(query, page.number - 1) if page.has_previous() else None,
        next_url=page_url(query, page.number + 1) if page.has_next() else None,
    )
