"""Absolute links for what leaves the site (e-mail, calendar entries, exports).

One setting, SITE_URL, says where the site is; every absolute URL is built here from
it. A request's own host is not used: a background task has no request, and a link
must not depend on which address a person happened to use (a proxy, a loopback
port, a Host header someone sent).
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def site_url() -> str:
    """The site's address without a trailing slash, e.g. `https://cc.example.org`."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (a site path such as `reverse(...)` gives) as an absolute URL."""
    if not path.startswith("/"):
        path = "/" + path
    return site_url() + path


def on_site(url: str) -> str:
    """`url`'s path, query and fragment on SITE_URL, whichever host it named (a
    library's link built from the request or the Wagtail Site record)."""
    parts = urlsplit(url)
    return absolute_url(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))


def site_domain() -> str:
    """The host name of SITE_URL (calendar entries' UIDs, message ids)."""
    return urlsplit(site_url()).hostname or "localhost"
