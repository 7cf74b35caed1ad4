from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mobilise.demo.services import ACCOUNTS, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the fictional demo organisation and its accounts (safe to run again)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Load the demo even under production settings."
        )

    def handle(self, *args, **options) -> None:
        # The demo's accounts have a published password: never on a real service by accident.
        if getattr(settings, "MOBILISE_PRODUCTION", False) and not options["force"]:
            raise CommandError(
                "Refusing to load the demo (its accounts have a published password) under "
                "production settings. Run it with --force if this really is a demo site."
            )
        organisation = load_demo()
        self.stdout.write(f"Demo organisation: {organisation.name}")
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.role:<12} {account.username}  password: {DEMO_PASSWORD}")
