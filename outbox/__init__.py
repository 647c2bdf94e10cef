"""Work recorded now and done later: the one shape behind the e-mail outbox
(`mailing`) and the search outbox (`search`).

A change writes a row in its own transaction (`models.OutboxRow`); once that
commits, a background task is kicked (`tasks.enqueue_on_commit`) that drains the
due rows through a handler (`drain.drain`), records each failure with the one
back-off rule (`drain.retry_delay`) and, where the task backend can defer, schedules
itself for when the next row is due (`tasks.drain_and_reschedule`). A service that
is down delays the work; it never loses it.

This package sits below every app and imports none of them; it is not a Django
app (it has no concrete models of its own).
"""
