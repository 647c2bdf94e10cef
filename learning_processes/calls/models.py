"""The annual call for topic proposals, its proposals and their review.

Tree: Home → CallIndexPage (/calls/) → CallPage (/calls/2026/). A TopicProposal
belongs to one call and one applicant; staff review it in the Wagtail admin
(ProposalReview, one RequirementScore per requirement) and decide on it. A selected
proposal becomes a draft LearningProcessPage, linked through `learning_process`.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Case, Count, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from learning_processes.app_settings import app_settings
from learning_processes.countries import MunicipalCountries, code_of
from learning_processes.models.processes import HostType

CALL_TIME_ZONE = ZoneInfo("Europe/Berlin")


def end_of_day(day: dt.date) -> dt.datetime:
    """The last second of a calendar day in Berlin, daylight saving included."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=CALL_TIME_ZONE)


class Requirement(models.IntegerChoices):
    """The seven requirements every proposal is evaluated against (MISSION.md)."""

    MULTILATERAL = 1, _("Aims at a multilateral exchange with German and international actors")
    RELEVANCE = 2, _("High development-policy relevance in Germany and the Global South")
    MUNICIPAL_LEVEL = 3, _("Topic and know-how sit primarily at municipal level")
    INNOVATION = 4, _("Innovative, or spreads innovative approaches to the 2030 Agenda locally")
    PARTNERS = 5, _("Municipal actors from at least two other countries, one in the Global South")
    FOLLOW_UP = 6, _("Willingness to take part in follow-up activities")
    BACKING = 7, _("The topic and the engagement are backed by the municipality")


SCORE_RANGE = (0, 3)
MAX_TOTAL = SCORE_RANGE[1] * len(Requirement)


class CallStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    DECIDED = "decided", _("Decided")


class CallIndexPage(Page):
    """/calls/: every annual call, the newest first."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning_processes.CallPage"]
    max_count = 1

    class Meta:
        verbose_name = _("call index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calls"] = CallPage.objects.child_of(self).live().public().order_by("-year")
        return context


class CallPage(Page):
    """One year's call for topic proposals, e.g. /calls/2026/.

    Open until `deadline` (an aware datetime, shown in Berlin time), closed after
    it, decided once staff have published its decisions. Until then a recorded
    decision is for staff only: applicants and visitors see it from
    `decisions_published_at` on (actions.do_publish_decisions).
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    description = RichTextField(_("description"), blank=True)
    deadline = models.DateTimeField(
        _("deadline"),
        help_text=_("The last second at which proposals are accepted, in Berlin time."),
    )
    selection_expected = models.DateField(_("expected selection date"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    decisions_published_at = models.DateTimeField(
        _("decisions published"), null=True, blank=True, editable=False
    )
    decisions_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decisions published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("deadline")], heading=_("Call")),
        FieldPanel("selection_expected"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
    ]
    parent_page_types = ["learning_processes.CallIndexPage"]
    subpage_types: list[str] = []

    # A new year's call starts unpublished, whichever call it was copied from.
    exclude_fields_in_copy = ["decisions_published_at", "decisions_published_by"]

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")

    def with_content_json(self, content):
        """A page revision restores the page's fields, but publishing the decisions is a
        fact about the call, not about one version of its text: publishing an older
        revision (or an edit begun before the decisions were published) keeps it, so
        that applicants are never told twice."""
        page = super().with_content_json(content)
        # Read from the database, not from `self`: the instance at hand (a revision keeps
        # the page it was loaded with) may predate the publication.
        marker = (
            CallPage.objects.filter(pk=self.pk)
            .values_list("decisions_published_at", "decisions_published_by")
            .first()
        )
        if marker:
            page.decisions_published_at, page.decisions_published_by_id = marker
        return page

    @property
    def decisions_published(self) -> bool:
        return self.decisions_published_at is not None

    def is_open(self, now: dt.datetime | None = None) -> bool:
        """Exact to the second: the deadline's own second still counts."""
        now = (now or timezone.now()).replace(microsecond=0)
        return now <= self.deadline

    def status(self, now: dt.datetime | None = None) -> str:
        if self.is_open(now):
            return CallStatus.OPEN.value
        if self.decisions_published:
            return CallStatus.DECIDED.value
        return CallStatus.CLOSED.value

    @property
    def local_deadline(self) -> dt.datetime:
        return timezone.localtime(self.deadline, CALL_TIME_ZONE)

    @property
    def requirements(self) -> list[tuple[int, str | Promise]]:
        return list(Requirement.choices)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        status = self.status(now)
        context.update(
            status=status,
            status_label=CallStatus(status).label,
            is_open=status == CallStatus.OPEN,
            now=now,
            countdown=countdown(self.deadline, now),
            own_proposals=(
                list(
                    self.proposals.filter(applicant=request.user)
                    .select_related("call")
                    .order_by("-updated_at")
                )
                if request.user.is_authenticated
                else []
            ),
            # Not before the decisions are published: until then they are staff's alone.
            selected=(
                list(
                    self.proposals.filter(
                        status=ProposalStatus.SUBMITTED, decision=Decision.SELECTED
                    )
                    .select_related("learning_process")
                    .order_by("title")
                )
                if self.decisions_published
                else []
            ),
        )
        return context


def countdown(deadline: dt.datetime, now: dt.datetime) -> dict[str, int]:
    """Days, hours, minutes and seconds until the deadline's last second has passed."""
    left = max(0, int((deadline - now).total_seconds()) + 1)
    days, rest = divmod(left, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    return {"days": days, "hours": hours, "minutes": minutes, "seconds": seconds}


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Decision(models.TextChoices):
    SELECTED = "selected", _("Selected")
    RESERVE = "reserve", _("Reserve")
    NOT_SELECTED = "not_selected", _("Not selected")


# The four text sections of the proposal form, in the form's order; together they
# must fit the character budget (app_settings.TEXT_BUDGET).
SECTIONS = ("topic_background", "learning_and_contribution", "knowledge_transfer", "further_goals")

# Fields the applicant fills in, in the form's order (sdgs and partners come apart).
PROPOSAL_FIELDS = (
    "organisation",
    "organisation_type",
    "city",
    "contact_name",
    "contact_position",
    "contact_email",
    "contact_phone",
    "title",
    *SECTIONS,
    "topic_field",
    "confirms_backing",
    "confirms_follow_up",
)


class TopicProposalQuerySet(models.QuerySet):
    def with_rank(self) -> "TopicProposalQuerySet":
        """Annotate `rank`: 1 + the number of submitted proposals of the same call with a
        higher mean score, so ties share a rank. Unscored or unsubmitted proposals have
        none. One count over the indexed (call, status, score) per row."""
        higher = (
            TopicProposal.objects.filter(
                call=OuterRef("call"), status=ProposalStatus.SUBMITTED, score__gt=OuterRef("score")
            )
            .order_by()
            .values("call")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        )
        return self.annotate(
            rank=Case(
                When(
                    Q(status=ProposalStatus.SUBMITTED, score__isnull=False),
                    then=Coalesce(Subquery(higher, output_field=models.IntegerField()), 0) + 1,
                ),
                default=None,
                output_field=models.IntegerField(),
            )
        )

    def with_requirement_scores(self) -> "TopicProposalQuerySet":
        """Annotate `requirement_<n>`: each requirement's mean score over the reviews."""
        annotations = {}
        for requirement in Requirement:
            scores = RequirementScore.objects.filter(
                review__proposal=OuterRef("pk"), requirement=requirement.value
            ).order_by()
            annotations[f"requirement_{requirement.value}"] = Subquery(
                scores.values("requirement").annotate(mean=Avg("score")).values("mean")[:1],
                output_field=models.FloatField(),
            )
        return self.annotate(**annotations)


@deconstructible
class PrivateProposalStorage(FileSystemStorage):
    """Attachments live outside MEDIA_ROOT and have no URL; a view checks who asks."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    # Read on each use, not cached, so a changed setting (or a test's) takes effect.
    @property
    def base_location(self):
        return str(app_settings.FILES_ROOT)

    @property
    def location(self):
        return str(app_settings.FILES_ROOT.resolve())

    def url(self, name):
        raise ValueError("Proposal attachments have no public URL.")

    def __eq__(self, other) -> bool:
        return isinstance(other, PrivateProposalStorage)

    def __hash__(self) -> int:
        return hash(type(self))


class TopicProposal(models.Model):
    """A German municipality's or municipal company's proposal of a topic for a
    learning process, written on the platform instead of the old e-mailed form.

    Fields may be empty while it is a draft; `actions.check_proposal` holds the
    rules a submitted proposal meets.
    """

    call = models.ForeignKey(
        CallPage, verbose_name=_("call"), on_delete=models.PROTECT, related_name="proposals"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="topic_proposals",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    organisation = models.CharField(_("municipality or company"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=30, choices=HostType.choices, blank=True
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    contact_name = models.CharField(_("responsible contact person"), max_length=120, blank=True)
    contact_position = models.CharField(
        _("position of the contact person"), max_length=160, blank=True
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    title = models.CharField(_("technical topic"), max_length=200, blank=True)
    topic_background = models.TextField(_("the topic and its background"), blank=True)
    learning_and_contribution = models.TextField(
        _("what you want to learn and can contribute"), blank=True
    )
    knowledge_transfer = models.TextField(
        _("contribution to knowledge transfer and competence building"), blank=True
    )
    further_goals = models.TextField(_("further goals of the exchange"), blank=True)
    topic_field = models.ForeignKey(
        "learning_processes.TopicField",
        verbose_name=_("topic field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    sdgs = models.ManyToManyField(
        "learning_processes.SustainableDevelopmentGoal",
        verbose_name=_("SDGs"),
        blank=True,
        related_name="proposals",
    )
    confirms_backing = models.BooleanField(
        _("the municipality's leadership backs the topic and the engagement"), default=False
    )
    confirms_follow_up = models.BooleanField(
        _("we will take part in follow-up activities after the dialogue event"), default=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The mean of the reviewers' totals (0-21) and their number, kept by
    # actions.do_score so that listings filter, sort and rank by them in SQL.
    score = models.FloatField(_("mean score"), null=True, blank=True, editable=False)
    review_count = models.PositiveSmallIntegerField(_("reviews"), default=0, editable=False)
    learning_process = models.OneToOneField(
        "learning_processes.LearningProcessPage",
        verbose_name=_("learning process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )

    objects = TopicProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")
        ordering = ["-updated_at"]
        permissions = [
            ("review_topicproposal", _("Can score topic proposals")),
            ("decide_topicproposal", _("Can decide on topic proposals")),
        ]
        indexes = [
            models.Index(fields=["call", "status"], name="lp_proposal_call_status"),
            models.Index(fields=["call", "status", "score"], name="lp_proposal_ranking"),
        ]

    def __str__(self) -> str:
        return self.title or str(_("Untitled proposal"))

    def refresh_score(self) -> None:
        """Recompute the mean score and the number of reviews from the reviews."""
        summary = self.reviews.aggregate(mean=Avg("total"), count=Count("pk"))
        self.score, self.review_count = summary["mean"], summary["count"]
        TopicProposal.objects.filter(pk=self.pk).update(
            score=self.score, review_count=self.review_count
        )

    @property
    def section_characters(self) -> int:
        return sum(count_characters(getattr(self, name)) for name in SECTIONS)

    @property
    def status_label(self) -> str | Promise:
        return ProposalStatus(self.status).label

    @property
    def decision_label(self) -> str | Promise:
        return Decision(self.decision).label if self.decision else ""

    @property
    def decision_is_published(self) -> bool:
        """Whether the applicant (and, for a selection, the public) may know the decision:
        once the call's decisions are published, and never for a withdrawn proposal."""
        return (
            bool(self.decision)
            and self.status == ProposalStatus.SUBMITTED
            and self.call.decisions_published
        )

    @property
    def decision_published_at(self) -> dt.datetime | None:
        """When the applicant was told: the call's publication, or a later change of a
        reserve decision (actions.do_decide)."""
        if not self.decision_is_published:
            return None
        return max(filter(None, (self.call.decisions_published_at, self.decided_at)))

    def is_editable(self, now: dt.datetime | None = None) -> bool:
        """Until the deadline, unless withdrawn. A decision staff recorded early does not
        lock it: a locked proposal would tell the applicant before the call's decisions
        are published (actions.check_editable holds the same rule)."""
        return (
            self.status != ProposalStatus.WITHDRAWN
            and self.call.is_open(now)
            and not self.call.decisions_published
        )

    @property
    def submitted_at_local(self) -> str:
        """For the CSV export: the submission time in Berlin, to the second."""
        if not self.submitted_at:
            return ""
        return f"{timezone.localtime(self.submitted_at, CALL_TIME_ZONE):%Y-%m-%d %H:%M:%S}"

    @property
    def sdg_numbers(self) -> str:
        """For the CSV export: '6, 11, 12'."""
        return ", ".join(str(goal.number) for goal in self.sdgs.all())

    @property
    def partner_countries(self) -> str:
        """For the CSV export: 'Accra (GH); Lyon (FR)'."""
        return "; ".join(str(partner) for partner in self.partners.all())


def count_characters(text: str | None) -> int:
    """Characters as the applicant sees them: a line break is one, whatever the browser sent."""
    return len((text or "").replace("\r\n", "\n"))


class ProposedPartner(models.Model):
    """A partner municipality the applicant proposes; copied to PartnerMunicipality
    when the proposal becomes a learning process."""

    proposal = models.ForeignKey(TopicProposal, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("municipality"), max_length=160, blank=True)
    country = CountryField(_("country"), blank=True, countries=MunicipalCountries)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("proposed partner")
        verbose_name_plural = _("proposed partners")

    def __str__(self) -> str:
        return f"{self.name} ({code_of(self.country)})" if self.country else self.name


def attachment_path(instance: "ProposalAttachment", filename: str) -> str:
    # The stored name never comes from the applicant; the original is kept in a field.
    return f"proposals/{instance.proposal_id}/{timezone.now():%Y%m%d%H%M%S%f}.pdf"


class ProposalAttachment(models.Model):
    """A PDF the applicant adds to the proposal; stored privately."""

    proposal = models.ForeignKey(
        TopicProposal, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=PrivateProposalStorage(), max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class ProposalReview(models.Model):
    """One reviewer's assessment of one proposal: a score per requirement."""

    proposal = models.ForeignKey(TopicProposal, on_delete=models.CASCADE, related_name="reviews")
    # A reviewer who deletes their account leaves their scores behind, without their name,
    # so that a ranking does not change after the fact.
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposal_reviews",
    )
    comment = models.TextField(_("overall comment"), blank=True)
    # The sum of the seven scores, kept with the review so that listings sort and
    # filter by it in SQL.
    total = models.PositiveSmallIntegerField(_("total"), default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="lp_one_review_each")
        ]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.total}/{MAX_TOTAL}"


class RequirementScore(models.Model):
    review = models.ForeignKey(ProposalReview, on_delete=models.CASCADE, related_name="scores")
    requirement = models.PositiveSmallIntegerField(_("requirement"), choices=Requirement.choices)
    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(SCORE_RANGE[0]), MaxValueValidator(SCORE_RANGE[1])],
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["requirement"]
        constraints = [
            models.UniqueConstraint(fields=["review", "requirement"], name="lp_one_score_each"),
            models.CheckConstraint(
                condition=models.Q(score__lte=SCORE_RANGE[1]), name="lp_score_at_most_3"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_requirement_display()}: {self.score}"
