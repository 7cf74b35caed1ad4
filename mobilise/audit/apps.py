from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The organisation's history of changes, which every app writes to."""

    name = "mobilise.audit"
    label = "audit"
