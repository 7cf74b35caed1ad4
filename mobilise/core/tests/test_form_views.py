"""Form handling written once: bind, validate, save through a service, or show the errors."""

from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory

from mobilise.core.errors import Conflict, FieldError, InvalidInput
from mobilise.core.form_views import bound, done, handle


class NameForm(forms.Form):
    name = forms.CharField(max_length=10)
    colour = forms.CharField(required=False)


def post(data: dict):
    request = RequestFactory().post("/", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_get_is_unbound_and_shows_the_page():
    request = RequestFactory().get("/")
    form = bound(request, NameForm, initial={"name": "Ada"})
    assert not form.is_bound and form.initial == {"name": "Ada"}
    assert handle(request, form, lambda data: HttpResponse("saved")) is None


def test_an_invalid_post_never_reaches_the_service():
    request = post({"name": "x" * 11})
    calls = []
    form = bound(request, NameForm)
    assert handle(request, form, calls.append) is None
    assert calls == [] and "name" in form.errors


def test_a_valid_post_is_saved_and_goes_where_the_service_says():
    request = post({"name": "Ada"})
    form = bound(request, NameForm)
    answer = handle(request, form, lambda data: done(request, f"Saved {data['name']}", "/next/"))
    assert answer.status_code == 302 and answer["Location"] == "/next/"
    assert [str(m) for m in request._messages] == ["Saved Ada"]


def test_the_services_refusals_land_on_the_fields_they_name():
    def refuse(data):
        raise InvalidInput([FieldError(("colour",), "Not a colour"), FieldError(("x",), "Other")])

    request = post({"name": "Ada", "colour": "loud"})
    form = bound(request, NameForm)
    assert handle(request, form, refuse, field="name") is None
    assert form.errors == {"colour": ["Not a colour"], "name": ["Other"]}


def test_other_refusals_land_where_the_view_says_and_unlisted_ones_propagate():
    def conflict(data):
        raise Conflict("Already there")

    request = post({"name": "Ada"})
    form = bound(request, NameForm)
    assert handle(request, form, conflict, refusals={Conflict: None}) is None
    assert form.non_field_errors() == ["Already there"]
    form = bound(request, NameForm)
    try:
        handle(request, form, conflict)
    except Conflict:
        pass
    else:
        raise AssertionError("an unlisted refusal must not be swallowed")
