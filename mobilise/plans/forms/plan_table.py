"""The plan as one table: each action's owner, due date, priority and status in one form
post. One form per action (a formset), each bound to its action by a hidden id, so that a
table opened before the plan changed is refused rather than saved onto the wrong rows."""

from django import forms

from mobilise.core.forms import SplitDateField
from mobilise.plans.models import ActionStatus, PlanAction, Priority
from mobilise.plans.services.plan import ActionFields

# The owner select's value for a name typed for someone without an account: kept as it is.
TYPED = "typed"


class PlanRowForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    owner = forms.ChoiceField(label="Owner", required=False)
    due_on = SplitDateField(label="Due date", required=False)
    priority = forms.ChoiceField(
        label="Priority",
        choices=Priority.choices,
        error_messages={"required": "Select the priority"},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        error_messages={"required": "Select the status"},
    )

    def __init__(self, *args, action: PlanAction, members, **kwargs) -> None:
        self.plan_action = action
        kwargs.setdefault("initial", initial_of_row(action))
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in members}
        typed = [(TYPED, f"{action.owner} (no account)")] if _typed(action) else []
        self.fields["owner"].choices = (
            [("", "No owner")]
            + typed
            + [(key, m.user.display_name) for key, m in self.members.items()]
        )
        self.fields["owner"].error_messages["invalid_choice"] = "Choose the owner from the list"

    def clean_action(self) -> str:
        if self.cleaned_data["action"] != str(self.plan_action.pk):
            raise forms.ValidationError("The plan changed while you were editing it")
        return self.cleaned_data["action"]

    def fields_changed(self) -> ActionFields | None:
        """The action's fields this row changes, or None when it changes nothing."""
        given = {
            name for name in ("owner", "due_on", "priority", "status") if name in self.changed_data
        }
        if not given:
            return None
        data = self.cleaned_data
        fields = ActionFields(
            due_on=data["due_on"],
            priority=data["priority"],
            status=data["status"],
            given=given - {"owner"},
        )
        if "owner" in given and data["owner"] != TYPED:
            member = self.members.get(data["owner"])
            fields.owner_member = member
            fields.given |= {"owner_member"} if member else {"owner_member", "owner"}
        return fields if fields.given else None


def _typed(action: PlanAction) -> bool:
    return bool(action.owner) and action.owner_member_id is None


def initial_of_row(action: PlanAction) -> dict:
    if action.owner_member_id:
        owner = str(action.owner_member_id)
    else:
        owner = TYPED if _typed(action) else ""
    return {
        "action": str(action.pk),
        "owner": owner,
        "due_on": action.due_on,
        "priority": action.priority,
        "status": action.status,
    }


class PlanTable:
    """The rows of the table, in the order the page lists the actions."""

    prefix = "row"

    def __init__(self, actions: list[PlanAction], members, data=None) -> None:
        self.is_bound = data is not None
        self.count_changed = False
        self.forms = [
            PlanRowForm(data, action=action, members=members, prefix=f"{self.prefix}-{index}")
            for index, action in enumerate(actions)
        ]
        if self.is_bound:
            posted = data.get(f"{self.prefix}-count")
            self.count_changed = posted != str(len(actions))

    def is_valid(self) -> bool:
        return not self.count_changed and all(form.is_valid() for form in self.forms)

    @property
    def stale(self) -> bool:
        """The plan gained or lost actions, or rows moved, since the table was opened."""
        return self.count_changed or any("action" in form.errors for form in self.forms)

    def changes(self) -> list[tuple[PlanAction, ActionFields]]:
        return [
            (form.plan_action, fields)
            for form in self.forms
            if (fields := form.fields_changed()) is not None
        ]

    def add_refusal(self, refused) -> None:
        """A service's InvalidInput from `update_actions`, each error onto its row's field."""
        for error in refused.errors:
            form = self.forms[error.loc[0]]
            name = error.loc[1] if len(error.loc) > 1 else None
            form.add_error(name if name in form.fields else None, error.msg)

    def errors(self) -> list[tuple[PlanRowForm, str, str]]:
        """Each row's errors as (row, field name, message), in the table's order."""
        return [
            (form, name, message)
            for form in self.forms
            for name, messages in form.errors.items()
            if name != "action"
            for message in messages
        ]
