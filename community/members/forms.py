"""Forms of the community pages. Avatars are checked here (type, size, dimensions) and
re-encoded, so what is stored is always a small, metadata-free image we made."""

import io
import uuid
from collections.abc import Sequence
from typing import cast

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from community.app_settings import app_settings
from community.models import Membership, Profile, SpaceRole, SpokenLanguage
from community.models.profile import spoken_language_choices, time_zone_choices
from learning_processes.countries import country_choices
from learning_processes.models import TopicField
from learning_processes.usertext import CleanCharField, CleanTagField, CleanTextField


def reencode_avatar(upload: UploadedFile) -> ContentFile:
    """Validate an uploaded image and return it as a square JPEG of AVATAR_SIZE pixels.

    Pillow reads only the header first, so an oversized or forged file is refused before
    its pixels are decoded; re-encoding drops EXIF (location!) and any payload."""
    max_bytes = app_settings.AVATAR_MAX_BYTES
    if (upload.size or 0) > max_bytes:
        raise forms.ValidationError(
            _("The photo is too large: at most %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    try:
        upload.seek(0)
        original = Image.open(upload)
        image_format = original.format
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise forms.ValidationError(
            _("This file is not an image we can read. Use JPEG, PNG or WebP."), code="invalid"
        ) from error
    if image_format not in app_settings.AVATAR_FORMATS:
        raise forms.ValidationError(
            _("%(format)s images are not accepted. Use JPEG, PNG or WebP.")
            % {"format": image_format},
            code="format",
        )
    width, height = original.size
    low, high = app_settings.AVATAR_MIN_SIDE, app_settings.AVATAR_MAX_SIDE
    if min(width, height) < low or max(width, height) > high:
        raise forms.ValidationError(
            _("The photo must be between %(low)s and %(high)s pixels wide and high.")
            % {"low": low, "high": high},
            code="dimensions",
        )
    try:
        image = ImageOps.exif_transpose(original).convert("RGB")
        side = app_settings.AVATAR_SIZE
        image = ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=85, optimize=True)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise forms.ValidationError(
            _("This image is damaged and cannot be used."), code="invalid"
        ) from error
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = CleanTagField(
        label=_("Expertise"),
        required=False,
        help_text=_("Topics you know well, separated by commas, e.g. waste management, GIS."),
    )
    avatar_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 3 MB; it is cropped to a square."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_avatar = forms.BooleanField(label=_("Remove my photo"), required=False)

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "organisation_type",
            "organisation",
            "position",
            "country",
            "city",
            "time_zone",
            "expertise",
            "bio",
            "visibility",
        ]
        # Names are cleaned of invisible characters and refuse direction controls.
        field_classes = {
            "display_name": CleanCharField,
            "organisation": CleanCharField,
            "position": CleanCharField,
            "city": CleanCharField,
            "bio": CleanTextField,
        }
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
            "time_zone": forms.Select,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        languages = cast(forms.MultipleChoiceField, self.fields["languages"])
        languages.choices = spoken_language_choices()
        self.fields["time_zone"].widget.choices = time_zone_choices()
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes

    def clean_avatar_upload(self) -> ContentFile | None:
        upload = self.cleaned_data.get("avatar_upload")
        return reencode_avatar(upload) if upload else None

    @transaction.atomic
    def save(self, commit: bool = True) -> Profile:
        profile = super().save(commit=False)
        profile.name_chosen = True  # the person saw the name and kept or changed it
        old_avatar = profile.avatar.name if profile.avatar else ""
        new_avatar = self.cleaned_data.get("avatar_upload")
        if new_avatar is not None:
            profile.avatar.save(new_avatar.name, new_avatar, save=False)
        elif self.cleaned_data.get("remove_avatar"):
            profile.avatar = ""
        profile.save()
        self.save_m2m()
        codes = set(self.cleaned_data.get("languages") or [])
        profile.languages.exclude(code__in=codes).delete()
        existing = set(profile.language_codes)
        SpokenLanguage.objects.bulk_create(
            SpokenLanguage(profile=profile, code=code) for code in sorted(codes - existing)
        )
        if old_avatar and old_avatar != (profile.avatar.name or ""):
            storage = profile.avatar.storage
            transaction.on_commit(lambda: storage.delete(old_avatar))
        return profile


class DirectoryFilterForm(forms.Form):
    """A plain GET form; invalid values are reported and ignored, never a 500."""

    q = forms.CharField(label=_("Name or organisation"), required=False, max_length=100)
    expertise = forms.CharField(label=_("Expertise"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    topic = forms.ChoiceField(label=_("Topic field"), required=False)
    process = forms.TypedChoiceField(
        label=_("Learning process"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, country_codes=(), processes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A choice's value is a code, a slug or an id; its label may be translated lazily.
        any_choice: list[tuple[str | int, str | Promise]] = [("", _("Any"))]
        fields = self.fields
        cast(forms.ChoiceField, fields["country"]).choices = [
            *any_choice,
            *country_choices(country_codes),
        ]
        cast(forms.ChoiceField, fields["language"]).choices = [
            *any_choice,
            *spoken_language_choices(),
        ]
        cast(forms.ChoiceField, fields["topic"]).choices = [
            *any_choice,
            *((topic.slug, topic.label) for topic in TopicField.objects.only("slug", "name")),
        ]
        cast(forms.ChoiceField, fields["process"]).choices = [
            *any_choice,
            *((p.pk, p.title) for p in processes),
        ]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), initial=SpaceRole.PARTICIPANT)

    def __init__(self, *args, roles: Sequence[SpaceRole] = (), **kwargs) -> None:
        """`roles`: those the inviting person may give (`community.spaces.roles_to_give`)."""
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["role"]).choices = [
            (role.value, role.label) for role in roles
        ]


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the hosts (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])
    role = forms.ChoiceField(
        choices=[
            (SpaceRole.PARTICIPANT, SpaceRole.PARTICIPANT.label),
            (SpaceRole.OBSERVER, SpaceRole.OBSERVER.label),
        ],
        initial=SpaceRole.PARTICIPANT,
        required=False,
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=SpaceRole.choices)


class MemberChoiceField(forms.ModelChoiceField):
    """Members by name and role."""

    def label_from_instance(self, obj: Membership) -> str:
        return _member_label(obj)


class LeaveForm(forms.Form):
    successor = MemberChoiceField(
        label=_("New host"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("You are the last host: name the member who hosts the space after you."),
    )

    def __init__(self, *args, membership: Membership, needs_successor: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.needs_successor = needs_successor
        if needs_successor:
            others = Membership.objects.filter(space_id=membership.space_id).exclude(
                pk=membership.pk
            )
            successor = cast(MemberChoiceField, self.fields["successor"])
            successor.queryset = others.select_related("user__profile")
            successor.required = True
        else:
            del self.fields["successor"]


def _member_label(membership: Membership) -> str:
    from community.members.people import display_name

    return f"{display_name(membership.user)} ({membership.get_role_display()})"


class DeleteAccountForm(forms.Form):
    posts = forms.ChoiceField(
        label=_("What happens to what you wrote"),
        choices=[
            ("anonymise", _("Keep my posts, without my name (shown as “Former member”)")),
            ("delete", _("Delete my posts")),
        ],
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
