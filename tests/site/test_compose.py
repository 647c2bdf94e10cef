"""The container setup: docker-compose.yml and the Dockerfile describe a stack
that the settings can actually run on (no Docker engine needed to check this)."""

import json
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
SETTINGS_DIR = ROOT / "site" / "connective_site" / "settings"

APP_SERVICES = ("web", "worker")
DATA_SERVICES = ("postgres", "redis", "elasticsearch", "opensearch")
ASGI_APP = "connective_site.asgi:application"

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}
_VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")
# env("NAME", env.str("NAME", env.db("NAME", env.email_url("NAME", env.list("NAME", ...
_SETTINGS_ENV_READ = re.compile(r"""\benv(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]*)["']""")


def interpolate(value: str, environ: dict[str, str] | None = None) -> str:
    """Resolve compose-style ${...} references the way `docker compose` does."""
    environ = environ or {}

    def replace(match: re.Match) -> str:
        name, op, arg = match["name"], match["op"], match["arg"]
        current = environ.get(name)
        unset = current is None or (op is not None and op.startswith(":") and not current)
        if op and unset:
            if op.endswith("?"):
                raise KeyError(f"{name} is required: {arg}")
            return arg
        return current or ""

    return _VARIABLE.sub(replace, value.replace("$$", "\0")).replace("\0", "$")


def env_map(environment) -> dict[str, str]:
    if environment is None:
        return {}
    if isinstance(environment, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in environment)
    return {str(key): "" if value is None else str(value) for key, value in environment.items()}


def resolved_env(service: dict, environ: dict[str, str] | None = None) -> dict[str, str]:
    environ = {"SECRET_KEY": "x" * 64, **(environ or {})}
    raw = env_map(service.get("environment"))
    return {key: interpolate(value, environ) for key, value in raw.items()}


def as_argv(command) -> list[str]:
    return shlex.split(command) if isinstance(command, str) else [str(part) for part in command]


def healthcheck_test(service: dict) -> str:
    test = (service.get("healthcheck") or {}).get("test")
    if not test:
        return ""
    return test if isinstance(test, str) else " ".join(str(part) for part in test)


def depends_on(service: dict) -> dict[str, str]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return dict.fromkeys(deps, "service_started")
    return {name: (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    logical, buffer = [], ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            buffer += stripped[:-1] + " "
            continue
        logical.append(buffer + stripped)
        buffer = ""
    pairs = []
    for entry in logical:
        keyword, _, rest = entry.partition(" ")
        pairs.append((keyword.upper(), rest.strip()))
    return pairs


def dockerfile_exec_form(keyword: str) -> list[str]:
    values = [rest for key, rest in dockerfile_instructions() if key == keyword]
    assert values, f"the Dockerfile has no {keyword}"
    rest = values[-1]  # the last one wins
    if keyword == "HEALTHCHECK":
        rest = rest[rest.index("CMD") + 3 :].strip()
    try:
        return json.loads(rest)
    except json.JSONDecodeError:
        return shlex.split(rest)


def settings_env_names() -> set[str]:
    names: set[str] = set()
    for path in SETTINGS_DIR.glob("*.py"):
        names.update(_SETTINGS_ENV_READ.findall(path.read_text()))
    return names


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict[str, dict]:
    return compose["services"]


def one_shot_services(services: dict[str, dict]) -> set[str]:
    """Services that others wait to *finish* (e.g. migrations): they run and exit."""
    return {
        name
        for service in services.values()
        for name, condition in depends_on(service).items()
        if condition == "service_completed_successfully"
    }


# --- the interpolation helper itself ---------------------------------------------------


def test_interpolation_helper_follows_compose_rules():
    assert interpolate("${A:-x}") == "x"
    assert interpolate("${A:-x}", {"A": "y"}) == "y"
    assert interpolate("${A:-x}", {"A": ""}) == "x"
    assert interpolate("${A-x}", {"A": ""}) == ""
    assert interpolate("pre-$${A}") == "pre-${A}"
    with pytest.raises(KeyError):
        interpolate("${A:?needed}")


# --- services ---------------------------------------------------------------------------


def test_stack_has_database_cache_search_web_and_worker(services):
    for name in ("postgres", "redis", "elasticsearch", "web", "worker"):
        assert name in services, f"docker-compose.yml has no {name} service"


def test_core_services_start_without_a_profile(services):
    for name in ("postgres", "redis", "elasticsearch", "web", "worker"):
        assert not services[name].get("profiles"), f"{name} must start with a plain `up`"


def test_opensearch_is_available_behind_its_own_profile(services):
    assert "opensearch" in services
    assert services["opensearch"].get("profiles") == ["opensearch"]
    assert services["opensearch"]["image"].startswith("opensearchproject/opensearch:3")


def test_data_services_use_the_official_images(services):
    assert services["postgres"]["image"] == "postgres:17"
    assert services["redis"]["image"].split(":")[0] == "redis"
    assert services["redis"]["image"].split(":")[1].startswith("7")
    assert services["elasticsearch"]["image"].startswith(
        "docker.elastic.co/elasticsearch/elasticsearch:9."
    )


def test_every_long_running_service_has_a_healthcheck(services):
    one_shot = one_shot_services(services)
    long_running = [name for name in services if name not in one_shot]
    assert {"postgres", "redis", "elasticsearch", "opensearch", "web", "worker"} <= set(
        long_running
    )
    for name in long_running:
        healthcheck = services[name].get("healthcheck") or {}
        assert not healthcheck.get("disable"), f"{name} disables its healthcheck"
        assert healthcheck_test(services[name]), f"{name} has no healthcheck test"


def test_one_shot_services_do_not_restart(services):
    for name in one_shot_services(services):
        assert services[name].get("restart", "no") == "no", f"{name} would run again and again"


def test_data_service_healthchecks_ask_the_service_itself(services):
    assert "pg_isready" in healthcheck_test(services["postgres"])
    assert "redis-cli" in healthcheck_test(services["redis"])
    assert "ping" in healthcheck_test(services["redis"])
    for name in ("elasticsearch", "opensearch"):
        test = healthcheck_test(services[name])
        assert "curl" in test and "_cluster/health" in test, name


def test_web_healthcheck_requests_healthz(services):
    test = healthcheck_test(services["web"])
    assert "urllib" in test
    assert "http://127.0.0.1:8000/healthz" in test


def test_web_waits_for_healthy_database_cache_and_search(services):
    deps = depends_on(services["web"])
    for name in ("postgres", "redis", "elasticsearch"):
        assert deps.get(name) == "service_healthy", f"web does not wait for a healthy {name}"


def test_worker_waits_for_a_healthy_database(services):
    assert depends_on(services["worker"]).get("postgres") == "service_healthy"


def test_migrations_run_before_web_and_worker(services):
    migrating = [
        name
        for name, service in services.items()
        if "manage.py migrate" in " ".join(as_argv(service.get("command") or []))
    ]
    assert migrating, "no service runs `manage.py migrate`"
    for app in APP_SERVICES:
        web_runs_it = app in migrating
        waits_for_it = any(
            depends_on(services[app]).get(name) == "service_completed_successfully"
            for name in migrating
        )
        assert web_runs_it or waits_for_it, f"{app} may start before the migrations ran"


def test_data_services_keep_their_data_in_volumes(compose, services):
    declared = set(compose.get("volumes") or {})
    for name in DATA_SERVICES:
        volumes = services[name].get("volumes") or []
        named = [str(v).split(":")[0] for v in volumes if not str(v).startswith((".", "/"))]
        assert named, f"{name} has no named volume"
        assert set(named) <= declared, f"{name} uses undeclared volumes {named}"


def test_uploaded_media_survive_container_replacement(compose, services):
    media_root = resolved_env(services["web"])["MEDIA_ROOT"]
    for name in APP_SERVICES:
        targets = [str(v).split(":")[1] for v in services[name].get("volumes") or []]
        assert media_root in targets, f"{name} does not keep {media_root} in a volume"


# --- search engines ------------------------------------------------------------------------


def test_elasticsearch_is_single_node_with_explicit_security(services):
    env = env_map(services["elasticsearch"].get("environment"))
    assert env.get("discovery.type") == "single-node"
    assert env.get("xpack.security.enabled") in ("true", "false")
    assert "-Xmx" in env.get("ES_JAVA_OPTS", "")


def test_elasticsearch_security_choice_is_explained_next_to_it():
    text = COMPOSE_FILE.read_text()
    line = next(n for n, ln in enumerate(text.splitlines()) if "xpack.security.enabled" in ln)
    nearby = "\n".join(text.splitlines()[max(0, line - 8) : line + 1]).lower()
    assert "private" in nearby and "enable" in nearby


def test_opensearch_is_single_node_with_explicit_security(services):
    env = env_map(services["opensearch"].get("environment"))
    assert env.get("discovery.type") == "single-node"
    assert env.get("DISABLE_SECURITY_PLUGIN") in ("true", "false")
    if env["DISABLE_SECURITY_PLUGIN"] == "false":
        assert env.get("OPENSEARCH_INITIAL_ADMIN_PASSWORD")


def test_search_settings_point_at_the_matching_engine_by_default(services):
    for app in APP_SERVICES:
        env = resolved_env(services[app])
        engine, url = env["SEARCH_ENGINE"], urlsplit(env["SEARCH_URL"])
        assert engine == "elasticsearch"
        assert url.scheme in ("http", "https")
        assert url.hostname == engine, f"{app}: SEARCH_URL {url.geturl()} is not the {engine}"
        assert url.hostname in services and engine in services[url.hostname]["image"]


def test_documented_opensearch_switch_yields_consistent_settings(services):
    text = COMPOSE_FILE.read_text()
    assert "SEARCH_ENGINE=opensearch SEARCH_URL=http://opensearch:9200" in text
    assert "--profile opensearch" in text
    switch = {"SEARCH_ENGINE": "opensearch", "SEARCH_URL": "http://opensearch:9200"}
    for app in APP_SERVICES:
        env = resolved_env(services[app], switch)
        assert env["SEARCH_ENGINE"] == "opensearch"
        assert urlsplit(env["SEARCH_URL"]).hostname == "opensearch"


# --- application environment -----------------------------------------------------------------


def test_web_and_worker_share_one_environment(services):
    assert env_map(services["web"].get("environment")) == env_map(
        services["worker"].get("environment")
    )


@pytest.mark.parametrize("app", APP_SERVICES)
def test_app_database_url_is_the_compose_postgres(services, app):
    env = resolved_env(services[app])
    url = urlsplit(env["DATABASE_URL"])
    assert url.scheme in ("postgres", "postgresql")
    assert url.hostname == "postgres"
    assert url.port in (None, 5432)
    pg = resolved_env(services["postgres"])
    assert url.username == pg["POSTGRES_USER"]
    assert url.password == pg["POSTGRES_PASSWORD"]
    assert url.path.lstrip("/") == pg["POSTGRES_DB"]


@pytest.mark.parametrize("app", APP_SERVICES)
def test_app_redis_url_is_the_compose_redis(services, app):
    url = urlsplit(resolved_env(services[app])["REDIS_URL"])
    assert url.scheme == "redis"
    assert url.hostname == "redis"


@pytest.mark.parametrize("app", APP_SERVICES)
def test_app_secret_key_is_required_never_defaulted(services, app):
    raw = env_map(services[app].get("environment"))["SECRET_KEY"]
    assert re.fullmatch(r"\$\{SECRET_KEY:?\?[^}]+\}", raw), raw
    with pytest.raises(KeyError):
        interpolate(raw, {})


@pytest.mark.parametrize("app", APP_SERVICES)
def test_app_runs_production_settings_without_tls_redirect(services, app):
    env = resolved_env(services[app])
    assert env["DJANGO_SETTINGS_MODULE"] == "connective_site.settings.production"
    assert env["ALLOWED_HOSTS"], "production settings refuse an empty ALLOWED_HOSTS"
    assert env["SECURE_SSL_REDIRECT"].lower() == "false"
    assert env["DEBUG"].lower() == "false"
    assert env["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_settings_env_scan_finds_the_documented_variables():
    names = settings_env_names()
    assert {"DATABASE_URL", "REDIS_URL", "SEARCH_URL", "EMAIL_URL", "ALLOWED_HOSTS"} <= names
    assert "NAME" not in names


@pytest.mark.parametrize("app", APP_SERVICES)
def test_every_app_variable_is_read_by_the_settings(services, app):
    set_by_compose = set(env_map(services[app].get("environment")))
    unknown = set_by_compose - settings_env_names() - {"DJANGO_SETTINGS_MODULE"}
    assert not unknown, f"{app} sets variables no settings module reads: {sorted(unknown)}"


# --- image and commands ----------------------------------------------------------------------


def test_web_serves_the_asgi_application_with_daphne(services):
    argv = as_argv(services["web"].get("command") or dockerfile_exec_form("CMD"))
    assert argv[0] == "daphne"
    assert argv[-1] == ASGI_APP
    assert "0.0.0.0" in argv
    assert any(str(port).endswith(":8000") for port in services["web"].get("ports", []))


def test_worker_runs_the_database_task_worker(services):
    argv = as_argv(services["worker"]["command"])
    assert argv[-2:] == ["manage.py", "db_worker"]


def test_app_services_keep_the_images_unprivileged_user(services):
    for app in (*APP_SERVICES, *one_shot_services(services)):
        user = str(services[app].get("user", "")).split(":")[0]
        assert user not in ("root", "0"), f"{app} overrides the image's user with root"


def test_app_services_are_built_from_this_repository(services):
    for app in APP_SERVICES:
        build = services[app].get("build")
        context = build if isinstance(build, str) else (build or {}).get("context")
        assert context in (".", "./"), f"{app} is not built from the repository root"


def test_dockerfile_default_command_is_daphne_serving_the_asgi_app():
    argv = dockerfile_exec_form("CMD")
    assert argv[0] == "daphne"
    assert argv[-1] == ASGI_APP
    assert argv[argv.index("-b") + 1] == "0.0.0.0"


def test_dockerfile_builds_on_python_311_slim():
    base = [rest for key, rest in dockerfile_instructions() if key == "FROM"]
    assert base and base[-1].split()[0].startswith("python:3.11-slim")


def test_dockerfile_runs_as_an_unprivileged_user():
    users = [rest for key, rest in dockerfile_instructions() if key == "USER"]
    assert users, "the image runs as root"
    assert users[-1].split(":")[0] not in ("root", "0")


def test_dockerfile_installs_with_the_constraints_lock():
    instructions = dockerfile_instructions()
    installs = [
        n
        for n, (key, rest) in enumerate(instructions)
        if key == "RUN" and re.search(r"pip install\b.*\s\.(\s|$)", rest)
    ]
    assert installs, "the project is never pip-installed"
    assert all("-c constraints.txt" in instructions[n][1] for n in installs)
    copied_before = " ".join(rest for key, rest in instructions[: installs[0]] if key == "COPY")
    assert "constraints.txt" in copied_before.split() or ". ." in copied_before


def test_dockerfile_collects_static_files_with_a_throwaway_secret():
    instructions = dockerfile_instructions()
    collect = [rest for key, rest in instructions if key == "RUN" and "collectstatic" in rest]
    assert collect, "static files are not collected at build time"
    assert "--noinput" in collect[0]
    assert "SECRET_KEY=" in collect[0] and "ALLOWED_HOSTS=" in collect[0]
    # The dummy key lives in that one RUN only, never in the image's environment.
    for key, rest in instructions:
        if key in ("ENV", "ARG"):
            assert "SECRET_KEY" not in rest


def test_dockerfile_healthcheck_requests_healthz_with_urllib():
    argv = dockerfile_exec_form("HEALTHCHECK")
    joined = " ".join(argv)
    assert argv[0] == "python"
    assert "urllib" in joined
    assert "http://127.0.0.1:8000/healthz" in joined


def test_dockerfile_makes_the_site_package_importable():
    env = " ".join(rest for key, rest in dockerfile_instructions() if key == "ENV")
    match = re.search(r"PYTHONPATH=(\S+)", env)
    assert match and "/app/site" in match.group(1).split(":")
    assert "DJANGO_SETTINGS_MODULE=connective_site.settings.production" in env


def test_dockerignore_keeps_local_state_and_secrets_out_of_the_image():
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".git", ".venv", ".env", "db.sqlite3", ".services"} <= ignored
    assert not {"constraints.txt", "pyproject.toml", "site", "manage.py"} & ignored
