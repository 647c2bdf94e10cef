"""The production check of SITE_URL: links in e-mail must reach people."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104 (a name to refuse, not to bind)


def check_site_url(value: str, *, allow_local: bool = False) -> str:
    """SITE_URL without its trailing slash, or ImproperlyConfigured saying what is wrong:
    a missing value, no http(s) scheme, a path, or a loopback host would send every
    e-mail link somewhere the recipient cannot open. `allow_local` lets the production
    settings run on one machine on purpose (the Docker Compose stack)."""
    value = value.strip().rstrip("/")
    if not value:
        raise ImproperlyConfigured(
            "SITE_URL must be set to the address people open the site at, "
            "e.g. https://cc.example.org: every link in e-mails starts with it."
        )
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL must be an http(s) address, not {value!r}.")
    if parts.path or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"SITE_URL must be the site's root, without a path: {value!r}.")
    host = parts.hostname.lower()
    if not allow_local and (
        host in LOOPBACK_HOSTS or host.startswith("127.") or host.endswith(".localhost")
    ):
        raise ImproperlyConfigured(
            f"SITE_URL points to this machine ({value}); links in e-mails would not reach "
            "anyone. Set it to the public address of the site "
            "(or ALLOW_LOCAL_SITE_URL=true to run on this machine on purpose)."
        )
    return value
