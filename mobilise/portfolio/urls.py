from django.urls import path

from mobilise.portfolio import views

app_name = "portfolio"

urlpatterns = [
    path("portfolio/", views.portfolio_page, name="portfolio"),
]
