"""The benchmark's daily snapshots."""

from django.db import models

from mobilise.core.models import BaseModel


class BenchmarkSnapshot(BaseModel):
    """The benchmark's figures as taken at one time: every group's anonymised aggregates
    (never one organisation's). Pages read the latest snapshot; `refresh_benchmark` takes a
    new one (daily). Dated figures keep the benchmark fast at national scale, and stop an
    organisation joining or leaving from showing up as a difference between two looks."""

    organisations = models.PositiveIntegerField()
    groups = models.JSONField()

    class Meta:
        # Made in the plans app, before benchmarking had one of its own; the table kept
        # its name when the model moved (migrations: SeparateDatabaseAndState).
        db_table = "plans_benchmarksnapshot"
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"Benchmark of {self.organisations} organisations, {self.created_at:%Y-%m-%d}"
