"""Forms of the exchange. Every free text goes through the shared cleaning of
`learning_processes.usertext`; every id or switch a page sends back is checked here,
so a tampered or outdated value is a clear refusal, never a server error."""

import re
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from community.exchange.app_settings import app_settings
from community.exchange.models import EmailFrequency, Flag, Post, Thread, Visibility
from learning_processes.usertext import CleanCharField, CleanTagField, CleanTextField

# Ids are written in ASCII digits: "²" and "٣" are digits to str.isdigit(), not ids.
# Eighteen digits keep every value inside the database's big integer.
_ID = re.compile(r"[1-9][0-9]{0,17}")


def parse_id(value: object) -> int | None:
    """A database id sent by a page (a query parameter, a hidden input), or None."""
    if isinstance(value, str) and _ID.fullmatch(value):
        return int(value)
    return None


def parse_ids(values: Iterable[str]) -> list[int]:
    """Several ids; one that is not an id makes the request malformed."""
    ids = []
    for value in values:
        pk = parse_id(value)
        if pk is None:
            raise BadRequest("not an id")
        ids.append(pk)
    return ids


def read_switch(data: Any, name: str) -> bool:
    """The state an on/off button asks for (pin, lock, helpful): "1" or "0". The buttons
    always send one of them; anything else is a malformed request, refused unchanged."""
    value = data.get(name)
    if value not in ("0", "1"):
        raise BadRequest(f"{name} is neither 0 nor 1")
    return value == "1"


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


class PostReferenceField(forms.Field):
    """The id of a post, sent back by a hidden input; `ReplyForm` turns it into the post."""

    widget = forms.HiddenInput

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        pk = parse_id(value)
        if pk is None:
            raise ValidationError("not an id", code="unknown")
        return pk


class ReplyForm(forms.Form):
    """A reply to `thread`, possibly in the branch of one of its posts (`parent`) and
    quoting another (`quoted`). Both references must be posts of this thread that are
    still there. When one is not, the person's text comes back with a message and
    without the reference, so posting again works."""

    body = CleanTextField(
        label=_("Your reply"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6, "data-mentions": ""}),
        help_text=BODY_HELP,
    )
    parent = PostReferenceField(required=False)
    quoted = PostReferenceField(required=False)
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    problems = {
        "parent": {
            "unknown": _(
                "The post you replied to is not in this thread. Your text is kept below: "
                "posting it now adds it as a reply to the thread."
            ),
            "removed": _(
                "The post you replied to has been removed. Your text is kept below: "
                "posting it now adds it as a reply to the thread."
            ),
        },
        "quoted": {
            "unknown": _(
                "The post you quoted is not in this thread. Your text is kept below: "
                "check the quotation and post it again."
            ),
            "removed": _(
                "The post you quoted has been removed. Your text is kept below: "
                "check the quotation and post it again."
            ),
        },
    }

    def __init__(self, *args: Any, thread: Thread, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.thread = thread
        self.fields["attachments"].help_text = _attachment_help()

    def _post(self, name: str) -> Post | None:
        pk = self.cleaned_data.get(name)
        if pk is None and name not in self.errors:
            return None
        post = Post.objects.filter(thread=self.thread, pk=pk).first() if pk else None
        if post is None:
            problem = "unknown"
        elif post.deleted_at or post.hidden_at:
            problem = "removed"
        else:
            return post
        self.errors.pop(name, None)
        self.add_error(None, ValidationError(self.problems[name][problem], code=problem))
        # The re-rendered form no longer sends the reference back.
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data[self.add_prefix(name)] = ""
        self.data = data
        return None

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        cleaned["parent"] = self._post("parent")
        cleaned["quoted"] = self._post("quoted")
        return cleaned


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
    """The reason a moderator gives for the log. The moderation page limits its length,
    so an invalid reason is a malformed request (see `reason_or_refuse`)."""

    reason = CleanCharField(
        label=_("Reason"), max_length=500, required=False, allow_direction_controls=True
    )

    def reason_or_refuse(self) -> str:
        if not self.is_valid():
            raise BadRequest("invalid moderation reason")
        return self.cleaned_data["reason"]


class PreferenceForm(forms.Form):
    """Per space of the user: how often e-mail comes, and whether mentions come at once.
    `current`: space id -> (frequency, mentions at once), for spaces with a choice."""

    def __init__(self, *args, spaces, current: dict[int, tuple[str, bool]], **kwargs):
        super().__init__(*args, **kwargs)
        self.spaces = list(spaces)
        for space in self.spaces:
            frequency, mentions = current.get(
                space.pk, (app_settings.DEFAULT_EMAIL_FREQUENCY, True)
            )
            self.fields[f"space_{space.pk}"] = forms.ChoiceField(
                label=_("E-mail"), choices=EmailFrequency.choices, initial=frequency
            )
            self.fields[f"mentions_{space.pk}"] = forms.BooleanField(
                label=_("E-mail me at once when someone mentions me"),
                help_text=_("Even when you chose a digest; not when e-mail is off."),
                required=False,
                initial=mentions,
            )

    def groups(self):
        """(space, frequency field, mentions field) for the template, space by space."""
        for space in self.spaces:
            yield space, self[f"space_{space.pk}"], self[f"mentions_{space.pk}"]

    def chosen(self):
        """(space, frequency, mentions at once) for every space."""
        for space in self.spaces:
            yield (
                space,
                self.cleaned_data[f"space_{space.pk}"],
                self.cleaned_data[f"mentions_{space.pk}"],
            )
