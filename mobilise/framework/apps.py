from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    name = "mobilise.framework"
    label = "framework"
