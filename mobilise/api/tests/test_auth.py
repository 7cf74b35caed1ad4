"""API tokens: 401 for none, bad, expired or revoked; 403 without an organisation."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mobilise.accounts.models import ApiToken, Membership
from mobilise.accounts.services import issue_token

pytestmark = pytest.mark.django_db


def test_it_works(facilitator_api, facilitator):
    response = facilitator_api.get("/api/v1/me")
    assert response.status_code == 200
    assert response.json() == {
        "username": facilitator.user.username,
        "role": "facilitator",
        "organisation": {
            "id": str(facilitator.organisation.id),
            "name": facilitator.organisation.name,
        },
    }


@pytest.mark.parametrize(
    "header", [None, "Bearer", "Bearer mob_not-a-token", "Token something", "Basic dXNlcg=="]
)
def test_it_requires_a_valid_token(header):
    headers = {"Authorization": header} if header else {}
    response = Client(headers=headers).get("/api/v1/me")
    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


@pytest.mark.parametrize("change", ["expired", "revoked"])
def test_it_refuses_expired_and_revoked_tokens(facilitator, change):
    token, raw = issue_token(facilitator.user)
    now = timezone.now()
    update = {"expired": {"expires_at": now - timedelta(days=1)}, "revoked": {"revoked_at": now}}
    ApiToken.objects.filter(pk=token.pk).update(**update[change])
    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me")
    assert response.status_code == 401


def test_it_forbids_a_user_who_belongs_to_no_organisation(facilitator):
    _, raw = issue_token(facilitator.user)
    Membership.objects.filter(pk=facilitator.pk).delete()
    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me")
    assert response.status_code == 403
    assert response.json() == {"detail": "You do not belong to an organisation"}


def test_the_framework_is_public():
    assert Client().get("/api/v1/framework").status_code == 200


def test_the_schema_and_docs_are_served():
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/framework" in schema["paths"]
    me = schema["paths"]["/api/v1/me"]["get"]
    assert {"200", "401", "403"} <= set(me["responses"])
    assert Client().get("/api/v1/docs").status_code == 200
