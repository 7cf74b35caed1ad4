"""The access matrix: every page and API operation, as a viewer, a facilitator and an admin
of the organisation that owns what the URL names, against what each role may do.

Routes are discovered from the URL resolver and operations from the OpenAPI schema; one
that is not in the tables below fails the test until someone decides who may use it, so a
new view cannot escape. Anonymous visitors and other organisations' members are walked in
tests/test_ownership.py.
"""

import re

import pytest
from django.test import Client

from mobilise.accounts.models import Role
from mobilise.accounts.services import issue_token
from mobilise.accounts.services import people as people_service
from mobilise.accounts.tests.factories import MembershipFactory
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.core.dates import uk_today
from mobilise.plans.models import LocalAction, PlanAction
from mobilise.plans.services import plan as plans
from mobilise.plans.services import sign_off as signing
from tests.case_study import case_study
from tests.evidence import evidence_file
from tests.routes import PLAIN, all_api_operations, fill, member_routes

pytestmark = pytest.mark.django_db

RANK = {Role.VIEWER: 0, Role.FACILITATOR: 1, Role.ADMIN: 2}
VIEWER, EDITOR, ADMIN = Role.VIEWER, Role.FACILITATOR, Role.ADMIN
NOT_ALLOWED = None  # the method is refused for everyone (405)
STAFF = "staff"  # platform staff only, whatever their role in an organisation

# route: (who may GET, who may POST). The lowest role that may; everyone above it may too.
PAGES = {
    "accounts/organisation/": (VIEWER, VIEWER),
    "accounts/tokens/": (VIEWER, VIEWER),
    "accounts/tokens/<uuid:token_id>/revoke/": (NOT_ALLOWED, VIEWER),
    "assessments/import/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/export/<str:fmt>/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/board-paper/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>.docx": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/paper-form.<str:fmt>": (VIEWER, NOT_ALLOWED),
    "paper-form.<str:fmt>": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/pre-read.pdf": (VIEWER, NOT_ALLOWED),
    "organisation/people/": (ADMIN, NOT_ALLOWED),
    "organisation/people/invite/": (ADMIN, ADMIN),
    "organisation/people/<uuid:membership_id>/": (ADMIN, ADMIN),
    "organisation/people/<uuid:membership_id>/remove/": (ADMIN, ADMIN),
    "organisation/people/invitations/<uuid:invitation_id>/withdraw/": (NOT_ALLOWED, ADMIN),
    "organisation/people/invitations/<uuid:invitation_id>/resend/": (NOT_ALLOWED, ADMIN),
    "organisation/people/invitations/<uuid:invitation_id>/link/": (ADMIN, ADMIN),
    "organisation/units/": (ADMIN, NOT_ALLOWED),
    "organisation/units/add/": (ADMIN, ADMIN),
    "organisation/units/<uuid:unit_id>/rename/": (ADMIN, ADMIN),
    "organisation/units/<uuid:unit_id>/archive/": (ADMIN, ADMIN),
    "organisation/units/<uuid:unit_id>/restore/": (ADMIN, ADMIN),
    "organisation/history/": (ADMIN, NOT_ALLOWED),
    "organisation/export.json": (ADMIN, NOT_ALLOWED),
    "organisation/delete/": (ADMIN, ADMIN),
    "assessments/<uuid:assessment_id>/suggestions/": (VIEWER, EDITOR),
    "assessments/<uuid:assessment_id>/plan/": (VIEWER, EDITOR),
    "assessments/<uuid:assessment_id>/plan/element/<str:code>/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/plan/element/<str:code>/no-action/remove/": (EDITOR, EDITOR),
    # Viewers update the status of the actions they own and add progress notes to them (the
    # walks make the viewer the action's owner; plans' tests refuse the others' actions).
    "assessments/<uuid:assessment_id>/plan/actions/<uuid:action_id>/": (VIEWER, VIEWER),
    "assessments/<uuid:assessment_id>/plan/actions/<uuid:action_id>/notes/": (NOT_ALLOWED, VIEWER),
    "assessments/<uuid:assessment_id>/plan/actions/<uuid:action_id>/delete/": (EDITOR, EDITOR),
    # Admins record a sign-off, and the facilitator an admin named (not named here).
    "assessments/<uuid:assessment_id>/plan/sign-off/": (VIEWER, ADMIN),
    "assessments/<uuid:assessment_id>/plan/sign-off/signatory/": (NOT_ALLOWED, ADMIN),
    "assessments/<uuid:assessment_id>/plan/agreed/<int:version>/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/plan/agreed/<int:version>.csv": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/case-studies/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/case-studies/new/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>/change/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/case-studies/<uuid:case_id>/delete/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/reassess/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/comparison/": (VIEWER, NOT_ALLOWED),
    "follow-up/": (VIEWER, NOT_ALLOWED),
    # Everyone's own feed: anyone may give it a new address.
    "follow-up/calendar/change/": (VIEWER, VIEWER),
    "portfolio/": (VIEWER, NOT_ALLOWED),
    "units/<uuid:unit_id>/trend/": (VIEWER, NOT_ALLOWED),
    "benchmark/": (VIEWER, NOT_ALLOWED),
    "benchmark/national/": (STAFF, NOT_ALLOWED),
    "organisation/settings/": (ADMIN, ADMIN),
    "local-actions/": (VIEWER, ADMIN),
    "local-actions/<uuid:local_id>/delete/": (ADMIN, ADMIN),
    "assessments/": (VIEWER, NOT_ALLOWED),
    "assessments/new/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/delete/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/close/": (NOT_ALLOWED, EDITOR),
    "assessments/<uuid:assessment_id>/reopen/": (NOT_ALLOWED, EDITOR),
    "assessments/<uuid:assessment_id>/reveal/": (NOT_ALLOWED, EDITOR),
    "assessments/<uuid:assessment_id>/live/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/live/panel/": (VIEWER, NOT_ALLOWED),
    # Any member may project the presenter screen and follow it; only editors drive it.
    "assessments/<uuid:assessment_id>/present/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/present/panel/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/present/state/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/present/controls/": (EDITOR, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/present/change/": (NOT_ALLOWED, EDITOR),
    "assessments/<uuid:assessment_id>/agree/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/agree/<int:number>/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/agree/element/<str:code>/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/hands/": (EDITOR, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/hands/<str:code>/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/results/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/paper/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/history/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/expected/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/links/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/invite/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/invite/calendar/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/responses/": (VIEWER, NOT_ALLOWED),
    "assessments/<uuid:assessment_id>/responses/<uuid:response_id>/discard/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/evidence/<str:code>/add/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/evidence/<uuid:evidence_id>/change/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/evidence/<uuid:evidence_id>/keep/": (NOT_ALLOWED, EDITOR),
    "assessments/<uuid:assessment_id>/evidence/<uuid:evidence_id>/remove/": (EDITOR, EDITOR),
    "assessments/<uuid:assessment_id>/evidence/<uuid:evidence_id>/file/": (VIEWER, NOT_ALLOWED),
}


def test_every_member_page_is_in_the_matrix():
    routes = set(member_routes())
    assert routes - set(PAGES) == set(), "Decide who may use these pages: add them to PAGES"
    assert set(PAGES) - routes == set(), "These pages no longer exist: take them out of PAGES"


@pytest.fixture
def ours(organisation):
    """One of everything the organisation owns, for the URLs to name."""
    before = AssessmentFactory(organisation=organisation)
    # A reassessment, so that its comparison page has something to compare.
    assessment = AssessmentFactory(organisation=organisation, unit=before.unit, previous=before)
    action = plans.add_custom_action(
        assessment, "Our action", ["1.1"], plans.ActionFields(priority="high", given={"priority"})
    )
    plans.mark_no_action(assessment, "2.1", "Already strong")
    admin = MembershipFactory(organisation=organisation, role=Role.ADMIN)
    signing.sign_off(
        assessment,
        admin,
        signing.SignOffFields(agreed_by="Board", meeting="Board", agreed_on=uk_today()),
        admin.user,
    )
    local = LocalAction.objects.create(organisation=organisation, element_code="1.1", text="Ours")
    colleague = MembershipFactory(organisation=organisation, role=Role.VIEWER)
    invitation, _ = people_service.invite(organisation, "new.person@nhs.net", Role.VIEWER, None)
    return {
        "assessment_id": assessment.id,
        "action_id": action.id,
        "local_id": local.id,
        "membership_id": colleague.id,
        "invitation_id": invitation.id,
        "element": "2.1",
        "code": "2.1",
        "response_id": submit(assessment, 2).id,
        "unit_id": assessment.unit_id,
        "evidence_id": evidence_file(assessment).id,
        "case_id": case_study(assessment).id,
    }


def owner_of_our_action(organisation, role, ours):
    """A member of the role, who owns the organisation's action."""
    person = MembershipFactory(organisation=organisation, role=role)
    PlanAction.objects.filter(pk=ours["action_id"]).update(owner_member=person)
    return person


def may(role: str, lowest: str | None) -> bool:
    return lowest in RANK and RANK[role] >= RANK[lowest]


ROLES = [VIEWER, EDITOR, ADMIN]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", sorted(PAGES))
def test_pages_answer_each_role_as_the_matrix_says(route, role, organisation, ours):
    person = owner_of_our_action(organisation, role, ours)
    token, _ = issue_token(person.user, organisation)
    client = Client()
    client.force_login(person.user)
    url = fill(route, {**ours, "token_id": token.id})
    get_rule, post_rule = PAGES[route]
    for method, rule in (("get", get_rule), ("post", post_rule)):
        status = getattr(client, method)(url, {}).status_code
        if rule is NOT_ALLOWED:
            assert status == 405, (method, url, status)
        elif may(role, rule):
            assert status in {200, 302, 400}, (role, method, url, status)
        else:
            assert status == 403, (role, method, url, status)


# API operations that change something and which viewers may still use.
VIEWER_CHANGES = {
    ("patch", "/api/v1/assessments/{assessment_id}/plan/actions/{action_id}"),
    ("post", "/api/v1/assessments/{assessment_id}/plan/actions/{action_id}/notes"),
}


# API operations that change something and which only admins may use.
ADMIN_CHANGES = {("post", "/api/v1/assessments/{assessment_id}/plan/sign-offs")}


def test_the_api_walk_covers_every_operation_that_needs_a_token():
    operations = all_api_operations()
    assert len(operations) >= 18
    assert set(operations) >= VIEWER_CHANGES


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), all_api_operations())
def test_api_operations_answer_each_role(method, path, role, organisation, ours):
    person = owner_of_our_action(organisation, role, ours)
    _, raw = issue_token(person.user, organisation)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    url = re.sub(r"{(\w+)}", lambda m: str(ours.get(m.group(1), PLAIN.get(m.group(1)))), path)
    status = getattr(client, method)(url, {}, content_type="application/json").status_code
    lowest = VIEWER if method == "get" or (method, path) in VIEWER_CHANGES else EDITOR
    lowest = ADMIN if (method, path) in ADMIN_CHANGES else lowest
    if may(role, lowest):
        assert status in {200, 201, 204, 409, 422}, (role, method, url, status)
    else:
        assert status == 403, (role, method, url, status)
