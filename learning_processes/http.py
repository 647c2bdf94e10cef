"""Request types the apps' views share.

It lives in `learning_processes/`, beside the other shared helpers (`refusals`,
`usertext`), because every app may import `learning_processes` and it imports none of
them.
"""

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a @login_required view: its user is signed in (django-stubs'
    documented way to say so; URLs route a plain HttpRequest here)."""

    user: User
