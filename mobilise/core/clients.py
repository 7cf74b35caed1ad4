"""The address a request came from, read the same way by every rule that needs it
(sign-in lock-out, flood limits).

Behind proxies, `REMOTE_ADDR` is the nearest proxy, so every client would look alike. The
deployment says how many proxies it runs in front of the service (`MOBILISE_PROXY_COUNT`);
each appends the address it received from to `X-Forwarded-For`, so the client is the entry
that many places from the right. The header is read only then: with no proxy configured,
anyone could write it, and a forged header must not choose whose counter a request spends.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The client's address as the configured proxies saw it; "unknown" when it cannot
    be read (never an exception, whatever the headers say)."""
    proxies = getattr(settings, "MOBILISE_PROXY_COUNT", 0)
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or "unknown"
    if proxies <= 0:
        return remote
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if len(forwarded) < proxies:
        # Fewer hops than proxies: the request did not come through all of them.
        return remote
    return _valid(forwarded[-proxies]) or remote
