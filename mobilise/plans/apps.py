from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "mobilise.plans"
    label = "plans"

    def ready(self) -> None:
        from mobilise.assessments import panels
        from mobilise.audit.labels import register
        from mobilise.plans.models import ActionStatus, Priority
        from mobilise.plans.services.case_studies import results_panel

        register("status", ActionStatus.choices)
        register("priority", Priority.choices)
        register("due_on", [], "Due date")
        register("owner_email", [], "Owner's e-mail address")
        register("measure", [], "Success measure")
        panels.register("plans/results_case_studies.jinja", results_panel)
