from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mobilise.accounts"
    label = "accounts"

    def ready(self) -> None:
        from mobilise.accounts.models import OrganisationType, Region, Role
        from mobilise.audit.labels import register

        register("role", Role.choices)
        register("region", Region.choices)
        register("kind", OrganisationType.choices, "Organisation type")
        register("benchmarking", [], "In the benchmark")
