# Connective Cities community platform: one image for the web server (daphne,
# HTTP + WebSockets) and the background worker (`python manage.py db_worker`).
#
#   docker build -t connective-cities .
#   docker compose up            # the full stack, see docker-compose.yml
#
# Runtime configuration comes from environment variables only (see
# site/connective_site/settings/base.py); nothing secret is baked into the image.

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin app \
    && python -m venv /opt/venv \
    && pip install "pip==26.3"

WORKDIR /app

# Dependencies first, in their own layer: it is rebuilt only when pyproject.toml
# or the lock changes. With no package sources copied yet, this installs the
# project's pinned dependencies and an empty distribution of the project itself.
COPY pyproject.toml constraints.txt ./
RUN pip install -c constraints.txt .

# The project itself. The wheel carries the Python modules only (no templates,
# static files or translations), so the code is run from the source tree below:
# PYTHONPATH puts /app (community, learning_processes, search) and /app/site
# (connective_site) ahead of site-packages.
COPY . .
RUN pip install --no-deps -c constraints.txt .

ENV PYTHONPATH=/app:/app/site \
    DJANGO_SETTINGS_MODULE=connective_site.settings.production \
    STATIC_ROOT=/app/var/static \
    MEDIA_ROOT=/app/var/media \
    PROPOSAL_FILES_ROOT=/app/var/private

# Static files are collected (hashed and compressed for whitenoise) at build
# time. The production settings refuse to load without a secret key and a host
# list and the site address, so this one command gets throwaway values; they are not kept in the
# image's environment and are never used to serve requests.
RUN SECRET_KEY=build-time-only-collectstatic-dummy-key-never-used-to-serve-requests \
    ALLOWED_HOSTS=localhost SITE_URL=https://build.invalid \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media /app/var/private \
    && chown -R app:app /app/var/media /app/var/private

USER app

EXPOSE 8000

# /healthz answers 200 only when the database, cache, channel layer and search
# engine all respond. The request carries the first ALLOWED_HOSTS entry as its
# Host header so that Django's host validation accepts it.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('*.') or 'localhost'; r.urlopen(r.Request('http://127.0.0.1:8000/healthz', headers={'Host': h}), timeout=8)"]

CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "connective_site.asgi:application"]
