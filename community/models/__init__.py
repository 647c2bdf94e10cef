from community.models.invitations import Invitation, JoinRequest
from community.models.membership import Membership, MembershipChange, SpaceRole
from community.models.profile import (
    ExpertiseTag,
    OrganisationType,
    Profile,
    SpokenLanguage,
    Visibility,
)

__all__ = [
    "ExpertiseTag",
    "Invitation",
    "JoinRequest",
    "Membership",
    "MembershipChange",
    "OrganisationType",
    "Profile",
    "SpaceRole",
    "SpokenLanguage",
    "Visibility",
]
