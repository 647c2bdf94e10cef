"""The applicant's pages: start, edit, autosave, submit, withdraw and read a proposal.

Each view parses the request and calls learning_processes.calls.actions; the rules and
their messages live there.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning_processes.app_settings import app_settings
from learning_processes.calls import actions, selectors
from learning_processes.calls.forms import (
    ProposalForm,
    ProposalPost,
    partner_formset,
    version_token,
)
from learning_processes.calls.models import (
    SECTIONS,
    CallPage,
    ProposalStatus,
    TopicProposal,
)
from learning_processes.http import AuthenticatedHttpRequest

TEMPLATES = "learning_processes/proposals"


@login_required
def my_proposals(request: AuthenticatedHttpRequest) -> HttpResponse:
    proposals = list(selectors.proposals_of(request.user))
    now = timezone.now()
    editable = {proposal.pk for proposal in proposals if proposal.is_editable(now)}
    return render(
        request,
        f"{TEMPLATES}/my_proposals.html",
        {"proposals": proposals, "editable": editable},
    )


@login_required
@require_POST
def start_proposal(request: AuthenticatedHttpRequest, call_id: int) -> HttpResponse:
    call = get_object_or_404(CallPage.objects.live(), pk=call_id)
    try:
        proposal = actions.do_start_proposal(call=call, applicant=request.user)
    except actions.ProposalError as error:
        messages.error(request, error.message)
        return redirect(call.url)
    return redirect("proposals:edit", proposal.pk)


def _form_context(
    request: HttpRequest,
    proposal: TopicProposal,
    form: ProposalForm,
    partners,
    errors: actions.Errors | None = None,
    row_errors: list[tuple[str, str]] | None = None,
) -> dict:
    errors = errors or {}
    row_errors = row_errors or []
    return {
        "proposal": proposal,
        "call": proposal.call,
        "form": form,
        "partners": partners,
        "partner_errors": errors.get("partners", []),
        "partner_row_errors": row_errors,
        "section_errors": errors.get("sections", []),
        "budget": app_settings.TEXT_BUDGET,
        "used": sum(len((form[name].value() or "").replace("\r\n", "\n")) for name in SECTIONS),
        "autosave_seconds": app_settings.AUTOSAVE_SECONDS,
        "attachments": list(proposal.attachments.all()),
        "has_errors": bool(errors or row_errors or form.errors),
        # The version this page is loaded with: a save from an older one is refused.
        "version": version_token(proposal.updated_at),
    }


def _put_errors(form: ProposalForm, errors: actions.Errors) -> None:
    for name, field_messages in errors.items():
        if name in form.fields:
            for message in field_messages:
                form.add_error(name, message)


def _render_as_typed(
    request: HttpRequest, proposal: TopicProposal, post: ProposalPost, *, status: int
) -> HttpResponse:
    """The form again with what was typed, after a refusal that changed nothing."""
    saved = selectors.proposal_values(proposal)
    form = post.form_for_display(saved)
    partners = post.partners_for_display(saved["partners"])
    return render(
        request,
        f"{TEMPLATES}/edit.html",
        _form_context(request, proposal, form, partners, row_errors=post.partner_row_errors()),
        status=status,
    )


def _budget_note(proposal: TopicProposal) -> str:
    """A draft may be over the budget; the person is told, not refused."""
    budget = app_settings.TEXT_BUDGET
    over = proposal.section_characters - budget
    if over <= 0:
        return ""
    return _(
        "The four sections are over the limit of %(budget)s characters by %(over)s; "
        "shorten them before you submit."
    ) % {"budget": budget, "over": over}


@dataclass
class _Edit:
    """One POST of the proposal form, on its way through the steps of `edit_proposal`."""

    request: AuthenticatedHttpRequest
    proposal: TopicProposal
    post: ProposalPost
    # What passed its checks, read once: later steps mark more fields on the form.
    values: dict[str, Any]
    # As it was when the form was sent: a submission changes it.
    is_draft: bool
    # Every change is checked against the version the page was loaded with, and then
    # against the one the draft's save left.
    version: dt.datetime
    errors: actions.Errors = field(default_factory=dict)


@login_required
def edit_proposal(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    proposal = actions.access_own_proposal(request.user, proposal_id)
    if not proposal.is_editable():
        if proposal.status != ProposalStatus.WITHDRAWN:
            messages.info(request, actions.deadline_message(proposal.call))
        return redirect("proposals:detail", proposal.pk)
    if request.method != "POST":
        return _render_saved(request, proposal)
    post = ProposalPost(request.POST, request.FILES)
    if problems := post.unreadable():
        return _refuse_unreadable(request, proposal, post, problems)
    edit = _Edit(
        request,
        proposal,
        post,
        values=post.values(),
        is_draft=proposal.status == ProposalStatus.DRAFT,
        version=post.version,
    )
    try:
        return _handle_edit(edit)
    except actions.StaleProposal as stale:
        return _refuse_stale(edit, stale)
    except actions.ProposalError as error:
        messages.error(request, error.message)
        return redirect("proposals:detail", proposal.pk)


def _handle_edit(edit: _Edit) -> HttpResponse:
    """Whichever button was pressed, a draft first keeps what was typed and a chosen PDF
    is added; then the button's own step: remove an attachment, or submit."""
    _keep_draft(edit)
    _add_upload(edit)
    if attachment_id := edit.post.remove_attachment:
        _remove_attachment(edit, attachment_id)
    if edit.post.action == "submit" and (submitted := _submit(edit)):
        return submitted
    return _after_save(edit)


def _keep_draft(edit: _Edit) -> None:
    """A draft keeps what passed its checks; a submitted proposal changes only when it is
    resubmitted."""
    if not edit.is_draft:
        return
    actions.do_save_draft(
        edit.proposal, by=edit.request.user, values=edit.values, expected_updated_at=edit.version
    )
    edit.version = edit.proposal.updated_at


def _add_upload(edit: _Edit) -> None:
    """A refused file is marked on the form; the rest of the request goes on."""
    upload = edit.post.form.cleaned_data.get("attachment")
    if not upload:
        return
    try:
        actions.do_add_attachment(
            edit.proposal, by=edit.request.user, upload=upload, expected_updated_at=edit.version
        )
    except actions.StaleProposal:
        raise
    except actions.ProposalError as error:
        edit.post.form.add_error("attachment", error.message)


def _remove_attachment(edit: _Edit, attachment_id: int) -> None:
    attachment = selectors.proposal_attachment(edit.proposal, attachment_id)
    if attachment is None:
        messages.info(edit.request, _("This attachment was already removed."))
        return
    actions.do_remove_attachment(attachment, by=edit.request.user, expected_updated_at=edit.version)
    messages.success(edit.request, _("Attachment removed."))


def _submit(edit: _Edit) -> HttpResponse | None:
    """Submit (or resubmit) a form whose every field and partner row could be read. For
    one that could not, the rules are reported too, not only the malformed fields, so
    that everything is fixed in one round; nothing is submitted then."""
    if not edit.post.is_valid():
        # The partner rules read the rows that passed their own checks.
        edit.errors = actions.check_submission(
            edit.proposal, {**edit.values, "partners": edit.post.partner_rows()}
        )
        return None
    try:
        actions.do_submit_proposal(
            edit.proposal,
            by=edit.request.user,
            values=edit.values,
            expected_updated_at=edit.version,
        )
    except actions.ProposalInvalid as invalid:
        edit.errors = invalid.errors
        return None
    messages.success(
        edit.request,
        _("Your proposal is submitted. A copy is on its way to %(email)s.")
        % {"email": edit.request.user.email},
    )
    return redirect("proposals:detail", edit.proposal.pk)


def _after_save(edit: _Edit) -> HttpResponse:
    """The form again with what is wrong marked, or the saved draft's page."""
    request, proposal, post = edit.request, edit.proposal, edit.post
    row_errors = post.partner_row_errors()
    _put_errors(post.form, edit.errors)
    if post.form.errors or edit.errors or row_errors:
        messages.error(request, _refusal_intro(edit))
        context = _form_context(
            request, proposal, post.form, post.partners, edit.errors, row_errors
        )
        return render(request, f"{TEMPLATES}/edit.html", context, status=200)
    if not edit.is_draft:
        # A submitted proposal changes only when resubmitted. Removing an attachment is a
        # step on the way: the form comes back as typed, so no typed change is lost.
        messages.info(
            request,
            _("Your other changes are not resubmitted yet: press “Save and resubmit” when done."),
        )
        context = _form_context(request, proposal, post.form, post.partners)
        return render(request, f"{TEMPLATES}/edit.html", context)
    if not post.remove_attachment:
        messages.success(
            request,
            _("Draft saved at %(time)s.") % {"time": time_format(timezone.localtime(), "H:i")},
        )
    if note := _budget_note(proposal):
        messages.warning(request, note)
    return redirect("proposals:edit", proposal.pk)


def _refusal_intro(edit: _Edit) -> str:
    if not edit.is_draft:
        return _("Not resubmitted: please fix what is marked below. Nothing is lost.")
    if edit.post.action == "submit":
        return _("Not submitted yet: please fix what is marked below. Your draft is saved.")
    return _("Draft saved, except the fields marked below.")


def _render_saved(request: HttpRequest, proposal: TopicProposal) -> HttpResponse:
    """The form with what the proposal holds."""
    values = selectors.proposal_values(proposal)
    form = ProposalForm(initial=values)
    partners = partner_formset(partners=values["partners"])
    return render(
        request, f"{TEMPLATES}/edit.html", _form_context(request, proposal, form, partners)
    )


def _refuse_unreadable(
    request: HttpRequest, proposal: TopicProposal, post: ProposalPost, problems: list[str]
) -> HttpResponse:
    messages.error(
        request,
        _("Nothing was saved: %(reasons)s What you typed is kept below; check it and save again.")
        % {"reasons": " ".join(problems)},
    )
    return _render_as_typed(request, proposal, post, status=400)


def _refuse_stale(edit: _Edit, stale: actions.StaleProposal) -> HttpResponse:
    edit.proposal.refresh_from_db()
    messages.error(
        edit.request,
        stale.message
        + " "
        + _(
            "Nothing was saved: what you typed is kept below. To keep the other version, "
            "reload the page; to replace it with this one, save again."
        ),
    )
    return _render_as_typed(edit.request, edit.proposal, edit.post, status=409)


def _autosave_refusal(message: str, status: int) -> JsonResponse:
    return JsonResponse({"saved": False, "message": message}, status=status)


@login_required
@require_POST
def autosave_proposal(request: AuthenticatedHttpRequest, proposal_id: int) -> JsonResponse:
    """The autosave script posts the form here; files are left to the real submit.

    A request that cannot be read, or that was loaded before the last save, changes
    nothing and says why; otherwise what passed its checks is saved and the answer
    names what did not.
    """
    proposal = actions.access_own_proposal(request.user, proposal_id)
    if proposal.status != ProposalStatus.DRAFT:
        return _autosave_refusal(_("Autosave is off: this proposal is submitted."), 409)
    post = ProposalPost(request.POST)
    if problems := post.unreadable():
        return _autosave_refusal(
            _("Not saved automatically: %(reasons)s Press “Save draft” to save what you typed.")
            % {"reasons": " ".join(problems)},
            400,
        )
    try:
        actions.do_save_draft(
            proposal, by=request.user, values=post.values(), expected_updated_at=post.version
        )
    except actions.StaleProposal as stale:
        return _autosave_refusal(
            stale.message
            + " "
            + _(
                "Autosave is paused on this page so that it does not overwrite that version. "
                "Reload the page to continue with it, or press “Save draft” to keep this "
                "page's text instead."
            ),
            409,
        )
    except actions.ProposalError as error:
        return _autosave_refusal(error.message, 403)
    saved_at = timezone.localtime(proposal.updated_at)
    message = _("Draft saved automatically at %(time)s.") % {"time": time_format(saved_at, "H:i")}
    if refused := post.refused_fields():
        message = _(
            "Draft saved automatically at %(time)s, except: %(fields)s. Press “Save draft” "
            "to see why."
        ) % {"time": time_format(saved_at, "H:i"), "fields": ", ".join(refused)}
    if note := _budget_note(proposal):
        message += " " + note
    return JsonResponse(
        {
            "saved": True,
            "saved_at": saved_at.isoformat(),
            "version": version_token(proposal.updated_at),
            "message": message,
            "errors": {
                **{name: [str(m) for m in errs] for name, errs in post.form.errors.items()},
                **(
                    {"partners": [text for _anchor, text in rows]}
                    if (rows := post.partner_row_errors())
                    else {}
                ),
            },
        }
    )


@login_required
def withdraw_proposal(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    proposal = actions.access_own_proposal(request.user, proposal_id)
    if request.method == "POST":
        try:
            actions.do_withdraw_proposal(proposal, by=request.user)
        except actions.ProposalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your proposal is withdrawn."))
        return redirect("proposals:mine")
    return render(request, f"{TEMPLATES}/withdraw.html", {"proposal": proposal})


@login_required
def proposal_detail(request: AuthenticatedHttpRequest, proposal_id: int) -> HttpResponse:
    """The proposal as submitted: read-only and print-friendly."""
    proposal = actions.access_own_proposal(request.user, proposal_id)
    return render(
        request,
        f"{TEMPLATES}/detail.html",
        {
            "proposal": proposal,
            "call": proposal.call,
            "partners": list(proposal.partners.all()),
            "sdgs": list(proposal.sdgs.all()),
            "attachments": list(proposal.attachments.all()),
            "editable": proposal.is_editable(),
            "characters": proposal.section_characters,
            "budget": app_settings.TEXT_BUDGET,
        },
    )


@login_required
def download_attachment(request: AuthenticatedHttpRequest, proposal_id: int, attachment_id: int):
    attachment = actions.access_attachment(request.user, proposal_id, attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise PermissionDenied(_("The file is missing from storage.")) from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
