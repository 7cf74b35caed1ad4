from django.urls import path

from mobilise.core import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the Django admin, files).
    path("favicon.ico", views.favicon, name="favicon"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
