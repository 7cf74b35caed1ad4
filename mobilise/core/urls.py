from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from mobilise.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the Django admin, files).
    path(
        "favicon.ico",
        RedirectView.as_view(url=static("nhsuk/assets/images/favicon.ico"), permanent=True),
    ),
]
