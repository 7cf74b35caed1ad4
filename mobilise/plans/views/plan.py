"""The plan pages: suggestions, the plan with its task list, one element, one action."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from mobilise.accounts.access import member_required, require_editor
from mobilise.accounts.services import get_for_organisation
from mobilise.assessments.models import Assessment
from mobilise.core.errors import InvalidInput
from mobilise.framework.presenters import linked_text, option_view
from mobilise.plans.forms.plan import ActionForm, ElementPlanForm, NoteForm, StatusForm
from mobilise.plans.models import LocalAction, PlanAction, Priority
from mobilise.plans.services import plan as plans
from mobilise.plans.services.followup import is_overdue, uk_today
from mobilise.plans.services.suggestions import local_actions_by_element, suggestions

LOCAL = "local:"
CUSTOM = "own:"
IMPORTANCE_TO_PRIORITY = {"high": Priority.HIGH, "medium": Priority.MEDIUM, "low": Priority.LOW}


def load(request: HttpRequest, assessment_id) -> Assessment:
    return get_for_organisation(
        Assessment.objects.select_related("unit"), request.membership.organisation, pk=assessment_id
    )


@require_safe
@member_required
def suggestions_page(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    framework = assessment.framework
    found = suggestions(assessment)
    return render(
        request,
        "plans/suggestions.jinja",
        {
            "page_title": f"Suggested actions: {assessment.title}",
            "assessment": assessment,
            "framework": framework,
            "found": found,
            "option_view": lambda option: option_view(framework, option),
        },
    )


@require_safe
@member_required
def plan_page(request: HttpRequest, assessment_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    coverage = plans.coverage(assessment)
    actions = sorted(
        {a.id: a for found in coverage.actions_by_element.values() for a in found}.values(),
        key=lambda a: (["high", "medium", "low"].index(a.priority), a.created_at),
    )
    today = uk_today()
    return render(
        request,
        "plans/plan.jinja",
        {
            "page_title": f"Action plan: {assessment.title}",
            "assessment": assessment,
            "framework": assessment.framework,
            "coverage": coverage,
            "actions": actions,
            "overdue": {a.id for a in actions if is_overdue(a, today)},
            "technique_html": lambda text: linked_text(assessment.framework, text),
        },
    )


def _choices(assessment: Assessment, code: str) -> tuple[list, list[dict], dict[str, LocalAction]]:
    framework = assessment.framework
    element = framework.element(code)
    locals_ = {f"{LOCAL}{a.id}": a for a in local_actions_by_element(assessment).get(code, [])}
    items, choices = [], []
    for option in element.options:
        view = option_view(framework, option)
        hint = f"Also an action for {', '.join(view.also_under)}" if view.also_under else None
        items.append({"value": option.id, "text": option.text, "hint": hint})
        choices.append((option.id, option.text))
    for key, action in locals_.items():
        hint = "Local action" + (
            f". Good practice: {action.good_practice}" if action.good_practice else ""
        )
        items.append({"value": key, "text": action.text, "hint": hint})
        choices.append((key, action.text))
    return choices, items, locals_


def _current(assessment: Assessment, code: str) -> tuple[dict[str, PlanAction], list[PlanAction]]:
    """This element's actions: catalogue ones by option id (any occurrence), local ones by
    key, and the custom ones."""
    framework = assessment.framework
    chosen: dict[str, PlanAction] = {}
    custom: list[PlanAction] = []
    element = framework.element(code)
    for action in (
        plans.plan_of(assessment)
        .actions.filter(elements__element_code=code)
        .prefetch_related("elements")
    ):
        if action.action_key:
            for option in element.options:
                if option.action_key == action.action_key:
                    chosen[option.id] = action
        elif action.local_action_id:
            chosen[f"{LOCAL}{action.local_action_id}"] = action
        else:
            chosen[f"{CUSTOM}{action.id}"] = action
            custom.append(action)
    return chosen, custom


@member_required
def element_page(request: HttpRequest, assessment_id, code: str) -> HttpResponse:
    assessment = load(request, assessment_id)
    framework = assessment.framework
    element = framework.element(code)
    if element is None:
        raise Http404("No such element")
    require_editor(request)
    choices, items, locals_ = _choices(assessment, code)
    chosen, custom = _current(assessment, code)
    for action in custom:  # the plan's own actions for this element, to keep or untick
        choices.append((f"{CUSTOM}{action.id}", action.text))
        items.append(
            {"value": f"{CUSTOM}{action.id}", "text": action.text, "hint": "Your own action"}
        )
    marked = plans.plan_of(assessment).no_action.filter(element_code=code).first()
    agreed = assessment.consensus.filter(element_code=code).first()
    initial = {
        "chosen": list(chosen),
        "priority": IMPORTANCE_TO_PRIORITY[agreed.importance] if agreed else Priority.MEDIUM,
        "no_action": marked is not None,
        "reason": marked.reason if marked else "",
    }
    form = ElementPlanForm(
        request.POST if request.method == "POST" else None, choices=choices, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_element(request, assessment, code, form, chosen, locals_)
        except (plans.Conflict, InvalidInput) as error:
            message = str(error) if isinstance(error, plans.Conflict) else error.errors[0].msg
            form.add_error("chosen", message)
        else:
            return after_saving(request, assessment, code)
    return render(
        request,
        "plans/element.jinja",
        {
            "page_title": f"Plan {element.code} {element.title}",
            "assessment": assessment,
            "framework": framework,
            "element": element,
            "form": form,
            "items": items,
            "agreed": agreed,
        },
    )


def after_saving(request: HttpRequest, assessment: Assessment, code: str) -> HttpResponse:
    coverage = plans.coverage(assessment)
    if coverage.missing:
        messages.success(request, f"{code} is covered. Next: {coverage.missing[0]}.")
        return redirect("plans:element", assessment.id, coverage.missing[0])
    messages.success(request, "Every element is covered: the plan is complete.")
    return redirect("plans:plan", assessment.id)


@transaction.atomic
def save_element(request, assessment, code, form, chosen: dict, locals_: dict) -> None:
    user = request.user
    wanted = set(form.cleaned_data["chosen"])
    fields = plans.ActionFields(priority=form.cleaned_data["priority"], given={"priority"})
    for key, action in chosen.items():
        if key not in wanted and action.pk and PlanAction.objects.filter(pk=action.pk).exists():
            plans.remove_elements(action, [code], user)
    if not form.cleaned_data["no_action"]:
        plans.remove_no_action(assessment, code, user)
    for key in wanted - set(chosen):
        if key.startswith(CUSTOM):
            continue  # an own action of another element: never added by its id
        if key.startswith(LOCAL):
            local = locals_[key]
            plans.add_custom_action(
                assessment, local.text, [code], fields, user, local_action=local
            )
        else:
            plans.add_catalogue_action(assessment, key, [code], fields, user)
    if form.cleaned_data["custom"].strip():
        plans.add_custom_action(assessment, form.cleaned_data["custom"], [code], fields, user)
    if form.cleaned_data["no_action"]:
        plans.mark_no_action(assessment, code, form.cleaned_data["reason"], user)


@member_required
def action_page(request: HttpRequest, assessment_id, action_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    form = action_form_class(request.membership)(
        request.POST if request.method == "POST" else None, initial=initial_of(action)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = plans.ActionFields(**data, given=set(data))
        try:
            plans.check_may_change(request.membership, set(data))
            plans.update_action(action, fields, user=request.user)
        except plans.Conflict as error:
            form.add_error("status", str(error))
        else:
            messages.success(request, "The action is saved.")
            if data.get("due_on") and data["due_on"] < uk_today() and action.is_open:
                messages.warning(
                    request, "The due date is in the past: the action shows as overdue."
                )
            return redirect("plans:action", assessment.id, action.id)
    return render_action(request, assessment, action, form, NoteForm())


def action_form_class(membership) -> type:
    """The whole action for those who may change everything; its status for the others."""
    return ActionForm if plans.may_change_everything(membership) else StatusForm


def initial_of(action: PlanAction) -> dict:
    fields = ("priority", "owner", "owner_email", "due_on", "measure", "status")
    return {name: getattr(action, name) for name in fields}


def render_action(request, assessment, action, form, note_form) -> HttpResponse:
    return render(
        request,
        "plans/action.jinja",
        {
            "page_title": action.text[:80],
            "assessment": assessment,
            "framework": assessment.framework,
            "action": action,
            "form": form,
            "note_form": note_form,
            "editor": request.membership.can_edit,
            "overdue": is_overdue(action),
            "text_html": linked_text(assessment.framework, action.text),
        },
    )


@require_POST
@member_required
def add_note(request: HttpRequest, assessment_id, action_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        plans.add_note(action, form.cleaned_data["text"], request.user)
        messages.success(request, "The progress note is added.")
        return redirect(reverse("plans:action", args=[assessment.id, action.id]) + "#notes")
    form_class = action_form_class(request.membership)
    return render_action(request, assessment, action, form_class(initial=initial_of(action)), form)


@require_POST
@member_required
def delete_action(request: HttpRequest, assessment_id, action_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    require_editor(request)
    plans.delete_action(action, request.user)
    messages.success(request, "The action is removed from the plan.")
    return redirect("plans:plan", assessment.id)
