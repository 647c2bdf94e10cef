from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from django.views.static import serve

from connective_site.health import run_checks


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, services = run_checks()
    body = {
        "status": "ok" if healthy else "down",
        "down": [name for name, result in services.items() if result["status"] != "ok"],
        "services": services,
    }
    return JsonResponse(body, status=200 if healthy else 503)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 403 page in the site's layout. A refusal that names a learning-process space
    (an exception with a `space` attribute) says what the space is and offers to log in
    or to ask to join, instead of a bare "Forbidden"."""
    context = {
        "space": getattr(exception, "space", None),
        "facilitate": getattr(exception, "facilitate", False),
    }
    return render(request, "403.html", context, status=403)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, with the request's id to quote to support. Rendered without a
    request context (no context processors, so no database), like Django's own."""
    html = loader.get_template("500.html").render(
        {"request_id": getattr(request, "request_id", "")}
    )
    return HttpResponseServerError(html)


@require_GET
@cache_control(public=True, max_age=24 * 60 * 60)
def wagtail_image_file(request: HttpRequest, folder: str, path: str) -> HttpResponseBase:
    """A Wagtail image's file: a rendition (`MEDIA_ROOT/images/`), which pages show, or
    the original (`original_images/`), which the API's `download_url` names; in every mode.

    Wagtail images are public content, and neither the embedded mode nor the Compose
    stack has a file server in front, so the site serves them itself. The rest of
    MEDIA_ROOT (documents, profile photos) is served by the development URLconf only.
    A path that climbs out answers 400 or 404."""
    return serve(request, path, document_root=str(Path(settings.MEDIA_ROOT) / folder))
