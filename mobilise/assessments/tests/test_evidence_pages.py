"""Evidence on the agree page and the results page: add, change, keep, remove, download."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from mobilise.assessments.models import Evidence
from mobilise.assessments.services import consensus, evidence
from mobilise.assessments.tests import evidence_files as files
from mobilise.assessments.tests.factories import AssessmentFactory, submit
from mobilise.audit.models import HistoryEntry
from mobilise.core.tests.html import error_summary, page, text

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 10, 1)


def add_url(assessment, code="1.1"):
    return f"/assessments/{assessment.id}/evidence/{code}/add/"


def dated(**fields):
    return {
        "describes_on_day": "1",
        "describes_on_month": "10",
        "describes_on_year": "2026",
        **fields,
    }


def test_a_note_a_link_and_a_file_are_added_from_the_agree_page(signed_in, assessment):
    agree = page(signed_in.get(f"/assessments/{assessment.id}/agree/element/1.1/"))
    assert agree.select_one(f"a[href='{add_url(assessment)}']")
    assert "No evidence is attached to 1.1 yet" in text(agree)
    for data in (
        dated(kind="note", note="Minutes of the Board, item 4"),
        dated(kind="link", title="Evidence page", url="https://example.org/evidence"),
        dated(kind="file", title="Survey", file=SimpleUploadedFile("survey.pdf", files.PDF)),
    ):
        response = signed_in.post(add_url(assessment), data)
        assert response.status_code == 302, error_summary(response)
        assert response.url == f"/assessments/{assessment.id}/agree/element/1.1/#evidence"
    agree = page(signed_in.get(f"/assessments/{assessment.id}/agree/element/1.1/"))
    body = text(agree)
    assert "Minutes of the Board, item 4" in body
    assert agree.select_one("a[href='https://example.org/evidence']")
    upload = Evidence.objects.get(kind="file")
    link = agree.select_one(f"a[href='/assessments/{assessment.id}/evidence/{upload.id}/file/']")
    assert text(link) == "Survey"
    assert "describing 1 October 2026" in body


def test_the_results_page_shows_evidence_beside_the_agreed_level(signed_in, assessment):
    for _ in range(3):
        submit(assessment, 2)
    consensus.set_consensus(assessment, "1.1", 2, "high")
    evidence.add(
        assessment,
        "1.1",
        kind="link",
        title="Our page",
        url="https://example.org/a",
        describes_on=DAY,
    )
    html = page(signed_in.get(f"/assessments/{assessment.id}/results/"))
    row = html.select_one("#evidence-1\\.1").parent
    assert "Agreed: 2 Developing" in text(row)
    assert row.select_one("a[href='https://example.org/a']")
    # Only the elements with evidence are listed; the others' links are folded away.
    consensus.set_consensus(assessment, "2.1", 3, "low")
    html = page(signed_in.get(f"/assessments/{assessment.id}/results/"))
    assert len(html.select(".app-evidence-summary .nhsuk-summary-list__row")) == 1
    folded = html.select_one("#evidence ~ details")
    assert "without any (1)" in text(folded.select_one("summary"))
    assert folded.select_one(f"a[href^='{add_url(assessment, '2.1')}']")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (dated(kind="link", url="javascript:alert(1)"), "url", "starting https:// or http://"),
        (dated(kind="note", note=""), "note", "Enter the note"),
        ({"kind": "note", "note": "x"}, "describes_on", "Enter the date it describes"),
        (dated(kind="file"), "file", "Select a file"),
        (
            dated(kind="file", file=SimpleUploadedFile("page.pdf", files.HTML)),
            "file",
            "The file must be a PDF",
        ),
    ],
)
def test_bad_evidence_is_refused_naming_the_field(signed_in, assessment, data, field, message):
    response = signed_in.post(add_url(assessment), data)
    assert response.status_code == 200
    links = dict(error_summary(response))
    assert any(href == f"#id_{field}" and message in msg for href, msg in links.items()), links
    assert not Evidence.objects.exists()


def test_a_file_is_downloaded_as_an_attachment_typed_by_its_content(signed_in, assessment):
    item = evidence.add(
        assessment, "1.1", kind="file", file_name="chart.pdf", content=files.PNG, describes_on=DAY
    )
    response = signed_in.get(f"/assessments/{assessment.id}/evidence/{item.id}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="chart.png"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == files.PNG


def test_no_file_without_a_session_and_none_for_another_organisation(client, signed_in, assessment):
    item = evidence.add(
        assessment, "1.1", kind="file", file_name="a.pdf", content=files.PDF, describes_on=DAY
    )
    url = f"/assessments/{assessment.id}/evidence/{item.id}/file/"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith("/accounts/login/")
    theirs = AssessmentFactory()
    their_item = evidence.add(
        theirs, "1.1", kind="file", file_name="b.pdf", content=files.PDF, describes_on=DAY
    )
    # Their file, by their assessment's URL or by ours.
    assert (
        signed_in.get(f"/assessments/{theirs.id}/evidence/{their_item.id}/file/").status_code == 404
    )
    assert (
        signed_in.get(f"/assessments/{assessment.id}/evidence/{their_item.id}/file/").status_code
        == 404
    )
    assert (
        signed_in.get(f"/assessments/{assessment.id}/evidence/{their_item.id}/remove/").status_code
        == 404
    )


def test_a_viewer_sees_evidence_but_cannot_add_or_remove_it(client, viewer, assessment):
    for _ in range(3):
        submit(assessment, 2)
    consensus.set_consensus(assessment, "1.1", 2, "high")
    item = evidence.add(assessment, "1.1", kind="note", note="Seen", describes_on=DAY)
    client.force_login(viewer.user)
    html = page(client.get(f"/assessments/{assessment.id}/results/"))
    assert "Seen" in text(html.select_one("#evidence-1\\.1").parent)
    assert not html.select("a[href*='/evidence/'][href*='/remove/']")
    assert client.post(add_url(assessment), dated(kind="note", note="x")).status_code == 403
    assert (
        client.post(f"/assessments/{assessment.id}/evidence/{item.id}/remove/").status_code == 403
    )
    assert Evidence.objects.count() == 1


def test_removing_asks_first_then_removes_and_records_it(signed_in, assessment):
    item = evidence.add(assessment, "1.1", kind="note", note="Old minutes", describes_on=DAY)
    url = f"/assessments/{assessment.id}/evidence/{item.id}/remove/"
    asked = page(signed_in.get(url + "?from=results"))
    assert "Remove this evidence for 1.1?" in text(asked.select_one("h1"))
    assert Evidence.objects.exists()
    response = signed_in.post(url, {"from": "results"})
    assert response.url == f"/assessments/{assessment.id}/results/#evidence-1.1"
    assert not Evidence.objects.exists()
    assert HistoryEntry.objects.filter(summary__startswith="Removed evidence for 1.1").exists()


def test_the_last_cycles_evidence_is_offered_on_the_agree_page(signed_in, assessment):
    following = AssessmentFactory(
        organisation=assessment.organisation, unit=assessment.unit, previous=assessment
    )
    evidence.add(assessment, "1.1", kind="note", note="Still done", describes_on=DAY)
    evidence.add(assessment, "1.1", kind="link", url="https://example.org/x", describes_on=DAY)
    evidence.offer_again(assessment, following)
    html = page(signed_in.get(f"/assessments/{following.id}/agree/element/1.1/"))
    assert "Still true?" in text(html.select_one("#still-true"))
    assert "No evidence is attached to 1.1 yet" in text(html)
    note, link = following.evidence.order_by("kind").reverse()  # note, link
    assert (
        signed_in.post(f"/assessments/{following.id}/evidence/{note.id}/keep/").status_code == 302
    )
    changed = signed_in.post(
        f"/assessments/{following.id}/evidence/{link.id}/change/",
        dated(title="Newer page", url="https://example.org/y", describes_on_month="11"),
    )
    assert changed.status_code == 302, error_summary(changed)
    html = page(signed_in.get(f"/assessments/{following.id}/agree/element/1.1/"))
    assert html.select_one("#still-true") is None
    assert "Still done" in text(html) and html.select_one("a[href='https://example.org/y']")


def test_a_body_beyond_the_evidence_limit_is_refused_before_any_view(
    signed_in, assessment, settings
):
    settings.MOBILISE_MAX_EVIDENCE_BYTES = 1024
    big = dated(kind="file", file=SimpleUploadedFile("big.pdf", files.PDF + b" " * 200_000))
    response = signed_in.post(add_url(assessment), big)
    assert response.status_code == 413
    assert "too large" in text(page(response))
    assert not Evidence.objects.exists()


def test_a_file_over_the_limit_within_the_framing_is_an_error_on_the_field(
    signed_in, assessment, settings
):
    settings.MOBILISE_MAX_EVIDENCE_BYTES = 100
    big = dated(kind="file", file=SimpleUploadedFile("big.pdf", files.PDF + b" " * 200))
    response = signed_in.post(add_url(assessment), big)
    assert response.status_code == 200
    assert any(
        href == "#id_file" and "smaller than" in msg for href, msg in error_summary(response)
    )


def test_the_section_page_lists_evidence_and_adding_returns_to_it(signed_in, assessment):
    following = AssessmentFactory(
        organisation=assessment.organisation, unit=assessment.unit, previous=assessment
    )
    evidence.add(assessment, "2.1", kind="note", note="Last year's minutes", describes_on=DAY)
    evidence.offer_again(assessment, following)
    section = f"/assessments/{following.id}/agree/2/"
    html = page(signed_in.get(section))
    assert html.select_one("form[data-warn-unsaved]")
    add = html.select_one(f"a[href='{add_url(following, '2.1')}?from=section']")
    assert text(add) == "Add a note, link or file as evidence for 2.1"
    check = html.select_one(f"a[href='/assessments/{following.id}/agree/element/2.1/#still-true']")
    assert text(check).startswith("1 from the last cycle to check")
    added = signed_in.post(
        add_url(following, "2.1"),
        dated(kind="note", note="This year's minutes", **{"from": "section"}),
    )
    assert added.status_code == 302, error_summary(added)
    assert added.url == f"{section}#agree-2-1"
    html = page(signed_in.get(section))
    block = html.select_one("#agree-2-1")
    assert "This year's minutes" in text(block)
    change = block.select_one("a[href$='/change/?from=section']")
    assert change is not None and "2.1" in text(change)
    # Elsewhere on the site, "from" that names no page goes back to the element's page.
    other = signed_in.post(
        add_url(following, "2.2"), dated(kind="note", note="Third", **{"from": "//evil.example"})
    )
    assert other.url == f"/assessments/{following.id}/agree/element/2.2/#evidence"
