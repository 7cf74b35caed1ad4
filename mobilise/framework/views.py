"""The catalogue's pages (elements, options, techniques) and the start page."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from mobilise.framework.catalogue import get_framework
from mobilise.framework.presenters import option_view


def start(request: HttpRequest) -> HttpResponse:
    """The introduction for someone not signed in (the home page answers with it)."""
    return render(
        request,
        "framework/start.jinja",
        {"page_title": "Knowledge Mobilisation self-assessment", "framework": get_framework()},
    )


def overview(request: HttpRequest) -> HttpResponse:
    framework = get_framework()
    return render(
        request,
        "framework/overview.jinja",
        {"page_title": "The framework", "framework": framework},
    )


def element(request: HttpRequest, code: str) -> HttpResponse:
    framework = get_framework()
    found = framework.element(code)
    if found is None:
        raise Http404("No such element")
    options = [option_view(framework, option) for option in found.options]
    techniques = {t.id: t for view in options for t in view.techniques}
    return render(
        request,
        "framework/element.jinja",
        {
            "page_title": f"{found.code} {found.title}",
            "framework": framework,
            "element": found,
            "section": framework.section(found.section_code),
            "options": options,
            "techniques": list(techniques.values()),
            "levels": list(zip(framework.scale, found.levels, strict=True)),
        },
    )


def techniques(request: HttpRequest) -> HttpResponse:
    framework = get_framework()
    used_by = {
        t.id: [o for o in framework.options if t.id in o.techniques] for t in framework.techniques
    }
    return render(
        request,
        "framework/techniques.jinja",
        {"page_title": "Techniques", "framework": framework, "used_by": used_by},
    )
