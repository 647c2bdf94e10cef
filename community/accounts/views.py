"""The account page and "My spaces": thin views over `community.accounts.selectors`."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from community.accounts import selectors
from learning_processes.http import AuthenticatedHttpRequest


@login_required
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    overview = selectors.account_overview(request.user)
    return render(request, "community/account/overview.html", {"overview": overview})


@login_required
def my_spaces(request: AuthenticatedHttpRequest) -> HttpResponse:
    memberships = list(selectors.my_memberships(request.user))
    return render(request, "community/account/my_spaces.html", {"memberships": memberships})
