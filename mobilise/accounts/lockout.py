"""Sign-in lock-out (django-axes), so that it cannot be turned against a named person.

Axes counts failures per user name *and* client address, so someone guessing a colleague's
password locks out only themselves. It takes one failure limit for every group it counts,
so the limit on one address trying many user names (password spraying) is added here, over
the same table axes keeps: the failures recorded from that address in the cool-off window,
whatever names they tried.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

from mobilise.core.clients import client_address


def sign_in_address(request: HttpRequest) -> str | None:
    """The address axes records: the client's, read behind the configured proxies."""
    address = client_address(request)
    return None if address == "unknown" else address


def address_failures(address: str | None) -> int:
    if address is None:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
        failures=Sum("failures_since_start")
    )["failures"]
    return total or 0


class SignInHandler(AxesDatabaseHandler):
    def address_locked(self, request) -> bool:
        address = getattr(request, "axes_ip_address", None) or sign_in_address(request)
        return address_failures(address) >= settings.MOBILISE_SIGN_IN_ADDRESS_LIMIT

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        # Refuses the sign-in before the password is even checked.
        return super().is_locked(request, credentials) or self.address_locked(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs) -> None:
        # Axes flags the request for its lock-out page only when its own limit is reached.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and self.address_locked(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials
