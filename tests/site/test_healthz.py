"""/healthz asks each configured service for real and names the one that fails."""

import pytest
from django.test import override_settings

# Nothing listens on port 1 of the loopback interface: a service that is "down".
DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.mark.django_db
def test_healthz_reports_every_service_up(client, settings):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    assert body["down"] == []
    assert set(body["services"]) == {"database", "cache", "channel_layer", "search"}
    assert all(s["status"] == "ok" for s in body["services"].values())
    assert body["services"]["database"]["backend"] == (
        "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"
    )
    assert body["services"]["search"]["backend"] == settings.SEARCH_ENGINE
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_healthz_names_a_dead_cache_with_503(client):
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with override_settings(CACHES=caches):
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "down"
    assert body["down"] == ["cache"]
    assert "Connection" in body["services"]["cache"]["error"]


@pytest.mark.django_db
def test_healthz_names_a_dead_channel_layer_with_503(client):
    layers = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [DEAD_REDIS]},
        }
    }
    with override_settings(CHANNEL_LAYERS=layers):
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503
    assert body["down"] == ["channel_layer"]


@pytest.mark.django_db
def test_healthz_names_a_dead_search_engine_with_503(client):
    with override_settings(
        SEARCH_ENGINE="opensearch", SEARCH_URL="http://127.0.0.1:1", SEARCH_TIMEOUT=1
    ):
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503
    assert body["down"] == ["search"]
    assert "error" in body["services"]["search"]


@pytest.mark.django_db
def test_healthz_accepts_only_get(client):
    assert client.post("/healthz").status_code == 405
