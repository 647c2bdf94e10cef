"""A person's profile on top of their allauth account: who they are, where they work,
what they know, and who may see it."""

import zoneinfo
from functools import cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from learning_processes.countries import MunicipalCountries

# Languages practitioners of the programme speak, by ISO 639-1 code. Their names come
# from Django's own translated language list.
SPOKEN_LANGUAGE_CODES = (
    "af", "ar", "az", "bg", "bn", "bs", "cs", "de", "el", "en", "es", "fa", "fr",
    "hi", "hr", "hu", "hy", "id", "it", "ja", "ka", "kk", "km", "ko", "ky", "mk", "mn",
    "ms", "my", "ne", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sw", "ta",
    "tg", "th", "tk", "tr", "uk", "ur", "uz", "vi", "zh-hans",
)  # fmt: skip


def spoken_language_choices() -> list[tuple[str, str]]:
    """(code, name in the current language), sorted by name."""
    choices = [(code, language_name(code)) for code in SPOKEN_LANGUAGE_CODES]
    return sorted(choices, key=lambda choice: choice[1])


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(_time_zones())]


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    MUNICIPAL_COMPANY = "municipal_company", _("Municipal company")
    OTHER = "other", _("Other organisation")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone, also visitors who are not logged in")
    MEMBERS = "members", _("Members of my learning processes")
    PRIVATE = "private", _("Private: only me")


class ExpertiseTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "community.Profile", on_delete=models.CASCADE, related_name="tagged_expertise"
    )


class ProfileQuerySet(QuerySet):
    def visible_to(self, viewer: User | AnonymousUser) -> "ProfileQuerySet":
        """Profiles the viewer may see: public ones to everyone; members-only ones to
        people who share a space with the owner (staff share every space); one's own."""
        from community.models.membership import Membership
        from community.permissions import is_platform_staff

        if not viewer.is_authenticated:
            return self.filter(visibility=Visibility.PUBLIC)
        visible = Q(visibility=Visibility.PUBLIC) | Q(user=viewer)
        if is_platform_staff(viewer):
            visible |= Q(visibility=Visibility.MEMBERS)
        else:
            shares_a_space = Exists(
                Membership.objects.filter(
                    user=OuterRef("user"),
                    space__in=Membership.objects.filter(user=viewer).values("space"),
                )
            )
            visible |= Q(visibility=Visibility.MEMBERS) & Q(shares_a_space)
        return self.filter(visible)


# django-stubs cannot resolve the reverse manager of ExpertiseTag's relation: its base,
# taggit's TaggedItemBase, ships no types (a stub gap).
class Profile(models.Model):  # type: ignore[django-manager-missing]
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("display name"), max_length=80)
    # Set when the person gave the name themselves (at sign-up or in the profile form);
    # a profile made for an account without a name carries one read from the address.
    name_chosen = models.BooleanField(_("name chosen by the person"), default=False)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    position = models.CharField(_("position"), max_length=160, blank=True)
    country = CountryField(_("country"), blank=True, countries=MunicipalCountries)
    city = models.CharField(_("city"), max_length=120, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Every date and time on the site is shown to you in this time zone."),
    )
    expertise = TaggableManager(
        verbose_name=_("expertise"),
        through=ExpertiseTag,
        blank=True,
        help_text=_("Topics you know well, separated by commas."),
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    avatar = models.ImageField(_("photo"), upload_to="avatars/", blank=True)
    visibility = models.CharField(
        _("who can see my profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ("display_name", "pk")
        indexes = [
            models.Index(fields=("visibility", "display_name"), name="profile_visibility"),
            models.Index(fields=("country",), name="profile_country"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def initials(self) -> str:
        parts = [part for part in self.display_name.split() if part[:1].isalpha()]
        return "".join(part[0] for part in parts[:2]).upper() or "?"

    @property
    def language_codes(self) -> list[str]:
        return [language.code for language in self.languages.all()]

    @property
    def language_names(self) -> list[str]:
        return sorted(language_name(code) for code in self.language_codes)


class SpokenLanguage(models.Model):
    """One language a person speaks; a row each, so the directory filters in SQL."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(max_length=10, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("profile", "code"), name="unique_spoken_language")
        ]

    def __str__(self) -> str:
        return language_name(self.code)
