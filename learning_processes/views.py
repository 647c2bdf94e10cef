"""The applicant's pages: start, edit, autosave, submit, withdraw and read a proposal.

Each view parses the request and calls learning_processes.actions; the rules and
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

from learning_processes import actions, app_settings
from learning_processes.forms import ProposalForm, partner_formset, partner_values
from learning_processes.models import CallPage, ProposalAttachment, TopicProposal
from learning_processes.models.calls import SECTIONS, ProposalStatus

TEMPLATES = "learning_processes/proposals"


@login_required
def my_proposals(request: HttpRequest) -> HttpResponse:
    proposals = list(actions.proposals_of(request.user))
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
    request: HttpRequest, proposal: TopicProposal, form: ProposalForm, partners, errors=None
) -> dict:
    errors = errors or {}
    return {
        "proposal": proposal,
        "call": proposal.call,
        "form": form,
        "partners": partners,
        "partner_errors": errors.get("partners", []),
        "section_errors": errors.get("sections", []),
        "budget": app_settings.text_budget(),
        "used": sum(len((form[name].value() or "").replace("\r\n", "\n")) for name in SECTIONS),
        "autosave_seconds": app_settings.autosave_seconds(),
        "attachments": list(proposal.attachments.all()),
        "has_errors": bool(errors) or bool(form.errors),
    }


def _put_errors(form: ProposalForm, errors: actions.Errors) -> None:
    for name, field_messages in errors.items():
        if name in form.fields:
            for message in field_messages:
                form.add_error(name, message)


@login_required
def edit_proposal(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = actions.access_own_proposal(request.user, proposal_id)
    if not proposal.is_editable():
        if proposal.status != ProposalStatus.WITHDRAWN:
            messages.info(request, actions.deadline_message(proposal.call))
        return redirect("proposals:detail", proposal.pk)
    if request.method != "POST":
        values = actions.proposal_values(proposal)
        form = ProposalForm(initial=values)
        partners = partner_formset(partners=values["partners"])
        return render(
            request, f"{TEMPLATES}/edit.html", _form_context(request, proposal, form, partners)
        )

    form = ProposalForm(request.POST, request.FILES)
    partners = partner_formset(data=request.POST)
    form.is_valid()
    partners.is_valid()
    values = {**form.values(), "partners": partner_values(partners)}
    action = request.POST.get("action", "save")
    is_draft = proposal.status == ProposalStatus.DRAFT
    try:
        # Whatever happens next, a draft keeps what was typed.
        if is_draft:
            actions.do_save_draft(proposal, by=request.user, values=values)
        upload = form.cleaned_data.get("attachment") if hasattr(form, "cleaned_data") else None
        if upload:
            try:
                actions.do_add_attachment(proposal, by=request.user, upload=upload)
            except actions.ProposalError as error:
                form.add_error("attachment", error.message)
        if remove := request.POST.get("remove_attachment"):
            attachment = get_object_or_404(ProposalAttachment, pk=remove, proposal=proposal)
            actions.do_remove_attachment(attachment, by=request.user)
            messages.success(request, _("Attachment removed."))
        errors: actions.Errors = {}
        if action == "submit" and form.errors:
            # Report the rules too, not only the malformed fields, in one round.
            errors = actions.check_proposal({**actions.proposal_values(proposal), **values})
        elif action == "submit":
            try:
                actions.do_submit_proposal(proposal, by=request.user, values=values)
            except actions.ProposalInvalid as invalid:
                errors = invalid.errors
            else:
                messages.success(
                    request,
                    _("Your proposal is submitted. A copy is on its way to %(email)s.")
                    % {"email": request.user.email},
                )
                return redirect("proposals:detail", proposal.pk)
    except actions.ProposalError as error:
        messages.error(request, error.message)
        return redirect("proposals:detail", proposal.pk)

    _put_errors(form, errors)
    if form.errors or errors:
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
            _form_context(request, proposal, form, partners, errors),
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
    if not request.POST.get("remove_attachment"):
        messages.success(
            request,
            _("Draft saved at %(time)s.") % {"time": time_format(timezone.localtime(), "H:i")},
        )
    return redirect("proposals:edit", proposal.pk)


@login_required
@require_POST
def autosave_proposal(request: HttpRequest, proposal_id: int) -> JsonResponse:
    """The autosave script posts the form here; files are left to the real submit."""
    proposal = actions.access_own_proposal(request.user, proposal_id)
    if proposal.status != ProposalStatus.DRAFT:
        return JsonResponse(
            {"saved": False, "message": _("Autosave is off: this proposal is submitted.")},
            status=409,
        )
    form = ProposalForm(request.POST)
    partners = partner_formset(data=request.POST)
    form.is_valid()
    partners.is_valid()
    try:
        actions.do_save_draft(
            proposal,
            by=request.user,
            values={**form.values(), "partners": partner_values(partners)},
        )
    except actions.ProposalError as error:
        return JsonResponse({"saved": False, "message": error.message}, status=403)
    saved_at = timezone.localtime(proposal.updated_at)
    return JsonResponse(
        {
            "saved": True,
            "saved_at": saved_at.isoformat(),
            "message": _("Draft saved automatically at %(time)s.")
            % {"time": time_format(saved_at, "H:i")},
            "errors": {name: [str(m) for m in errs] for name, errs in form.errors.items()},
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
