"""The organisation's own local actions and good practice, beside the catalogue's."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from mobilise.accounts.access import member_required, require_admin
from mobilise.accounts.models import Role
from mobilise.accounts.services import get_for_organisation
from mobilise.core.form_views import bound, done, handle
from mobilise.framework.catalogue import get_framework
from mobilise.plans.forms.plan import LocalActionForm
from mobilise.plans.models import LocalAction
from mobilise.plans.services import local


@member_required
def local_actions(request: HttpRequest) -> HttpResponse:
    organisation = request.membership.organisation
    is_admin = request.membership.role == Role.ADMIN
    framework = get_framework()
    form = bound(request, LocalActionForm, framework=framework)
    if request.method == "POST":
        require_admin(request)

    def save(data: dict) -> HttpResponse:
        local.add_local_action(
            organisation, data["element"], data["text"], data["good_practice"], request.user
        )
        return done(request, "The local action is added.", "plans:local-actions")

    if saved := handle(request, form, save):
        return saved
    by_element: dict[str, list[LocalAction]] = {}
    for action in LocalAction.objects.filter(organisation=organisation):
        by_element.setdefault(action.element_code, []).append(action)
    return render(
        request,
        "plans/local_actions.jinja",
        {
            "page_title": "Local actions and good practice",
            "framework": framework,
            "by_element": by_element,
            "form": form,
            "is_admin": is_admin,
        },
    )


@member_required
def delete_local_action(request: HttpRequest, local_id) -> HttpResponse:
    """Remove a local action from the organisation's list, once the page has said what
    that changes."""
    # Another organisation's local action is a 404, before the role is considered.
    action = get_for_organisation(
        LocalAction.objects.all(), request.membership.organisation, pk=local_id
    )
    require_admin(request)
    if request.method == "POST":
        local.delete_local_action(action, request.user)
        messages.success(request, f"The local action “{action.text[:80]}” is removed.")
        return redirect("plans:local-actions")
    return render(
        request,
        "plans/local_action_delete.jinja",
        {
            "page_title": "Remove the local action?",
            "action": action,
            "in_plans": local.plans_using(action),
        },
    )
