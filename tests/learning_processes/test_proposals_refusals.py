"""The proposal form refuses what it cannot use, says why, keeps what was typed and
changes nothing: malformed control fields, unreadable autosaves, refused partner rows,
duplicate partners, a stale copy from a second tab, oversized text, wrong attachments,
NUL characters and invisible text."""

import pytest
from django.urls import reverse

from learning_processes.calls import actions
from learning_processes.calls.forms import version_token
from learning_processes.calls.models import ProposalStatus
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
    client.post(reverse("proposals:start", args=[open_call.pk]))
    proposal = TopicProposal.objects.get(applicant=applicant)
    actions.do_save_draft(
        proposal,
        by=applicant,
        values={
            "title": "Saved title",
            "topic_background": "Saved background.",
            "partners": [("Kumasi", "GH"), ("Lyon", "FR")],
        },
    )
    return proposal


def edit_url(proposal) -> str:
    return reverse("proposals:edit", args=[proposal.pk])


def autosave_url(proposal) -> str:
    return reverse("proposals:autosave", args=[proposal.pk])


def saved(proposal) -> tuple:
    proposal = TopicProposal.objects.get(pk=proposal.pk)
    return (
        proposal.title,
        proposal.topic_background,
        proposal.status,
        proposal.updated_at,
        [(p.name, p.country.code) for p in proposal.partners.all()],
        list(proposal.attachments.values_list("pk", flat=True)),
    )


TYPED = {"title": "A title typed just now", "partners": [("Pune", "IN")]}


# --- Finding 4: every control field is checked -------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("remove_attachment", "abc"),
        ("remove_attachment", "-1"),
        ("remove_attachment", "1" * 40),
        ("action", "publish"),
        ("version", "abc"),
        ("version", "-5"),
        ("version", "9" * 40),
    ],
)
def test_a_malformed_control_field_is_refused_and_keeps_what_was_typed(client, draft, field, value):
    before = saved(draft)
    data = form_data(TYPED, draft, action="save")
    data[field] = value
    response = client.post(edit_url(draft), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was saved" in html
    assert 'value="A title typed just now"' in html and 'value="Pune"' in html
    assert saved(draft) == before


def test_a_missing_version_is_refused_and_keeps_what_was_typed(client, draft):
    before = saved(draft)
    data = form_data(TYPED, draft, action="save")
    del data["version"]
    response = client.post(edit_url(draft), data)
    assert response.status_code == 400
    assert 'value="A title typed just now"' in response.content.decode()
    assert saved(draft) == before


def test_removing_an_attachment_that_is_already_gone_says_so(client, draft):
    data = form_data(TYPED, draft, remove_attachment="987654")
    response = client.post(edit_url(draft), data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This attachment was already removed." in html
    assert 'value="A title typed just now"' in html  # the draft is saved as typed


def test_an_attachment_of_another_proposal_is_not_removed(client, draft, open_call, user_factory):
    other = user_factory()
    theirs = actions.do_start_proposal(call=open_call, applicant=other)
    attachment = actions.do_add_attachment(theirs, by=other, upload=upload("Theirs.pdf", PDF))
    client.post(edit_url(draft), form_data(TYPED, draft, remove_attachment=str(attachment.pk)))
    assert theirs.attachments.get() == attachment


# --- Finding 5: partner rows ----------------------------------------------------------------


def test_a_partner_with_an_unknown_country_stays_on_the_form_and_stops_the_submit(client, draft):
    values = complete_values(partners=[("Kumasi", "GH"), ("Lyon", "FR"), ("Atlantis", "XX")])
    response = client.post(edit_url(draft), form_data(values, draft, action="submit"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not submitted yet" in html
    assert 'value="Atlantis"' in html
    assert "Partner municipality 3: Select a valid choice. XX is not one of the available" in html
    # Once in the summary, linked to the row, and once next to the row.
    assert html.count("XX is not one of the available choices.") == 2
    assert '<a href="#id_partners-2-country">Partner municipality 3: Select' in html
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT
    assert not OutgoingEmail.objects.exists()
    # The other fields are saved; the partners stay as they were until the rows are fixed.
    assert draft.title == "Heat-resilient neighbourhoods"
    assert [(p.name, p.country.code) for p in draft.partners.all()] == [
        ("Kumasi", "GH"),
        ("Lyon", "FR"),
    ]


def test_saving_a_draft_with_a_refused_partner_row_keeps_the_saved_partners(client, draft):
    data = form_data({"title": "New title", "partners": [("Kumasi", "ZZ")]}, draft, action="save")
    html = client.post(edit_url(draft), data).content.decode()
    assert "Draft saved, except the fields marked below." in html
    assert "Partner municipality 1: Select a valid choice." in html
    draft.refresh_from_db()
    assert draft.title == "New title"
    assert [(p.name, p.country.code) for p in draft.partners.all()] == [
        ("Kumasi", "GH"),
        ("Lyon", "FR"),
    ]


@pytest.mark.parametrize(
    "twice",
    [("Kumasi", "GH"), ("  KUMASI ", "GH"), ("kumasi", "GH"), ("Ku\u200bmasi", "GH")],
)
def test_the_same_partner_twice_is_refused_with_a_message(client, draft, twice):
    values = complete_values(partners=[("Kumasi", "GH"), ("Lyon", "FR"), twice])
    response = client.post(edit_url(draft), form_data(values, draft, action="submit"))
    html = response.content.decode()
    assert "Not submitted yet" in html
    assert "Partner municipality 3: Kumasi (Ghana) is already listed as partner 1." in html
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT
    assert draft.partners.count() == 2


def test_the_same_name_in_two_countries_is_two_partners(client, draft):
    values = complete_values(partners=[("San José", "CR"), ("San José", "US")])
    client.post(edit_url(draft), form_data(values, draft, action="submit"))
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED and draft.partners.count() == 2


def test_actions_refuse_duplicate_partners_too(draft, values):
    partners = [("Kumasi", "GH"), ("Lyon", "FR"), ("kumasi ", "gh")]
    assert "Kumasi (Ghana) is already listed as partner 1." in " ".join(
        actions.check_proposal({**values, "partners": partners})["partners"]
    )
    with pytest.raises(actions.ProposalInvalid):
        actions.do_save_draft(draft, by=draft.applicant, values={"partners": partners})
    assert draft.partners.count() == 2


def test_more_partner_rows_than_the_limit_are_never_offered(client, draft):
    partners = [(f"City {n}", "GH") for n in range(19)]
    actions.do_save_draft(draft, by=draft.applicant, values={"partners": partners})
    html = client.get(edit_url(draft)).content.decode()
    assert 'name="partners-TOTAL_FORMS" value="20"' in html


# --- Finding 5: autosave that cannot be read ----------------------------------------------


def autosave_data(proposal, values=None) -> dict:
    return form_data(values or TYPED, proposal)


@pytest.mark.parametrize(
    "garble",
    [
        pytest.param(lambda d: d.pop("partners-TOTAL_FORMS"), id="no TOTAL_FORMS"),
        pytest.param(lambda d: d.pop("partners-INITIAL_FORMS"), id="no INITIAL_FORMS"),
        pytest.param(
            lambda d: [d.pop(k) for k in list(d) if k.startswith("partners-")], id="no formset"
        ),
        pytest.param(lambda d: d.update({"partners-TOTAL_FORMS": "abc"}), id="TOTAL_FORMS abc"),
        pytest.param(lambda d: d.update({"partners-TOTAL_FORMS": "-3"}), id="TOTAL_FORMS -3"),
        pytest.param(lambda d: d.update({"partners-TOTAL_FORMS": "500"}), id="TOTAL_FORMS 500"),
        pytest.param(lambda d: d.update({"partners-TOTAL_FORMS": "9"}), id="rows missing"),
        pytest.param(lambda d: d.pop("topic_background"), id="a section missing"),
        pytest.param(lambda d: d.pop("title"), id="a field missing"),
        pytest.param(lambda d: d.pop("version"), id="no version"),
        pytest.param(lambda d: d.update({"version": "yesterday"}), id="version garbled"),
    ],
)
def test_an_autosave_that_cannot_be_read_is_refused_and_changes_nothing(client, draft, garble):
    before = saved(draft)
    data = autosave_data(draft)
    garble(data)
    response = client.post(autosave_url(draft), data)
    assert response.status_code == 400
    body = response.json()
    assert body["saved"] is False
    assert body["message"].startswith("Not saved automatically:")
    assert saved(draft) == before


def test_autosave_saves_what_passed_and_names_what_did_not(client, draft):
    data = autosave_data(draft, {"title": "Typed", "contact_email": "anna@", "partners": []})
    response = client.post(autosave_url(draft), data)
    body = response.json()
    assert response.status_code == 200 and body["saved"] is True
    assert "except: Contact e-mail" in body["message"]
    assert body["errors"]["contact_email"] == ["Enter a valid email address."]
    draft.refresh_from_db()
    assert draft.title == "Typed" and draft.contact_email == "anna@bonn.example"
    assert body["version"] == version_token(draft.updated_at)


def test_autosave_with_a_refused_partner_row_keeps_the_saved_partners(client, draft):
    data = autosave_data(draft, {"title": "Typed", "partners": [("Kumasi", "GH"), ("X", "XX")]})
    body = client.post(autosave_url(draft), data).json()
    assert "except: Partner municipality 2" in body["message"]
    draft.refresh_from_db()
    assert draft.title == "Typed" and draft.partners.count() == 2


# --- Finding 5: a second tab ---------------------------------------------------------------


def test_a_second_tab_saving_an_older_copy_is_refused_and_keeps_what_was_typed(client, draft):
    first_tab = form_data({"title": "Typed in the first tab", "partners": []}, draft)
    first_tab["action"] = "save"
    # The second tab saves a newer version meanwhile.
    second_tab = form_data({"title": "Saved in the second tab", "partners": []}, draft)
    assert client.post(autosave_url(draft), second_tab).status_code == 200
    newer = saved(draft)

    response = client.post(edit_url(draft), first_tab)
    html = response.content.decode()
    assert response.status_code == 409
    assert "changed in another tab or window" in html
    assert 'value="Typed in the first tab"' in html
    assert saved(draft) == newer
    # The form now carries the newer version: saving again replaces it, knowingly.
    assert f'name="version" value="{version_token(newer[3])}"' in html


def test_a_stale_autosave_is_refused_with_a_message(client, draft):
    stale = autosave_data(draft, {"title": "Old tab", "partners": []})
    client.post(autosave_url(draft), autosave_data(draft, {"title": "New tab", "partners": []}))
    newer = saved(draft)
    response = client.post(autosave_url(draft), stale)
    assert response.status_code == 409
    body = response.json()
    assert body["saved"] is False and "another tab or window" in body["message"]
    assert saved(draft) == newer


def test_a_stale_submit_is_refused_and_nothing_is_submitted(client, draft):
    stale = form_data(complete_values(), draft, action="submit")
    client.post(autosave_url(draft), autosave_data(draft, {"title": "New tab", "partners": []}))
    response = client.post(edit_url(draft), stale)
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT and draft.title == "New tab"
    assert not OutgoingEmail.objects.exists()


def test_saves_from_the_same_tab_follow_each_other(client, draft):
    data = autosave_data(draft, {"title": "First", "partners": []})
    for title in ("Second", "Third"):
        body = client.post(autosave_url(draft), data).json()
        data.update(title=title, version=body["version"])
    data["action"] = "save"
    assert client.post(edit_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Third"


def test_actions_refuse_a_stale_version(draft):
    old = draft.updated_at
    actions.do_save_draft(draft, by=draft.applicant, values={"title": "Newer"})
    stale = TopicProposal.objects.get(pk=draft.pk)
    with pytest.raises(actions.StaleProposal):
        actions.do_save_draft(
            stale, by=draft.applicant, values={"title": "Older"}, expected_updated_at=old
        )
    with pytest.raises(actions.StaleProposal):
        actions.do_submit_proposal(
            stale, by=draft.applicant, values=complete_values(), expected_updated_at=old
        )
    assert TopicProposal.objects.get(pk=draft.pk).title == "Newer"


# --- Oversized text, wrong attachments --------------------------------------------------------


def test_a_draft_over_the_budget_is_kept_and_the_person_is_told(client, draft):
    text = "x" * 100_000
    response = client.post(
        edit_url(draft),
        form_data({"topic_background": text, "partners": []}, draft, action="save"),
        follow=True,
    )
    html = response.content.decode()
    assert "over the limit of 6000 characters by 94000" in html
    draft.refresh_from_db()
    assert draft.topic_background == text

    body = client.post(
        autosave_url(draft), autosave_data(draft, {"topic_background": text, "partners": []})
    ).json()
    assert body["saved"] is True and "by 94000" in body["message"]


def test_submitting_a_100000_character_section_is_refused_and_keeps_the_text(client, draft):
    text = "y" * 100_000
    values = complete_values(topic_background=text)
    response = client.post(edit_url(draft), form_data(values, draft, action="submit"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Shorten them by" in html and text in html
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT and draft.topic_background == text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", b"PK\x03\x04", "Only PDF files can be attached; “plan.docx” is not a PDF."),
        ("plan.pdf", b"GIF89a", "“plan.pdf” is not a PDF file, whatever its name says."),
    ],
)
def test_a_wrong_file_type_is_refused_on_a_submitted_proposal_with_what_was_typed(
    client, draft, name, content, message
):
    client.post(edit_url(draft), form_data(complete_values(), draft, action="submit"))
    data = form_data(complete_values(title="Typed with the upload"), draft, action="submit")
    data["attachment"] = upload(name, content)
    html = client.post(edit_url(draft), data).content.decode()
    assert message in html
    assert 'value="Typed with the upload"' in html
    draft.refresh_from_db()
    assert draft.title == "Heat-resilient neighbourhoods"  # not resubmitted
    assert not draft.attachments.exists()


# --- By hand: empty submit, NUL, invisible text --------------------------------------------


def test_an_empty_submit_lists_every_missing_part(client, draft):
    response = client.post(edit_url(draft), form_data({"partners": []}, draft, action="submit"))
    html = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Name the municipality or municipal company",
        "Describe the technical topic and its background",
        "Choose at least one SDG",
        "so far there are 0",
        "leadership backs the topic",
    ):
        assert message in html, message
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT


@pytest.mark.parametrize("blank", ["\u200b", "\u200b\u200c\u200d\u2060\ufeff", " \u00ad \u3164 "])
def test_invisible_text_counts_as_empty(client, draft, blank):
    values = complete_values(knowledge_transfer=blank, title=blank)
    html = client.post(edit_url(draft), form_data(values, draft, action="submit")).content.decode()
    assert "Describe how the exchange contributes to knowledge transfer" in html
    assert "Name the technical topic in a few words." in html
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT


def post_with_nul(client, draft):
    values = complete_values(
        title="Heat\x00wave",
        topic_background="Hot\x00 summers",
        partners=[("Kumasi", "GH"), ("Ly\x00on", "FR")],
    )
    data = form_data(values, draft, action="submit")
    data["attachment"] = upload("pl\x00an.pdf", PDF)
    return client.post(edit_url(draft), data)


@pytest.mark.postgres
def test_a_nul_character_is_a_form_error_on_postgresql(client, draft):
    response = post_with_nul(client, draft)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Null characters are not allowed.") >= 3
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT
    assert "\x00" not in draft.title + draft.topic_background
    # The attachment is kept, under a name without the NUL.
    assert [a.original_name for a in draft.attachments.all()] == ["plan.pdf"]

    body = client.post(
        autosave_url(draft), autosave_data(draft, {"title": "a\x00b", "partners": []})
    ).json()
    assert "except: Technical topic" in body["message"]


def test_a_nul_character_is_a_form_error(client, draft):
    response = post_with_nul(client, draft)
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("field", "status"),
    [
        ("topic_field", 200),
        ("sdgs", 200),
        ("organisation_type", 200),
        ("partners-0-country", 200),
        ("contact_email", 200),
        ("version", 400),
        ("action", 400),
        ("remove_attachment", 400),
        ("partners-TOTAL_FORMS", 400),
    ],
)
def test_a_nul_character_in_any_other_field_is_refused_on_postgresql(client, draft, field, status):
    before = saved(draft)
    data = form_data(complete_values(), draft, action="save")
    data[field] = "1\x00"
    response = client.post(edit_url(draft), data)
    assert response.status_code == status
    if status == 400:
        assert saved(draft) == before
    body = client.post(autosave_url(draft), {**form_data(TYPED, draft), field: "\x00"})
    assert body.status_code in (200, 400)
