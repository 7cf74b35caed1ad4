from django.http import HttpRequest
from ninja import Router

from mobilise.api.auth import caller
from mobilise.api.schemas import Error, MeOut

router = Router(tags=["Account"])


@router.get("/me", response={200: MeOut, 401: Error, 403: Error}, summary="Who the token is for")
def me(request: HttpRequest) -> dict:
    membership = caller(request)
    return {
        "username": membership.user.username,
        "role": membership.role,
        "organisation": {
            "id": str(membership.organisation.id),
            "name": membership.organisation.name,
        },
    }
