"""Reading rendered pages in tests by their structure, not by their whitespace."""

from bs4 import BeautifulSoup
from django.http import HttpResponse


def page(response: HttpResponse) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def error_summary(response: HttpResponse) -> list[tuple[str, str]]:
    """The (link, message) pairs of the page's NHS.UK error summary."""
    summary = page(response).select_one(".nhsuk-error-summary")
    if summary is None:
        return []
    return [(a["href"], text(a)) for a in summary.select("a")]


def field_error(response: HttpResponse, field_id: str) -> str:
    """The inline error message shown beside a field."""
    message = page(response).select_one(f"#{field_id}-error")
    return text(message).removeprefix("Error: ").strip()
