"""Units managed by admins: the service's rules, the pages, and where an archived unit no
longer shows (the choice of units, the API, the portfolio, the benchmark, the home page)."""

import pytest

from conftest import api_client_for
from mobilise.accounts.models import Unit
from mobilise.accounts.services import units
from mobilise.accounts.tests.factories import UnitFactory
from mobilise.assessments.models import Consensus
from mobilise.assessments.services import setup
from mobilise.assessments.tests.factories import CODES, AssessmentFactory
from mobilise.benchmarking.services import complete_assessments
from mobilise.core.errors import InvalidInput
from mobilise.core.tests.html import error_summary, field_error, page, text
from mobilise.portfolio.services import portfolio

pytestmark = pytest.mark.django_db
ARCHIVED = "2026-01-01T00:00Z"


def refusal(call, *args) -> tuple[tuple, str]:
    with pytest.raises(InvalidInput) as raised:
        call(*args)
    return raised.value.errors[0].loc, raised.value.errors[0].msg


# The service


def test_adding_a_unit_is_recorded(organisation, admin):
    unit = units.add_unit(organisation, "  Transformation team ", admin.user)
    assert unit.name == "Transformation team" and not unit.is_archived
    entry = organisation.history.get()
    assert entry.summary == "Added the unit Transformation team" and entry.actor == admin.user
    assert entry.changes == {"unit": [None, "Transformation team"]}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Enter the unit's name"),
        ("   ", "Enter the unit's name"),
        ("x" * 201, "The unit's name must be 200 characters or fewer"),
        ("board", "There is already a unit called Board: choose another name"),
    ],
)
def test_a_bad_or_taken_name_is_refused(organisation, name, message):
    UnitFactory(organisation=organisation, name="Board")
    assert refusal(units.add_unit, organisation, name, None) == (("name",), message)
    assert organisation.units.count() == 1 and not organisation.history.exists()


def test_another_organisations_unit_does_not_take_the_name(organisation, other_organisation):
    UnitFactory(organisation=other_organisation, name="Board")
    assert units.add_unit(organisation, "Board", None).organisation == organisation


def test_rename_refuses_a_name_another_unit_has_but_not_its_own(organisation, admin):
    board = UnitFactory(organisation=organisation, name="Board")
    UnitFactory(organisation=organisation, name="Library", archived_at=ARCHIVED)
    assert refusal(units.rename_unit, board, "LIBRARY", None) == (
        ("name",),
        "Library is an archived unit: restore it, or choose another name",
    )
    units.rename_unit(board, "The Board", admin.user)
    units.rename_unit(board, "The board", admin.user)  # its own name in another case
    board.refresh_from_db()
    assert board.name == "The board"
    summaries = list(organisation.history.order_by("created_at").values_list("summary", flat=True))
    assert summaries == [
        "Renamed the unit Board to The Board",
        "Renamed the unit The Board to The board",
    ]


def test_renaming_to_the_same_name_records_nothing(organisation):
    board = UnitFactory(organisation=organisation, name="Board")
    units.rename_unit(board, " Board ", None)
    assert not organisation.history.exists()


def test_archive_keeps_the_assessments_and_restore_brings_the_unit_back(organisation, admin):
    assessment = AssessmentFactory(organisation=organisation)
    unit = assessment.unit
    units.archive_unit(unit, admin.user)
    units.archive_unit(unit, admin.user)  # twice: recorded once
    unit.refresh_from_db()
    assert unit.is_archived and unit.assessments.get() == assessment
    assert list(Unit.objects.active()) == []
    units.restore_unit(unit, admin.user)
    unit.refresh_from_db()
    assert not unit.is_archived
    history = organisation.history.order_by("created_at")
    assert [e.summary for e in history] == [
        f"Archived the unit {unit.name}",
        f"Restored the unit {unit.name}",
    ]
    assert history[0].changes == {"archived": [False, True]}


def test_a_new_assessment_of_an_archived_unit_is_refused(organisation, admin):
    unit = units.archive_unit(UnitFactory(organisation=organisation, name="Board"), None)
    for name in ("Board", "board"):
        assert refusal(setup.create_assessment, organisation, name, "Next", "group") == (
            ("unit",),
            "Board is archived. An admin can restore it from the units page",
        )
    assert not unit.assessments.exists()
    units.restore_unit(unit, None)
    assert setup.create_assessment(organisation, "board", "Next", "group").unit == unit


def test_a_new_unit_from_the_create_form_is_recorded(organisation, facilitator):
    assessment = setup.create_assessment(
        organisation, "Finance", "First", "group", created_by=facilitator.user
    )
    assert assessment.unit.name == "Finance"
    assert organisation.history.filter(summary="Added the unit Finance").exists()


def test_the_portfolio_and_the_benchmark_leave_archived_units_out(organisation):
    kept, archived = (AssessmentFactory(organisation=organisation) for _ in range(2))
    for assessment in (kept, archived):
        Consensus.objects.bulk_create(
            Consensus(assessment=assessment, element_code=c, level=2, importance="low")
            for c in CODES
        )
    organisation.benchmarking = True
    organisation.save()
    units.archive_unit(archived.unit, None)
    assert [u.name for u in portfolio(organisation).units] == [kept.unit.name]
    assert [row["latest"] for row in complete_assessments(organisation)] == [kept.id]


# The pages


def test_the_units_page_lists_units_and_archived_units_apart(client, admin):
    UnitFactory(organisation=admin.organisation, name="Board")
    UnitFactory(organisation=admin.organisation, name="Library", archived_at=ARCHIVED)
    client.force_login(admin.user)
    html = page(client.get("/organisation/units/"))
    tables = html.select("table")
    assert [text(c) for c in tables[0].select("tbody td:first-child")] == ["Board"]
    assert [text(c) for c in tables[1].select("tbody td:first-child")] == ["Library"]
    assert "Restore Library" in text(tables[1])


def test_an_admin_adds_a_unit_and_a_bad_name_is_named(client, admin):
    client.force_login(admin.user)
    UnitFactory(organisation=admin.organisation, name="Board")
    refused = client.post("/organisation/units/add/", {"name": "BOARD"})
    assert refused.status_code == 200
    message = "There is already a unit called Board: choose another name"
    assert error_summary(refused) == [("#id_name", message)]
    assert field_error(refused, "id_name") == message
    assert text(page(refused).select_one("title")).startswith("Error: ")
    empty = client.post("/organisation/units/add/", {"name": ""})
    assert error_summary(empty) == [("#id_name", "Enter the unit's name")]
    added = client.post("/organisation/units/add/", {"name": "Finance"})
    assert added.status_code == 302 and added["Location"] == "/organisation/units/"
    assert admin.organisation.units.filter(name="Finance").exists()


def test_an_admin_renames_a_unit(client, admin):
    unit = UnitFactory(organisation=admin.organisation, name="Board")
    UnitFactory(organisation=admin.organisation, name="Library")
    client.force_login(admin.user)
    form = page(client.get(f"/organisation/units/{unit.id}/rename/"))
    assert form.select_one("#id_name")["value"] == "Board"
    refused = client.post(f"/organisation/units/{unit.id}/rename/", {"name": "library"})
    assert error_summary(refused) == [
        ("#id_name", "There is already a unit called Library: choose another name")
    ]
    renamed = client.post(f"/organisation/units/{unit.id}/rename/", {"name": "The Board"})
    assert renamed.status_code == 302
    unit.refresh_from_db()
    assert unit.name == "The Board"


def test_archive_and_restore_each_ask_first_and_say_what_they_change(client, admin):
    assessment = AssessmentFactory(organisation=admin.organisation)
    unit = assessment.unit
    client.force_login(admin.user)
    asked = text(page(client.get(f"/organisation/units/{unit.id}/archive/")).select_one("main"))
    unit.refresh_from_db()
    assert not unit.is_archived  # opening the page changes nothing
    assert f"Archive {unit.name}?" in asked and "leave the portfolio" in asked
    assert "Its 1 assessment, their plans and their history stay" in asked
    assert client.post(f"/organisation/units/{unit.id}/archive/").status_code == 302
    unit.refresh_from_db()
    assert unit.is_archived
    # Archived: it asks no more to archive, and restoring asks in its turn.
    assert client.get(f"/organisation/units/{unit.id}/archive/")["Location"] == (
        "/organisation/units/"
    )
    asked = text(page(client.get(f"/organisation/units/{unit.id}/restore/")).select_one("main"))
    assert f"Restore {unit.name}?" in asked and "back in the portfolio" in asked
    client.post(f"/organisation/units/{unit.id}/restore/")
    unit.refresh_from_db()
    assert not unit.is_archived


@pytest.mark.parametrize("action", ["rename", "archive", "restore"])
def test_another_organisations_unit_is_not_found(client, admin, other_organisation, action):
    theirs = UnitFactory(organisation=other_organisation, archived_at=None)
    client.force_login(admin.user)
    assert client.get(f"/organisation/units/{theirs.id}/{action}/").status_code == 404
    assert client.post(f"/organisation/units/{theirs.id}/{action}/", {"name": "X"}).status_code == (
        404
    )
    theirs.refresh_from_db()
    assert not theirs.is_archived and theirs.name != "X"


def test_facilitators_cannot_manage_units(client, facilitator):
    unit = UnitFactory(organisation=facilitator.organisation)
    client.force_login(facilitator.user)
    assert client.get("/organisation/units/").status_code == 403
    assert client.post(f"/organisation/units/{unit.id}/archive/").status_code == 403
    unit.refresh_from_db()
    assert not unit.is_archived


def test_the_create_form_offers_no_archived_unit_and_refuses_its_name(client, facilitator):
    organisation = facilitator.organisation
    UnitFactory(organisation=organisation, name="Board")
    archived = UnitFactory(organisation=organisation, name="Library", archived_at=ARCHIVED)
    client.force_login(facilitator.user)
    form = page(client.get("/assessments/new/"))
    offered = [text(label) for label in form.select("#unit label, .nhsuk-radios label")]
    assert "Board" in offered and "Library" not in offered
    base = {"title": "Next", "mode": "group"}
    chosen = client.post("/assessments/new/", {**base, "unit": str(archived.id)})
    assert error_summary(chosen) == [("#id_unit", "Select the unit, or add a new one")]
    typed = client.post("/assessments/new/", {**base, "unit": "__new__", "new_unit": "library"})
    assert error_summary(typed) == [
        ("#id_new_unit", "Library is archived. An admin can restore it from the units page")
    ]
    assert not archived.assessments.exists()


def test_the_api_refuses_an_archived_unit_with_422_naming_the_field(facilitator):
    UnitFactory(organisation=facilitator.organisation, name="Library", archived_at=ARCHIVED)
    response = api_client_for(facilitator).post(
        "/api/v1/assessments",
        {"unit": "Library", "title": "Next", "mode": "group"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "unit"]


def test_the_home_page_links_each_unit_to_its_latest_assessment(client, facilitator):
    first = AssessmentFactory(organisation=facilitator.organisation)
    latest = AssessmentFactory(organisation=facilitator.organisation, unit=first.unit)
    UnitFactory(organisation=facilitator.organisation, name="Zebra team")
    gone = AssessmentFactory(organisation=facilitator.organisation)
    units.archive_unit(gone.unit, None)
    client.force_login(facilitator.user)
    html = page(client.get("/"))
    heading = next(h for h in html.select("h2") if text(h) == "Units")
    items = heading.find_next("ul").select("li")
    assert [text(li) for li in items] == [
        f"{first.unit.name} : its latest assessment",
        "Zebra team (no assessment yet)",
    ]
    assert items[0].select_one("a")["href"] == f"/assessments/{latest.id}/"


def test_an_archived_unit_is_not_reassessed(client, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    units.archive_unit(assessment.unit, None)
    client.force_login(facilitator.user)
    refused = client.post(
        f"/assessments/{assessment.id}/reassess/",
        {"title": "Again", "mode": "group", "close_previous": "no"},
    )
    assert refused.status_code == 200
    assert [message for _, message in error_summary(refused)] == [
        f"{assessment.unit.name} is archived. An admin can restore it from the units page"
    ]
    assert assessment.unit.assessments.count() == 1
