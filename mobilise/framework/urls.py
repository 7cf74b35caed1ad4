from django.urls import path

from mobilise.framework import views

app_name = "framework"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("techniques/", views.techniques, name="techniques"),
    path("<str:code>/", views.element, name="element"),
]
