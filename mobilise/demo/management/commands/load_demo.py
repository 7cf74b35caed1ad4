from django.core.management.base import BaseCommand

from mobilise.demo.services import ACCOUNTS, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the fictional demo organisation and its accounts (safe to run again)."

    def handle(self, *args, **options) -> None:
        organisation = load_demo()
        self.stdout.write(f"Demo organisation: {organisation.name}")
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.role:<12} {account.username}  password: {DEMO_PASSWORD}")
