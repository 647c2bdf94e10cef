"""Which request a log line belongs to.

`RequestIdMiddleware` (middleware.py) gives every request an id and keeps it, with the
method and path, in a context variable for as long as the request is handled; the
`RequestContextFilter` on the log handler copies them onto every record logged
meanwhile. A context variable rather than a thread-local: under ASGI one thread serves
many requests, and asgiref carries context variables into the threads it runs
synchronous code in. The same id goes back to the client in `X-Request-ID`, so a
person who reports an error page can be matched to its log line.
"""

import logging
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter


@dataclass(frozen=True, slots=True)
class RequestContext:
    request_id: str
    # None only for a bare HttpRequest() built in code (Django's stubs say so).
    method: str | None
    path: str


CURRENT_REQUEST: ContextVar[RequestContext | None] = ContextVar("current_request", default=None)


class RequestContextFilter(logging.Filter):
    """Adds `request_id`, `method` and `path` to records logged while a request is
    handled, and `status` to Django's records about a response (django.request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = CURRENT_REQUEST.get()
        if context is not None:
            record.request_id = context.request_id
            record.method = context.method
            record.path = context.path
        else:
            request = getattr(record, "request", None)
            if isinstance(request, HttpRequest):
                record.method = request.method
                record.path = request.path
        status = getattr(record, "status_code", None)
        if status is not None:
            record.status = status
        return True


class JsonLogFormatter(JsonFormatter):
    """One JSON object per line: time (UTC), level, logger, message, the request's
    fields when there is one, and the traceback as one string."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("fmt", "%(levelname)s %(name)s %(message)s")
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault(
            "rename_fields", {"levelname": "level", "name": "logger", "exc_info": "traceback"}
        )
        # Django's records carry the request object itself; its fields are copied above.
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "status_code"])
        super().__init__(**kwargs)
