from django.urls import path

from mobilise.benchmarking import views

app_name = "benchmarking"

urlpatterns = [
    path("benchmark/", views.benchmark_page, name="benchmark"),
    path("benchmark/national/", views.national_page, name="national"),
]
