"""Forms of the exchange. Every free text goes through the shared cleaning of
`learning_processes.usertext`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.exchange.conf import app_settings
from community.exchange.models import EmailFrequency, Flag, Visibility
from learning_processes.usertext import CleanCharField, CleanTagField, CleanTextField


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the action, not here."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def _attachment_help() -> str:
    from django.template.defaultfilters import filesizeformat

    return _("Up to %(count)d files of at most %(size)s each: %(types)s.") % {
        "count": app_settings.ATTACHMENT_MAX_FILES,
        "size": filesizeformat(app_settings.ATTACHMENT_MAX_BYTES),
        "types": ", ".join(sorted(app_settings.ATTACHMENT_TYPES)),
    }


BODY_HELP = _(
    "Markdown: **bold**, *italic*, [link](https://…), lists, > quotes. "
    "Type @ and a name to mention a member."
)


class ThreadForm(forms.Form):
    title = CleanCharField(label=_("Title"), max_length=200)
    body = CleanTextField(
        label=_("Your follow-up"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10, "data-mentions": ""}),
        help_text=BODY_HELP,
    )
    tags = CleanTagField(label=_("Tags"), required=False, help_text=_("Separate tags with commas."))
    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=Visibility.choices,
        initial=Visibility.MEMBERS,
        widget=forms.RadioSelect,
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = _attachment_help()

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        if len(tags) > 10:
            raise forms.ValidationError(_("At most 10 tags."))
        for tag in tags:
            if len(tag) > 50:
                raise forms.ValidationError(_("A tag may be at most 50 characters long."))
        return tags


class ReplyForm(forms.Form):
    body = CleanTextField(
        label=_("Your reply"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6, "data-mentions": ""}),
        help_text=BODY_HELP,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    quoted = forms.IntegerField(required=False, widget=forms.HiddenInput)
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = _attachment_help()


class EditForm(forms.Form):
    title = CleanCharField(label=_("Title"), max_length=200, required=False)
    body = CleanTextField(
        label=_("Text"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10, "data-mentions": ""}),
        help_text=BODY_HELP,
    )

    def __init__(self, *args, opening: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if opening:
            self.fields["title"].required = True
        else:
            del self.fields["title"]


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is the problem?"), choices=Flag.Reason.choices, widget=forms.RadioSelect
    )
    note = CleanTextField(
        label=_("Anything the moderators should know"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationReasonForm(forms.Form):
    reason = CleanCharField(
        label=_("Reason"), max_length=500, required=False, allow_direction_controls=True
    )


class PreferenceForm(forms.Form):
    """One choice per space, built from the user's spaces."""

    def __init__(self, *args, spaces, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.spaces = list(spaces)
        for space in self.spaces:
            self.fields[f"space_{space.pk}"] = forms.ChoiceField(
                label=space.title,
                choices=EmailFrequency.choices,
                initial=current.get(space.pk, app_settings.DEFAULT_EMAIL_FREQUENCY),
            )

    def chosen(self):
        for space in self.spaces:
            yield space, self.cleaned_data[f"space_{space.pk}"]
