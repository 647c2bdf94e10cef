"""The applicant's pages: start, edit, autosave, submit, withdraw and read a proposal.

Each view parses the request and calls learning_processes.calls.actions; the rules and
their messages live there.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning_processes import app_settings
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
    ProposalAttachment,
    ProposalStatus,
    TopicProposal,
)

TEMPLATES = "learning_processes/proposals"


@login_required
def my_proposals(request: HttpRequest) -> HttpResponse:
    proposals = list(selectors.proposals_of(request.user))
    now = timezone.now()
    for proposal in proposals:
        proposal.editable = proposal.is_editable(now)
    return render(request, f"{TEMPLATES}/my_proposals.html", {"proposals": proposals})


@login_required
@require_POST
def start_proposal(request: HttpRequest, call_id: int) -> HttpResponse:
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
        "budget": app_settings.text_budget(),
        "used": sum(len((form[name].value() or "").replace("\r\n", "\n")) for name in SECTIONS),
        "autosave_seconds": app_settings.autosave_seconds(),
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
    budget = app_settings.text_budget()
    over = proposal.section_characters - budget
    if over <= 0:
        return ""
    return _(
        "The four sections are over the limit of %(budget)s characters by %(over)s; "
        "shorten them before you submit."
    ) % {"budget": budget, "over": over}


@login_required
def edit_proposal(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = actions.access_own_proposal(request.user, proposal_id)
    if not proposal.is_editable():
        if proposal.status != ProposalStatus.WITHDRAWN:
            messages.info(request, actions.deadline_message(proposal.call))
        return redirect("proposals:detail", proposal.pk)
    if request.method != "POST":
        values = selectors.proposal_values(proposal)
        form = ProposalForm(initial=values)
        partners = partner_formset(partners=values["partners"])
        return render(
            request, f"{TEMPLATES}/edit.html", _form_context(request, proposal, form, partners)
        )

    post = ProposalPost(request.POST, request.FILES)
    if problems := post.unreadable():
        messages.error(
            request,
            _(
                "Nothing was saved: %(reasons)s What you typed is kept below; check it and "
                "save again."
            )
            % {"reasons": " ".join(problems)},
        )
        return _render_as_typed(request, proposal, post, status=400)
    form, partners = post.form, post.partners
    values = post.values()
    action = post.action
    is_draft = proposal.status == ProposalStatus.DRAFT
    row_errors = post.partner_row_errors()
    # Every change below is checked against the version the page was loaded with.
    version = post.version
    try:
        # Whatever happens next, a draft keeps what was typed.
        if is_draft:
            actions.do_save_draft(
                proposal, by=request.user, values=values, expected_updated_at=version
            )
            version = proposal.updated_at
        if upload := form.cleaned_data.get("attachment"):
            try:
                actions.do_add_attachment(
                    proposal, by=request.user, upload=upload, expected_updated_at=version
                )
            except actions.StaleProposal:
                raise
            except actions.ProposalError as error:
                form.add_error("attachment", error.message)
        if post.remove_attachment:
            attachment = ProposalAttachment.objects.filter(
                pk=post.remove_attachment, proposal=proposal
            ).first()
            if attachment is None:
                messages.info(request, _("This attachment was already removed."))
            else:
                actions.do_remove_attachment(
                    attachment, by=request.user, expected_updated_at=version
                )
                messages.success(request, _("Attachment removed."))
        errors: actions.Errors = {}
        if action == "submit" and (form.errors or row_errors):
            # Report the rules too, not only the malformed fields, in one round; the
            # partner rules read the rows that passed their own checks.
            errors = actions.check_proposal(
                {**selectors.proposal_values(proposal), **values, "partners": post.partner_rows()}
            )
        elif action == "submit":
            try:
                actions.do_submit_proposal(
                    proposal, by=request.user, values=values, expected_updated_at=version
                )
            except actions.ProposalInvalid as invalid:
                errors = invalid.errors
            else:
                messages.success(
                    request,
                    _("Your proposal is submitted. A copy is on its way to %(email)s.")
                    % {"email": request.user.email},
                )
                return redirect("proposals:detail", proposal.pk)
    except actions.StaleProposal as stale:
        proposal.refresh_from_db()
        messages.error(
            request,
            stale.message
            + " "
            + _(
                "Nothing was saved: what you typed is kept below. To keep the other version, "
                "reload the page; to replace it with this one, save again."
            ),
        )
        return _render_as_typed(request, proposal, post, status=409)
    except actions.ProposalError as error:
        messages.error(request, error.message)
        return redirect("proposals:detail", proposal.pk)

    _put_errors(form, errors)
    if form.errors or errors or row_errors:
        if not is_draft:
            intro = _("Not resubmitted: please fix what is marked below. Nothing is lost.")
        elif action == "submit":
            intro = _("Not submitted yet: please fix what is marked below. Your draft is saved.")
        else:
            intro = _("Draft saved, except the fields marked below.")
        messages.error(request, intro)
        return render(
            request,
            f"{TEMPLATES}/edit.html",
            _form_context(request, proposal, form, partners, errors, row_errors),
            status=200,
        )
    if not is_draft:
        # A submitted proposal changes only when resubmitted. Removing an attachment is a
        # step on the way: the form comes back as typed, so no typed change is lost.
        messages.info(
            request,
            _("Your other changes are not resubmitted yet: press “Save and resubmit” when done."),
        )
        return render(
            request, f"{TEMPLATES}/edit.html", _form_context(request, proposal, form, partners)
        )
    if not post.remove_attachment:
        messages.success(
            request,
            _("Draft saved at %(time)s.") % {"time": time_format(timezone.localtime(), "H:i")},
        )
    if note := _budget_note(proposal):
        messages.warning(request, note)
    return redirect("proposals:edit", proposal.pk)


def _autosave_refusal(message: str, status: int) -> JsonResponse:
    return JsonResponse({"saved": False, "message": message}, status=status)


@login_required
@require_POST
def autosave_proposal(request: HttpRequest, proposal_id: int) -> JsonResponse:
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
def withdraw_proposal(request: HttpRequest, proposal_id: int) -> HttpResponse:
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
def proposal_detail(request: HttpRequest, proposal_id: int) -> HttpResponse:
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
            "budget": app_settings.text_budget(),
        },
    )


@login_required
def download_attachment(request: HttpRequest, proposal_id: int, attachment_id: int):
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
