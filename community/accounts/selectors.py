"""What the account page and "My spaces" show: reads only, a fixed number of
queries whatever the number of addresses, spaces or proposals."""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import User
from django.db.models import QuerySet

from community.members.people import display_name, has_chosen_name
from community.models import Membership, Profile
from community.spaces import enterable_spaces_of
from learning_processes.calls.selectors import proposals_of


@dataclass
class AccountOverview:
    name: str
    name_chosen: bool
    profile: Profile | None
    email_addresses: list[EmailAddress]
    has_password: bool
    second_factors: set[str]
    memberships: list[Membership]
    proposal_count: int
    unverified: list[EmailAddress] = field(init=False)

    def __post_init__(self) -> None:
        self.unverified = [address for address in self.email_addresses if not address.verified]

    @property
    def two_factor_active(self) -> bool:
        return bool(self.second_factors - {Authenticator.Type.RECOVERY_CODES})


def my_memberships(user: User) -> QuerySet[Membership]:
    """The person's memberships in the spaces they may enter, by space title."""
    return (
        Membership.objects.filter(user=user, space__in=enterable_spaces_of(user))
        .select_related("space")
        .order_by("space__title", "pk")
    )


def account_overview(user: User) -> AccountOverview:
    profile = Profile.objects.filter(user=user).first()
    # `display_name` reads the profile through the user; hand it the one just loaded.
    if profile is not None:
        user.profile = profile
    return AccountOverview(
        name=display_name(user),
        name_chosen=has_chosen_name(user),
        profile=profile,
        email_addresses=list(EmailAddress.objects.filter(user=user).order_by("-primary", "email")),
        has_password=user.has_usable_password(),
        second_factors=set(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
        memberships=list(my_memberships(user)),
        proposal_count=proposals_of(user).count(),
    )
