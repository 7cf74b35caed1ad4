"""The benchmark across organisations: figures, suppression of small groups (including
groups that could be had by subtraction), where an organisation stands, and the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st

from mobilise.accounts.models import Organisation, Role
from mobilise.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mobilise.assessments.models import Consensus
from mobilise.assessments.tests.factories import CODES, AssessmentFactory
from mobilise.benchmarking.services import benchmark, refresh, shown_groups
from mobilise.core.tests.html import page, text
from mobilise.framework.catalogue import get_framework
from mobilise.plans.services import plan as plans

pytestmark = pytest.mark.django_db

FIRST_OPTION = get_framework().element("1.1").options[0]


def fresh(split=None, organisation=None):
    """The benchmark from a snapshot taken now."""
    refresh()
    return benchmark(split, organisation)


def taking_part(
    level: int, region: str = "london", kind: str = "acute", done: bool = False, **extra
) -> Organisation:
    """An opted-in organisation with one unit that agreed `level` for every element, and a
    plan with the first catalogue action of 1.1."""
    organisation = OrganisationFactory(region=region, kind=kind, benchmarking=True, **extra)
    assessment = AssessmentFactory(organisation=organisation)
    Consensus.objects.bulk_create(
        Consensus(assessment=assessment, element_code=code, level=level, importance="medium")
        for code in CODES
    )
    status = "done" if done else "in_progress"
    plans.add_catalogue_action(
        assessment, FIRST_OPTION.id, ["1.1"], plans.ActionFields(status=status, given={"status"})
    )
    return organisation


def test_fewer_than_five_organisations_are_never_shown():
    for level in (0, 1, 2, 3):
        taking_part(level)
    found = fresh()
    assert found.overall.organisations == 4
    assert not found.overall.shown and found.overall.elements == [] and found.overall.actions == []


def test_five_organisations_give_distribution_median_and_middle_half():
    for level in (0, 1, 2, 3, 4):
        taking_part(level, done=level >= 3)
    found = fresh()
    element = found.overall.elements[0]
    assert found.overall.shown and len(found.overall.elements) == 23
    assert element.distribution == [1, 1, 1, 1, 1]
    assert (element.lower_quartile, element.median, element.upper_quartile) == (1, 2, 3)
    [action] = found.overall.actions
    assert action.text == FIRST_OPTION.text
    assert (action.organisations, action.actions, action.done, action.done_percent) == (5, 5, 2, 40)


def test_only_opted_in_organisations_with_complete_agreements_count():
    for level in (1, 1, 2, 2, 3):
        taking_part(level)
    not_opted = taking_part(4)
    Organisation.objects.filter(pk=not_opted.pk).update(benchmarking=False)
    incomplete = OrganisationFactory(benchmarking=True)
    partial = AssessmentFactory(organisation=incomplete)
    Consensus.objects.create(assessment=partial, element_code="1.1", level=4, importance="low")
    assert fresh().overall.organisations == 5


def test_an_organisations_figure_is_the_median_of_its_units_latest_agreement():
    organisation = taking_part(0)
    # A second unit, and a later agreement of the first unit: 4 and 2 → median 3.
    second = AssessmentFactory(organisation=organisation)
    later = AssessmentFactory(organisation=organisation, unit=second.unit)
    for assessment, level in ((second, 1), (later, 4)):
        Consensus.objects.bulk_create(
            Consensus(assessment=assessment, element_code=c, level=level, importance="low")
            for c in CODES
        )
    first_unit_later = AssessmentFactory(
        organisation=organisation, unit=organisation.units.exclude(pk=second.unit_id).get()
    )
    Consensus.objects.bulk_create(
        Consensus(assessment=first_unit_later, element_code=c, level=2, importance="low")
        for c in CODES
    )
    for level in (0, 0, 0, 0, 0):
        taking_part(level)
    found = fresh(organisation=organisation)
    assert found.overall.elements[0].distribution == [5, 0, 0, 1, 0]  # five medians of 0, one of 3
    assert found.standing["1.1"] == "above"


def test_a_member_needs_five_others_to_see_anything():
    ours = taking_part(1)
    for level in (0, 2, 3, 4):
        taking_part(level)
    # Five in all: enough for the national view, but ours would learn the other four's.
    assert fresh().overall.shown
    mine = fresh(organisation=ours)
    assert not mine.overall.shown and mine.overall.elements == [] and mine.standing == {}
    taking_part(2)
    assert fresh(organisation=ours).overall.shown


def test_an_organisation_that_takes_part_without_a_complete_agreement_sees_nothing():
    for level in range(6):
        taking_part(level % 5)
    idle = OrganisationFactory(benchmarking=True)
    found = fresh("region", idle)
    assert not found.contributing and found.groups[0].elements == []
    assert len(found.groups) == 1


def test_where_an_organisation_stands():
    ours = taking_part(0)
    for level in (2, 2, 3, 3, 3):
        taking_part(level)
    assert set(fresh(organisation=ours).standing.values()) == {"below"}
    middle = taking_part(2)
    assert set(fresh(organisation=middle).standing.values()) == {"around"}


def test_a_small_region_is_suppressed_and_cannot_be_had_by_subtraction():
    for level in range(6):
        taking_part(level % 5, region="london")
    for level in range(3):
        taking_part(level, region="north-west")
    found = fresh("region")
    groups = {g.key: g for g in found.groups}
    assert found.overall.shown
    assert not groups["north-west"].shown
    # Showing London would give the North West as all minus London: London is hidden too.
    assert not groups["london"].shown and groups["london"].elements == []


def test_the_smallest_groups_are_hidden_until_the_hidden_ones_hold_five():
    for region, count in (("london", 7), ("midlands", 5), ("south-west", 2)):
        for i in range(count):
            taking_part(i % 5, region=region)
    groups = {g.key: g for g in fresh("region").groups}
    assert groups["london"].shown
    assert not groups["midlands"].shown and not groups["south-west"].shown


def test_organisations_without_a_region_count_as_hidden():
    for i in range(5):
        taking_part(i, region="london")
    for i in range(2):
        taking_part(i, region="")
    groups = {g.key: g for g in fresh("region").groups}
    assert not groups["london"].shown


@settings(max_examples=300, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=7),
    extra=st.integers(0, 6),
)
def test_suppression_never_leaves_a_small_group_to_be_worked_out(sizes, extra):
    groups = {f"g{i}": size for i, size in enumerate(sizes)}
    total = sum(sizes) + extra  # some organisations in no group
    shown = shown_groups(groups, total)
    hidden = total - sum(groups[k] for k in shown)
    assert all(groups[k] >= 5 for k in shown)
    # What is not shown, together, is nothing or a group of at least five.
    assert hidden == 0 or hidden >= 5 or not shown


def test_the_number_of_queries_does_not_grow_with_the_organisations(
    django_assert_num_queries,
):
    ours = taking_part(0, region="london")
    for level in range(5):
        taking_part(level, region="london")
    with CaptureQueriesContext(connection) as small:
        refresh()
    with CaptureQueriesContext(connection) as small_look:
        benchmark("region", ours)
    for level in range(15):
        taking_part(level % 5, region="midlands")
    with django_assert_num_queries(len(small.captured_queries)):
        refresh()
    # Reading is one query for the snapshot and one for the organisation's own levels.
    with django_assert_num_queries(len(small_look.captured_queries)):
        benchmark("region", ours)
    assert len(small_look.captured_queries) == 2


def test_figures_are_a_dated_snapshot_not_live():
    for level in range(6):
        taking_part(level % 5)
    first = fresh()
    taking_part(4)
    assert benchmark().overall.organisations == 6  # the new organisation waits for the next
    again = fresh()
    assert again.overall.organisations == 7 and again.taken_at > first.taken_at


def test_the_page_shows_figures_without_names(client):
    organisations = [taking_part(level % 5, name=f"Trust {level}") for level in range(6)]
    member = MembershipFactory(organisation=organisations[0], role=Role.VIEWER)
    client.force_login(member.user)
    response = client.get("/benchmark/?by=region")
    assert response.status_code == 200
    html = response.content.decode()
    for organisation in organisations[1:]:
        assert organisation.name not in html
    assert 'Below</strong><span class="nhsuk-u-visually-hidden"> the middle half' in html
    headings = [text(h) for h in page(response).select("h2")]
    assert "London" in headings and "North West" in headings
    assert "Not shown, to protect the organisations in it" in html


def test_an_organisation_not_taking_part_sees_no_figures(client, admin):
    for level in range(5):
        taking_part(level)
    client.force_login(admin.user)
    html = client.get("/benchmark/").content.decode()
    assert "does not take part" in html and "Organisations at level" not in html
    assert "/organisation/settings/" in html


def test_an_admin_opts_in_and_it_is_recorded(client, admin):
    client.force_login(admin.user)
    response = client.post(
        "/organisation/settings/", {"region": "south-west", "kind": "acute", "benchmarking": "on"}
    )
    assert response.status_code == 302
    admin.organisation.refresh_from_db()
    assert admin.organisation.benchmarking and admin.organisation.region == "south-west"
    entry = admin.organisation.history.get(summary="Joined the benchmark across organisations")
    assert entry.changes["benchmarking"] == [False, True] and entry.actor == admin.user


def test_the_national_view_is_for_platform_staff_only(client, facilitator):
    for level in range(5):
        taking_part(level)
    client.force_login(facilitator.user)
    assert client.get("/benchmark/national/").status_code == 403
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    response = client.get("/benchmark/national/?by=kind")
    assert response.status_code == 200
    assert "Acute trust" in response.content.decode()
