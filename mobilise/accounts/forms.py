"""Forms for signing in, people, invitations, tokens and the organisation's settings."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from mobilise.accounts.models import OrganisationType, Region, Role, User


class SignInForm(AuthenticationForm):
    """Django's sign-in form with messages in the NHS.UK style."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is not active. Ask your organisation's admin.",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["password"].widget = forms.PasswordInput()


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        help_text="To recognise the token later, for example Intranet dashboard",
        max_length=100,
        error_messages={
            "required": "Enter a name for the token",
            "max_length": "The name must be 100 characters or fewer",
        },
    )
    days = forms.TypedChoiceField(
        label="Expires after",
        choices=[("30", "30 days"), ("90", "90 days"), ("365", "1 year")],
        coerce=int,
        initial="90",
        error_messages={"required": "Choose when the token expires"},
    )


ROLE_HINTS = {
    Role.ADMIN: "Everything a facilitator can do, and manages people, units and local actions",
    Role.FACILITATOR: "Runs assessments, agrees ratings, builds action plans and updates any "
    "action",
    Role.VIEWER: "Reads results and plans, and changes the status of and adds notes to the "
    "actions they own",
}


def role_field(**kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a role", "invalid_choice": "Select a role"},
        **kwargs,
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We will send them a link to join. It works once and expires after 7 days.",
        max_length=254,
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@nhs.net",
        },
    )
    role = role_field()


class RoleForm(forms.Form):
    role = role_field()


class NewAccountForm(forms.Form):
    """The details of a local account for someone accepting an invitation."""

    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter your first name"}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter your last name"}
    )
    password = forms.CharField(
        label="Create a password",
        help_text="At least 12 characters, not a common password and not all numbers",
        widget=forms.PasswordInput(),
        strip=False,
        error_messages={"required": "Create a password"},
    )
    password_again = forms.CharField(
        label="Enter the password again",
        widget=forms.PasswordInput(),
        strip=False,
        error_messages={"required": "Enter the password again"},
    )

    def __init__(self, *args, email: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict:
        data = super().clean()
        password = data.get("password")
        if password and data.get("password_again") and password != data["password_again"]:
            self.add_error("password_again", "The passwords do not match")
        elif password:
            user = User(
                username=self.email,
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.add_error("password", list(error.messages))
        return data


class OrganisationForm(forms.Form):
    organisation = forms.ChoiceField(
        label="Which organisation do you want to work in?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select an organisation",
            "invalid_choice": "Select one of your organisations",
        },
    )

    def __init__(self, *args, memberships=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [
            (str(m.organisation_id), m.organisation.name)
            for m in sorted(memberships, key=lambda m: m.organisation.name)
        ]


class OrganisationSettingsForm(forms.Form):
    region = forms.ChoiceField(
        label="NHS England region",
        choices=[("", "Not set"), *Region.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label="Type of organisation",
        choices=[("", "Not set"), *OrganisationType.choices],
        required=False,
    )
    benchmarking = forms.BooleanField(
        label="Take part in the benchmark across organisations",
        help_text=(
            "Your agreed levels and the actions in your plans are added, anonymously, to "
            "figures shown only for groups of at least 5 organisations. Your organisation is "
            "never named. In return, your people see where you stand."
        ),
        required=False,
    )


class UnitForm(forms.Form):
    """A unit's name, when it is added or renamed (the service refuses a name taken)."""

    name = forms.CharField(
        label="Name of the unit",
        help_text="The team, directorate or Board, for example Transformation team",
        max_length=200,
        error_messages={
            "required": "Enter the unit's name",
            "max_length": "The unit's name must be 200 characters or fewer",
        },
    )
