"""Reading the client's address behind the configured number of proxies."""

from django.test import RequestFactory, override_settings

from mobilise.core.clients import client_address


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@override_settings(MOBILISE_PROXY_COUNT=0)
def test_without_proxies_the_header_is_ignored():
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@override_settings(MOBILISE_PROXY_COUNT=1)
def test_behind_one_proxy_the_last_forwarded_address_is_the_client():
    # A client may write its own X-Forwarded-For; the proxy appends what it saw.
    request = request_from("10.0.0.2", "198.51.100.1, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"


@override_settings(MOBILISE_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_from_the_right():
    request = request_from("10.0.0.2", "198.51.100.1, 203.0.113.9, 10.0.0.1")
    assert client_address(request) == "203.0.113.9"


@override_settings(MOBILISE_PROXY_COUNT=2)
def test_too_few_hops_falls_back_to_the_nearest_address():
    assert client_address(request_from("10.0.0.2", "203.0.113.9")) == "10.0.0.2"


@override_settings(MOBILISE_PROXY_COUNT=1)
def test_garbage_never_raises():
    assert client_address(request_from("10.0.0.2", "not-an-address")) == "10.0.0.2"
    assert client_address(request_from("garbage")) == "unknown"
    assert client_address(request_from("10.0.0.2", "2001:db8::1")) == "2001:db8::1"
