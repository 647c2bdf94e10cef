"""Read-only Wagtail API v2 for pages, images and documents, mounted at /api/v2/.

The endpoints answer GET only (Wagtail registers no other method, so a POST gets
405). They render JSON only: DRF's browsable HTML API relies on inline scripts
that the site's Content-Security-Policy forbids.
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from learning_processes.models import LearningProcessPage, PracticePage


class LearningProcessPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, with listings of processes and practices kept to a
    fixed number of queries: the phase comes from `with_phase()` in SQL and the
    related rows are prefetched, instead of one query per page and field."""

    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is LearningProcessPage:
            queryset = (
                queryset.with_phase()
                .select_related("locale", "topic_field")
                .prefetch_related("tags", "sdgs", "partners")
            )
        elif queryset.model is PracticePage:
            queryset = queryset.select_related(
                "locale", "topic_field", "learning_process"
            ).prefetch_related("tags", "sdgs")
        return queryset


class JSONImagesAPIViewSet(ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]


class JSONDocumentsAPIViewSet(DocumentsAPIViewSet):
    renderer_classes = [JSONRenderer]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LearningProcessPagesAPIViewSet)
api_router.register_endpoint("images", JSONImagesAPIViewSet)
api_router.register_endpoint("documents", JSONDocumentsAPIViewSet)
