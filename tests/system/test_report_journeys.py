"""Journey: download every document from the results and plan pages."""

import io
import json

import docx
import openpyxl
import pypdf
import pytest
from playwright.sync_api import Page, expect

from mobilise.accounts.tests.factories import PASSWORD
from mobilise.reports.tests.fixtures import COMMENT, CUSTOM, SHARED
from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(page: Page, name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    download = info.value
    return download.suggested_filename, open(download.path(), "rb").read()


def test_a_facilitator_downloads_every_format(page: Page, facilitator, full_assessment):
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto(f"/assessments/{full_assessment.id}/results/")
    expect(page.get_by_role("heading", name="Download")).to_be_visible()
    assert_accessible(page)

    name, content = fetch(page, "Board paper (PDF)")
    assert name.endswith("-board-report.pdf")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages)
    assert CUSTOM in " ".join(text.split())

    name, content = fetch(page, "Board paper to edit (Word)")
    assert name.endswith(".docx")
    cells = {
        c.text for t in docx.Document(io.BytesIO(content)).tables for r in t.rows for c in r.cells
    }
    assert SHARED in cells

    name, content = fetch(page, "Workbook (Excel)")
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert any(r[4] == COMMENT for r in book["Ratings"].iter_rows(values_only=True))

    name, content = fetch(page, "Action plan (CSV)")
    assert name.endswith("-action-plan.csv") and CUSTOM in content.decode("utf-8-sig")

    name, content = fetch(page, "Results (CSV)")
    assert name.endswith("-results.csv")

    name, content = fetch(page, "Everything, to import elsewhere (JSON)")
    assert json.loads(content)["assessment"]["title"] == "Board review 2027"

    page.goto(f"/assessments/{full_assessment.id}/plan/")
    assert_accessible(page)
    name, content = fetch(page, "Paper form (PDF)")
    assert name.endswith("-paper-form.pdf") and content.startswith(b"%PDF")


def test_a_facilitator_imports_an_export(page: Page, facilitator, full_assessment, tmp_path):
    from mobilise.reports.json_export import export_assessment

    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_assessment(full_assessment)))
    sign_in(page, facilitator.user.username, PASSWORD)
    page.goto("/assessments/")
    page.get_by_role("link", name="Import an assessment from a JSON export").click()
    assert_accessible(page)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("link", name="Choose the exported JSON file")).to_be_visible()
    assert_accessible(page)
    # The design system enhances the file input into a drop zone; the input stays underneath.
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("The assessment is imported.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board review 2027")

    # The file's history is shown as the file's, and the import is on record.
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_text(f"Imported by {facilitator.user.username} from a file")).to_be_visible()
    expect(page.get_by_text("from the imported file").first).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 740})
    expect(page.get_by_text("from the imported file").first).to_be_visible()
    assert_accessible(page)
