"""The organisation's own pages, under /organisation/, from the apps that hold each: its
settings, deletion and history (accounts, reading the audit trail) and its export
(reports)."""

from django.urls import path

from mobilise.accounts.views import history
from mobilise.accounts.views import organisation_settings as settings_views
from mobilise.reports import organisation

app_name = "organisation"

urlpatterns = [
    path("settings/", settings_views.settings_page, name="settings"),
    path("history/", history.history, name="history"),
    path("export.json", organisation.export, name="export"),
    path("delete/", settings_views.delete, name="delete"),
]
