from django.urls import path

from mobilise.accounts.views import units

app_name = "units"

urlpatterns = [
    path("", units.unit_list, name="list"),
    path("add/", units.add, name="add"),
    path("<uuid:unit_id>/rename/", units.rename, name="rename"),
    path("<uuid:unit_id>/archive/", units.archive, name="archive"),
    path("<uuid:unit_id>/restore/", units.restore, name="restore"),
]
