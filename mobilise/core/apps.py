from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mobilise.core"
    label = "core"
