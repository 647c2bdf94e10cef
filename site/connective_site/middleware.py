"""Content Security Policy for the Wagtail admin.

The public site runs under a strict policy without inline scripts. Wagtail's
admin still relies on inline scripts and styles, so requests below the admin
prefixes get the same policy with 'unsafe-inline' added for those two sources.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

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
