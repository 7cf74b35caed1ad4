from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    """One organisation's units side by side."""

    name = "mobilise.portfolio"
    label = "portfolio"
