"""The demo's lead images: small files with their source and licence, every demo page
illustrated with alt text, and seeding again adds nothing (an older demo database gets
the pictures it lacks, and a picture an editor chose is kept)."""

from pathlib import Path

import pytest
from wagtail.images.models import Image
from wagtail.models import Revision

from demo.images import IMAGE_DIR, IMAGES
from demo.loader import load
from demo.seed import seed_demo
from learning_processes.models import (
    DialogueEventPage,
    LearningProcessPage,
    OutcomePage,
    PracticePage,
)

pytestmark = pytest.mark.django_db
ILLUSTRATED = (PracticePage, LearningProcessPage, DialogueEventPage, OutcomePage)


def test_demo_image_files_are_small_listed_and_licensed():
    files = {path.name for path in Path(IMAGE_DIR).glob("*.png")}
    assert files == {entry["file"] for entry in IMAGES}
    assert 8 <= len(files) <= 12
    for name in files:
        assert (Path(IMAGE_DIR) / name).stat().st_size <= 60 * 1024, name
    licence = (Path(IMAGE_DIR) / "LICENSE.md").read_text()
    assert "demo/draw_images.py" in licence and "CC0" in licence
    for entry in IMAGES:
        assert len(entry["alt"]) > 20 and entry["title"]


def test_every_demo_process_and_practice_has_a_picture_listed():
    listed_practices = [slug for entry in IMAGES for slug in entry.get("practices", ())]
    listed_processes = [slug for entry in IMAGES for slug in entry.get("processes", ())]
    assert sorted(listed_practices) == sorted(p["slug"] for p in load("practices"))
    assert sorted(listed_processes) == sorted(p["slug"] for p in load("processes"))


def test_every_demo_page_shows_a_picture_with_alt_text(demo_site):
    assert Image.objects.count() == len(IMAGES)
    for model in ILLUSTRATED:
        pages = model.objects.live()
        assert pages.exists(), model
        assert not pages.filter(lead_image__isnull=True).exists(), model
        assert not pages.filter(lead_image_alt="").exists(), model


def test_seeding_again_adds_no_image_and_no_revision(demo_site):
    images, revisions = Image.objects.count(), Revision.objects.count()
    seed_demo()
    assert (Image.objects.count(), Revision.objects.count()) == (images, revisions)


def test_an_older_demo_gets_the_pictures_it_lacks_and_keeps_an_editors_choice(demo_site):
    market = PracticePage.objects.get(slug="market-renovation-oaxaca")
    market.lead_image = None
    market.save_revision().publish()  # as a demo seeded before there were pictures
    chosen = Image.objects.get(title="A citizens' meeting")
    kumasi = PracticePage.objects.get(slug="market-waste-composting-kumasi")
    kumasi.lead_image, kumasi.lead_image_alt = chosen, "An editor's own alt text."
    kumasi.save_revision().publish()

    seed_demo()

    market.refresh_from_db()
    kumasi.refresh_from_db()
    assert market.lead_image.title == "A food market"
    assert market.get_latest_revision_as_object().lead_image_id == market.lead_image_id
    assert (kumasi.lead_image, kumasi.lead_image_alt) == (chosen, "An editor's own alt text.")
    assert Image.objects.count() == len(IMAGES)
