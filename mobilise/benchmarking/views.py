"""The benchmark across organisations: for members of a taking-part organisation, where it
stands; for platform staff, the national view of the same aggregates."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required
from mobilise.accounts.models import Role
from mobilise.benchmarking.charts import charts_of
from mobilise.benchmarking.services import SPLITS, benchmark, minimum_group

SPLIT_LABELS = {"": "All organisations together", "region": "Region", "kind": "Organisation type"}


def _split(request: HttpRequest) -> str:
    split = request.GET.get("by", "")
    return split if split in SPLITS else ""


def _render(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    split = _split(request)
    return render(
        request,
        template,
        {
            "split": split,
            "split_labels": SPLIT_LABELS,
            "minimum": minimum_group(),
            **context,
        },
    )


@require_safe
@member_required
def benchmark_page(request: HttpRequest) -> HttpResponse:
    organisation = request.membership.organisation
    taking_part = organisation.benchmarking
    found = benchmark(_split(request), organisation) if taking_part else None
    return _render(
        request,
        "benchmarking/benchmark.jinja",
        {
            "page_title": "Benchmark",
            "taking_part": taking_part,
            "found": found,
            "charts": charts_of(found.groups) if found and found.contributing else {},
            "is_admin": request.membership.role == Role.ADMIN,
        },
    )


@require_safe
def national_page(request: HttpRequest) -> HttpResponse:
    """For NHS England's knowledge-for-healthcare team: platform staff accounts only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_staff:
        # Not the general "ask your organisation's admin": no organisation role opens it.
        return render(
            request,
            "benchmarking/national_refused.jinja",
            {"page_title": "The national benchmark is for the national team"},
            status=403,
        )
    found = benchmark(_split(request))
    return _render(
        request,
        "benchmarking/benchmark_national.jinja",
        {"page_title": "National benchmark", "found": found, "charts": charts_of(found.groups)},
    )
