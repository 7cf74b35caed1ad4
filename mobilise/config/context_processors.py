"""What the page layout needs on every page: service name, phase, header, navigation."""

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html

from mobilise.accounts.services import current_membership, memberships_of


def layout(request: HttpRequest) -> dict:
    """What the page layout needs on every page: service name, phase, header and navigation."""
    membership = current_membership(request)
    items = [{"href": reverse("framework:overview"), "text": "Framework"}]
    if membership is not None:
        items[0:0] = [
            {"href": reverse("home"), "text": "Home"},
            {"href": reverse("assessments:list"), "text": "Assessments"},
            {"href": reverse("portfolio:portfolio"), "text": "Portfolio"},
            {"href": reverse("plans:follow-up"), "text": "Follow-up"},
        ]
    current = request.path
    for item in items:
        item["current"] = item["href"] == current
        item["active"] = item["href"] != "/" and current.startswith(item["href"])
    return {
        "service_name": settings.MOBILISE_SERVICE_NAME,
        "phase": settings.MOBILISE_PHASE,
        "membership": membership,
        "can_switch_organisation": len(memberships_of(request)) > 1,
        "navigation_items": items,
        "show_demo_login": settings.MOBILISE_SHOW_DEMO_LOGIN,
        "sso_label": settings.MOBILISE_SSO_LABEL,
        "sign_out_form": format_html(
            '<form class="nhsuk-header__account-form" method="post" action="{}" novalidate>'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button class="nhsuk-header__account-button">Sign out</button></form>',
            reverse("accounts:logout"),
            get_token(request),
        ),
    }
