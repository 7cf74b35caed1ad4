from django.urls import path

from mobilise.reports import organisation

app_name = "organisation"

urlpatterns = [
    path("settings/", organisation.settings_page, name="settings"),
    path("history/", organisation.history, name="history"),
    path("export.json", organisation.export, name="export"),
    path("delete/", organisation.delete, name="delete"),
]
