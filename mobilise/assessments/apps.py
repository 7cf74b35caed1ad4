from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mobilise.assessments"
    label = "assessments"

    def ready(self) -> None:
        # Connects the audit trail to the changes the accounts layer announces.
        # An evidence file goes when its evidence does, however that is deleted (its
        # assessment, or its organisation, deleted with it).
        from mobilise.assessments.services import evidence  # noqa: F401
        from mobilise.audit import services as history  # noqa: F401
        from mobilise.audit.labels import register

        register("expected_participants", [], "Number of people expected to answer")
