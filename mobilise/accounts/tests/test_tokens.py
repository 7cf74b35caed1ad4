"""The page where people name, list and revoke their API tokens."""

import pytest
from django.test import Client

from mobilise.accounts.models import ApiToken
from mobilise.accounts.services import issue_token
from mobilise.core.tests.html import error_summary, page

pytestmark = pytest.mark.django_db


def test_a_token_is_named_shown_once_and_works(signed_in, facilitator):
    response = signed_in.post("/accounts/tokens/", {"name": "Intranet dashboard", "days": "30"})
    raw = page(response).select_one("#new-token").get_text().strip()
    token = ApiToken.objects.get()
    assert (
        token.name == "Intranet dashboard"
        and raw.startswith(token.prefix)
        and token.key_hash != raw
    )
    assert (token.expires_at - token.created_at).days in {29, 30}
    assert Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me").status_code == 200
    listing = page(signed_in.get("/accounts/tokens/"))
    assert listing.select_one("#new-token") is None  # never shown again
    assert "Intranet dashboard" in listing.get_text()


def test_a_revoked_token_stops_working(signed_in, facilitator):
    token, raw = issue_token(facilitator.user, facilitator.organisation, name="Old")
    signed_in.post(f"/accounts/tokens/{token.id}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me").status_code == 401
    assert "Revoked" in page(signed_in.get("/accounts/tokens/")).get_text()


def test_a_name_is_needed(signed_in):
    response = signed_in.post("/accounts/tokens/", {"name": "", "days": "30"})
    assert error_summary(response) == [("#id_name", "Enter a name for the token")]
    assert not ApiToken.objects.exists()


def test_nobody_can_revoke_someone_elses_token(signed_in, viewer):
    theirs, _ = issue_token(viewer.user, viewer.organisation)
    assert signed_in.post(f"/accounts/tokens/{theirs.id}/revoke/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
