"""The account page gathers profile, e-mail, password, two-factor authentication,
notifications, spaces, proposals and data rights; the header and the account menu lead
to it and to "My spaces" and "My proposals"."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.urls import reverse

from community.members.actions import do_add_member, do_name_profile
from community.models import SpaceRole
from tests.factories import LearningProcessFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["community:account", "community:my_spaces"])
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_header_leads_to_the_account_page_and_my_spaces(client, user_factory):
    client.force_login(user_factory())
    html = client.get(reverse("community:account")).content.decode()
    header = html.split("</header>")[0]
    assert f'href="{reverse("community:account")}">Account</a>' in header
    assert f'href="{reverse("community:my_spaces")}">My spaces</a>' in header
    assert reverse("account_email") not in header


def test_account_page_gathers_every_part_of_the_account(
    client, user_factory, django_assert_max_num_queries
):
    user = user_factory(email="amina@example.org")
    do_name_profile(user, name="Amina Osei")
    EmailAddress.objects.create(user=user, email="amina@work.example", verified=False)
    spaces = [LearningProcessFactory(title=f"Space {n}") for n in range(3)]
    for space in spaces:
        do_add_member(space, user, SpaceRole.PARTICIPANT)
    hidden = LearningProcessFactory(title="Not published", publish=False)
    do_add_member(hidden, user, SpaceRole.PARTICIPANT)
    client.force_login(user)
    client.get(reverse("community:account"))  # warm Wagtail's site-root cache

    with django_assert_max_num_queries(14):
        response = client.get(reverse("community:account"))
    html = response.content.decode()
    main = html.split('<main id="main"')[1]
    assert "Amina Osei" in main
    assert "amina@example.org" in main and "amina@work.example" in main
    assert "Not yet confirmed" in main
    for name in (
        "community:profile_edit",
        "account_email",
        "account_change_password",
        "mfa_index",
        "exchange:notification_settings",
        "community:my_spaces",
        "proposals:mine",
        "community:data_export",
        "community:account_delete",
    ):
        assert f'href="{reverse(name)}"' in main, name
    assert all(space.title in main for space in spaces)
    assert "Not published" not in main
    assert "Two-factor authentication" in main and ">Off<" in main
    # The account menu marks where the person is.
    assert re.search(rf'href="{reverse("community:account")}" aria-current="page"', main)


def test_account_page_shows_two_factor_authentication_when_on(client, user_factory):
    user = user_factory()
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client.force_login(user)
    main = client.get(reverse("community:account")).content.decode().split("<main")[1]
    assert ">On<" in main and "Manage two-factor authentication" in main


def test_a_person_without_a_chosen_name_is_asked_for_one(client, user_factory):
    user = user_factory(email="amina.applicant@example.org")
    client.force_login(user)
    main = client.get(reverse("community:account")).content.decode().split("<main")[1]
    assert "Amina Applicant" in main
    assert "a name made from your e-mail address" in main
    do_name_profile(user, name="Amina Osei")
    main = client.get(reverse("community:account")).content.decode().split("<main")[1]
    assert "a name made from your e-mail address" not in main


def test_my_spaces_lists_the_spaces_the_person_may_enter_with_their_role(
    client, user_factory, django_assert_max_num_queries
):
    user = user_factory()
    waste, heat = LearningProcessFactory(title="Waste"), LearningProcessFactory(title="Heat")
    do_add_member(waste, user, SpaceRole.HOST)
    do_add_member(heat, user, SpaceRole.PARTICIPANT)
    do_add_member(LearningProcessFactory(title="Draft", publish=False), user, SpaceRole.OBSERVER)
    client.force_login(user)
    client.get(reverse("community:my_spaces"))

    with django_assert_max_num_queries(8):
        html = client.get(reverse("community:my_spaces")).content.decode()
    main = html.split("<main")[1]
    assert main.index("Heat") < main.index("Waste")
    assert "Draft" not in main
    assert "Host" in main and "Participant" in main
    for space in (waste, heat):
        assert reverse("exchange:threads", args=[space.pk]) in main
        assert reverse("community:space_members", args=[space.pk]) in main
        assert reverse("live:list", args=[space.pk]) in main


def test_my_spaces_without_spaces_points_to_the_learning_processes(client, user_factory):
    client.force_login(user_factory())
    main = client.get(reverse("community:my_spaces")).content.decode().split("<main")[1]
    assert "You are not a member of a learning process yet." in main
    assert 'href="/learning-processes/"' in main


def test_account_menu_reaches_my_proposals_and_marks_allauth_pages(client, user_factory, rf):
    from community.templatetags.account_tags import account_menu

    client.force_login(user_factory())
    html = client.get(reverse("account_change_password")).content.decode()
    menu = html.split('class="account-menu"')[1].split("</nav>")[0]
    assert f'href="{reverse("proposals:mine")}">My proposals</a>' in menu
    assert f'href="{reverse("account_change_password")}" aria-current="page"' in menu
    # A two-factor set-up page belongs to the two-factor entry.
    items = account_menu({"request": rf.get(reverse("mfa_activate_totp"))})["items"]
    assert [item["url"] for item in items if item["current"]] == [reverse("mfa_index")]
