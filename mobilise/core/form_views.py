"""Form handling written once: bind the form to what was posted, validate it, save it through
a service, say so and move on; or show the page again with every error against its field.

    form = bound(request, ExpectedForm, initial=...)
    def save(data):
        turnout.set_expected(assessment, data["expected_participants"], request.user)
        return done(request, "The number of people expected is saved.", "assessments:detail", id)
    if saved := handle(request, form, save):
        return saved
    return render(request, "...", {"form": form})
"""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from mobilise.core.errors import InvalidInput

F = TypeVar("F", bound=forms.BaseForm)


def bound(request: HttpRequest, form_class: type[F], **kwargs: Any) -> F:
    """The form, bound to the posted data when the request is a POST, else empty."""
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def handle(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict], HttpResponse],
    *,
    refusals: Mapping[type[Exception], str | None] | None = None,
    field: str | None = None,
) -> HttpResponse | None:
    """Save a valid posted form and return where `save` goes next; None to show the page.

    A service's InvalidInput lands on the fields it names (or on `field` when it names none
    of the form's); any other refusal listed in `refusals` lands on the field given for it
    (None: the whole form), in the refusal's own words. Services save all or nothing, so a
    refused form has saved nothing."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except InvalidInput as error:
        for problem in error.errors:
            name = problem.loc[0] if problem.loc and problem.loc[0] in form.fields else field
            form.add_error(name, problem.msg)
    except tuple(refusals or ()) as error:
        form.add_error(_field_for(refusals, error), str(error))
    return None


def _field_for(refusals: Mapping[type[Exception], str | None], error: Exception) -> str | None:
    return next(name for kind, name in refusals.items() if isinstance(error, kind))


def done(request: HttpRequest, message: str, to: str, *args: Any) -> HttpResponse:
    """Say what was done, then go to the named page (or address)."""
    messages.success(request, message)
    return redirect(to, *args)
