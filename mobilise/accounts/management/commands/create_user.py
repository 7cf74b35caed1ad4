"""`create_user USERNAME --organisation NAME --role ROLE`: a user in an organisation."""

import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mobilise.accounts.models import Role
from mobilise.accounts.services import AccountError, create_user


class Command(BaseCommand):
    help = (
        "Create a user in an organisation (created if new). The password comes from "
        "MOBILISE_PASSWORD, or is asked for."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--organisation", required=True, help="The organisation's name")
        parser.add_argument("--role", required=True, choices=Role.values)

    def handle(self, *args, username: str, organisation: str, role: str, **options) -> None:
        password = os.environ.get("MOBILISE_PASSWORD") or self._ask_password()
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError("Password: " + " ".join(error.messages)) from error
        try:
            user = create_user(username, organisation, role, password)
        except AccountError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Created {user.username} ({role}) in {organisation}")

    def _ask_password(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match")
        return password
