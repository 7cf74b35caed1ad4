from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_invitation")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="benchmarking",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="organisation",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("acute", "Acute trust"),
                    ("mental-health", "Mental health trust"),
                    ("community", "Community trust"),
                    ("ambulance", "Ambulance trust"),
                    ("icb", "Integrated care board"),
                    ("other", "Other NHS organisation"),
                ],
                max_length=20,
                verbose_name="organisation type",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="region",
            field=models.CharField(
                blank=True,
                choices=[
                    ("east-of-england", "East of England"),
                    ("london", "London"),
                    ("midlands", "Midlands"),
                    ("north-east-and-yorkshire", "North East and Yorkshire"),
                    ("north-west", "North West"),
                    ("south-east", "South East"),
                    ("south-west", "South West"),
                ],
                max_length=40,
            ),
        ),
    ]
