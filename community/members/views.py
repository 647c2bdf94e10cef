"""Views of the members pages: thin, they parse the request, resolve the space and the
viewer's standing in it through `community.spaces.access_space`, and call
`community.members.actions`."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.adapter import PENDING_INVITATION_KEY
from community.app_settings import app_settings
from community.members import actions, selectors
from community.members.forms import (
    DecisionForm,
    DeleteAccountForm,
    DirectoryFilterForm,
    InvitationForm,
    JoinRequestForm,
    LeaveForm,
    ProfileForm,
    RoleForm,
)
from community.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipChange,
    Profile,
    SpaceRole,
)
from community.permissions import SpaceAccess, is_platform_staff, role_changes
from community.spaces import access_space, spaces_of
from learning_processes.http import AuthenticatedHttpRequest
from learning_processes.models import LearningProcessPage


def _enterable_spaces(user):
    if is_platform_staff(user):
        return LearningProcessPage.objects.live()
    return spaces_of(user).live()


# --- Directory and profiles ---------------------------------------------------------


def directory(request: HttpRequest) -> HttpResponse:
    user = request.user
    visible = Profile.objects.visible_to(user)
    spaces = (
        list(_enterable_spaces(user).order_by("title").only("pk", "title"))
        if user.is_authenticated
        else []
    )
    # Without the profiles' ordering, which DISTINCT would count in (one row per name).
    country_codes = (
        visible.exclude(country="").order_by().values_list("country", flat=True).distinct()
    )
    form = DirectoryFilterForm(request.GET or None, country_codes=country_codes, processes=spaces)
    profiles: QuerySet[Profile] = visible
    if form.is_bound:
        form.is_valid()  # invalid fields are reported next to them and left out
        profiles = selectors.directory_profiles(
            profiles, form.cleaned_data, viewer=user, space_ids=[space.pk for space in spaces]
        )
    if not user.is_authenticated:
        # Anonymous visitors do not learn who takes part in what.
        del form.fields["process"]
        del form.fields["topic"]
    # django-stubs does not know taggit's manager as a relation to prefetch (a stub gap).
    profiles = (
        profiles.distinct()
        .select_related("user")
        .prefetch_related("expertise", "languages")  # type: ignore[misc]
        .order_by("display_name", "pk")
    )
    page = Paginator(profiles, app_settings.DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "community/directory.html",
        {
            "form": form,
            "page_obj": page,
            "profiles": page.object_list,
            "query_string": params.urlencode(),
        },
    )


def profile_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    profile = get_object_or_404(
        Profile.objects.visible_to(request.user)
        .select_related("user")
        .prefetch_related("expertise", "languages"),
        user_id=user_id,
    )
    shared = []
    if request.user.is_authenticated:
        shared = list(
            Membership.objects.filter(
                user_id=user_id, space__in=_enterable_spaces(request.user)
            ).select_related("space")
        )
    return render(
        request,
        "community/profile_detail.html",
        {"profile": profile, "memberships": shared, "is_own": profile.user_id == request.user.pk},
    )


@login_required
def profile_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = actions.get_or_create_profile(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("community:profile_edit")
    return render(request, "community/profile_form.html", {"form": form, "profile": profile})


# --- Data rights --------------------------------------------------------------------


@login_required
def my_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "community/my_data.html", {})


@login_required
def data_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = actions.build_user_data_export(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="connective-cities-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    last_host_of = actions.spaces_where_last_host(request.user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_delete_account(
                request.user, keep_anonymised=form.cleaned_data["posts"] == "anonymise"
            )
        except actions.CommunityError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            messages.success(request, _("Your account and your data have been deleted."))
            return redirect("/")
    return render(
        request, "community/account_delete.html", {"form": form, "last_host_of": last_host_of}
    )


# --- A space's members ------------------------------------------------------------


@login_required
def space_members(request: AuthenticatedHttpRequest, space_id: int) -> HttpResponse:
    return _members_page(request, access_space(request.user, space_id))


def _members_page(
    request: HttpRequest,
    access: SpaceAccess,
    *,
    invitation_form: InvitationForm | None = None,
) -> HttpResponse:
    """The members page; after a refused invitation with that form, as it was sent."""
    space = access.space
    moderating = access.can_facilitate
    members = list(
        Membership.objects.filter(space=space)
        .select_related("user__profile")
        .order_by("user__profile__display_name", "user__email")
    )
    order = {role: index for index, role in enumerate(SpaceRole.values)}
    members.sort(key=lambda membership: order[membership.role])
    visible_ids = set(
        Profile.objects.visible_to(request.user)
        .filter(user__in=[m.user_id for m in members])
        .values_list("user_id", flat=True)
    )
    context = {
        "space": space,
        "members": members,
        "visible_profile_ids": visible_ids,
        "membership": access.membership,
        "moderating": moderating,
    }
    if moderating:
        giveable = access.giveable_roles
        hosts = sum(1 for m in members if m.role == SpaceRole.HOST)
        for member in members:
            member.role_changes = role_changes(
                giveable, member, last_host=member.role == SpaceRole.HOST and hosts == 1
            )
        context.update(
            invitation_form=invitation_form or InvitationForm(roles=giveable),
            join_requests=JoinRequest.objects.filter(
                space=space, status=JoinRequest.Status.PENDING
            ).select_related("user__profile"),
            decision_form=DecisionForm(),
            open_invitations=Invitation.objects.filter(
                space=space, accepted_at__isnull=True, expires_at__gt=timezone.now()
            ),
            log=MembershipChange.objects.filter(space=space).select_related(
                "user__profile", "actor__profile"
            )[:30],
        )
    return render(request, "community/space_members.html", context)


# Which field of the invitation form a refusal is about (the rest are about the form).
INVITATION_ERROR_FIELDS = {"already_member": "email", "facilitator_role": "role"}


@login_required
@require_POST
def space_invite(request: AuthenticatedHttpRequest, space_id: int) -> HttpResponse:
    access = access_space(request.user, space_id, facilitate=True)
    space = access.space
    form = InvitationForm(request.POST, roles=access.giveable_roles)
    if form.is_valid():
        try:
            actions.do_invite(
                space,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                actor=request.user,
            )
        except actions.CommunityError as error:
            form.add_error(INVITATION_ERROR_FIELDS.get(error.code), str(error))
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("community:space_members", space_id=space.pk)
    # Refused: the page again, with what was typed, the error beside its field and the
    # cursor in that field (the form sits below the list of members).
    first = next((name for name in form.fields if name in form.errors), "email")
    form.fields[first].widget.attrs["autofocus"] = True
    return _members_page(request, access, invitation_form=form)


@login_required
@require_POST
def space_join(request: AuthenticatedHttpRequest, space_id: int) -> HttpResponse:
    space = access_space(request.user, space_id, members_only=False).space
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            actions.do_request_to_join(
                space,
                request.user,
                message=form.cleaned_data["message"],
            )
        except actions.CommunityError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Your request was sent. The hosts will approve or decline it.")
            )
    return redirect(space.url or "/")


@login_required
@require_POST
def join_request_decide(
    request: AuthenticatedHttpRequest, space_id: int, request_id: int
) -> HttpResponse:
    space = access_space(request.user, space_id, facilitate=True).space
    join_request = get_object_or_404(JoinRequest, pk=request_id, space=space)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or decline."))
        return redirect("community:space_members", space_id=space.pk)
    try:
        actions.do_decide_join_request(
            join_request,
            actor=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            role=form.cleaned_data.get("role") or SpaceRole.PARTICIPANT,
        )
    except actions.CommunityError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The request was answered."))
    return redirect("community:space_members", space_id=space.pk)


@login_required
@require_POST
def member_role(
    request: AuthenticatedHttpRequest, space_id: int, membership_id: int
) -> HttpResponse:
    space = access_space(request.user, space_id, facilitate=True).space
    membership = get_object_or_404(Membership, pk=membership_id, space=space)
    form = RoleForm(request.POST)
    if form.is_valid():
        role = form.cleaned_data["role"]
        changed = role != membership.role
        try:
            actions.check_can_change_role(request.user, space, membership, role)
            actions.do_change_role(membership, role, actor=request.user)
        except actions.CommunityError as error:
            messages.error(request, str(error))
        else:
            if changed:
                messages.success(request, _("The role was changed."))
    return redirect("community:space_members", space_id=space.pk)


@login_required
def space_leave(request: AuthenticatedHttpRequest, space_id: int) -> HttpResponse:
    access = access_space(request.user, space_id, members_only=False)
    space, membership = access.space, access.membership
    if membership is None:
        raise PermissionDenied
    needs_successor = actions.is_last_host(membership)
    form = LeaveForm(
        request.POST if request.method == "POST" else None,
        membership=membership,
        needs_successor=needs_successor,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_leave_space(membership, successor=form.cleaned_data.get("successor"))
        except actions.CommunityError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("You left %(space)s.") % {"space": space.title})
            return redirect(space.url or "/")
    return render(request, "community/space_leave.html", {"space": space, "form": form})


# --- Invitations --------------------------------------------------------------------


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = actions.access_invitation(token)
    except actions.CommunityError as error:
        request.session.pop(PENDING_INVITATION_KEY, None)
        status = 404 if error.code == "unknown" else 410
        return render(request, "community/invitation_invalid.html", {"error": error}, status=status)
    if not request.user.is_authenticated:
        # Kept for the way back after sign-up and e-mail verification (see the adapter).
        request.session[PENDING_INVITATION_KEY] = token
        here = reverse("community:invitation", args=[token])
        return render(
            request,
            "community/invitation.html",
            {"invitation": invitation, "next": here, "anonymous": True},
        )
    refusal: actions.CommunityError | None = None
    try:
        actions.check_invitation_addressee(invitation, request.user)
    except actions.CommunityError as refused:
        refusal = refused
    if request.method == "POST" and refusal is None:
        try:
            actions.do_accept_invitation(token, request.user)
        except actions.CommunityError as refused:
            refusal = refused
        else:
            request.session.pop(PENDING_INVITATION_KEY, None)
            messages.success(
                request, _("Welcome to %(space)s!") % {"space": invitation.space.title}
            )
            return redirect(invitation.space.url or "/")
    return render(
        request,
        "community/invitation.html",
        {"invitation": invitation, "error": refusal},
        status=403 if refusal else 200,
    )
