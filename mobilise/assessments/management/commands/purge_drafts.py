from django.core.management.base import BaseCommand

from mobilise.assessments.services.responses import purge_drafts


class Command(BaseCommand):
    help = (
        "Remove participants' drafts that were never sent, once their assessment has closed. "
        "Run daily from cron; running it again removes nothing more."
    )

    def handle(self, *args, **options) -> None:
        removed = purge_drafts()
        self.stdout.write(f"Removed {removed} unsent draft{'s' if removed != 1 else ''}")
