"""purge_drafts: drafts never sent go once their assessment has closed."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from mobilise.assessments.models import Rating, Response, Source, Status
from mobilise.assessments.services.responses import start_draft
from mobilise.assessments.tests.factories import AssessmentFactory, submit

pytestmark = pytest.mark.django_db


def draft_with_an_answer(assessment) -> Response:
    draft, _ = start_draft(assessment)
    Rating.objects.create(response=draft, element_code="1.1", level=2)
    return draft


def test_it_removes_unsent_drafts_of_closed_assessments_only():
    closed = AssessmentFactory()
    past_closing_day = AssessmentFactory(closes_on=timezone.localdate())
    still_open = AssessmentFactory()
    sent = submit(closed, 2)
    for assessment in (closed, past_closing_day, still_open):
        draft_with_an_answer(assessment)
    closed.status = Status.CLOSED
    closed.save()
    # The closing day passes (UK time): that assessment is closed too.
    past_closing_day.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    past_closing_day.save()

    out = StringIO()
    call_command("purge_drafts", stdout=out)

    assert out.getvalue().strip() == "Removed 2 unsent drafts"
    assert list(Response.objects.filter(assessment=closed)) == [sent]
    assert sent.ratings.count() == 23
    assert not Response.objects.filter(assessment=past_closing_day).exists()
    assert Response.objects.filter(assessment=still_open, submitted_at__isnull=True).count() == 1
    assert Rating.objects.filter(response__submitted_at__isnull=True).count() == 1


def test_running_it_again_removes_nothing_more():
    assessment = AssessmentFactory(status=Status.CLOSED)
    Response.objects.create(assessment=assessment, source=Source.PARTICIPANT)
    call_command("purge_drafts", stdout=StringIO())
    out = StringIO()
    call_command("purge_drafts", stdout=out)
    assert out.getvalue().strip() == "Removed 0 unsent drafts"
