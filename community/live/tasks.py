from django_tasks import task

from community.live.reminders import send_due_reminders


@task()
def send_session_reminders() -> int:
    return send_due_reminders()
