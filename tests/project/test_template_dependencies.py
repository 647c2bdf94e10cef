"""Content templates load no other app's template tags: what community and search show
on a content page comes through the page slots they fill (learning_processes.extensions).

Import contracts (pyproject's import-linter section) see Python imports only; a
`{% load %}` is an import made at render time, so it is checked here.
"""

import re
from pathlib import Path

from django.template import engines

from tests.project.ours import source_dir

CONTENT_APPS = ["learning_processes"]
FORBIDDEN = ("community", "search", "connective_site")
LOAD = re.compile(r"{%\s*load\s+([^%]*?)\s*%}")


def loads_from_forbidden_apps(template: Path, libraries: dict[str, str]) -> list[str]:
    found = []
    for names in LOAD.findall(template.read_text(encoding="utf-8")):
        for name in names.split():
            if libraries.get(name, "").startswith(tuple(f"{app}." for app in FORBIDDEN)):
                found.append(f"{template}: {{% load {name} %}} ({libraries[name]})")
    return found


def test_content_templates_load_no_tags_of_community_search_or_the_site():
    libraries = dict(engines["django"].engine.libraries)
    templates = [
        path for app in CONTENT_APPS for path in source_dir(app).rglob("templates/**/*.html")
    ]

    problems = [line for path in templates for line in loads_from_forbidden_apps(path, libraries)]

    assert templates
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_community_tag_library(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("{% load i18n community_tags %}{% members_area page %}")

    found = loads_from_forbidden_apps(template, dict(engines["django"].engine.libraries))

    assert found and "community.templatetags.community_tags" in found[0]
