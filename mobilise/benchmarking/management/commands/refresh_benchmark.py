from django.core.management.base import BaseCommand

from mobilise.benchmarking.services import refresh


class Command(BaseCommand):
    help = (
        "Take a new snapshot of the benchmark across organisations. Run it once a day "
        "(cron or a scheduled job): the benchmark pages show the latest snapshot."
    )

    def handle(self, *args, **options) -> None:
        snapshot = refresh()
        self.stdout.write(f"Benchmark taken of {snapshot.organisations} organisations")
