# The presenter screen's shared state: one row per assessment, made on demand.

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0008_handcount"),
    ]

    operations = [
        migrations.CreateModel(
            name="PresenterState",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("position", models.CharField(blank=True, default="", max_length=8)),
                (
                    "order",
                    models.CharField(
                        choices=[
                            ("framework", "As in the framework"),
                            ("disagreements", "Disagreements first"),
                        ],
                        default="framework",
                        max_length=20,
                    ),
                ),
                ("revealed", models.JSONField(blank=True, default=list)),
                ("reveal_all", models.BooleanField(default=False)),
                ("version", models.PositiveIntegerField(default=1)),
                (
                    "assessment",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="presenter_state",
                        to="assessments.assessment",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
    ]
