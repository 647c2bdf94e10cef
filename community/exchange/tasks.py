from django_tasks import task

from community.exchange.notify import send_digests


@task()
def send_notification_digests(frequency: str) -> int:
    """Queue the daily or weekly digests; schedule it daily and weekly (cron or a
    scheduler calling `manage.py send_notification_digests --frequency ...`)."""
    return send_digests(frequency)
