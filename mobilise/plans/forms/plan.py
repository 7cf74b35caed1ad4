"""Forms for planning an element, changing an action, notes, follow-up filters and local actions."""

from django import forms

from mobilise.accounts.models import Membership, Unit
from mobilise.assessments.models import COMMENT_MAX_LENGTH
from mobilise.core.forms import SplitDateField
from mobilise.plans.models import ActionStatus, Priority
from mobilise.plans.services.followup import OPEN, STATUS_FILTERS, Filters

NOTE_MAX = COMMENT_MAX_LENGTH


class ElementPlanForm(forms.Form):
    """What the plan does for one element: catalogue and local actions, a custom action, or
    No action required."""

    chosen = forms.MultipleChoiceField(
        label="Actions from the catalogue",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose actions from the list"},
    )
    custom = forms.CharField(
        label="Add an action of your own (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": f"The action must be {COMMENT_MAX_LENGTH:,} characters or fewer"
        },
    )
    priority = forms.ChoiceField(
        label="Priority of new actions",
        choices=Priority.choices,
        error_messages={"required": "Select the priority of new actions"},
    )
    no_action = forms.BooleanField(label="No action required", required=False)
    reason = forms.CharField(
        label="Why no action is required (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": f"The reason must be {COMMENT_MAX_LENGTH:,} characters or fewer"
        },
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chosen"].choices = choices

    def clean(self) -> dict:
        data = super().clean()
        has_actions = bool(data.get("chosen")) or bool(data.get("custom", "").strip())
        if data.get("no_action") and has_actions:
            self.add_error("no_action", "Choose actions or No action required, not both")
        elif not data.get("no_action") and not has_actions and "chosen" not in self.errors:
            self.add_error(
                "chosen", "Choose at least one action, write your own, or choose No action required"
            )
        return data


class OwnerField(forms.ModelChoiceField):
    """A member of the organisation as an action's owner, by name."""

    def __init__(self, members, empty_label="Not a member: type the name below", **kwargs) -> None:
        super().__init__(
            queryset=Membership.objects.none(),
            required=False,
            empty_label=empty_label,
            error_messages={"invalid_choice": "Choose the owner from the people in the list"},
            **kwargs,
        )
        self.members = list(members)
        self.queryset = Membership.objects.filter(pk__in=[m.pk for m in self.members])
        self.choices = [("", self.empty_label)] + [
            (str(m.pk), m.user.display_name) for m in self.members
        ]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        found = {str(m.pk): m for m in self.members}.get(str(value))
        if found is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        return found


def owner_fields(form: forms.Form, members) -> None:
    """The owner as a member chosen from the people, or a name typed for someone without an
    account; `clean_owner_choice` refuses both at once."""
    form.fields["owner_member"] = OwnerField(members, label="Owner")
    form.fields["owner"] = forms.CharField(
        label="Or the name of someone without an account",
        help_text="A name or a role, for example Head of Knowledge and Library Services",
        required=False,
        max_length=200,
        error_messages={"max_length": "The owner must be 200 characters or fewer"},
    )


def clean_owner_choice(form: forms.Form, data: dict) -> None:
    if data.get("owner_member") and (data.get("owner") or "").strip():
        form.add_error("owner", "Choose a person from the list or type a name, not both")


class ActionForm(forms.Form):
    priority = forms.ChoiceField(
        label="Priority",
        choices=Priority.choices,
        error_messages={"required": "Select the priority"},
    )
    owner_email = forms.EmailField(
        label="E-mail address for reminders (optional)",
        help_text="For an owner without an account: reminders are sent here when the action "
        "is due within 14 days or overdue. Members get them at their own address.",
        required=False,
        error_messages={
            "invalid": "Enter an e-mail address in the right format, like name@nhs.net"
        },
    )
    due_on = SplitDateField(label="Due date", required=False, help_text="For example, 31 3 2027")
    measure = forms.CharField(
        label="Success measure",
        help_text="How you will know the action has worked",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": f"The measure must be {COMMENT_MAX_LENGTH:,} characters or fewer"
        },
    )
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        error_messages={"required": "Select the status"},
    )

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        owner_fields(self, members)  # the owner's two fields, after the priority
        self.order_fields(["priority", "owner_member", "owner", "owner_email", "due_on"])

    def clean(self) -> dict:
        data = super().clean()
        clean_owner_choice(self, data)
        if data.get("owner_member") and data.get("owner_email"):
            self.add_error(
                "owner_email", "A member gets reminders at their own address: leave this empty"
            )
        return data


class PickForm(forms.Form):
    """The actions ticked on the suggestions page, with an owner and a due date for all of
    them (both optional: the plan's table sets them one by one afterwards)."""

    chosen = forms.MultipleChoiceField(
        label="Actions to add",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Tick at least one action to add to the plan",
            "invalid_choice": "Choose actions from the list",
        },
    )
    due_on = SplitDateField(
        label="Due date of the actions you tick (optional)",
        required=False,
        help_text="For example, 31 3 2027",
    )

    def __init__(self, *args, choices: list[tuple[str, str]], members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chosen"].choices = choices
        self.fields["owner_member"] = OwnerField(
            members, empty_label="No owner yet", label="Owner of the actions you tick (optional)"
        )
        self.order_fields(["chosen", "owner_member", "due_on"])


class StatusForm(forms.Form):
    def __init__(self, *args, members=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)

    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        error_messages={"required": "Select the status"},
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a progress note",
        max_length=NOTE_MAX,
        error_messages={
            "required": "Enter the progress note",
            "max_length": f"The note must be {NOTE_MAX:,} characters or fewer",
        },
    )


class FollowUpFilters(forms.Form):
    """The follow-up filters, from the URL: every one optional, all of them combined."""

    MINE = "me"

    unit = forms.ChoiceField(
        label="Unit",
        required=False,
        error_messages={"invalid_choice": "Select a unit from the list"},
    )
    member = forms.ChoiceField(
        label="Owned by",
        required=False,
        error_messages={"invalid_choice": "Select an owner from the list"},
    )
    owner = forms.CharField(
        label="Owner's name",
        help_text="Or part of it; finds owners without an account too",
        required=False,
        max_length=200,
        error_messages={"max_length": "The owner's name must be 200 characters or fewer"},
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("" if value == OPEN else value, label) for value, label in STATUS_FILTERS.items()
        ],
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    overdue = forms.MultipleChoiceField(
        label="Overdue",
        required=False,
        choices=[("yes", "Overdue actions only")],
        error_messages={"invalid_choice": "Select overdue actions only, or leave it unticked"},
    )
    due_before = SplitDateField(label="Due on or before", required=False)

    def __init__(self, data, units: list[Unit], members: list[Membership]) -> None:
        super().__init__(data)
        self.units = {str(u.id): u for u in units}
        self.members = {str(m.id): m for m in members}
        self.fields["unit"].choices = [("", "All units")] + [
            (k, u.name) for k, u in self.units.items()
        ]
        self.fields["member"].choices = [("", "Anyone"), (self.MINE, "My actions")] + [
            (k, m.user.display_name) for k, m in self.members.items()
        ]

    def filters(self, membership: Membership) -> Filters:
        """The filters the valid fields ask for (a field in error filters nothing)."""
        data = self.cleaned_data if self.is_bound else {}
        member = data.get("member", "")
        return Filters(
            unit=self.units.get(data.get("unit", "")),
            owner_member=membership if member == self.MINE else self.members.get(member),
            owner=data.get("owner", "").strip(),
            status=data.get("status") or OPEN,
            overdue=bool(data.get("overdue")),
            due_before=data.get("due_before"),
        )


class LocalActionForm(forms.Form):
    element = forms.ChoiceField(label="Element", error_messages={"required": "Select the element"})
    text = forms.CharField(
        label="The action",
        max_length=500,
        error_messages={
            "required": "Enter the action",
            "max_length": "The action must be 500 characters or fewer",
        },
    )
    good_practice = forms.CharField(
        label="An example of local good practice (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": f"The example must be {COMMENT_MAX_LENGTH:,} characters or fewer"
        },
    )

    def __init__(self, *args, framework, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["element"].choices = [("", "Choose an element")] + [
            (e.code, f"{e.code} {e.title}") for e in framework.elements
        ]
