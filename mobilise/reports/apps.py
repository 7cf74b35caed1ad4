from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "mobilise.reports"
    label = "reports"
