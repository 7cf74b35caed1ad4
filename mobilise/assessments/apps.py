from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mobilise.assessments"
    label = "assessments"

    def ready(self) -> None:
        # Connects the audit trail to the changes the accounts layer announces.
        from mobilise.assessments.services import history  # noqa: F401
