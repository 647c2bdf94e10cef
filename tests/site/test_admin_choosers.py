"""The Wagtail admin's choosers answer a malformed or impossible id with 404 (in the path)
or 400 (in the query string), not a 500: Wagtail looks the id up as it comes, so
`/admin/images/chooser/chosen/abc/` raised "Field 'id' expected a number"."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
CHOSEN = [
    "/admin/images/chooser/chosen/{}/",
    "/admin/documents/chooser/chosen/{}/",
    "/admin/snippets/choose/learning_processes/topicfield/chosen/{}/",
]
CHOSEN_MULTIPLE = [
    "/admin/images/chooser/chosen-multiple/",
    "/admin/documents/chooser/chosen-multiple/",
    "/admin/snippets/choose/learning_processes/topicfield/chosen-multiple/",
]


@pytest.fixture
def editor(client):
    admin = get_user_model().objects.create_superuser("editor@example.org", "editor@example.org")
    client.force_login(admin)
    return client


@pytest.mark.parametrize("url", CHOSEN)
@pytest.mark.parametrize("value", ["abc", HUGE, "2147483648", "-1", "1.5"])
def test_a_chooser_answers_a_malformed_id_in_the_path_with_404(editor, url, value):
    assert editor.get(url.format(value)).status_code == 404


@pytest.mark.parametrize("url", CHOSEN_MULTIPLE)
@pytest.mark.parametrize("value", ["abc", HUGE])
def test_a_chooser_answers_a_malformed_id_in_the_query_with_400(editor, url, value):
    assert editor.get(url, {"id": ["1", value]}).status_code == 400


def test_a_chooser_still_answers_a_real_id(editor):
    image = Image.objects.create(title="Compost", file=get_test_image_file())

    chosen = editor.get(f"/admin/images/chooser/chosen/{image.pk}/")
    multiple = editor.get("/admin/images/chooser/chosen-multiple/", {"id": [image.pk]})
    missing = editor.get("/admin/images/chooser/chosen/2147483647/")

    assert chosen.status_code == 200
    assert chosen.json()["result"]["id"] == str(image.pk)
    assert multiple.status_code == 200
    assert missing.status_code == 404
