"""The site's own middleware: request ids for the logs, the Wagtail admin's
Content Security Policy, and well-formed ids for the admin's choosers.

The public site runs under a strict policy without inline scripts. Wagtail's
admin still relies on inline scripts and styles, so requests below the admin
prefixes get the same policy with 'unsafe-inline' added for those two sources.
"""

import re
import uuid

import sentry_sdk
from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from wagtail.admin.views.generic.chooser import ChosenMultipleViewMixin, ChosenViewMixin

from connective_site.converters import is_database_id
from connective_site.request_log import CURRENT_REQUEST, RequestContext
from connective_site.views import permission_denied
from learning_processes.refusals import Refusal

ADMIN_OVERRIDES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    # The page editor's live preview frames the site from the admin.
    "frame-ancestors": ["'self'"],
}


class AdminCSPMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(tuple(settings.CSP_ADMIN_PREFIXES)):
            # Read by csp.middleware.CSPMiddleware, which must wrap this middleware.
            response._csp_replace = ADMIN_OVERRIDES
        return response


# What a proxy or load balancer may hand us as a request id: a UUID, hex, base64.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:=+/-]{0,127}")
REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Gives every request an id: the incoming `X-Request-ID` when it is a sane token
    (a proxy in front already logged it), else a new one. Log lines written while the
    request is handled carry it (request_log.py), the response returns it in
    `X-Request-ID`, and an error sent to Sentry is tagged with it. Outermost in
    MIDDLEWARE, so that everything below logs with the id; it runs natively in both
    modes, so under ASGI it adds no thread hop of its own."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest):
        if self.is_async:
            return self.__acall__(request)
        context = self._context(request)
        token = CURRENT_REQUEST.set(context)
        try:
            response = self.get_response(request)
        finally:
            CURRENT_REQUEST.reset(token)
        response[REQUEST_ID_HEADER] = context.request_id
        return response

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        context = self._context(request)
        token = CURRENT_REQUEST.set(context)
        try:
            response = await self.get_response(request)
        finally:
            CURRENT_REQUEST.reset(token)
        response[REQUEST_ID_HEADER] = context.request_id
        return response

    @staticmethod
    def _context(request: HttpRequest) -> RequestContext:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        # The 500 view reads it from the request. django-stubs' HttpRequest declares
        # no attribute a middleware adds (a stub gap).
        request.request_id = request_id  # type: ignore[attr-defined]
        if sentry_sdk.is_initialized():
            sentry_sdk.set_tag("request_id", request_id)
        return RequestContext(request_id=request_id, method=request.method, path=request.path)


class AdminChooserIdMiddleware:
    """Wagtail's choosers look up the id they are given as it comes (`chosen/<str:pk>/`,
    `chosen-multiple/?id=...`): "abc" raised a ValueError, and a number beyond the column
    an OverflowError on SQLite, 500s in the admin. For a model with an integer key, an
    id the site's `id` URL converter would refuse answers 404 in the path and 400 in the
    query string, before Wagtail's view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        view_class = getattr(view_func, "view_class", None)
        if view_class is None or not issubclass(
            view_class, ChosenViewMixin | ChosenMultipleViewMixin
        ):
            return
        model = view_class(**getattr(view_func, "view_initkwargs", {})).model_class
        if model is None or not isinstance(model._meta.pk, models.IntegerField):
            return
        if issubclass(view_class, ChosenViewMixin):
            if not is_database_id(unquote(str(view_kwargs.get("pk", "")))):
                raise Http404("No such item.")
        elif not all(is_database_id(value) for value in request.GET.getlist("id")):
            raise BadRequest("An id in the query string is not a number.")


class RefusalMiddleware:
    """Answers a `Refusal` that no view caught, the same way for every app: the 403 page
    (as `handler403` renders it) for refusals of access, otherwise a page with the
    refusal's message and status, or JSON (`code`, `message`) for a client that asks
    for JSON only. Views that can say more (beside a form field) catch their own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, Refusal):
            return None
        if isinstance(exception, PermissionDenied):
            return permission_denied(request, exception)
        if request.accepts("application/json") and not request.accepts("text/html"):
            body = {"code": exception.code, "message": str(exception.message)}
            return JsonResponse(body, status=exception.status)
        context = {"status": exception.status, "message": exception.message}
        return render(request, "refusal.html", context, status=exception.status)
