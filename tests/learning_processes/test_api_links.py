"""The API's absolute URLs are on SITE_URL, whatever host the Wagtail Site record or
the request names: a page's html_url, every detail_url (top level, nested, parent),
a document's download_url and the redirect of `find/`."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from tests.factories import LearningProcessFactory, PracticeFactory

pytestmark = pytest.mark.django_db

SITE = "https://cc.example.org"


@pytest.fixture(autouse=True)
def site_record_elsewhere(settings, tmp_path):
    """The Site record names an internal host; SITE_URL says where the site is."""
    settings.SITE_URL = SITE
    settings.MEDIA_ROOT = tmp_path
    Site.objects.filter(is_default_site=True).update(hostname="cms.internal", port=8080)


@pytest.fixture
def practice():
    process = LearningProcessFactory(title="Circular waste")
    return PracticeFactory(title="Composting market waste", learning_process=process)


def test_page_listing_links_are_on_site_url(client, practice):
    listing = client.get("/api/v2/pages/?type=learning_processes.PracticePage&fields=*").json()

    (item,) = listing["items"]
    assert item["meta"]["html_url"] == SITE + practice.url
    assert item["meta"]["detail_url"] == f"{SITE}/api/v2/pages/{practice.pk}/"
    process = practice.learning_process
    assert item["learning_process"]["meta"]["html_url"] == SITE + process.url
    assert item["learning_process"]["meta"]["detail_url"] == f"{SITE}/api/v2/pages/{process.pk}/"
    assert "cms.internal" not in str(listing) and "testserver" not in str(listing)


def test_page_detail_links_and_its_parent_are_on_site_url(client, practice):
    detail = client.get(f"/api/v2/pages/{practice.pk}/", HTTP_HOST="127.0.0.1").json()

    assert detail["meta"]["html_url"] == SITE + practice.url
    assert detail["meta"]["detail_url"] == f"{SITE}/api/v2/pages/{practice.pk}/"
    parent = practice.get_parent()
    assert detail["meta"]["parent"]["meta"]["html_url"] == SITE + parent.url
    assert detail["meta"]["parent"]["meta"]["detail_url"] == f"{SITE}/api/v2/pages/{parent.pk}/"
    assert "cms.internal" not in str(detail) and "127.0.0.1" not in str(detail)


def test_find_redirects_to_the_detail_on_site_url(client, practice):
    response = client.get("/api/v2/pages/find/", {"html_path": practice.url, "fields": "title"})

    assert response.status_code == 302
    assert response["Location"] == f"{SITE}/api/v2/pages/{practice.pk}/?fields=title"


def test_image_and_document_links_are_on_site_url(client):
    image = Image.objects.create(title="Compost", file=get_test_image_file())
    document = Document.objects.create(
        title="Toolkit", file=ContentFile(b"Start small.", name="toolkit.txt")
    )

    (image_item,) = client.get("/api/v2/images/").json()["items"]
    assert image_item["meta"]["detail_url"] == f"{SITE}/api/v2/images/{image.pk}/"
    (document_item,) = client.get("/api/v2/documents/").json()["items"]
    assert document_item["meta"]["detail_url"] == f"{SITE}/api/v2/documents/{document.pk}/"
    assert document_item["meta"]["download_url"] == SITE + document.url
