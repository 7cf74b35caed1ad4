import io

import pytest
from django.core.management import call_command

from mobilise.accounts.models import Membership, Organisation, Unit, User
from mobilise.demo.services import DEMO_PASSWORD, ORGANISATION

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_creates_the_demo_organisation_and_accounts():
    output = load()
    organisation = Organisation.objects.get(name=ORGANISATION)
    roles = dict(
        Membership.objects.filter(organisation=organisation).values_list("user__username", "role")
    )
    assert roles == {
        "demo-admin": "admin",
        "demo-facilitator": "facilitator",
        "demo-viewer": "viewer",
    }
    assert User.objects.get(username="demo-viewer").check_password(DEMO_PASSWORD)
    assert "demo-facilitator" in output and DEMO_PASSWORD in output


def test_it_is_idempotent():
    load()
    counts = (Organisation.objects.count(), Unit.objects.count(), User.objects.count())
    load()
    assert (Organisation.objects.count(), Unit.objects.count(), User.objects.count()) == counts
    assert Membership.objects.count() == 3
