from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mobilise.demo"
    label = "demo"
