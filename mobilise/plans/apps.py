from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "mobilise.plans"
    label = "plans"

    def ready(self) -> None:
        from mobilise.audit.labels import register
        from mobilise.plans.models import ActionStatus, Priority

        register("status", ActionStatus.choices)
        register("priority", Priority.choices)
        register("due_on", [], "Due date")
        register("owner_email", [], "Owner's e-mail address")
        register("measure", [], "Success measure")
