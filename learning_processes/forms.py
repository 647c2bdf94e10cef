"""The proposal form, its partner rows and the staff forms for scoring and deciding.

Every field of the proposal form is optional here: a draft may be incomplete. The
rules of a submitted proposal live in `actions.check_proposal`, and the view puts
their messages on these fields, so the two never disagree.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from learning_processes import app_settings
from learning_processes.actions import PROPOSAL_FIELDS
from learning_processes.models import SustainableDevelopmentGoal, TopicProposal
from learning_processes.models.calls import SCORE_RANGE, SECTIONS, Decision, Requirement

MIN_PARTNER_ROWS = 4
EMPTY_PARTNER_ROWS = 2

SECTION_HELP = {
    "topic_background": _("The challenges and opportunities behind the topic."),
    "learning_and_contribution": _(
        "What your municipality wants to learn from the exchange, and what it can contribute."
    ),
    "knowledge_transfer": _(
        "How the exchange builds knowledge and competence in the participating international "
        "and German municipalities."
    ),
    "further_goals": _("Optional: e.g. finding a solution for a local challenge."),
}


class ProposalForm(forms.ModelForm):
    sdgs = forms.ModelMultipleChoiceField(
        label=_("SDGs the topic serves"),
        queryset=SustainableDevelopmentGoal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    attachment = forms.FileField(
        label=_("Add a PDF attachment"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    class Meta:
        model = TopicProposal
        fields = [*PROPOSAL_FIELDS, "sdgs"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in SECTIONS}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        for name in SECTIONS:
            self.fields[name].help_text = SECTION_HELP[name]
            self.fields[name].widget.attrs["data-budget-section"] = ""
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["topic_field"].empty_label = _("Choose a topic field")
        limit = app_settings.attachment_max_bytes() / 1024 / 1024
        self.fields["attachment"].help_text = _(
            "PDF only, at most %(limit)s MB each, up to %(count)s files."
        ) % {"limit": f"{limit:g}", "count": app_settings.attachments_per_proposal()}

    def section_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in SECTIONS]

    def values(self) -> dict[str, Any]:
        """The fields that passed their format checks; the rest stay as they were."""
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in [*PROPOSAL_FIELDS, "sdgs"] if name in data}


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Municipality"), max_length=160, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *countries]


PartnerFormSet = forms.formset_factory(PartnerForm, extra=0, max_num=20, absolute_max=20)


def partner_formset(data: Any = None, partners: list[tuple[str, str]] | None = None):
    """Existing partners plus a few empty rows, so more can be added without JavaScript."""
    initial = [{"name": name, "country": country} for name, country in partners or []]
    rows = max(MIN_PARTNER_ROWS, len(initial) + EMPTY_PARTNER_ROWS)
    initial += [{}] * (rows - len(initial))
    formset = PartnerFormSet(data=data, initial=initial, prefix="partners")
    if data is None:
        formset.extra = 0
    return formset


def partner_values(formset) -> list[tuple[str, str]]:
    rows = []
    for form in formset.forms:
        if form.is_valid():
            name = form.cleaned_data.get("name", "").strip()
            country = form.cleaned_data.get("country", "")
            if name or country:
                rows.append((name, country))
    return rows


class ReviewForm(forms.Form):
    """A score from 0 to 3 and a comment for each of the seven requirements."""

    comment = forms.CharField(label=_("Overall comment"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        low, high = SCORE_RANGE
        for requirement in Requirement:
            self.fields[f"score_{requirement.value}"] = forms.TypedChoiceField(
                label=f"{requirement.value}. {requirement.label}",
                choices=[(n, str(n)) for n in range(low, high + 1)],
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"comment_{requirement.value}"] = forms.CharField(
                label=_("Comment on requirement %(n)s") % {"n": requirement.value},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def requirement_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"score_{r.value}"], self[f"comment_{r.value}"]) for r in Requirement]

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            r.value: (
                self.cleaned_data[f"score_{r.value}"],
                self.cleaned_data[f"comment_{r.value}"],
            )
            for r in Requirement
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the applicant with the decision."),
    )
