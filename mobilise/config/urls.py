from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from mobilise.api.urls import api
from mobilise.assessments.views.home import home

urlpatterns = [
    # The organisation's home for members, the introduction for everyone else.
    path("", home, name="home"),
    path("", include("mobilise.core.urls")),
    path("accounts/", include("mobilise.accounts.urls")),
    path("framework/", include("mobilise.framework.urls")),
    path("", include("mobilise.reports.urls")),
    path("organisation/people/", include("mobilise.accounts.urls_people")),
    path("organisation/units/", include("mobilise.accounts.urls_units")),
    path("organisation/", include("mobilise.config.urls_organisation")),
    path("", include("mobilise.plans.urls")),
    path("", include("mobilise.portfolio.urls")),
    path("", include("mobilise.benchmarking.urls")),
    path("assessments/", include("mobilise.assessments.urls")),
    path("take/", include("mobilise.assessments.urls_participate")),
    path("api/v1/", api.urls),
]
# The admin's sign-in page can be moved, or switched off with an empty MOBILISE_ADMIN_URL.
if settings.MOBILISE_ADMIN_URL:
    urlpatterns.append(path(settings.MOBILISE_ADMIN_URL, admin.site.urls))

handler403 = "mobilise.core.views.permission_denied"
handler404 = "mobilise.core.views.page_not_found"
handler500 = "mobilise.core.views.server_error"
