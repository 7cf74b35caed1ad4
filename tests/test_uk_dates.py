"""Every page shows moments on their UK day: in summer (BST) 23:30 UTC is the next day."""

import datetime

import pytest

from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.core.tests.html import page, text

LATE_IN_JULY = datetime.datetime(2026, 7, 1, 23, 30, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_the_people_page_shows_the_last_sign_in_in_uk_time(client, admin):
    admin.user.last_login = LATE_IN_JULY
    admin.user.save()
    client.force_login(admin.user)
    admin.user.__class__.objects.filter(pk=admin.user.pk).update(last_login=LATE_IN_JULY)
    html = text(page(client.get("/organisation/people/")))
    assert "2 Jul 2026" in html and "1 Jul 2026" not in html


@pytest.mark.django_db
def test_the_assessments_list_shows_the_uk_date(signed_in, facilitator):
    assessment = AssessmentFactory(organisation=facilitator.organisation)
    type(assessment).objects.filter(pk=assessment.pk).update(created_at=LATE_IN_JULY)
    html = text(page(signed_in.get("/assessments/")))
    assert "2 Jul 2026" in html and "1 Jul 2026" not in html
