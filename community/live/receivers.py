"""Logging out closes the person's live-room sockets (their session cookie is gone,
but an open WebSocket would otherwise stay signed in), and so does leaving a space or
being removed from it; the person's live data goes into their export and follows their
account deletion."""

from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete
from django.dispatch import receiver

from community.live.actions import do_close_space_sockets, do_close_user_sockets
from community.live.privacy import export_live_data, remove_live_content
from community.models import Membership
from community.signals import collect_user_data, delete_user_content


@receiver(user_logged_out, dispatch_uid="live_close_sockets_on_logout")
def close_sockets_on_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        do_close_user_sockets(user.pk)


@receiver(post_delete, sender=Membership, dispatch_uid="live_close_sockets_on_leaving")
def close_sockets_on_leaving(sender, instance: Membership, **kwargs) -> None:
    do_close_space_sockets(instance.user_id, instance.space_id)


@receiver(collect_user_data, dispatch_uid="live_collect_user_data")
def collect_live_data(sender, user, **kwargs) -> dict:
    return export_live_data(user)


@receiver(delete_user_content, dispatch_uid="live_delete_user_content")
def delete_live_content(sender, user, keep_anonymised: bool, **kwargs) -> None:
    remove_live_content(user, keep_anonymised)
