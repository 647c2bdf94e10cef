"""Lead images: the alt-text rule, the responsive <picture> on page heroes and list
cards (WebP with a JPEG fallback, sizes, width and height, lazy except the hero), the
renditions served in every mode, listings that do not ask once per picture, and the API."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image, Rendition
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import (
    LearningProcessFactory,
    LearningProcessIndexFactory,
    PracticeFactory,
    PracticeIndexFactory,
)

pytestmark = pytest.mark.django_db

ALT = "Residents plant trees along a drainage channel."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """A media folder per test, and no renditions cached by an earlier test: ids come
    back after a rollback, and a cached rendition would point into another folder."""
    settings.MEDIA_ROOT = str(tmp_path)
    Rendition.cache_backend.clear()


def picture(title: str = "Channel") -> Image:
    return Image.objects.create(title=title, file=get_test_image_file(size=(1200, 675)))


class Pictures(HTMLParser):
    """Every <picture> of a page: its <source> and <img> attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.pictures: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self.pictures.append({"sources": [], "img": None})
        elif tag == "source" and self.pictures:
            self.pictures[-1]["sources"].append(dict(attrs))
        elif tag == "img" and self.pictures and self.pictures[-1]["img"] is None:
            self.pictures[-1]["img"] = dict(attrs)


def pictures_of(html: str) -> list[dict]:
    parser = Pictures()
    parser.feed(html)
    return parser.pictures


def widths(srcset: str) -> list[int]:
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


# --- The alt-text rule ------------------------------------------------------------------


def test_a_lead_image_without_alt_text_is_refused():
    practice = PracticeFactory()
    practice.lead_image = picture()
    practice.lead_image_alt = "   "
    with pytest.raises(ValidationError) as refused:
        practice.clean()
    assert "lead_image_alt" in refused.value.message_dict


def test_alt_text_is_kept_without_its_surrounding_spaces():
    practice = PracticeFactory()
    practice.lead_image = picture()
    practice.lead_image_alt = f"  {ALT}  "
    practice.clean()
    assert practice.lead_image_alt == ALT


def test_a_page_without_a_lead_image_needs_no_alt_text():
    process = LearningProcessFactory()
    process.clean()  # no error
    assert process.lead_image is None


def test_deleting_the_image_keeps_the_page():
    practice = PracticeFactory(lead_image=picture(), lead_image_alt=ALT)
    practice.lead_image.delete()
    practice.refresh_from_db()
    assert practice.lead_image is None


# --- The markup -------------------------------------------------------------------------


def test_the_hero_is_a_picture_with_webp_and_jpeg_srcsets_loaded_first(client):
    practice = PracticeFactory(lead_image=picture(), lead_image_alt=ALT)
    html = client.get(practice.url).content.decode()

    (hero,) = pictures_of(html)
    (webp,) = hero["sources"]
    assert webp["type"] == "image/webp"
    assert widths(webp["srcset"]) == [480, 768, 1152]
    assert ".webp" in webp["srcset"] and webp["sizes"]
    img = hero["img"]
    assert img["alt"] == ALT
    assert widths(img["srcset"]) == [480, 768, 1152] and ".jpg" in img["srcset"]
    assert (img["width"], img["height"]) == ("480", "200")
    assert img["loading"] == "eager" and img["fetchpriority"] == "high"
    assert img["sizes"] == webp["sizes"]


@pytest.mark.parametrize("factory", [PracticeFactory, LearningProcessFactory])
def test_a_page_without_a_lead_image_shows_no_picture(client, factory):
    html = client.get(factory().url).content.decode()
    assert "<picture" not in html


def test_cards_show_lazy_pictures_with_their_size(client):
    index = PracticeIndexFactory()
    PracticeFactory(parent=index, lead_image=picture(), lead_image_alt=ALT)
    PracticeFactory(parent=index)  # no picture: its card has none
    html = client.get(index.url).content.decode()

    (card,) = pictures_of(html)
    assert card["sources"][0]["type"] == "image/webp"
    assert widths(card["sources"][0]["srcset"]) == [400, 640]
    img = card["img"]
    assert (img["width"], img["height"]) == ("400", "225")
    assert img["loading"] == "lazy" and "fetchpriority" not in img
    assert img["alt"] == ALT


def test_image_files_are_served_with_a_day_of_caching_when_debug_is_off(client, settings):
    settings.DEBUG = False
    practice = PracticeFactory(lead_image=picture(), lead_image_alt=ALT)
    html = client.get(practice.url).content.decode()
    url = pictures_of(html)[0]["img"]["src"]
    assert url.startswith("/media/images/")

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    # The original too (the API's download_url names it), but nothing else in MEDIA_ROOT.
    assert client.get("/media/" + practice.lead_image.file.name).status_code == 200
    (Path(settings.MEDIA_ROOT) / "avatars").mkdir()
    (Path(settings.MEDIA_ROOT) / "avatars" / "someone.jpg").write_bytes(b"photo")
    assert client.get("/media/avatars/someone.jpg").status_code == 404


# --- Listings: a fixed number of queries, with pictures ---------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_illustrated(factory, index, count: int) -> None:
    for number in range(count):
        factory(parent=index, lead_image=picture(f"Picture {number}"), lead_image_alt=ALT)


@pytest.mark.parametrize(
    ("index_factory", "factory"),
    [
        (PracticeIndexFactory, PracticeFactory),
        (LearningProcessIndexFactory, LearningProcessFactory),
    ],
)
def test_listing_queries_do_not_grow_with_pictures(
    client, django_assert_max_num_queries, index_factory, factory
):
    index = index_factory()
    add_illustrated(factory, index, 3)
    client.get(index.url)  # renders the renditions once, as a running site has
    with_3 = count_queries(client, index.url)

    add_illustrated(factory, index, 9)
    client.get(index.url)
    with_12 = count_queries(client, index.url)

    assert with_12 == with_3, f"{with_3} queries with 3 pictures, {with_12} with 12"
    with django_assert_max_num_queries(with_3):
        html = client.get(index.url).content.decode()
    assert len(pictures_of(html)) == 12


# --- The API ----------------------------------------------------------------------------


def test_the_api_gives_the_lead_image_and_its_alt_text(client):
    practice = PracticeFactory(lead_image=picture(), lead_image_alt=ALT)
    data = client.get(f"/api/v2/pages/{practice.pk}/").json()
    assert data["lead_image"]["id"] == practice.lead_image_id
    assert data["lead_image_alt"] == ALT


@pytest.mark.parametrize(
    ("model", "index_factory", "factory"),
    [
        ("PracticePage", PracticeIndexFactory, PracticeFactory),
        ("LearningProcessPage", LearningProcessIndexFactory, LearningProcessFactory),
    ],
)
def test_api_listing_queries_do_not_grow_with_pictures(client, model, index_factory, factory):
    index = index_factory()
    url = f"/api/v2/pages/?type=learning_processes.{model}&fields=*&limit=20"
    add_illustrated(factory, index, 2)
    client.get(url)  # warm the site-root cache, as a running site has
    with_2 = count_queries(client, url)
    add_illustrated(factory, index, 6)
    assert count_queries(client, url) == with_2
