"""An organisation's data as a whole, in one JSON file. For organisation admins only."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from mobilise.accounts.access import member_required, require_admin
from mobilise.accounts.models import Membership, Organisation
from mobilise.audit.models import HistoryEntry
from mobilise.plans.models import LocalAction
from mobilise.reports.json_export import export_assessment


def organisation_export(organisation: Organisation) -> dict:
    return {
        "schema": "mobilise.organisation",
        "schema_version": 1,
        "exported_at": timezone.now().isoformat(),
        "organisation": organisation.name,
        "units": list(organisation.units.values_list("name", flat=True)),
        "people": [
            {"username": m.user.username, "role": m.role, "email": m.user.email}
            for m in Membership.objects.filter(organisation=organisation).select_related("user")
        ],
        "local_actions": [
            {"element": a.element_code, "text": a.text, "good_practice": a.good_practice}
            for a in LocalAction.objects.filter(organisation=organisation)
        ],
        "invitations": [
            {"email": i.email, "role": i.role, "expires_at": i.expires_at.isoformat()}
            for i in organisation.invitations.pending()
        ],
        "assessments": [
            export_assessment(a) for a in organisation.assessments.select_related("unit")
        ],
        # Changes outside any assessment; each assessment carries its own history.
        "history": [
            {
                "at": h.created_at.isoformat(),
                "by": h.actor_name,
                "summary": h.summary,
                "changes": h.changes,
            }
            for h in HistoryEntry.objects.filter(
                organisation=organisation, assessment__isnull=True
            ).order_by("created_at")
        ],
    }


@require_safe
@member_required
def export(request: HttpRequest) -> HttpResponse:
    organisation = require_admin(request)
    response = JsonResponse(organisation_export(organisation), json_dumps_params={"indent": 2})
    stem = f"{slugify(organisation.name)}-{timezone.now():%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{stem}-all-data.json"'
    return response
