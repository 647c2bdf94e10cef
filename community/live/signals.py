"""Logging out closes the person's live-room sockets (their session cookie is gone,
but an open WebSocket would otherwise stay signed in)."""

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from community.live.actions import do_close_user_sockets


@receiver(user_logged_out, dispatch_uid="live_close_sockets_on_logout")
def close_sockets_on_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        do_close_user_sockets(user.pk)
