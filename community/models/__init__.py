from community.models.membership import Membership, MembershipChange, SpaceRole

__all__ = ["Membership", "MembershipChange", "SpaceRole"]
