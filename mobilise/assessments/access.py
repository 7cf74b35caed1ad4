"""An assessment of the caller's organisation, loaded the same way by every page and API
operation: another organisation's assessment is a 404, never its contents."""

from django.http import HttpRequest

from mobilise.accounts.services import get_for_organisation
from mobilise.assessments.models import Assessment


def load(request: HttpRequest, assessment_id) -> Assessment:
    """`request.membership` is set by sign-in on pages and by the token in the API."""
    return get_for_organisation(
        Assessment.objects.select_related("unit", "organisation"),
        request.membership.organisation,
        pk=assessment_id,
    )
