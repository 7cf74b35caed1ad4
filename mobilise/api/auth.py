"""Bearer-token authentication for the API."""

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer

from mobilise.accounts.models import ApiToken, Membership
from mobilise.accounts.services import authenticate_token, user_membership


class TokenAuth(HttpBearer):
    """401 for no token or a bad, expired or revoked one; 403 for a user with no organisation."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        api_token = authenticate_token(token)
        if api_token is None:
            return None
        membership = user_membership(api_token.user, api_token.organisation)
        if membership is None:
            raise HttpError(403, "You do not belong to an organisation")
        request.user = api_token.user
        request.membership = membership
        return api_token


def caller(request: HttpRequest) -> Membership:
    """The authenticated caller's membership, set by TokenAuth."""
    return request.membership
