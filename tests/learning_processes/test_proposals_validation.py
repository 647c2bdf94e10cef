"""Every rule of a submitted proposal, each with its message; attachments: PDF only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from learning_processes.app_settings import DEFAULT_TEXT_BUDGET
from learning_processes.calls import actions
from learning_processes.calls.models import count_characters
from learning_processes.models import TopicProposal
from tests.learning_processes.conftest import BEFORE, complete_values

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def test_a_complete_proposal_passes(values):
    assert actions.check_proposal(values) == {}


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("organisation", "Name the municipality or municipal company"),
        ("organisation_type", "Choose the type of your organisation."),
        ("city", "Name the city your organisation is in."),
        ("contact_name", "Name the responsible contact person"),
        ("contact_email", "Give the contact person's e-mail address."),
        ("title", "Name the technical topic in a few words."),
        ("topic_background", "Describe the technical topic and its background"),
        ("learning_and_contribution", "what you want to learn from the exchange"),
        ("knowledge_transfer", "knowledge transfer and competence building"),
        ("topic_field", "Choose the topic field of the proposal."),
    ],
)
def test_each_required_field_has_its_own_message(values, field, message):
    values[field] = None if field == "topic_field" else "   "
    errors = actions.check_proposal(values)
    assert list(errors) == [field]
    assert message in errors[field][0]


def test_further_goals_are_optional(values):
    values["further_goals"] = ""
    assert actions.check_proposal(values) == {}


def test_at_least_one_sdg(values):
    values["sdgs"] = []
    assert actions.check_proposal(values) == {
        "sdgs": ["Choose at least one SDG the topic serves at local level."]
    }


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("confirms_backing", "leadership backs the topic"),
        ("confirms_follow_up", "take part in follow-up activities"),
    ],
)
def test_both_confirmations_must_be_ticked(values, field, message):
    values[field] = False
    errors = actions.check_proposal(values)
    assert list(errors) == [field] and message in errors[field][0]


def test_the_four_sections_together_fit_the_budget(values):
    budget = DEFAULT_TEXT_BUDGET
    used = sum(count_characters(values[name]) for name in actions.SECTIONS)
    values["knowledge_transfer"] += "x" * (budget - used)
    assert actions.check_proposal(values) == {}

    values["further_goals"] += "y" * 12
    errors = actions.check_proposal(values)
    assert errors == {
        "sections": [
            f"The four sections have {budget + 12} characters together; the limit is {budget} "
            "(about two pages). Shorten them by 12 characters."
        ]
    }


def test_a_line_break_counts_once_however_the_browser_sent_it(values):
    assert count_characters("a\r\nb") == count_characters("a\nb") == 3
    values["topic_background"] = "a\r\n" * 3000  # 6,000 characters as the applicant sees them
    for name in ("learning_and_contribution", "knowledge_transfer", "further_goals"):
        values[name] = ""
    errors = actions.check_proposal(values, budget=6000)
    assert "sections" not in errors


@override_settings(PROPOSAL_TEXT_BUDGET=100)
def test_the_budget_comes_from_the_settings(values):
    assert "limit is 100" in actions.check_proposal(values)["sections"][0]


@pytest.mark.parametrize(
    ("partners", "messages"),
    [
        (
            [("Kumasi", "GH")],
            ["at least two countries other than Germany; so far there is 1."],
        ),
        (
            [("Kumasi", "GH"), ("Accra", "GH")],
            ["at least two countries other than Germany; so far there is 1."],
        ),
        (
            [("Kumasi", "GH"), ("Cologne", "DE"), ("Dresden", "DE")],
            ["at least two countries other than Germany; so far there is 1."],
        ),
        ([("Lyon", "FR"), ("Vienna", "AT")], ["must be in the Global South"]),
        (
            [],
            [
                "at least two countries other than Germany; so far there are 0.",
                "must be in the Global South",
            ],
        ),
        (
            [("Kumasi", "GH"), ("Lyon", ""), ("Pune", "IN")],
            ["Give both the name and the country of partner municipality 2."],
        ),
        (
            [("", "FR"), ("Kumasi", "GH"), ("Pune", "IN")],
            ["Give both the name and the country of partner municipality 1."],
        ),
    ],
)
def test_partner_rules_and_their_messages(values, partners, messages):
    values["partners"] = partners
    errors = actions.check_proposal(values)["partners"]
    assert len(errors) == len(messages)
    for error, message in zip(errors, messages, strict=True):
        assert message in error


def test_partners_in_two_southern_countries_pass(values):
    values["partners"] = [("Kumasi", "GH"), ("Pune", "IN"), ("", "")]
    assert actions.check_proposal(values) == {}


def test_kosovo_and_ukraine_are_dac_recipients_in_europe_so_not_global_south(values):
    values["partners"] = [("Pristina", "XK"), ("Lviv", "UA")]
    assert "must be in the Global South" in actions.check_proposal(values)["partners"][0]


def test_submission_with_errors_changes_nothing(call, user_factory, values):
    applicant = user_factory()
    proposal = actions.do_start_proposal(call=call, applicant=applicant, now=BEFORE)
    with pytest.raises(actions.ProposalInvalid) as invalid:
        actions.do_submit_proposal(
            proposal, by=applicant, values={**values, "partners": []}, now=BEFORE
        )
    assert "partners" in invalid.value.errors
    proposal = TopicProposal.objects.get(pk=proposal.pk)
    assert proposal.status == "draft" and proposal.title == ""


def test_a_draft_keeps_whatever_was_typed(call, user_factory):
    applicant = user_factory()
    proposal = actions.do_start_proposal(call=call, applicant=applicant, now=BEFORE)
    actions.do_save_draft(
        proposal,
        by=applicant,
        values={"title": "Half a thought", "partners": [("Kumasi", "")]},
        now=BEFORE,
    )
    proposal = TopicProposal.objects.get(pk=proposal.pk)
    assert proposal.title == "Half a thought"
    assert [(p.name, p.country.code) for p in proposal.partners.all()] == [("Kumasi", "")]
    assert proposal.contact_email == applicant.email


# --- Attachments ---------------------------------------------------------------------------


@pytest.fixture
def draft(open_call, user_factory, tmp_path, settings):
    settings.PROPOSAL_FILES_ROOT = tmp_path
    return actions.do_start_proposal(call=open_call, applicant=user_factory())


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_pdf_is_stored_privately_under_a_name_of_our_own(draft, tmp_path):
    attachment = actions.do_add_attachment(
        draft, by=draft.applicant, upload=upload("Förderplan 2026.pdf", PDF)
    )
    assert attachment.original_name == "Förderplan 2026.pdf"
    assert attachment.size == len(PDF)
    stored = tmp_path / attachment.file.name
    assert stored.read_bytes() == PDF
    assert stored.resolve().is_relative_to(tmp_path.resolve())
    assert "Förderplan" not in attachment.file.name
    with pytest.raises(ValueError, match="no public URL"):
        attachment.file.url  # noqa: B018


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", PDF, "Only PDF files can be attached; “plan.docx” is not a PDF."),
        ("plan.pdf", b"PK\x03\x04 a zip", "“plan.pdf” is not a PDF file, whatever its name says."),
        ("plan.pdf", b"", "“plan.pdf” is not a PDF file, whatever its name says."),
    ],
)
def test_only_real_pdfs_are_accepted(draft, name, content, message):
    with pytest.raises(actions.ProposalError) as refused:
        actions.do_add_attachment(draft, by=draft.applicant, upload=upload(name, content))
    assert refused.value.message == message
    assert not draft.attachments.exists()


def test_attachments_over_the_size_limit_are_refused(draft, settings):
    settings.PROPOSAL_ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = PDF + b"0" * (1024 * 1024)
    with pytest.raises(actions.ProposalError) as refused:
        actions.do_add_attachment(draft, by=draft.applicant, upload=upload("big.pdf", big))
    assert refused.value.message == "“big.pdf” is 1.0 MB; attachments can be at most 1 MB."


def test_at_most_three_attachments(draft):
    for n in range(3):
        actions.do_add_attachment(draft, by=draft.applicant, upload=upload(f"{n}.pdf", PDF))
    with pytest.raises(actions.ProposalError, match="at most 3 attachments"):
        actions.do_add_attachment(draft, by=draft.applicant, upload=upload("4.pdf", PDF))


def test_only_the_applicant_changes_a_proposal(draft, user_factory):
    from django.core.exceptions import PermissionDenied

    other = user_factory()
    with pytest.raises(PermissionDenied):
        actions.do_save_draft(draft, by=other, values={"title": "Mine now"})
    with pytest.raises(PermissionDenied):
        actions.do_submit_proposal(draft, by=other, values=complete_values())
    with pytest.raises(PermissionDenied):
        actions.do_withdraw_proposal(draft, by=other)


def test_settings_too_small_to_work_fail_the_system_check(settings):
    from learning_processes.checks import check_call_settings

    assert check_call_settings(None) == []
    settings.PROPOSAL_TEXT_BUDGET = 10
    settings.PROPOSAL_AUTOSAVE_SECONDS = 1
    messages = [error.msg for error in check_call_settings(None)]
    assert messages == [
        "PROPOSAL_TEXT_BUDGET is 10; it must be at least 500.",
        "PROPOSAL_AUTOSAVE_SECONDS is 1; it must be at least 5.",
    ]
