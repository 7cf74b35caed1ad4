from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mobilise.api"
    label = "mobilise_api"
