from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mobilise.assessments"
    label = "assessments"
