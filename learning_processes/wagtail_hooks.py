"""The review of topic proposals in the Wagtail admin, for Connective Cities staff.

A read-only listing (filters by call, topic field, status, decision and score; the
mean score and the rank; CSV export), an inspect view with the reviews, and two
forms of our own: a reviewer's scores and the decision. Proposals are never edited
here: they are the applicant's text. Drafts are not listed: they are unfinished.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from learning_processes import actions
from learning_processes.forms import DecisionForm, ReviewForm
from learning_processes.models import CallPage, ProposalReview, TopicField, TopicProposal
from learning_processes.models.calls import MAX_TOTAL, Decision, ProposalStatus, Requirement

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
            .prefetch_related("partners", "sdgs")
            .with_rank()
        )
        if getattr(self, "is_export", False):
            queryset = queryset.with_requirement_scores()
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

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if actions.can_review(self.request.user) and instance.status == ProposalStatus.SUBMITTED:
            buttons.append(
                MenuItem(
                    _("Score"),
                    url=reverse("topic_proposals:score", args=[instance.pk]),
                    icon_name="edit",
                    priority=5,
                )
            )
        if actions.can_decide(self.request.user) and instance.status == ProposalStatus.SUBMITTED:
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
            can_score=actions.can_review(user)
            and not conflict
            and proposal.status == ProposalStatus.SUBMITTED,
            can_decide=actions.can_decide(user)
            and not conflict
            and proposal.status == ProposalStatus.SUBMITTED,
        )
        return context


def _reviewable(pk: int) -> TopicProposal:
    return get_object_or_404(
        TopicProposal.objects.select_related("call", "applicant").exclude(
            status=ProposalStatus.DRAFT
        ),
        pk=pk,
    )


def score_view(request, pk: int):
    """One reviewer's scores for one proposal; refused for a conflict of interest."""
    if not actions.can_review(request.user):
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
    initial = {}
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
    if not actions.can_decide(request.user):
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
            text = _("Decision saved and sent to the applicant.")
            if proposal.learning_process_id:
                text = _(
                    "Decision saved and sent to the applicant; the draft learning process "
                    "“%(title)s” was created from the proposal."
                ) % {"title": proposal.learning_process.title}
            messages.success(request, text)
            return redirect(inspect_url)
    return render(
        request,
        "learning_processes/admin/decide.html",
        {
            "proposal": proposal,
            "form": form,
            "inspect_url": inspect_url,
            "ranking": actions.ranking(proposal.call),
            "header_title": _("Decide: %(p)s") % {"p": proposal},
            "page_title": _("Decide on a proposal"),
            "page_subtitle": str(proposal),
            "header_icon": "success",
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
    list_display = [
        Column("title", label=_("Technical topic"), accessor="__str__", sort_key="title"),
        Column("organisation", label=_("Applicant"), sort_key="organisation"),
        Column("call", label=_("Call"), accessor="call.year", sort_key="call__year"),
        Column("topic_field", label=_("Topic field"), accessor="topic_field"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("review_count", label=_("Reviews"), sort_key="review_count"),
        Column("score", label=_("Mean score"), accessor=_score, sort_key="score"),
        Column("rank", label=_("Rank"), sort_key="rank"),
        Column("decision", label=_("Decision"), accessor="get_decision_display"),
    ]
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
            path("score/<int:pk>/", score_view, name="score"),
            path("decide/<int:pk>/", decide_view, name="decide"),
        ]


topic_proposal_viewset = TopicProposalViewSet("topic_proposals", url_prefix="topic-proposals")


@hooks.register("register_admin_viewset")
def register_topic_proposal_viewset():
    return topic_proposal_viewset
