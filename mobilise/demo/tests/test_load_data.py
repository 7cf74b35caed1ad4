"""The synthetic load data: its sizes, determinism and figures."""

import io

import pytest
from django.core.management import call_command

from mobilise.accounts.models import Organisation, Unit
from mobilise.assessments.models import Assessment, Consensus, Rating, Response
from mobilise.benchmarking.services import benchmark
from mobilise.plans.models import PlanAction
from mobilise.portfolio.services import portfolio

pytestmark = pytest.mark.django_db

SMALL = ["--organisations", "6", "--units", "2", "--cycles", "2", "--participants", "3"]


def test_it_builds_exactly_the_scale_asked_for():
    out = io.StringIO()
    call_command("generate_load_data", *SMALL, "--opted-in", "1", stdout=out)
    assert "1,656 ratings" in out.getvalue()  # 6 organisations, 2 units, 2 cycles, 3 people, 23
    assert Organisation.objects.count() == 6 and Unit.objects.count() == 12
    assert Assessment.objects.count() == 24
    assert Response.objects.count() == 72 and Rating.objects.count() == 6 * 2 * 2 * 3 * 23
    assert Consensus.objects.count() == 24 * 23
    assert PlanAction.objects.count() == 24 * 6
    # The second cycle of each unit is a reassessment of the first.
    assert Assessment.objects.filter(previous__isnull=False).count() == 12
    # The data is what the portfolio and the benchmark read.
    assert benchmark().overall.organisations == 6
    first = Organisation.objects.order_by("name").first()
    assert len(portfolio(first).units) == 2


def agreed_levels() -> list[int]:
    return list(
        Consensus.objects.order_by(
            "assessment__organisation__name",
            "assessment__unit__name",
            "assessment__title",
            "element_code",
        ).values_list("level", flat=True)
    )


def test_running_it_again_adds_more_organisations():
    call_command("generate_load_data", *SMALL, stdout=io.StringIO())
    call_command("generate_load_data", *SMALL, stdout=io.StringIO())
    assert Organisation.objects.count() == 12
    assert Organisation.objects.filter(name="Load test organisation 12").exists()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    call_command("generate_load_data", *SMALL, stdout=io.StringIO())
    first = agreed_levels()
    Organisation.objects.all().delete()
    call_command("generate_load_data", *SMALL, stdout=io.StringIO())
    assert agreed_levels() == first
    Organisation.objects.all().delete()
    call_command("generate_load_data", *SMALL, "--seed", "7", stdout=io.StringIO())
    assert agreed_levels() != first
