"""`create_api_token USERNAME`: print a new API token for the user, and nothing else."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mobilise.accounts.models import Organisation, User
from mobilise.accounts.services import AccountError, issue_token


class Command(BaseCommand):
    help = "Print a new API token for a user, and nothing else. It cannot be shown again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--organisation", help="For a user in several organisations")
        parser.add_argument("--name", default="", help="A name to recognise the token by")
        parser.add_argument("--days", type=int, help="Days until the token expires")

    def handle(self, *args, username: str, **options) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user called {username!r}")
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(name=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"There is no organisation called {options['organisation']!r}")
        if options["days"] is not None and options["days"] < 1:
            raise CommandError("--days must be 1 or more")
        try:
            _, raw = issue_token(user, organisation, options["name"], options["days"])
        except AccountError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(raw)
