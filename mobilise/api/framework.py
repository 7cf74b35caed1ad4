from typing import Any

from django.http import HttpRequest
from ninja import Router

from mobilise.api.schemas import FrameworkOut
from mobilise.framework.catalogue import get_framework
from mobilise.framework.export import framework_as_dict

router = Router(tags=["Framework"])


@router.get("/framework", auth=None, response={200: FrameworkOut}, summary="The framework")
def framework(request: HttpRequest) -> dict[str, Any]:
    """The current framework: scale, techniques, sections, elements and action options.

    The same value as `python manage.py export_framework --format json`. Options whose words
    are the same (ignoring case and punctuation) are one action: `action_id` names the
    action and `elements` every element it belongs to.
    """
    return framework_as_dict(get_framework())
