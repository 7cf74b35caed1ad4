"""The participants' pre-read as a PDF: under the participant link, and for members."""

import io

import pypdf
import pytest
from django.test import Client

from mobilise.assessments.models import Mode
from mobilise.assessments.services.pre_read import ANONYMOUS
from mobilise.assessments.tests.factories import AssessmentFactory
from mobilise.framework.catalogue import get_framework

pytestmark = pytest.mark.django_db


def words_of(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_anyone_with_the_participant_link_downloads_the_pre_read():
    assessment = AssessmentFactory(mode=Mode.INDIVIDUAL, title="Directorate review")
    response = Client().get(f"/take/{assessment.participant_token}/pre-read.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-pre-read.pdf"')
    assert response.content.startswith(b"%PDF")
    words = words_of(response.content)
    for element in get_framework().elements:
        assert f"{element.code} {element.title.split()[0]}" in words, element.code
    assert " ".join(ANONYMOUS.split()) in words
    assert "Answer on behalf of your team, not yourself" in words
    assert "Directorate review" in words and "20 to 30 minutes" in words


def test_an_unknown_participant_link_has_no_pre_read():
    assert Client().get("/take/not-a-token/pre-read.pdf").status_code == 404


def test_members_download_it_from_the_assessment(client, viewer):
    assessment = AssessmentFactory(organisation=viewer.organisation)
    client.force_login(viewer.user)
    response = client.get(f"/assessments/{assessment.id}/pre-read.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_it_checks_ownership(client, outsider):
    assessment = AssessmentFactory()
    client.force_login(outsider.user)
    assert client.get(f"/assessments/{assessment.id}/pre-read.pdf").status_code == 404
