"""The Django admin's sign-in page can be moved or switched off (MOBILISE_ADMIN_URL)."""

import importlib

import pytest
from django.urls import clear_url_caches

import mobilise.config.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_at(settings):
    def move(url: str) -> None:
        settings.MOBILISE_ADMIN_URL = url
        importlib.reload(mobilise.config.urls)
        clear_url_caches()

    yield move
    settings.MOBILISE_ADMIN_URL = "django-admin/"
    importlib.reload(mobilise.config.urls)
    clear_url_caches()


def test_the_admin_is_at_its_default_address(client):
    assert client.get("/django-admin/login/").status_code == 200


def test_the_admin_can_be_moved(client, admin_at):
    admin_at("staff-only-7f3a/")
    assert client.get("/staff-only-7f3a/login/").status_code == 200
    assert client.get("/django-admin/login/").status_code == 404


def test_the_admin_can_be_switched_off(client, admin_at):
    admin_at("")
    assert client.get("/django-admin/login/").status_code == 404
