"""What applicants and staff do with calls and topic proposals.

`do_*` changes state and queues its e-mail, `check_*` validates, `access_*` returns an
object or refuses. Views and the admin stay thin and call these; tests call them too.
Every function that depends on the time takes `now` (default: the current time), so
the deadline rules are tested at exact seconds.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning_processes.app_settings import app_settings
from learning_processes.calls.models import (
    CALL_TIME_ZONE,
    PROPOSAL_FIELDS,
    SCORE_RANGE,
    SECTIONS,
    CallPage,
    Decision,
    ProposalAttachment,
    ProposalReview,
    ProposalStatus,
    ProposedPartner,
    Requirement,
    RequirementScore,
    TopicProposal,
    count_characters,
)
from learning_processes.calls.permissions import can_decide, can_review
from learning_processes.calls.selectors import decisions_to_publish, proposal_values
from learning_processes.countries import code_of, country_name, is_global_south
from learning_processes.models import (
    LearningProcessIndexPage,
    LearningProcessPage,
    PartnerMunicipality,
)
from learning_processes.models.processes import HostType
from learning_processes.refusals import Refusal
from learning_processes.roles import do_add_host
from learning_processes.usertext import clean_text, has_visible_text
from mailing.links import absolute_url
from mailing.outbox import queue_templated_email

HOME_COUNTRY = "DE"
PDF_MAGIC = b"%PDF-"

Errors = dict[str, list[str]]
Partner = tuple[str, str]  # (name, ISO country code)


class ProposalError(Refusal):
    """A refused change, with a message for the person who tried it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DeadlinePassed(ProposalError):
    pass


class StaleProposal(ProposalError):
    """The form was loaded before the proposal's last save (in another tab or window);
    saving it would overwrite that save unseen."""


class ProposalInvalid(ProposalError):
    def __init__(self, errors: Errors) -> None:
        super().__init__(_("The proposal is not complete yet."))
        self.errors = errors


class ConflictOfInterest(Refusal, PermissionDenied):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Access -----------------------------------------------------------------------------


def access_own_proposal(user: User, proposal_id: int) -> TopicProposal:
    """The applicant's own proposal; anybody else's is as if it did not exist."""
    proposal = (
        TopicProposal.objects.select_related("call", "topic_field", "learning_process")
        .filter(pk=proposal_id, applicant_id=user.pk)
        .first()
    )
    if proposal is None:
        raise Http404(_("No such proposal."))
    return proposal


def access_attachment(user: User, proposal_id: int, attachment_id: int) -> ProposalAttachment:
    """An attachment, for its applicant and for staff who may see proposals."""
    attachment = (
        ProposalAttachment.objects.select_related("proposal")
        .filter(pk=attachment_id, proposal_id=proposal_id)
        .first()
    )
    if attachment is None or not (
        attachment.proposal.applicant_id == user.pk
        or user.has_perm("learning_processes.view_topicproposal")
    ):
        raise Http404(_("No such attachment."))
    return attachment


# --- Validation ---------------------------------------------------------------------------


def _required_message(name: str) -> str:
    # Looked up at call time, so each message is translated into the active language.
    return {
        "organisation": _("Name the municipality or municipal company that proposes the topic."),
        "organisation_type": _("Choose the type of your organisation."),
        "city": _("Name the city your organisation is in."),
        "contact_name": _("Name the responsible contact person in your administration."),
        "contact_email": _("Give the contact person's e-mail address."),
        "title": _("Name the technical topic in a few words."),
        "topic_background": _(
            "Describe the technical topic and its background: the challenges and opportunities."
        ),
        "learning_and_contribution": _(
            "Describe what you want to learn from the exchange and what you can contribute."
        ),
        "knowledge_transfer": _(
            "Describe how the exchange contributes to knowledge transfer and competence building."
        ),
        "topic_field": _("Choose the topic field of the proposal."),
    }[name]


REQUIRED_FIELDS = (
    "organisation",
    "organisation_type",
    "city",
    "contact_name",
    "contact_email",
    "title",
    "topic_background",
    "learning_and_contribution",
    "knowledge_transfer",
    "topic_field",
)


def check_text_budget(values: Mapping[str, Any], budget: int | None = None) -> str | None:
    budget = budget if budget is not None else app_settings.TEXT_BUDGET
    used = sum(count_characters(values.get(name)) for name in SECTIONS)
    if used <= budget:
        return None
    return _(
        "The four sections have %(used)s characters together; the limit is %(budget)s "
        "(about two pages). Shorten them by %(over)s characters."
    ) % {"used": used, "budget": budget, "over": used - budget}


def partner_key(name: str, country: str) -> tuple[str, str]:
    """Two rows name the same partner when this is the same: case, spacing and
    invisible characters aside, the same name in the same country."""
    return clean_text(name or "").casefold(), (country or "").strip().upper()


def check_duplicate_partners(partners: Sequence[Partner]) -> dict[int, str]:
    """A message for each row (by index) that repeats an earlier one."""
    first: dict[tuple[str, str], int] = {}
    errors: dict[int, str] = {}
    for index, (name, country) in enumerate(partners):
        key = partner_key(name, country)
        if not has_visible_text(key[0]):
            continue
        if key not in first:
            first[key] = index
            continue
        earlier_name, earlier_country = partners[first[key]]
        params = {
            "name": (earlier_name or "").strip(),
            "country": country_name(key[1]) or key[1],
            "number": first[key] + 1,
        }
        errors[index] = (
            _("%(name)s (%(country)s) is already listed as partner %(number)s.") % params
            if key[1]
            else _("%(name)s is already listed as partner %(number)s.") % params
        )
    return errors


def check_partners(partners: Sequence[Partner]) -> list[str]:
    """Requirement 5: partners from at least two countries other than Germany, at
    least one of them in the Global South (the DAC list the process pages use), and
    none listed twice."""
    errors: list[str] = [
        _("Partner municipality %(number)s: %(error)s") % {"number": index + 1, "error": error}
        for index, error in check_duplicate_partners(partners).items()
    ]
    complete = []
    for number, (name, country) in enumerate(partners, start=1):
        name = (name or "").strip() if has_visible_text(name or "") else ""
        country = (country or "").strip().upper()
        if not name and not country:
            continue
        if not name or not country:
            errors.append(
                _("Give both the name and the country of partner municipality %(number)s.")
                % {"number": number}
            )
            continue
        complete.append((name, country))
    countries = {country for _name, country in complete if country != HOME_COUNTRY}
    if len(countries) < 2:
        errors.append(
            ngettext(
                "Propose partner municipalities from at least two countries other than "
                "Germany; so far there is %(count)s.",
                "Propose partner municipalities from at least two countries other than "
                "Germany; so far there are %(count)s.",
                len(countries),
            )
            % {"count": len(countries)}
        )
    if not any(is_global_south(country) for country in countries):
        errors.append(
            _(
                "At least one partner municipality must be in the Global South, that is in "
                "a country on the OECD DAC list of ODA recipients outside Europe."
            )
        )
    return errors


def check_proposal(values: Mapping[str, Any], *, budget: int | None = None) -> Errors:
    """Every rule a submitted proposal meets, as messages by field; empty when it passes.

    Keys are the form's field names, plus `sections` (the character budget) and
    `partners` (requirement 5).
    """
    errors: Errors = {}
    for name in REQUIRED_FIELDS:
        value = values.get(name)
        # A zero-width-only answer looks empty on every page: it is no answer.
        if value is None or (isinstance(value, str) and not has_visible_text(value)):
            errors.setdefault(name, []).append(_required_message(name))
    if not values.get("sdgs"):
        errors["sdgs"] = [_("Choose at least one SDG the topic serves at local level.")]
    if not values.get("confirms_backing"):
        errors["confirms_backing"] = [
            _("Confirm that your municipality's leadership backs the topic and the engagement.")
        ]
    if not values.get("confirms_follow_up"):
        errors["confirms_follow_up"] = [
            _("Confirm that you will take part in follow-up activities after the dialogue event.")
        ]
    if message := check_text_budget(values, budget):
        errors["sections"] = [message]
    if partner_errors := check_partners(values.get("partners") or []):
        errors["partners"] = partner_errors
    return errors


def check_submission(proposal: TopicProposal, values: Mapping[str, Any]) -> Errors:
    """The rules the proposal would break if it were submitted with `values` over what it
    holds (check_proposal's messages by field)."""
    return check_proposal({**proposal_values(proposal), **values})


def check_attachment(proposal: TopicProposal, upload: UploadedFile) -> str | None:
    """PDF only, by extension and by content; within the size limit and the count."""
    name = upload.name or ""
    limit = app_settings.ATTACHMENT_MAX_BYTES
    if proposal.pk and proposal.attachments.count() >= app_settings.ATTACHMENTS_PER_PROPOSAL:
        return _("A proposal takes at most %(count)s attachments; remove one first.") % {
            "count": app_settings.ATTACHMENTS_PER_PROPOSAL
        }
    if not name.lower().endswith(".pdf"):
        return _("Only PDF files can be attached; “%(name)s” is not a PDF.") % {"name": name}
    if upload.size is not None and upload.size > limit:
        return _("“%(name)s” is %(size)s MB; attachments can be at most %(limit)s MB.") % {
            "name": name,
            "size": f"{upload.size / 1024 / 1024:.1f}",
            "limit": f"{limit / 1024 / 1024:g}",
        }
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        return _("“%(name)s” is not a PDF file, whatever its name says.") % {"name": name}
    return None


def deadline_message(call: CallPage) -> str:
    local = call.local_deadline
    return _(
        "The %(year)s call closed on %(date)s at %(time)s (Berlin time); proposals can no "
        "longer be started, submitted, changed or withdrawn."
    ) % {"year": call.year, "date": date_format(local, "DATE_FORMAT"), "time": f"{local:%H:%M:%S}"}


def check_call_open(call: CallPage, now: dt.datetime | None = None) -> None:
    """The server-side deadline check, exact to the second in Berlin time."""
    if not call.is_open(now):
        raise DeadlinePassed(deadline_message(call))


def check_current(proposal: TopicProposal, expected_updated_at: dt.datetime | None) -> None:
    """Refuse a change made on a copy older than the proposal's last save.

    Optimistic concurrency: the form carries the `updated_at` it was loaded with. Call
    inside the changing transaction; the row is locked, so of two saves of the same
    copy only the first passes.
    """
    current = (
        TopicProposal.objects.select_for_update()
        .filter(pk=proposal.pk)
        .values_list("updated_at", flat=True)
        .first()
    )
    if expected_updated_at is None or current is None or current == expected_updated_at:
        return
    local = timezone.localtime(current)
    raise StaleProposal(
        _(
            "This proposal was changed in another tab or window at %(time)s, after this page "
            "was loaded."
        )
        % {"time": f"{local:%H:%M:%S}"}
    )


def check_editable(proposal: TopicProposal, now: dt.datetime | None = None) -> None:
    check_call_open(proposal.call, now)
    if proposal.status == ProposalStatus.WITHDRAWN:
        raise ProposalError(_("This proposal was withdrawn; start a new one instead."))
    # A decision recorded but not yet published locks nothing: the refusal would tell it.
    if proposal.call.decisions_published:
        raise ProposalError(
            _(
                "Connective Cities has published its decisions on this call, so the proposal "
                "can no longer change."
            )
        )


# --- The applicant's side ---------------------------------------------------------------


def do_start_proposal(
    *, call: CallPage, applicant: User, now: dt.datetime | None = None
) -> TopicProposal:
    """A new draft, with what the applicant's account already tells about them."""
    check_call_open(call, now)
    now = now or timezone.now()
    return TopicProposal.objects.create(
        call=call,
        applicant=applicant,
        contact_email=applicant.email,
        created_at=now,
        updated_at=now,
    )


def _apply(
    proposal: TopicProposal,
    values: Mapping[str, Any],
    now: dt.datetime,
) -> None:
    for name in PROPOSAL_FIELDS:
        if name in values:
            setattr(proposal, name, values[name])
    proposal.updated_at = now
    proposal.save()
    if "sdgs" in values:
        proposal.sdgs.set(values["sdgs"])
    if "partners" in values:
        proposal.partners.all().delete()
        ProposedPartner.objects.bulk_create(
            ProposedPartner(proposal=proposal, name=name.strip(), country=country, sort_order=i)
            for i, (name, country) in enumerate(values["partners"])
            if (name or "").strip() or country
        )


@transaction.atomic
def do_save_draft(
    proposal: TopicProposal,
    *,
    by: User,
    values: Mapping[str, Any],
    now: dt.datetime | None = None,
    expected_updated_at: dt.datetime | None = None,
) -> TopicProposal:
    """Keep what the applicant typed, complete or not; only a draft is saved this way.

    A submitted proposal is changed through do_submit_proposal, so it never holds
    anything that fails the rules. A draft may break the rules, but never lists the
    same partner twice. With `expected_updated_at` (the version the form was loaded
    with), a save over a newer one is refused (StaleProposal).
    """
    _check_applicant(proposal, by)
    check_current(proposal, expected_updated_at)
    check_editable(proposal, now)
    if proposal.status != ProposalStatus.DRAFT:
        raise ProposalError(
            _("This proposal is submitted; save your changes with “Save and resubmit”.")
        )
    if "partners" in values and (duplicates := check_duplicate_partners(values["partners"])):
        raise ProposalInvalid({"partners": list(duplicates.values())})
    _apply(proposal, values, now or timezone.now())
    return proposal


@transaction.atomic
def do_submit_proposal(
    proposal: TopicProposal,
    *,
    by: User,
    values: Mapping[str, Any] | None = None,
    now: dt.datetime | None = None,
    expected_updated_at: dt.datetime | None = None,
) -> TopicProposal:
    """Submit a draft, or resubmit a submitted proposal with changes, before the deadline.

    Raises ProposalInvalid with the messages by field when a rule fails, and
    StaleProposal when the form is older than the last save; then nothing is changed.
    The applicant receives a copy of what was submitted.
    """
    _check_applicant(proposal, by)
    # Locks the row: two tabs submitting at once send one confirmation each, not a mix.
    check_current(proposal, expected_updated_at)
    check_editable(proposal, now)
    merged = {**proposal_values(proposal), **(values or {})}
    if errors := check_proposal(merged):
        raise ProposalInvalid(errors)
    now = now or timezone.now()
    resubmitted = proposal.status == ProposalStatus.SUBMITTED
    proposal.status = ProposalStatus.SUBMITTED
    proposal.submitted_at = now
    _apply(proposal, merged, now)
    queue_templated_email(
        to=proposal.applicant.email,
        template="learning_processes/email/proposal_submitted",
        context={
            "proposal": proposal,
            "resubmitted": resubmitted,
            "partners": list(proposal.partners.all()),
            "sdgs": list(proposal.sdgs.all()),
            "attachments": list(proposal.attachments.all()),
            "url": absolute_url(reverse("proposals:detail", args=[proposal.pk])),
            "deadline": proposal.call.local_deadline,
        },
        purpose="proposal_submitted",
    )
    return proposal


@transaction.atomic
def do_withdraw_proposal(
    proposal: TopicProposal, *, by: User, now: dt.datetime | None = None
) -> TopicProposal:
    _check_applicant(proposal, by)
    check_editable(proposal, now)
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.withdrawn_at = now or timezone.now()
    proposal.updated_at = proposal.withdrawn_at
    proposal.save(update_fields=["status", "withdrawn_at", "updated_at"])
    return proposal


@transaction.atomic
def do_add_attachment(
    proposal: TopicProposal,
    *,
    by: User,
    upload: UploadedFile,
    now: dt.datetime | None = None,
    expected_updated_at: dt.datetime | None = None,
) -> ProposalAttachment:
    _check_applicant(proposal, by)
    check_current(proposal, expected_updated_at)
    check_editable(proposal, now)
    if message := check_attachment(proposal, upload):
        raise ProposalError(message)
    attachment = ProposalAttachment(
        proposal=proposal,
        # Printable characters only: PostgreSQL refuses NUL, and no file name needs
        # control characters.
        original_name=(
            "".join(char for char in upload.name or "" if char.isprintable()) or "attachment.pdf"
        )[-255:],
        size=upload.size or 0,
        uploaded_at=now or timezone.now(),
    )
    attachment.file.save("attachment.pdf", upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def do_remove_attachment(
    attachment: ProposalAttachment,
    *,
    by: User,
    now: dt.datetime | None = None,
    expected_updated_at: dt.datetime | None = None,
) -> None:
    proposal = attachment.proposal
    _check_applicant(proposal, by)
    check_current(proposal, expected_updated_at)
    check_editable(proposal, now)
    attachment.delete()  # the file goes once this commits (receivers.delete_attachment_file)


def _check_applicant(proposal: TopicProposal, user: User) -> None:
    if proposal.applicant_id != user.pk:
        raise PermissionDenied(_("Only the applicant can change a proposal."))


# --- Staff: deadline, review, decision, selection ---------------------------------------


@transaction.atomic
def do_extend_deadline(
    call: CallPage, *, deadline: dt.datetime, by: User | None = None
) -> CallPage:
    """Move the deadline later and publish the call page with it."""
    if timezone.is_naive(deadline):
        deadline = deadline.replace(tzinfo=CALL_TIME_ZONE)
    if call.decisions_published:
        raise ProposalError(
            _("The decisions on this call are published, so its deadline can no longer move.")
        )
    if deadline <= call.deadline:
        raise ProposalError(_("An extended deadline must be later than the current one."))
    call.deadline = deadline
    call.save_revision(user=by).publish(user=by)
    return call


def _domains(*addresses: str) -> set[str]:
    public = app_settings.PUBLIC_MAIL_DOMAINS
    domains = {address.rsplit("@", 1)[-1].lower() for address in addresses if "@" in address}
    return domains - public


def _addresses(user: User) -> list[str]:
    from allauth.account.models import EmailAddress

    return [user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)]


def check_no_conflict(proposal: TopicProposal, reviewer: User) -> None:
    """A reviewer from the applicant's own organisation is refused.

    The organisation is recognised by the applicant's and contact's e-mail domains
    (public mail providers excepted) and by the organisation a reviewer named in a
    proposal of their own.
    """
    if reviewer.pk == proposal.applicant_id:
        raise ConflictOfInterest(_("You cannot review or decide on your own proposal."))
    shared = _domains(*_addresses(reviewer)) & _domains(
        proposal.contact_email, *_addresses(proposal.applicant)
    )
    if shared:
        raise ConflictOfInterest(
            _(
                "You work for the applicant's organisation (%(domain)s), so you cannot review "
                "or decide on this proposal: conflict of interest."
            )
            % {"domain": ", ".join(sorted(shared))}
        )
    organisation = proposal.organisation.strip()
    if (
        organisation
        and TopicProposal.objects.filter(applicant=reviewer, organisation__iexact=organisation)
        .exclude(pk=proposal.pk)
        .exists()
    ):
        raise ConflictOfInterest(
            _(
                "You have proposed topics for %(organisation)s yourself, so you cannot review "
                "or decide on its proposal: conflict of interest."
            )
            % {"organisation": organisation}
        )


def _check_reviewable(proposal: TopicProposal) -> None:
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ProposalError(_("Only submitted proposals are reviewed."))


@transaction.atomic
def do_score(
    proposal: TopicProposal,
    *,
    reviewer: User,
    scores: Mapping[int, tuple[int, str]],
    comment: str = "",
    now: dt.datetime | None = None,
) -> ProposalReview:
    """Record (or change) one reviewer's scores: 0-3 for each of the seven requirements."""
    if not can_review(reviewer):
        raise PermissionDenied(_("You may not review proposals."))
    check_no_conflict(proposal, reviewer)
    _check_reviewable(proposal)
    low, high = SCORE_RANGE
    missing = [str(r.label) for r in Requirement if r.value not in scores]
    if missing:
        raise ProposalError(
            _("Score every requirement; missing: %(m)s.") % {"m": "; ".join(missing)}
        )
    for requirement, (score, _comment) in scores.items():
        if requirement not in Requirement.values or not low <= int(score) <= high:
            raise ProposalError(
                _("Each score is a whole number from %(low)s to %(high)s.")
                % {"low": low, "high": high}
            )
    now = now or timezone.now()
    review, _created = ProposalReview.objects.update_or_create(
        proposal=proposal,
        reviewer=reviewer,
        defaults={
            "comment": comment,
            "total": sum(int(score) for score, _c in scores.values()),
            "updated_at": now,
        },
        create_defaults={
            "comment": comment,
            "total": sum(int(score) for score, _c in scores.values()),
            "created_at": now,
            "updated_at": now,
        },
    )
    review.scores.all().delete()
    RequirementScore.objects.bulk_create(
        RequirementScore(review=review, requirement=r, score=int(s), comment=c.strip())
        for r, (s, c) in sorted(scores.items())
    )
    proposal.refresh_score()
    return review


# A decision the applicant has been told of is final, except "reserve": it is kept
# for the case that a selected host cannot take part, and then changes.
FINAL_ONCE_PUBLISHED = frozenset({Decision.SELECTED, Decision.NOT_SELECTED})


def check_can_change_decision(proposal: TopicProposal) -> None:
    """Refuse to change a decision the applicant has already been told, unless it is
    Reserve: a corrected e-mail after "selected" or "not selected" would undo what the
    applicant (and, for a selection, the public) was told, and a selected topic is a
    learning process with its host by then."""
    if proposal.call.decisions_published and proposal.decision in FINAL_ONCE_PUBLISHED:
        raise ProposalError(
            _(
                "The applicant has been told “%(decision)s” with the call's published "
                "decisions; after publication only a Reserve decision can change."
            )
            % {"decision": proposal.decision_label}
        )


@transaction.atomic
def do_decide(
    proposal: TopicProposal,
    *,
    by: User,
    decision: str,
    reason: str,
    now: dt.datetime | None = None,
) -> TopicProposal:
    """Record that a proposal is selected, kept in reserve or not selected, and why.

    Staff may decide at any time, even while the call is open; nobody outside staff
    learns of it until the call's decisions are published (do_publish_decisions), and
    the proposal stays the applicant's to change or withdraw until the deadline. After
    publication a Reserve decision can still change, and the applicant is told at once.
    """
    if not can_decide(by):
        raise PermissionDenied(_("You may not decide on proposals."))
    check_no_conflict(proposal, by)
    _check_reviewable(proposal)
    if decision not in Decision.values:
        raise ProposalError(_("Choose a decision: selected, reserve or not selected."))
    if not reason.strip():
        raise ProposalError(_("Give a reason: the applicant receives it with the decision."))
    # Locked as do_publish_decisions locks it: a decision saved while the call's decisions
    # are being published is either part of them or sent on its own, never lost.
    proposal.call = _locked_call(proposal.call_id)
    check_can_change_decision(proposal)
    if proposal.learning_process_id and decision != Decision.SELECTED:
        raise ProposalError(
            _("This proposal is already a learning process; its decision cannot change.")
        )
    now = now or timezone.now()
    proposal.decision = decision
    proposal.decision_reason = reason.strip()
    proposal.decided_at = now
    proposal.decided_by = by
    proposal.save(update_fields=["decision", "decision_reason", "decided_at", "decided_by"])
    if proposal.call.decisions_published:
        _announce_decision(proposal, by=by, now=now)
    return proposal


def decision_can_change(proposal: TopicProposal) -> bool:
    try:
        check_can_change_decision(proposal)
    except ProposalError:
        return False
    return True


def _locked_call(call_id: int) -> CallPage:
    return CallPage.objects.select_for_update().get(pk=call_id)


def check_can_publish_decisions(
    call: CallPage,
    *,
    by: User,
    proposals: Sequence[TopicProposal],
    now: dt.datetime | None = None,
) -> None:
    """Publishing is refused to those who may not decide, before the deadline (an
    applicant may still change or withdraw), a second time, with nothing to publish, and
    while a submitted proposal has no decision (its applicant would hear nothing)."""
    if not can_decide(by):
        raise PermissionDenied(_("You may not publish decisions on proposals."))
    if call.decisions_published:
        local = timezone.localtime(call.decisions_published_at, CALL_TIME_ZONE)
        raise ProposalError(
            _(
                "The decisions on the %(year)s call were published on %(date)s; every "
                "applicant has been told."
            )
            % {"year": call.year, "date": date_format(local, "DATE_FORMAT")}
        )
    if call.is_open(now):
        local = call.local_deadline
        raise ProposalError(
            _(
                "The %(year)s call is open until %(date)s at %(time)s (Berlin time): "
                "applicants may still change or withdraw their proposals, so its decisions "
                "can be published only after the deadline."
            )
            % {
                "year": call.year,
                "date": date_format(local, "DATE_FORMAT"),
                "time": f"{local:%H:%M:%S}",
            }
        )
    if not proposals:
        raise ProposalError(
            _("No proposal was submitted to the %(year)s call: there is nothing to publish.")
            % {"year": call.year}
        )
    if undecided := sum(1 for proposal in proposals if not proposal.decision):
        raise ProposalError(
            ngettext(
                "%(count)s submitted proposal has no decision yet. Decide on it first, so "
                "that every applicant is told at the same time.",
                "%(count)s submitted proposals have no decision yet. Decide on them first, "
                "so that every applicant is told at the same time.",
                undecided,
            )
            % {"count": undecided}
        )


@transaction.atomic
def do_publish_decisions(
    call: CallPage, *, by: User, now: dt.datetime | None = None
) -> list[TopicProposal]:
    """Tell every applicant of the call their decision, once, and show the selected topics.

    Each applicant gets one e-mail per proposal through the outbox, in this transaction;
    each selected proposal becomes its draft learning process with its applicant as host
    (do_select_proposal), now rather than when it was decided, because hosting it is
    how the applicant would otherwise learn of it first. The call's row is locked, so
    two clicks on "Publish" publish once.
    """
    call = _locked_call(call.pk)
    proposals = decisions_to_publish(call)
    check_can_publish_decisions(call, by=by, proposals=proposals, now=now)
    now = now or timezone.now()
    call.decisions_published_at = now
    call.decisions_published_by = by
    # Not a page revision: publishing the decisions changes no text of the page, and
    # CallPage.with_content_json keeps the marker when a revision is published later.
    CallPage.objects.filter(pk=call.pk).update(
        decisions_published_at=now, decisions_published_by=by
    )
    for proposal in proposals:
        proposal.call = call
        _announce_decision(proposal, by=by, now=now)
    return proposals


def _announce_decision(proposal: TopicProposal, *, by: User, now: dt.datetime) -> None:
    """The applicant's decision e-mail; a selected proposal first becomes its draft
    learning process, so that the e-mail can tell the applicant they host it."""
    selected = proposal.decision == Decision.SELECTED
    if selected and not proposal.learning_process_id:
        do_select_proposal(proposal, by=by, today=timezone.localdate(now))
    queue_templated_email(
        to=proposal.applicant.email,
        template="learning_processes/email/proposal_decision",
        context={
            "proposal": proposal,
            "decision": proposal.decision_label,
            "selected": selected,
            "reason": proposal.decision_reason,
            "url": absolute_url(reverse("proposals:detail", args=[proposal.pk])),
        },
        purpose="proposal_decision",
    )


def _rich_text(text: str) -> str:
    return linebreaks(text.replace("\r\n", "\n"), autoescape=True) if text.strip() else ""


def _free_slug(parent: LearningProcessIndexPage, title: str, year: int) -> str:
    base = slugify(title)[:70].strip("-") or "learning-process"
    taken = set(LearningProcessPage.objects.child_of(parent).values_list("slug", flat=True))
    for candidate in (base, f"{base}-{year}", *(f"{base}-{year}-{n}" for n in range(2, 100))):
        if candidate not in taken:
            return candidate
    raise ProposalError(_("No free address for the learning process; rename the topic."))


@transaction.atomic
def do_select_proposal(
    proposal: TopicProposal, *, by: User | None, today: dt.date | None = None
) -> LearningProcessPage:
    """The selected proposal becomes a draft learning process, filled from it and linked
    to it both ways; the applicant becomes a host and completes it in the admin."""
    if proposal.learning_process is not None:
        return proposal.learning_process
    index = LearningProcessIndexPage.objects.order_by("path").first()
    if index is None:
        raise ProposalError(_("There is no learning-process index page to add the process to."))
    today = today or timezone.localdate()
    submitted = proposal.submitted_at or proposal.updated_at
    partners = [p for p in proposal.partners.all() if p.name and p.country]
    page = LearningProcessPage(
        title=proposal.title,
        slug=_free_slug(index, proposal.title, proposal.call.year),
        topic_field=proposal.topic_field,
        year=proposal.call.year,
        summary=Truncator(proposal.topic_background.replace("\r\n", "\n").split("\n\n")[0]).chars(
            600
        ),
        background=_rich_text(proposal.topic_background),
        learning_goals=_rich_text(proposal.learning_and_contribution),
        contribution=_rich_text(
            "\n\n".join(t for t in (proposal.knowledge_transfer, proposal.further_goals) if t)
        ),
        host_name=proposal.organisation,
        host_type=proposal.organisation_type or HostType.CITY,
        host_city=proposal.city,
        contact_name=proposal.contact_name,
        contact_position=proposal.contact_position,
        contact_email=proposal.contact_email,
        proposed_on=timezone.localdate(submitted, CALL_TIME_ZONE),
        selected_on=today,
        live=False,
        partners=[
            PartnerMunicipality(name=p.name, country=code_of(p.country), sort_order=i)
            for i, p in enumerate(partners)
        ],
        sdgs=list(proposal.sdgs.all()),
    )
    index.add_child(instance=page)
    page.save_revision(user=by, clean=False)
    proposal.learning_process = page
    proposal.save(update_fields=["learning_process"])
    do_add_host(page, proposal.applicant)
    return page
