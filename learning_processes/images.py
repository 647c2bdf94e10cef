"""Lead images on listings: the image and its renditions come with the page of items.

Without this, each card would ask for its image and then for its renditions: two
queries per card. With it, a listing asks twice for any number of cards: once for the
images, once for all their renditions (the includes pick theirs from them).
"""

from typing import TypeVar

from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model

Pages = TypeVar("Pages", bound=QuerySet)


def with_lead_images(pages: Pages) -> Pages:
    """`pages` (of IllustratedPage) with each lead image and its renditions prefetched."""
    images = get_image_model().objects.prefetch_renditions()
    return pages.prefetch_related(Prefetch("lead_image", queryset=images))
