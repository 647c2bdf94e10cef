import zoneinfo
from typing import cast

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.live.app_settings import app_settings
from community.live.selectors import facilitator_candidates
from community.members.people import display_name
from learning_processes.database_ids import DatabaseIdMultipleChoiceField
from learning_processes.models import LearningProcessPage
from learning_processes.usertext import CleanCharField, CleanTextField


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class PeopleField(DatabaseIdMultipleChoiceField):
    """People are known here by the name they chose, as everywhere on the site."""

    def label_from_instance(self, obj: User) -> str:
        return display_name(obj)


class SessionForm(forms.Form):
    """Schedule a session. Start and end are read in the host's time zone, which is
    how the host thinks of them; they are stored in UTC."""

    title = CleanCharField(label=_("Title"), max_length=200)
    agenda = CleanTextField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 5}))
    host_time_zone = forms.ChoiceField(label=_("Host's time zone"))
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeLocalInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeLocalInput())
    video_url = forms.URLField(
        label=_("Video room link (optional)"),
        required=False,
        assume_scheme="https",
        help_text=_("A Jitsi or BigBlueButton room. The live room itself works without video."),
    )
    facilitators = PeopleField(
        label=_("Facilitators"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Chosen among the hosts and facilitators of this learning process."),
    )

    def __init__(self, *args, space: LearningProcessPage, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault(
            "host_time_zone", app_settings.DEFAULT_HOST_TIME_ZONE
        )
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["host_time_zone"]).choices = [
            (zone, zone) for zone in sorted(zoneinfo.available_timezones())
        ]
        cast(PeopleField, self.fields["facilitators"]).queryset = (
            facilitator_candidates(space).select_related("profile").order_by("email")
        )

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        zone_name = data.get("host_time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in ("starts_at", "ends_at"):
                if data.get(name):
                    # Django read the input in the viewer's zone; it means the host's.
                    naive = timezone.make_naive(data[name])
                    data[name] = timezone.make_aware(naive, zone)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The session must end after it starts."))
        return data
