"""The applicant's pages: start, save, autosave, submit with errors and without,
resubmit, withdraw, "My proposals", the print view and the private attachments."""

import datetime as dt

import pytest
from django.urls import reverse

from learning_processes.calls import actions
from learning_processes.calls.models import PROPOSAL_FIELDS, ProposalStatus
from learning_processes.models import TopicProposal
from mailing.models import OutgoingEmail
from tests.learning_processes.conftest import complete_values, form_data
from tests.learning_processes.test_proposals_validation import PDF, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(user_factory):
    return user_factory(email="anna@bonn.example")


@pytest.fixture
def draft(open_call, applicant, client, tmp_path, settings):
    settings.PROPOSAL_FILES_ROOT = tmp_path
    client.force_login(applicant)
    response = client.post(reverse("proposals:start", args=[open_call.pk]))
    proposal = TopicProposal.objects.get(applicant=applicant)
    assert response.headers["Location"] == reverse("proposals:edit", args=[proposal.pk])
    return proposal


def edit_url(proposal) -> str:
    return reverse("proposals:edit", args=[proposal.pk])


def test_starting_needs_an_account(client, open_call):
    response = client.post(reverse("proposals:start", args=[open_call.pk]))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login/")
    assert not TopicProposal.objects.exists()


def test_edit_form_has_every_part_of_the_proposal_and_no_inline_script(client, draft):
    response = client.get(edit_url(draft))
    html = response.content.decode()
    assert response.status_code == 200
    for name in (*PROPOSAL_FIELDS, "sdgs", "attachment", "partners-0-name"):
        assert f'name="{name}"' in html, name
    assert 'data-budget="6000"' in html
    assert html.count("data-budget-section") == 4
    assert f'data-autosave-url="{reverse("proposals:autosave", args=[draft.pk])}"' in html
    assert 'value="save"' in html and 'value="submit"' in html
    assert "proposal_form.js" in html and "<script>" not in html and "style=" not in html
    assert 'value="anna@bonn.example"' in html  # the account's address as a start


def test_save_draft_keeps_valid_fields_and_reports_the_invalid_ones(client, draft):
    data = form_data(
        {"title": "Cooler streets", "contact_email": "not an address", "partners": []},
        draft,
        action="save",
    )
    response = client.post(edit_url(draft), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft saved, except the fields marked below." in html
    assert "Enter a valid email address." in html
    assert 'value="not an address"' in html  # what was typed is still in the form
    draft.refresh_from_db()
    assert draft.title == "Cooler streets"
    assert draft.contact_email == "anna@bonn.example"


def test_submitting_an_incomplete_proposal_lists_every_problem_and_loses_nothing(client, draft):
    values = complete_values(
        partners=[("Lyon", "FR")],
        confirms_backing=False,
        topic_background="Our typed background. " * 300,
    )
    response = client.post(edit_url(draft), form_data(values, draft, action="submit"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not submitted yet: please fix what is marked below. Your draft is saved." in html
    assert 'id="error-summary"' in html
    assert "so far there is 1" in html
    assert "must be in the Global South" in html
    assert "leadership backs the topic" in html
    assert "Shorten them by" in html
    assert "Our typed background." in html
    assert 'value="Lyon"' in html
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT
    assert draft.topic_background.startswith("Our typed background.")
    assert [p.name for p in draft.partners.all()] == ["Lyon"]
    assert not OutgoingEmail.objects.exists()


def test_submitting_a_complete_proposal_confirms_it_with_a_copy_by_email(client, draft):
    response = client.post(edit_url(draft), form_data(complete_values(), draft, action="submit"))
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("proposals:detail", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED and draft.submitted_at
    email = OutgoingEmail.objects.get(purpose="proposal_submitted")
    assert email.to == "anna@bonn.example"
    assert "Your proposal “Heat-resilient neighbourhoods” is submitted" in email.subject
    for text in (
        "Summers get hotter.",
        "We learn how partners cool streets",
        "City teams work on real cases together.",
        "A pilot in one partner city.",
        "Kumasi, Ghana",
        "Lyon, France",
        "City of Bonn",
        "Dr. Anna Becker",
        f"/proposals/{draft.pk}/",
    ):
        assert text in email.text, text


def test_a_submitted_proposal_can_be_changed_and_is_resubmitted(client, draft):
    client.post(edit_url(draft), form_data(complete_values(), draft, action="submit"))
    html = client.get(edit_url(draft)).content.decode()
    assert "Save and resubmit" in html and "data-autosave-url" not in html

    # An invalid change is refused and the submitted version stays as it was.
    bad = complete_values(title="A new title", partners=[])
    response = client.post(edit_url(draft), form_data(bad, draft, action="submit"))
    assert "Not resubmitted" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "Heat-resilient neighbourhoods"

    client.post(
        edit_url(draft), form_data(complete_values(title="A new title"), draft, action="submit")
    )
    draft.refresh_from_db()
    assert draft.title == "A new title" and draft.status == ProposalStatus.SUBMITTED
    assert OutgoingEmail.objects.filter(purpose="proposal_submitted").count() == 2


def test_autosave_saves_a_draft_and_answers_in_json(client, draft):
    url = reverse("proposals:autosave", args=[draft.pk])
    response = client.post(url, form_data({"title": "Typed a moment ago", "partners": []}, draft))
    assert response.status_code == 200
    body = response.json()
    assert body["saved"] is True and "Draft saved automatically at" in body["message"]
    draft.refresh_from_db()
    assert draft.title == "Typed a moment ago"


def test_autosave_never_touches_a_submitted_proposal(client, draft):
    client.post(edit_url(draft), form_data(complete_values(), draft, action="submit"))
    url = reverse("proposals:autosave", args=[draft.pk])
    response = client.post(url, form_data({"title": "", "partners": []}, draft))
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.title == "Heat-resilient neighbourhoods"


def test_after_the_deadline_the_proposal_is_locked(client, draft, open_call):
    client.post(edit_url(draft), form_data(complete_values(), draft, action="submit"))
    open_call.deadline = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    open_call.save()
    response = client.get(edit_url(draft))
    assert response.headers["Location"] == reverse("proposals:detail", args=[draft.pk])
    response = client.post(
        edit_url(draft), form_data(complete_values(title="Late"), draft, action="submit")
    )
    assert response.status_code == 302
    assert "call closed on" in client.get(response.headers["Location"]).content.decode()
    response = client.post(reverse("proposals:autosave", args=[draft.pk]), form_data({}, draft))
    assert response.status_code == 409
    client.post(reverse("proposals:withdraw", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.title == "Heat-resilient neighbourhoods"
    assert draft.status == ProposalStatus.SUBMITTED


def test_withdrawing_before_the_deadline(client, draft):
    url = reverse("proposals:withdraw", args=[draft.pk])
    assert "Withdraw" in client.get(url).content.decode()
    response = client.post(url)
    assert response.headers["Location"] == reverse("proposals:mine")
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.WITHDRAWN and draft.withdrawn_at


def test_my_proposals_lists_only_my_own(client, draft, open_call, user_factory):
    other = user_factory()
    theirs = actions.do_start_proposal(call=open_call, applicant=other)
    actions.do_save_draft(theirs, by=other, values={"title": "Someone else's idea"})
    actions.do_save_draft(draft, by=draft.applicant, values={"title": "My own idea"})
    html = client.get(reverse("proposals:mine")).content.decode()
    assert "My own idea" in html and "Someone else's idea" not in html
    for name in ("detail", "edit", "withdraw"):
        assert client.get(reverse(f"proposals:{name}", args=[theirs.pk])).status_code == 404
    response = client.post(
        reverse("proposals:autosave", args=[theirs.pk]), form_data({"title": "Hijacked"})
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Someone else's idea"


def test_staff_review_only_through_the_admin_not_the_applicants_pages(client, draft, staff_factory):
    client.force_login(staff_factory())
    assert client.get(reverse("proposals:detail", args=[draft.pk])).status_code == 404
    assert client.get(edit_url(draft)).status_code == 404


def test_print_view_shows_status_decision_and_all_sections(client, draft):
    client.post(edit_url(draft), form_data(complete_values(), draft, action="submit"))
    html = client.get(reverse("proposals:detail", args=[draft.pk])).content.decode()
    assert "Submitted" in html
    for text in ("Summers get hotter.", "City teams work on real cases", "Kumasi, Ghana"):
        assert text in html
    assert "@media print" not in html  # print styles live in the stylesheet
    assert "proposals.css" in html


def test_attachment_upload_download_and_removal(client, draft, user_factory, staff_factory):
    data = form_data({"title": "With a plan", "partners": []}, draft, action="save")
    data["attachment"] = upload("Plan.pdf", PDF)
    response = client.post(edit_url(draft), data)
    assert response.status_code == 302
    attachment = draft.attachments.get()
    url = reverse("proposals:attachment", args=[draft.pk, attachment.pk])

    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"

    stranger = client_for(user_factory())
    assert stranger.get(url).status_code == 404
    assert client_for(staff_factory()).get(url).status_code == 200

    response = client.post(
        edit_url(draft), form_data({"partners": []}, draft, remove_attachment=str(attachment.pk))
    )
    assert not draft.attachments.exists()


def test_a_fake_pdf_is_refused_with_a_message_on_the_field(client, draft):
    data = form_data({"title": "With a fake", "partners": []}, draft, action="save")
    data["attachment"] = upload("plan.pdf", b"<html>not a pdf</html>")
    html = client.post(edit_url(draft), data).content.decode()
    assert "“plan.pdf” is not a PDF file, whatever its name says." in html
    assert not draft.attachments.exists()
    draft.refresh_from_db()
    assert draft.title == "With a fake"


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_my_proposals_links_an_open_proposal_to_its_form_and_a_locked_one_to_its_print_view(
    client, draft, open_call
):
    html = client.get(reverse("proposals:mine")).content.decode()
    assert f'href="{edit_url(draft)}"' in html and "Print view" in html
    assert "locked" not in html
    open_call.deadline = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    open_call.save()
    html = client.get(reverse("proposals:mine")).content.decode()
    assert f'href="{edit_url(draft)}"' not in html and "Print view" not in html
    assert f'href="{reverse("proposals:detail", args=[draft.pk])}"' in html
    assert "locked" in html


def test_my_proposals_takes_the_same_queries_for_one_or_many(
    client, draft, open_call, django_assert_max_num_queries
):
    for n in range(10):
        proposal = actions.do_start_proposal(call=open_call, applicant=draft.applicant)
        actions.do_save_draft(proposal, by=draft.applicant, values={"title": f"Idea {n}"})
    # Session, user, the member's time zone, the proposals with their calls, and the
    # site for the calls' URLs (twice, once cached); nothing per row.
    with django_assert_max_num_queries(6):
        html = client.get(reverse("proposals:mine")).content.decode()
    assert html.count("<tr>") == 12  # the header and eleven proposals


def test_a_malformed_field_and_a_broken_rule_are_reported_together(client, draft):
    values = complete_values(contact_email="anna at bonn", partners=[("Kumasi", "GH")])
    html = client.post(edit_url(draft), form_data(values, draft, action="submit")).content.decode()
    assert "Enter a valid email address." in html
    assert "so far there is 1" in html
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT and draft.title == "Heat-resilient neighbourhoods"


def test_removing_an_attachment_of_a_submitted_proposal_keeps_what_was_typed(client, draft):
    data = form_data(complete_values(), draft, action="submit")
    data["attachment"] = upload("Plan.pdf", PDF)
    client.post(edit_url(draft), data)
    attachment = draft.attachments.get()

    typed = form_data(
        complete_values(title="A title typed before removing"),
        draft,
        remove_attachment=str(attachment.pk),
    )
    response = client.post(edit_url(draft), typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert not draft.attachments.exists()
    assert "Attachment removed." in html and "not resubmitted yet" in html
    assert 'value="A title typed before removing"' in html
    draft.refresh_from_db()
    assert draft.title == "Heat-resilient neighbourhoods"  # changed only on resubmission
    assert draft.status == ProposalStatus.SUBMITTED

    client.post(
        edit_url(draft),
        form_data(complete_values(title="A title typed before removing"), draft, action="submit"),
    )
    draft.refresh_from_db()
    assert draft.title == "A title typed before removing"
