"""The plan pages: suggestions, the plan with its task list, one element, one action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from mobilise.accounts.access import member_required, require_editor
from mobilise.assessments.access import element_of, load
from mobilise.assessments.models import Assessment
from mobilise.core.dates import uk_today
from mobilise.core.errors import InvalidInput
from mobilise.core.form_views import bound, done, handle
from mobilise.framework.presenters import linked_text, option_view
from mobilise.plans.forms.plan import ActionForm, ElementPlanForm, NoteForm, PickForm, StatusForm
from mobilise.plans.forms.plan_table import PlanTable
from mobilise.plans.models import PlanAction
from mobilise.plans.services import plan as plans
from mobilise.plans.services import sign_off as signing
from mobilise.plans.services.element_plan import (
    CUSTOM,
    NONE,
    Choice,
    ElementPlan,
    add_picks,
    element_plan,
    offers,
    parse_pick,
    pick_value,
    save_element_plan,
)
from mobilise.plans.services.followup import is_overdue
from mobilise.plans.services.owners import people
from mobilise.plans.services.suggestions import next_to_plan, suggestions


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def suggestions_page(request: HttpRequest, assessment_id) -> HttpResponse:
    """The elements by priority, each with its reason and its options; editors tick options
    (and local actions) under any of them and add them all to the plan in one post."""
    assessment = load(request, assessment_id)
    if request.method == "POST":
        require_editor(request)
    framework = assessment.framework
    found = suggestions(assessment)
    offered = offers(assessment, found)
    choices = [(o.value, o.value) for item in offered for o in item.offers] + [
        (pick_value(item.suggestion.element.code, NONE), "No action required")
        for item in offered
        if not item.in_plan and not item.no_action
    ]
    form = bound(request, PickForm, choices=choices, members=people(assessment.organisation))

    def save(data: dict) -> HttpResponse:
        picks = [p for p in map(parse_pick, data["chosen"]) if p]
        given = {"owner_member"} if data["owner_member"] else set()
        fields = plans.ActionFields(
            owner_member=data["owner_member"],
            due_on=data["due_on"],
            given=given | ({"due_on"} if data["due_on"] else set()),
        )
        added = add_picks(assessment, picks, fields, request.user)
        said = f"{added} action{'s are' if added != 1 else ' is'} added to the plan."
        if marked := sum(p.key == NONE for p in picks):
            said += (
                f" {marked} element{'s are' if marked != 1 else ' is'} marked No action required."
            )
        return done(
            request, said + " Set owners and due dates in the table.", "plans:plan", assessment.id
        )

    if saved := handle(request, form, save, refusals={plans.Conflict: "chosen"}, field="chosen"):
        return saved
    return render(
        request,
        "plans/suggestions.jinja",
        {
            "page_title": f"Suggested actions: {assessment.title}",
            "assessment": assessment,
            "framework": framework,
            "found": found,
            "offered": offered,
            "form": form,
            "option_view": lambda option: option_view(framework, option),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def plan_page(request: HttpRequest, assessment_id) -> HttpResponse:
    """The plan: its actions in one table that editors change and save in one post (nothing
    saved when any row is wrong), and its elements as a task list."""
    assessment = load(request, assessment_id)
    coverage = plans.coverage(assessment)
    actions = coverage.actions_by_priority
    table, stale = None, False
    if request.membership.can_edit:
        members = people(assessment.organisation)
        posted = request.POST if request.method == "POST" else None
        table = PlanTable(actions, members, posted)
        if posted is not None:
            stale = table.stale
            if stale:
                table = PlanTable(actions, members)
            elif table.is_valid():
                try:
                    saved = plans.update_actions(assessment, table.changes(), request.user)
                except InvalidInput as refused:
                    table.add_refusal(refused)
                else:
                    said = f"{saved} action{'s are' if saved != 1 else ' is'} saved."
                    return done(
                        request, said if saved else "Nothing changed.", "plans:plan", assessment.id
                    )
    elif request.method == "POST":
        require_editor(request)
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
            "standing": signing.standing(assessment),
            "may_sign_off": signing.may_sign_off(request.membership, plans.plan_of(assessment)),
            "case_studies": plans.plan_of(assessment).case_studies.count(),
            "table": table,
            "stale": stale,
            "overdue": {a.id for a in actions if is_overdue(a, today)},
            "technique_html": lambda text: linked_text(assessment.framework, text),
        },
    )


def _choices(assessment: Assessment, current: ElementPlan) -> tuple[list, list[dict]]:
    """The form's choices and the check boxes' text and hints, in the page's order:
    catalogue options, local actions, then the plan's own actions for the element."""
    framework = assessment.framework
    items, choices = [], []
    for option in framework.element(current.code).options:
        view = option_view(framework, option)
        hint = f"Also an action for {', '.join(view.also_under)}" if view.also_under else None
        items.append({"value": option.id, "text": option.text, "hint": hint})
        choices.append((option.id, option.text))
    for key, action in current.local_actions.items():
        hint = "Local action" + (
            f". Good practice: {action.good_practice}" if action.good_practice else ""
        )
        items.append({"value": key, "text": action.text, "hint": hint})
        choices.append((key, action.text))
    for action in current.custom:  # to keep or untick
        key = f"{CUSTOM}{action.id}"
        items.append({"value": key, "text": action.text, "hint": "Your own action"})
        choices.append((key, action.text))
    return choices, items


@member_required
def element_page(request: HttpRequest, assessment_id, code: str) -> HttpResponse:
    assessment = load(request, assessment_id)
    framework = assessment.framework
    element = element_of(assessment, code)
    require_editor(request)
    current = element_plan(assessment, code)
    choices, items = _choices(assessment, current)
    initial = {
        "chosen": list(current.chosen),
        "priority": current.default_priority,
        "no_action": current.no_action_reason is not None,
        "reason": current.no_action_reason or "",
    }
    form = bound(request, ElementPlanForm, choices=choices, initial=initial)

    def save(data: dict) -> HttpResponse:
        choice = Choice(
            keys=set(data["chosen"]),
            priority=data["priority"],
            custom_text=data["custom"],
            no_action=data["no_action"],
            reason=data["reason"],
        )
        save_element_plan(assessment, current, choice, request.user)
        return after_saving(request, assessment, code)

    if saved := handle(request, form, save, refusals={plans.Conflict: "chosen"}, field="chosen"):
        return saved
    agreed = assessment.consensus.filter(element_code=code).first()
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
            "marked": current.no_action_reason is not None,
        },
    )


def after_saving(request: HttpRequest, assessment: Assessment, code: str) -> HttpResponse:
    coverage = plans.coverage(assessment)
    following = next_to_plan(assessment, coverage.missing, code)
    if following:
        messages.success(
            request, f"{code} is covered. Next, the highest priority not yet covered: {following}."
        )
        return redirect("plans:element", assessment.id, following)
    messages.success(request, "Every element is covered: the plan is complete.")
    return redirect("plans:plan", assessment.id)


@member_required
def action_page(request: HttpRequest, assessment_id, action_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    form = bound(
        request,
        action_form_class(request.membership),
        initial=initial_of(action),
        members=people(assessment.organisation),
    )

    def save(data: dict) -> HttpResponse:
        plans.check_may_change(request.membership, set(data), action)
        plans.update_action(action, plans.ActionFields(**data, given=set(data)), user=request.user)
        if data.get("due_on") and data["due_on"] < uk_today() and action.is_open:
            messages.warning(request, "The due date is in the past: the action shows as overdue.")
        return done(request, "The action is saved.", "plans:plan", assessment.id)

    if request.method == "POST" and not plans.may_update(request.membership, action):
        raise PermissionDenied(plans.NOT_THE_OWNER)
    if saved := handle(request, form, save, refusals={plans.Conflict: "status"}):
        return saved
    return render_action(request, assessment, action, form, NoteForm())


def action_form_class(membership) -> type:
    """The whole action for those who may change everything; its status for the others."""
    return ActionForm if plans.may_change_everything(membership) else StatusForm


def initial_of(action: PlanAction) -> dict:
    fields = ("priority", "owner", "owner_email", "due_on", "measure", "status")
    initial = {name: getattr(action, name) for name in fields}
    if action.owner_member_id:  # the member is chosen; their name is not typed again
        initial.update(owner_member=str(action.owner_member_id), owner="")
    return initial


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
            "may_update": plans.may_update(request.membership, action),
            "overdue": is_overdue(action),
            "text_html": linked_text(assessment.framework, action.text),
        },
    )


@require_POST
@member_required
def add_note(request: HttpRequest, assessment_id, action_id) -> HttpResponse:
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    if not plans.may_update(request.membership, action):
        raise PermissionDenied(plans.NOT_THE_OWNER)
    form = NoteForm(request.POST)
    if form.is_valid():
        plans.add_note(action, form.cleaned_data["text"], request.user)
        messages.success(request, "The progress note is added.")
        return redirect(reverse("plans:action", args=[assessment.id, action.id]) + "#notes")
    form_class = action_form_class(request.membership)
    unbound = form_class(initial=initial_of(action), members=people(assessment.organisation))
    return render_action(request, assessment, action, unbound, form)


@member_required
def delete_action(request: HttpRequest, assessment_id, action_id) -> HttpResponse:
    """Remove an action from the plan, once the page has said what that changes."""
    assessment = load(request, assessment_id)
    action = plans.action_of(assessment, action_id)
    require_editor(request)
    # While an impact case study is written from it, the page says so instead of asking.
    written = plans.kept_by_case_studies(action)
    if request.method == "POST" and not written:
        plans.delete_action(action, request.user)
        messages.success(request, f"“{action.text[:80]}” is removed from the plan.")
        return redirect("plans:plan", assessment.id)
    return render(
        request,
        "plans/action_delete.jinja",
        {
            "page_title": "The action cannot be removed yet"
            if written
            else "Remove the action from the plan?",
            "assessment": assessment,
            "action": action,
            "removal": plans.removal_of(action),
            "case_studies": written,
        },
        status=409 if request.method == "POST" and written else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required
def remove_no_action(request: HttpRequest, assessment_id, code: str) -> HttpResponse:
    """Remove an element's No action required, once the page has said what that changes."""
    assessment = load(request, assessment_id)
    element = element_of(assessment, code)
    require_editor(request)
    marked = plans.plan_of(assessment).no_action.filter(element_code=code).first()
    if marked is None:
        raise Http404("Not found")
    if request.method == "POST":
        plans.remove_no_action(assessment, code, request.user)
        return done(
            request,
            f"{code} is no longer marked No action required: choose its actions.",
            "plans:element",
            assessment.id,
            code,
        )
    return render(
        request,
        "plans/no_action_remove.jinja",
        {
            "page_title": f"Remove No action required from {code}?",
            "assessment": assessment,
            "element": element,
            "marked": marked,
            "removal": plans.no_action_removal(assessment, code),
        },
    )
