"""The proposal form, its partner rows and the staff forms for scoring and deciding.

Every field of the proposal form is optional here: a draft may be incomplete. The
rules of a submitted proposal live in `actions.check_proposal`, and the view puts
their messages on these fields, so the two never disagree. `ProposalPost` reads one
POST of the form as a whole (fields, partner rows, the page's own control fields),
for the edit view and the autosave alike.
"""

import datetime as dt
from typing import Any, cast

from django import forms
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learning_processes.app_settings import app_settings
from learning_processes.calls import actions
from learning_processes.calls.models import (
    PROPOSAL_FIELDS,
    SCORE_RANGE,
    SECTIONS,
    Decision,
    Requirement,
    TopicProposal,
)
from learning_processes.countries import country_choices
from learning_processes.database_ids import DatabaseIdMultipleChoiceField
from learning_processes.models import SustainableDevelopmentGoal

MIN_PARTNER_ROWS = 4
EMPTY_PARTNER_ROWS = 2
MAX_PARTNER_ROWS = 20
# Text inputs, text areas and selects: a browser always sends them, empty or not. A
# request without one of them was not sent by this form, and reading the absence as
# "emptied" would wipe what is saved. (Unticked checkboxes are absent by design.)
TEXT_FIELDS = tuple(
    name for name in PROPOSAL_FIELDS if name not in ("confirms_backing", "confirms_follow_up")
)

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
    sdgs = DatabaseIdMultipleChoiceField(
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
        # Form.fields is typed as Field; this one is its ForeignKey's ModelChoiceField.
        cast(forms.ModelChoiceField, self.fields["topic_field"]).empty_label = _(
            "Choose a topic field"
        )
        limit = app_settings.ATTACHMENT_MAX_BYTES / 1024 / 1024
        self.fields["attachment"].help_text = _(
            "PDF only, at most %(limit)s MB each, up to %(count)s files."
        ) % {"limit": f"{limit:g}", "count": app_settings.ATTACHMENTS_PER_PROPOSAL}

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
        # Form.fields is typed as Field; this one is the ChoiceField declared above.
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = [("", _("Choose a country")), *country_choices()]


class BasePartnerFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        """The same partner twice is refused on the row that repeats it."""
        rows = [
            (form.cleaned_data.get("name", ""), form.cleaned_data.get("country", ""))
            if form.is_valid()
            else ("", "")
            for form in self.forms
        ]
        for index, message in actions.check_duplicate_partners(rows).items():
            self.forms[index].add_error("name", message)


PartnerFormSet = forms.formset_factory(
    PartnerForm,
    formset=BasePartnerFormSet,
    extra=0,
    max_num=MAX_PARTNER_ROWS,
    absolute_max=MAX_PARTNER_ROWS,
)


def partner_formset(data: Any = None, partners: list[tuple[str, str]] | None = None):
    """Existing partners plus a few empty rows, so more can be added without JavaScript."""
    initial = [{"name": name, "country": country} for name, country in partners or []]
    rows = min(MAX_PARTNER_ROWS, max(MIN_PARTNER_ROWS, len(initial) + EMPTY_PARTNER_ROWS))
    initial += [{}] * (rows - len(initial))
    formset = PartnerFormSet(data=data, initial=initial, prefix="partners")
    if data is None:
        formset.extra = 0
    return formset


def partner_values(formset) -> list[tuple[str, str]]:
    """The rows that passed their checks, without the empty ones."""
    rows = []
    for form in formset.forms:
        if form.is_valid():
            name = form.cleaned_data.get("name", "").strip()
            country = form.cleaned_data.get("country", "")
            if name or country:
                rows.append((name, country))
    return rows


# --- The form's own fields: which version was loaded, which button was pressed ------------

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)
# Far beyond any real save (the year 5138), and small enough that no overflow follows.
MAX_VERSION = 10**17


def version_token(moment: dt.datetime) -> str:
    """The version a form was loaded with: the proposal's last save, in microseconds."""
    return str((moment - EPOCH) // MICROSECOND)


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=0, max_value=MAX_VERSION, **kwargs)

    def clean(self, value: Any) -> dt.datetime:
        return EPOCH + int(super().clean(value)) * MICROSECOND


class ProposalControlForm(forms.Form):
    """The fields a person does not type: they come from the page, so an invalid one
    means the request did not come from it, and nothing is changed."""

    version = VersionField()
    action = forms.ChoiceField(choices=[("save", "save"), ("submit", "submit")], required=False)
    # Any attachment's id; whether it belongs to this proposal is checked when used.
    remove_attachment = forms.IntegerField(min_value=1, max_value=2**63 - 1, required=False)


class ProposalPost:
    """One POST of the proposal form: its fields, partner rows and control fields.

    A request that cannot be read as a whole (a field or the partner rows' count
    missing or garbled, a control field malformed) is `unreadable()` and changes
    nothing. Otherwise `values()` holds what passed its checks; a field that did not
    stays as saved. The partner rows count as one field: one refused row keeps all
    saved partners, so that no row is dropped.
    """

    def __init__(self, data: QueryDict, files: MultiValueDict | None = None) -> None:
        self.data = data
        self.form = ProposalForm(data, files)
        self.partners = partner_formset(data=data)
        self.control = ProposalControlForm(data)
        self.form.is_valid()
        self.partners.is_valid()
        self.control.is_valid()

    @property
    def action(self) -> str:
        return self.control.cleaned_data.get("action") or "save"

    @property
    def version(self) -> dt.datetime:
        return self.control.cleaned_data["version"]

    @property
    def remove_attachment(self) -> int | None:
        return self.control.cleaned_data.get("remove_attachment")

    def _partners_readable(self) -> bool:
        management = self.partners.management_form
        if not management.is_valid():
            return False
        total = management.cleaned_data["TOTAL_FORMS"]
        if not 0 <= total <= MAX_PARTNER_ROWS:
            return False
        return all(
            f"partners-{i}-{name}" in self.data
            for i in range(total)
            for name in PartnerForm.base_fields
        )

    def unreadable(self) -> list[str]:
        """Why this request cannot be used at all, in sentences; empty when it can."""
        problems = []
        if missing := [str(self.form[name].label) for name in TEXT_FIELDS if name not in self.data]:
            problems.append(
                gettext("These fields did not arrive: %(fields)s.") % {"fields": ", ".join(missing)}
            )
        if not self._partners_readable():
            problems.append(gettext("The partner rows did not arrive complete."))
        if "version" in self.control.errors:
            problems.append(
                gettext("The form's version of the proposal is garbled.")
                if "version" in self.data
                else gettext("The form did not say which version of the proposal it shows.")
            )
        if {"action", "remove_attachment"} & set(self.control.errors):
            problems.append(gettext("The button pressed is not one of this form's."))
        return problems

    def is_valid(self) -> bool:
        """Whether every field and partner row passed its checks (a readable request may
        still hold a malformed address or an unknown country)."""
        return not self.form.errors and not self.partner_row_errors()

    def partners_valid(self) -> bool:
        return self._partners_readable() and not any(form.errors for form in self.partners.forms)

    def partner_rows(self) -> list[tuple[str, str]]:
        """The rows that passed their checks (for the rules' messages)."""
        return partner_values(self.partners)

    def partner_row_errors(self) -> list[tuple[str, str]]:
        """(the field's id, message) for each refused row, numbered as the rows are shown."""
        return [
            (
                form[name].auto_id,
                gettext("Partner municipality %(number)s: %(error)s")
                % {"number": number, "error": error},
            )
            for number, form in enumerate(self.partners.forms, start=1)
            for name, errors in form.errors.items()
            for error in errors
        ]

    def values(self) -> dict[str, Any]:
        """What passed its checks; the partners only when every row did."""
        values = self.form.values()
        if self.partners_valid():
            values["partners"] = partner_values(self.partners)
        return values

    def refused_fields(self) -> list[str]:
        """The labels of what was not saved, in the form's order."""
        labels = [str(self.form[name].label) for name in self.form.errors]
        labels += [
            gettext("Partner municipality %(number)s") % {"number": number}
            for number, form in enumerate(self.partners.forms, start=1)
            if form.errors
        ]
        return labels

    def form_for_display(self, saved: dict[str, Any]) -> "ProposalForm":
        """The form as typed, with what did not arrive filled in from the saved proposal."""
        missing = [name for name in TEXT_FIELDS if name not in self.data]
        if not missing:
            return self.form
        data = self.data.copy()
        unbound = ProposalForm(initial=saved)
        for name in missing:
            value = unbound[name].value()
            data[name] = "" if value is None else str(value)
        form = ProposalForm(data)
        form.is_valid()
        return form

    def partners_for_display(self, saved: list[tuple[str, str]]):
        """The rows as typed; the saved ones when the rows could not be read."""
        return self.partners if self._partners_readable() else partner_formset(partners=saved)


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
