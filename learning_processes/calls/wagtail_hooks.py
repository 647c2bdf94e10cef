"""The review of topic proposals in the Wagtail admin, for Connective Cities staff.

A read-only listing (filters by call, topic field, status, decision and score; the
mean score and the rank; CSV export) whose rows link to the inspect view with the
reviews and offer Score and Decide in Wagtail's "More" menu; forms of our own for a
reviewer's scores and the decision; and the confirmation that publishes a closed
call's decisions to its applicants. Proposals are never edited here: they are the
applicant's text. Drafts are not listed: they are unfinished.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.functional import Promise, cached_property, lazy
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from learning_processes.calls import actions, permissions, selectors
from learning_processes.calls.forms import DecisionForm, ReviewForm
from learning_processes.calls.models import (
    MAX_TOTAL,
    CallPage,
    Decision,
    ProposalReview,
    ProposalStatus,
    Requirement,
    TopicProposal,
)
from learning_processes.models import TopicField

SCORE_BANDS = [
    ("unscored", _("Not scored yet")),
    ("0-6", "0–6"),
    ("7-13", "7–13"),
    ("14-21", "14–21"),
]


class ReviewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Staff view, score and decide; nobody adds, edits or deletes a proposal here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(TopicProposal, ReviewOnlyPermissionPolicy(TopicProposal))


class ProposalFilterSet(WagtailFilterSet):
    call = ModelChoiceFilter(label=_("Call"), queryset=CallPage.objects.order_by("-year"))
    topic_field = ModelChoiceFilter(label=_("Topic field"), queryset=TopicField.objects.all())
    status = ChoiceFilter(
        label=_("Status"),
        choices=[(s.value, s.label) for s in ProposalStatus if s != ProposalStatus.DRAFT],
    )
    decision = ChoiceFilter(
        label=_("Decision"),
        choices=[("none", _("Not decided yet")), *Decision.choices],
        method="filter_decision",
    )
    score = ChoiceFilter(label=_("Mean score"), choices=SCORE_BANDS, method="filter_score")

    class Meta:
        model = TopicProposal
        fields = ["call", "topic_field", "status"]

    def filter_decision(self, queryset, name, value):
        return queryset.filter(decision="" if value == "none" else value)

    def filter_score(self, queryset, name, value):
        if value == "unscored":
            return queryset.filter(score__isnull=True)
        low, high = (int(n) for n in value.split("-"))
        # Bands meet at whole numbers; a mean of 6.5 belongs to the upper band.
        return (
            queryset.filter(score__gt=low - 1, score__lte=high)
            if low
            else (queryset.filter(score__lte=high))
        )


# Translated when the export is written, in the language of whoever asks for it.
_requirement_heading = lazy(lambda n: gettext("Requirement %(n)s (0-3)") % {"n": n}, str)


def _score(proposal: TopicProposal) -> str:
    score = getattr(proposal, "score", None)
    return "–" if score is None else f"{score:.1f} / {MAX_TOTAL}"


def _decision(proposal: TopicProposal) -> str:
    """The decision as staff need it: whether the applicant knows it yet, too. A withdrawn
    proposal's applicant is never told one, so the column says it was withdrawn."""
    if proposal.status == ProposalStatus.WITHDRAWN:
        return str(ProposalStatus.WITHDRAWN.label)
    if not proposal.decision:
        return "–"
    if proposal.call.decisions_published:
        return str(proposal.decision_label)
    return gettext("%(decision)s (not published)") % {"decision": proposal.decision_label}


NULLS_LAST_ORDERINGS = {"rank", "-rank", "score", "-score"}

# A cell starting with one of these is read as a formula by Excel, LibreOffice and
# Google Sheets, even after leading spaces (OWASP, "CSV Injection"); a proposal's
# title, organisation or partner names are the applicant's text, sent to staff.
FORMULA_STARTS = frozenset("=+-@\t\r")


def spreadsheet_safe(value: Any) -> Any:
    """The value for a CSV cell: text that could start a formula gets a single quote in
    front, so that spreadsheet programs show it as text; numbers are left as they are."""
    if not isinstance(value, str):
        return value
    leading = value[: len(value) - len(value.lstrip())]
    first = value.lstrip()[:1]
    if first in FORMULA_STARTS or not FORMULA_STARTS.isdisjoint(leading):
        return "'" + value
    return value


class ProposalIndexView(IndexView):
    default_ordering = "rank"

    def get_base_queryset(self):
        queryset = (
            super()
            .get_base_queryset()
            .exclude(status=ProposalStatus.DRAFT)
            .select_related("call", "topic_field", "applicant")
            .with_rank()
        )
        if getattr(self, "is_export", False):
            # The export's columns; the table shows neither.
            queryset = queryset.prefetch_related("partners", "sdgs").with_requirement_scores()
        return queryset

    def order_queryset(self, queryset):
        if self.ordering in NULLS_LAST_ORDERINGS:
            field = self.ordering.lstrip("-")
            expression = F(field).desc if self.ordering.startswith("-") else F(field).asc
            return queryset.order_by(
                F("call__year").desc(), expression(nulls_last=True), "submitted_at", "pk"
            )
        return super().order_queryset(queryset)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # XML 1.0 has no control characters, and openpyxl refuses a cell holding one; a
        # line break pasted from a word processor (U+000B) must not stop the export.
        return super().generate_xlsx_row(
            worksheet,
            {
                field: ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
                for field, value in row_dict.items()
            },
            date_format=date_format,
        )

    def write_csv_row(self, writer, row_dict):
        # Every cell, through one function. The XLSX export needs none: Wagtail writes
        # text there as text cells, which never run as formulas.
        return writer.writerow(
            {
                field: spreadsheet_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    @cached_property
    def columns(self):
        # As Wagtail's own listings with columns of their own do (its API tokens, its
        # users): the first column is a title column that links each row, here to the
        # proposal, and carries the row's "More" menu (get_list_more_buttons). Seven
        # columns, so that the table fits 1280 pixels in German too: topic field and
        # status are filters (and in the export), a withdrawal shows as the decision.
        title = self._get_title_column_class(TitleColumn)(
            "title",
            label=_("Technical topic"),
            accessor="__str__",
            sort_key="title",
            get_url=self.get_inspect_url,
        )
        return [
            title,
            Column("organisation", label=_("Applicant"), sort_key="organisation"),
            Column("call", label=_("Call"), accessor="call.year", sort_key="call__year"),
            Column("review_count", label=_("Reviews"), sort_key="review_count"),
            Column(
                "score",
                label=pgettext_lazy("listing column", "Mean score"),
                accessor=_score,
                sort_key="score",
            ),
            Column("rank", label=_("Rank"), sort_key="rank"),
            Column("decision", label=_("Decision"), accessor=_decision, sort_key="decision"),
        ]

    @cached_property
    def header_buttons(self):
        """ "Publish decisions" for each closed call whose decisions are not published."""
        buttons = list(super().header_buttons)
        if not permissions.can_decide(self.request.user):
            return buttons
        calls = selectors.calls_awaiting_publication()
        # Usually one call waits; the year is named only when it must tell calls apart,
        # which keeps the header's title in view on a phone.
        buttons.extend(
            HeaderButton(
                _("Publish decisions (%(year)s)") % {"year": call.year}
                if len(calls) > 1
                else _("Publish decisions"),
                url=reverse("topic_proposals:publish", args=[call.pk]),
                icon_name="mail",
            )
            for call in calls
        )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.status != ProposalStatus.SUBMITTED:
            return buttons
        if permissions.can_review(self.request.user):
            buttons.append(
                MenuItem(
                    _("Score"),
                    url=reverse("topic_proposals:score", args=[instance.pk]),
                    icon_name="edit",
                    priority=5,
                )
            )
        if permissions.can_decide(self.request.user) and actions.decision_can_change(instance):
            buttons.append(
                MenuItem(
                    _("Decide"),
                    url=reverse("topic_proposals:decide", args=[instance.pk]),
                    icon_name="success",
                    priority=6,
                )
            )
        return buttons


class ProposalInspectView(InspectView):
    template_name = "learning_processes/admin/proposal_inspect.html"

    def get_object(self, queryset=None):
        # A draft is the applicant's unfinished work: not for review.
        return _reviewable(self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = TopicProposal.objects.with_rank().get(pk=self.object.pk)
        reviews = list(
            ProposalReview.objects.filter(proposal=proposal)
            .select_related("reviewer")
            .prefetch_related("scores")
            .order_by("created_at")
        )
        user = self.request.user
        conflict = None
        try:
            actions.check_no_conflict(proposal, user)
        except actions.ConflictOfInterest as error:
            conflict = error.message
        context.update(
            proposal=proposal,
            score=_score(proposal),
            reviews=reviews,
            requirements=list(Requirement),
            partners=list(proposal.partners.all()),
            sdgs=list(proposal.sdgs.all()),
            attachments=list(proposal.attachments.all()),
            conflict=conflict,
            can_score=permissions.can_review(user)
            and not conflict
            and proposal.status == ProposalStatus.SUBMITTED,
            can_decide=permissions.can_decide(user)
            and not conflict
            and proposal.status == ProposalStatus.SUBMITTED
            and actions.decision_can_change(proposal),
            publication=_publication(proposal.call, user),
        )
        return context


def _publication(call: CallPage, user) -> dict[str, Any]:
    """Where the call's decisions stand, for the notes on the inspect and decide pages."""
    can_publish = (
        permissions.can_decide(user) and not call.decisions_published and not call.is_open()
    )
    return {
        "call": call,
        "published": call.decisions_published,
        "is_open": call.is_open(),
        "url": reverse("topic_proposals:publish", args=[call.pk]) if can_publish else "",
    }


def _reviewable(pk: int) -> TopicProposal:
    return get_object_or_404(
        TopicProposal.objects.select_related("call", "applicant").exclude(
            status=ProposalStatus.DRAFT
        ),
        pk=pk,
    )


def score_view(request, pk: int):
    """One reviewer's scores for one proposal; refused for a conflict of interest."""
    if not permissions.can_review(request.user):
        raise PermissionDenied
    proposal = _reviewable(pk)
    inspect_url = reverse("topic_proposals:inspect", args=[proposal.pk])
    try:
        actions.check_no_conflict(proposal, request.user)
    except actions.ConflictOfInterest as error:
        messages.error(request, error.message)
        return redirect(inspect_url)
    review = (
        ProposalReview.objects.filter(proposal=proposal, reviewer=request.user)
        .prefetch_related("scores")
        .first()
    )
    initial: dict[str, Any] = {}
    if review:
        initial["comment"] = review.comment
        for score in review.scores.all():
            initial[f"score_{score.requirement}"] = score.score
            initial[f"comment_{score.requirement}"] = score.comment
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_score(
                proposal,
                reviewer=request.user,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except actions.ProposalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your scores for “%(p)s” are saved.") % {"p": proposal})
            return redirect(inspect_url)
    return render(
        request,
        "learning_processes/admin/score.html",
        {
            "proposal": proposal,
            "form": form,
            "inspect_url": inspect_url,
            "header_title": _("Score: %(p)s") % {"p": proposal},
            "page_title": _("Score a proposal"),
            "page_subtitle": str(proposal),
            "header_icon": "edit",
        },
    )


def decide_view(request, pk: int):
    if not permissions.can_decide(request.user):
        raise PermissionDenied
    proposal = _reviewable(pk)
    inspect_url = reverse("topic_proposals:inspect", args=[proposal.pk])
    form = DecisionForm(
        request.POST or None,
        initial={"decision": proposal.decision, "reason": proposal.decision_reason},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_decide(
                proposal,
                by=request.user,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except (actions.ProposalError, actions.ConflictOfInterest) as error:
            messages.error(request, error.message)
        else:
            proposal.refresh_from_db()
            text: str | Promise
            if not proposal.call.decisions_published:
                text = _(
                    "Decision saved. The applicant is told when the decisions on the "
                    "%(year)s call are published."
                ) % {"year": proposal.call.year}
            elif proposal.learning_process:
                text = _(
                    "Decision saved and sent to the applicant; the draft learning process "
                    "“%(title)s” was created from the proposal."
                ) % {"title": proposal.learning_process.title}
            else:
                text = _("Decision saved and sent to the applicant.")
            messages.success(request, text)
            return redirect(inspect_url)
    return render(
        request,
        "learning_processes/admin/decide.html",
        {
            "proposal": proposal,
            "form": form,
            "inspect_url": inspect_url,
            "ranking": selectors.ranking(proposal.call),
            "publication": _publication(proposal.call, request.user),
            "header_title": _("Decide: %(p)s") % {"p": proposal},
            "page_title": _("Decide on a proposal"),
            "page_subtitle": str(proposal),
            "header_icon": "success",
        },
    )


def publish_view(request, call_pk: int):
    """Confirm, then publish a closed call's decisions: each applicant is told by e-mail."""
    if not permissions.can_decide(request.user):
        raise PermissionDenied
    call = get_object_or_404(CallPage, pk=call_pk)
    index_url = reverse("topic_proposals:index") + f"?call={call.pk}"
    if request.method == "POST":
        try:
            published = actions.do_publish_decisions(call, by=request.user)
        except actions.ProposalError as error:
            messages.error(request, error.message)
            return redirect("topic_proposals:publish", call.pk)
        text = ngettext(
            "The decisions on the %(year)s call are published: %(count)s e-mail to an "
            "applicant is on its way.",
            "The decisions on the %(year)s call are published: %(count)s e-mails to "
            "applicants are on their way.",
            len(published),
        ) % {"year": call.year, "count": len(published)}
        created = [p.learning_process.title for p in published if p.learning_process]
        if created:
            text += " " + gettext(
                "Draft learning processes created from the selected proposals: %(titles)s."
            ) % {"titles": "; ".join(f"“{title}”" for title in created)}
        messages.success(request, text)
        return redirect(index_url)
    proposals = selectors.decisions_to_publish(call)
    try:
        actions.check_can_publish_decisions(call, by=request.user, proposals=proposals)
    except actions.ProposalError as error:
        problem = error.message
    else:
        problem = ""
    applicants = len({proposal.applicant_id for proposal in proposals})
    return render(
        request,
        "learning_processes/admin/publish_decisions.html",
        {
            "call": call,
            "proposals": proposals,
            "applicants": applicants,
            "problem": problem,
            "undecided": any(not proposal.decision for proposal in proposals),
            "index_url": index_url,
            "header_title": _("Publish the decisions on the %(year)s call") % {"year": call.year},
            "page_title": _("Publish decisions"),
            "page_subtitle": str(call.year),
            "header_icon": "mail",
        },
    )


class TopicProposalViewSet(ModelViewSet):
    model = TopicProposal
    icon = "doc-full-inverse"
    menu_label = _("Topic proposals")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ProposalIndexView
    inspect_view_class = ProposalInspectView
    filterset_class = ProposalFilterSet
    form_fields = ["decision_reason"]  # never shown: the policy refuses add and change
    list_export = [
        "pk",
        "call.year",
        "title",
        "organisation",
        "get_organisation_type_display",
        "city",
        "contact_name",
        "contact_email",
        "topic_field",
        "sdg_numbers",
        "partner_countries",
        "get_status_display",
        "submitted_at_local",
        "review_count",
        "score",
        "rank",
        *(f"requirement_{r.value}" for r in Requirement),
        "get_decision_display",
        "decision_reason",
    ]
    export_headings = {
        "pk": _("ID"),
        "call.year": _("Call"),
        "title": _("Technical topic"),
        "get_organisation_type_display": _("Type of organisation"),
        "topic_field": _("Topic field"),
        "sdg_numbers": _("SDGs"),
        "partner_countries": _("Partners"),
        "get_status_display": _("Status"),
        "submitted_at_local": _("Submitted (Berlin time)"),
        "review_count": _("Reviews"),
        "score": _("Mean score (0-21)"),
        "rank": _("Rank"),
        **{f"requirement_{r.value}": _requirement_heading(r.value) for r in Requirement},
        "get_decision_display": _("Decision"),
    }
    export_filename = "topic-proposals"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("score/<id:pk>/", score_view, name="score"),
            path("decide/<id:pk>/", decide_view, name="decide"),
            path("publish/<id:call_pk>/", publish_view, name="publish"),
        ]


topic_proposal_viewset = TopicProposalViewSet("topic_proposals", url_prefix="topic-proposals")


@hooks.register("register_admin_viewset")
def register_topic_proposal_viewset():
    return topic_proposal_viewset
