from django.core.checks import Warning
from django.test import override_settings

from community.checks import check_account_safety, check_community_settings


@override_settings(ACCOUNT_RATE_LIMITS=False, COMMUNITY_STAFF_REQUIRE_2FA=False)
def test_deploy_check_warns_when_rate_limits_or_staff_2fa_are_off():
    ids = {problem.id for problem in check_account_safety(None) if isinstance(problem, Warning)}
    assert ids == {"community.W001", "community.W003"}


@override_settings(ACCOUNT_RATE_LIMITS={"login": "30/m/ip"}, COMMUNITY_STAFF_REQUIRE_2FA=True)
def test_deploy_check_is_quiet_when_both_are_on():
    assert check_account_safety(None) == []


def test_the_community_settings_pass_their_check_with_the_defaults():
    assert check_community_settings(None) == []


@override_settings(COMMUNITY_INVITATION_DAYS=0, COMMUNITY_AVATAR_MAX_SIDE=10)
def test_a_community_limit_below_its_floor_is_an_error():
    ids = [problem.id for problem in check_community_settings(None)]
    assert ids == ["community.E001", "community.E002"]
