"""The demo's lead images: the pictures in `data/images/`, listed in `data/images.yaml`.

Each picture is imported once as a Wagtail image (found again by its title, so seeding
twice adds nothing), with its focal point, and set with its alt text on the pages the
list names: new pages get theirs as they are added (`DemoPictures.illustrate`); pages of
an older demo database that have none get theirs as a new published revision, as an
editor would set it (`seed_demo_images`). A page that already has a lead image keeps it.
"""

from typing import Any

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page

from demo.loader import DATA, load
from learning_processes.models import (
    DialogueEventPage,
    LearningProcessPage,
    OutcomePage,
    PracticePage,
)

IMAGES: list[dict[str, Any]] = load("images")["images"]
IMAGE_DIR = DATA / "images"


class DemoPictures:
    """Which demo page shows which picture; the pictures are imported when first needed."""

    def __init__(self) -> None:
        self.for_process = {slug: entry for entry in IMAGES for slug in entry.get("processes", ())}
        self.for_practice = {slug: entry for entry in IMAGES for slug in entry.get("practices", ())}
        self.for_event = next(entry for entry in IMAGES if entry.get("dialogue_events"))
        self._images: dict[str, Any] | None = None

    def entry_for(self, page: Page, parent: Page) -> dict[str, Any] | None:
        """The picture listed for `page` (below `parent`), if any."""
        if isinstance(page, PracticePage):
            return self.for_practice.get(page.slug)
        if isinstance(page, LearningProcessPage):
            return self.for_process.get(page.slug)
        if isinstance(page, OutcomePage):  # an outcome shows its process's picture
            return self.for_process.get(parent.slug)
        if isinstance(page, DialogueEventPage):
            return self.for_event
        return None

    def illustrate(self, page: Page, parent: Page) -> bool:
        """Give `page` its listed picture unless it has a lead image; True if it got one."""
        entry = self.entry_for(page, parent)
        if entry is None or getattr(page, "lead_image_id", True) is not None:
            return False
        page.lead_image = self.images()[entry["file"]]
        page.lead_image_alt = entry["alt"]
        return True

    def images(self) -> dict[str, Any]:
        """Every listed picture as a Wagtail image, by file name, imported if missing."""
        if self._images is None:
            Image = get_image_model()
            existing = {
                image.title: image
                for image in Image.objects.filter(title__in=[entry["title"] for entry in IMAGES])
            }
            self._images = {
                entry["file"]: existing.get(entry["title"]) or _import(entry) for entry in IMAGES
            }
        return self._images


def _import(entry: dict[str, Any]) -> Any:
    """A Wagtail image of the listed picture, with its focal point.

    The file is stored under the name Wagtail gives it; when that file is already there
    with the same size (the demo seeded into a fresh database, a test run), it is reused
    instead of stored again under a new name."""
    Image = get_image_model()
    x, y, width, height = entry["focal_point"]
    image = Image(
        title=entry["title"],
        focal_point_x=x + width // 2,
        focal_point_y=y + height // 2,
        focal_point_width=width,
        focal_point_height=height,
    )
    source = IMAGE_DIR / entry["file"]
    storage = Image._meta.get_field("file").storage
    stored = image.get_upload_to(entry["file"])
    if storage.exists(stored) and storage.size(stored) == source.stat().st_size:
        image.file = stored
        image.save()
        return image
    with source.open("rb") as file:
        image.file = ImageFile(file, name=entry["file"])
        image.save()
    return image


def seed_demo_images(pictures: DemoPictures | None = None) -> int:
    """Set the listed pictures on demo pages that have no lead image; return how many.

    Only pages of the demo are touched: processes and practices by their slug, dialogue
    events and outcomes when their process is one of the demo's."""
    pictures = pictures or DemoPictures()
    candidates = [
        *LearningProcessPage.objects.filter(
            slug__in=list(pictures.for_process), lead_image__isnull=True
        ),
        *PracticePage.objects.filter(slug__in=list(pictures.for_practice), lead_image__isnull=True),
        *OutcomePage.objects.filter(lead_image__isnull=True),
        *DialogueEventPage.objects.filter(lead_image__isnull=True),
    ]
    changed = 0
    for page in candidates:
        parent = page.get_parent()
        if isinstance(page, OutcomePage | DialogueEventPage) and (
            parent.slug not in pictures.for_process
        ):
            continue
        if pictures.illustrate(page, parent):
            page.save_revision(clean=False).publish()
            changed += 1
    return changed
