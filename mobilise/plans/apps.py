from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "mobilise.plans"
    label = "plans"
