# The kind of each change, for the history's filter, with the indexes the history pages
# read by. Lines recorded before it get their kind from their summary, by a frozen copy of
# audit.kinds' rules as they were when this was written.

import re

from django.conf import settings
from django.db import migrations, models

RULES = [
    (r"^(Added|Removed|Changed) the local action", "local"),
    (r"^Agreed |^Changed the agreed rating", "ratings"),
    (r"the action “|^The action “|progress note|No action required$", "plan"),
    (
        r"^(Sent \d+ invitation|Issued \d+ personal link|Withdrew \d+ personal link"
        r"|Discarded a response|Counted a show of hands"
        r"|Set the number of people|Cleared the number of people)"
        r"| on the presenter screen$",
        "responses",
    ),
    (
        r"^(Invited |Withdrew the invitation|Changed .*'s role|Removed .* \(\w+\) )"
        r"| joined as ",
        "people",
    ),
    (
        r"the assessment|^Imported |^Started as a reassessment|Board paper|group's results",
        "assessment",
    ),
    (
        r"organisation's settings|the benchmark across"
        r"|^(Added|Renamed|Archived|Restored) (the )?unit",
        "organisation",
    ),
]


def kind_of(summary):
    for pattern, kind in RULES:
        if re.search(pattern, summary or ""):
            return kind
    return "other"


def fill_kinds(apps, schema_editor):
    HistoryEntry = apps.get_model("audit", "HistoryEntry")
    batch = []
    for entry in HistoryEntry.objects.only("id", "summary").iterator(chunk_size=2000):
        kind = kind_of(entry.summary)
        if kind != "other":
            entry.kind = kind
            batch.append(entry)
        if len(batch) >= 2000:
            HistoryEntry.objects.bulk_update(batch, ["kind"])
            batch = []
    if batch:
        HistoryEntry.objects.bulk_update(batch, ["kind"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_sso_identity"),
        ("assessments", "0009_presenterstate"),
        ("audit", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historyentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("assessment", "The assessment"),
                    ("responses", "Invitations and responses"),
                    ("ratings", "Agreed ratings"),
                    ("plan", "The action plan"),
                    ("local", "Local actions"),
                    ("people", "People and roles"),
                    ("organisation", "The organisation and its units"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=20,
            ),
        ),
        migrations.RunPython(fill_kinds, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="historyentry",
            index=models.Index(fields=["organisation", "-created_at"], name="history_org_newest"),
        ),
        migrations.AddIndex(
            model_name="historyentry",
            index=models.Index(
                fields=["organisation", "kind", "-created_at"], name="history_org_kind_newest"
            ),
        ),
        migrations.AddIndex(
            model_name="historyentry",
            index=models.Index(
                fields=["assessment", "-created_at"], name="history_assessment_newest"
            ),
        ),
    ]
