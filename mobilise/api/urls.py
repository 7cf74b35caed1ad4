"""The /api/v1 API: thin routes over the same services as the pages."""

from ninja import NinjaAPI

from mobilise.api import framework, me
from mobilise.api.auth import TokenAuth

api = NinjaAPI(
    title="Mobilise API",
    version="1.0.0",
    description=(
        "The Knowledge Mobilisation self-assessment and action plans. JSON in, JSON out. "
        "Send `Authorization: Bearer <token>`; `python manage.py create_api_token USERNAME` "
        "makes a token."
    ),
    auth=TokenAuth(),
)
api.add_router("", framework.router)
api.add_router("", me.router)
