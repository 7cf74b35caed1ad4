"""An assessment of the caller's organisation, loaded the same way by every page and API
operation: another organisation's assessment is a 404, never its contents."""

from django.http import Http404, HttpRequest

from mobilise.accounts.services import get_for_organisation
from mobilise.assessments.models import Assessment
from mobilise.framework.catalogue import Element


def load(request: HttpRequest, assessment_id) -> Assessment:
    """`request.membership` is set by sign-in on pages and by the token in the API."""
    return get_for_organisation(
        Assessment.objects.select_related("unit", "organisation"),
        request.membership.organisation,
        pk=assessment_id,
    )


def element_of(assessment: Assessment, code: str) -> Element:
    """One of the assessment's framework elements; a 404 for a code it does not have."""
    element = assessment.framework.element(code)
    if element is None:
        raise Http404("No such element")
    return element
