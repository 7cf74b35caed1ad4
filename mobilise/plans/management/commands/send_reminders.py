from django.core.management.base import BaseCommand

from mobilise.plans.services.followup import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail owners about actions due within 14 days or overdue. Safe to run daily from "
        "cron (or more often): the same reminder is never sent twice in a day."
    )

    def handle(self, *args, **options) -> None:
        sent = send_reminders()
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}")
