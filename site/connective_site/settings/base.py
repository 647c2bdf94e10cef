"""Settings shared by every mode; each value comes from the environment.

The defaults describe the embedded mode (SQLite, in-memory channel layer,
local-memory cache, database search) so that a newcomer runs the site with one
command. The full stack sets DATABASE_URL, REDIS_URL, SEARCH_ENGINE and SEARCH_URL.
"""

import re
from pathlib import Path
from typing import Any, Literal

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .reporting import logging_config

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/connective_site
BASE_DIR = PROJECT_DIR.parent.parent  # repository root

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # runserver leaves static files to WhiteNoise, as production does: Django's own
    # static handler answers /static/..%2Fmanage.py with a 500. Before daphne, whose
    # runserver (HTTP and WebSockets in development) it wraps.
    "whitenoise.runserver_nostatic",
    "daphne",
    "connective_site.home",
    "community",
    "community.live",
    "community.exchange",
    "learning_processes",
    "search",
    "mailing",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_countries",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that every log line below it carries the request's id.
    "connective_site.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages travel compressed (static files come precompressed from WhiteNoise above):
    # many members read on slow mobile connections. Django pads the compressed body
    # against BREACH, and CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "connective_site.middleware.AdminCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "community.middleware.UserTimezoneMiddleware",
    "community.middleware.StaffTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "connective_site.middleware.AdminChooserIdMiddleware",
    # Last, so that it sees a view's uncaught refusal first.
    "connective_site.middleware.RefusalMiddleware",
]

ROOT_URLCONF = "connective_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
    # Plain text (e-mail subjects and bodies) is not HTML: the same templates, rendered
    # without HTML escaping, so "O'Brien & <Partners>" arrives as typed. Only
    # mailing/outbox.py renders with it; pages always use the engine above.
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

WSGI_APPLICATION = None
ASGI_APPLICATION = "connective_site.asgi.application"

# --- Database -----------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if env.str("TEST_DATABASE_NAME", default=""):
    # Lets two test runs share one PostgreSQL server without fighting over test_<name>.
    DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_NAME")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and channel layer ---------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="cc"),
            # Fail fast so /healthz reports a dead Redis instead of hanging.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    CHANNEL_LAYERS: dict[str, dict[str, Any]] = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": env.str("CHANNEL_PREFIX", default="cc")},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# Live rooms fan each event out to hundreds of sockets: Redis pub/sub hands it to each
# server process once (the rooms' event log makes up for what pub/sub does not keep).
CHANNEL_LAYERS["live"] = (
    {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        "CONFIG": {
            "hosts": [REDIS_URL],
            "prefix": env.str("CHANNEL_PREFIX", default="cc") + "-live",
        },
    }
    if REDIS_URL
    else {"BACKEND": "channels.layers.InMemoryChannelLayer"}
)

# Each server process renews its room sockets this often (community/live/app_settings.py).
LIVE_HEARTBEAT_SECONDS = env.float("LIVE_HEARTBEAT_SECONDS", default=30)

# --- Search ---------------------------------------------------------------------
# SEARCH_ENGINE: "database" (embedded default), "opensearch" or "elasticsearch".
SEARCH_ENGINE = env.str("SEARCH_ENGINE", default="database")
SEARCH_URL = env.str("SEARCH_URL", default="http://127.0.0.1:9200")
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="cc")
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=5.0)
# Wagtail's own admin search stays on the database backend; practice search is ours.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Background tasks (django-tasks, already a Wagtail dependency) ----------------
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Auth and accounts (django-allauth) -------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up also asks the name other members see (community/accounts/forms.py).
ACCOUNT_SIGNUP_FORM_CLASS = "community.accounts.forms.SignupForm"
# allauth names people (messages, e-mails) as the rest of the site does.
ACCOUNT_USER_DISPLAY = "community.members.people.display_name"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Counted in the default cache: Redis in the full stack, so every server process shares
# the counts ("N/period/ip|key|user"; see allauth's rate-limit documentation).
# False (the test settings) turns rate limiting off.
ACCOUNT_RATE_LIMITS: dict[str, str] | Literal[False] = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "manage_email": "10/m/user",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
# Whose address the limits "per ip" count: one rule for the site (allauth's
# `get_client_ip`, community/adapter.py). With no proxy (0) the connecting address
# counts and X-Forwarded-For is ignored, since any client can write it. Behind N reverse
# proxies of ours, the N-th address from the right of X-Forwarded-For counts: each proxy
# appends the address it saw, so what a client writes in front is never read. A proxy
# that puts the client's address in a header of its own (X-Real-IP, CF-Connecting-IP)
# is named instead; then that header alone counts.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="") or None
if ALLAUTH_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is the number of proxies: 0 or more.")
if ALLAUTH_TRUSTED_CLIENT_IP_HEADER and not re.fullmatch(
    r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", ALLAUTH_TRUSTED_CLIENT_IP_HEADER
):
    raise ImproperlyConfigured(
        "TRUSTED_CLIENT_IP_HEADER is a header name as the proxy sends it, e.g. X-Real-IP."
    )
# A new e-mail address replaces the old one only once it is verified.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_ADAPTER = "community.adapter.AccountAdapter"
# Staff (superusers and the staff group) set up two-factor authentication before anything
# else; on in production, off in the embedded demo.
COMMUNITY_STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=False)
EMAIL_SUBJECT_PREFIX = "[Connective Cities] "
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX

# --- E-mail ---------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Connective Cities <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -----------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["connective_site.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
# Proposal attachments: outside MEDIA_ROOT, served only to the applicant and staff.
PROPOSAL_FILES_ROOT = env.path("PROPOSAL_FILES_ROOT", default=str(BASE_DIR / "var" / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Connective Cities"
# Where the site is: every absolute link (e-mail, calendar entries, Wagtail's own
# mails) starts with it. `make run` sets it to the address it serves on.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
# No Gravatar in the admin: it would send a hash of each editor's e-mail address to a
# third party, and the Content-Security-Policy blocks the image anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
TAGGIT_CASE_INSENSITIVE = True

# --- Security headers that hold in every mode ----------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing may frame the site; Wagtail's preview views opt in to SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}
# The public site runs without inline scripts or styles; Wagtail's admin still
# ships inline scripts, so only its prefix is given a looser policy (csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
CSP_ADMIN_PREFIXES = ("/admin/", "/django-admin/")

# LOG_FORMAT: "text" here, "json" by default in production (settings/reporting.py).
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)

# Kosovo is on the DAC list of ODA recipients but has no ISO 3166 code yet.
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}
