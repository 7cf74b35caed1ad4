"""The Django admin: for platform staff, never for organisations' members."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", password="a-long-password-9")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/django-admin/accounts/user/",
        "/django-admin/accounts/organisation/",
        "/django-admin/accounts/unit/",
        "/django-admin/accounts/membership/",
        "/django-admin/accounts/apitoken/",
    ],
)
def test_the_admin_lists_accounts_models(staff_client, path, facilitator):
    assert staff_client.get(path).status_code == 200


def test_tokens_cannot_be_added_in_the_admin(staff_client):
    assert staff_client.get("/django-admin/accounts/apitoken/add/").status_code == 403


def test_the_admin_needs_staff(client, facilitator):
    client.force_login(facilitator.user)
    response = client.get("/django-admin/accounts/user/")
    assert response.status_code == 302 and "/login/" in response.url
