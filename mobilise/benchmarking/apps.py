from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    """Anonymised figures across the organisations that take part."""

    name = "mobilise.benchmarking"
    label = "benchmarking"
