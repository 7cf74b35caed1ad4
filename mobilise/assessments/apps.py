from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mobilise.assessments"
    label = "assessments"

    def ready(self) -> None:
        # Connects the audit trail to the changes the accounts layer announces.
        from mobilise.audit import services as history  # noqa: F401
        from mobilise.audit.labels import register

        register("expected_participants", [], "Number of people expected to answer")
