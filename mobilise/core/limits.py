"""Flood limits: how many submissions one address may send to one assessment.

A token bucket made of cache keys. Every refill interval adds one token, numbered by the
interval it belongs to; the bucket holds the tokens of the last `burst` intervals. A request
takes the oldest free token by the cache's atomic `add` of that token's key, so two workers
can never take the same token, whatever the backend (database, Redis or memory), and no
count is ever read, changed and written back. A fresh address therefore has `burst` tokens
at once, then one per interval. The oldest token is tried first on its own (one write);
only when it is taken are the others read (`get_many`), and a refused request costs that
write and one read.
"""

import ipaddress
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac


@dataclass(frozen=True)
class Refused:
    """The bucket is empty: the next token comes in `retry_after` seconds."""

    retry_after: int

    @property
    def in_words(self) -> str:
        seconds = self.retry_after
        return "1 second" if seconds == 1 else f"{seconds} seconds"


clock: Callable[[], float] = time.time


def _bucket_address(address: str) -> str:
    """IPv6 addresses count per /64, the block one network is given, so that a flood
    cannot take a fresh address for every request. The cache holds a keyed hash of it,
    never the address itself."""
    try:
        parsed = ipaddress.ip_address(address)
        if parsed.version == 6:
            address = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
        else:
            address = str(parsed)
    except ValueError:
        pass
    return salted_hmac("mobilise.flood", address).hexdigest()[:32]


def take(kind: str, scope: str, address: str) -> Refused | None:
    """Spend one of `address`'s tokens for `kind` (e.g. "submit") in `scope` (e.g. an
    assessment's id); None when allowed, else when to retry."""
    burst = max(1, int(settings.MOBILISE_FLOOD_BURST))
    interval = max(0.001, float(settings.MOBILISE_FLOOD_INTERVAL_SECONDS))
    cache = caches[settings.MOBILISE_FLOOD_CACHE]
    now = clock()
    current = math.floor(now / interval)
    prefix = f"flood:{kind}:{scope}:{_bucket_address(address)}:"
    keys = [f"{prefix}{slot}" for slot in range(current - burst + 1, current + 1)]
    # A token lives until it falls out of the bucket, and a little longer.
    timeout = math.ceil((burst + 1) * interval) + 1
    # The oldest token first, by itself: unless the address sent a burst within the
    # bucket's span it is free, and taking it is one write, with nothing read.
    if cache.add(keys[0], 1, timeout=timeout):
        return None
    taken = cache.get_many(keys[1:])
    for key in keys[1:]:
        if key not in taken and cache.add(key, 1, timeout=timeout):
            return None
    return Refused(retry_after=max(1, math.ceil((current + 1) * interval - now)))
