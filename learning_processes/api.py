"""Read-only Wagtail API v2 for pages, images and documents, mounted at /api/v2/.

The endpoints answer GET only (Wagtail registers no other method, so a POST gets
405). They render JSON only: DRF's browsable HTML API relies on inline scripts
that the site's Content-Security-Policy forbids. Query values the database cannot
take (an offset or id beyond every integer column, a date that is not a date) are
refused with a 400 or answer an empty page, never a 500. Every absolute URL they
emit (a page's `html_url`, an object's `detail_url`, a document's `download_url`,
the redirect of `find/`) is on SITE_URL, built by mailing.links like every absolute
link, not on the host of the Wagtail Site record or of the request.
"""

from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch
from rest_framework.fields import SkipField
from rest_framework.renderers import JSONRenderer
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField, DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from learning_processes.models import LearningProcessPage, PracticePage
from learning_processes.serializers import api_detail_url, page_html_url
from mailing.links import absolute_url, on_site


class BoundedPagination(WagtailPagination):
    """Wagtail's offset pagination, but an offset past the last item answers an empty
    page without asking the database: PostgreSQL refuses an OFFSET beyond bigint and
    SQLite one beyond its integers, which made `?offset=99999999999999999999999` a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)  # checks offset and limit
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return page


def check_filter_value(field: Any, name: str, value: str) -> None:
    """Refuse a `?field=value` filter the database could not compare: Wagtail's field
    filter passes dates and related ids through unchecked (a ValidationError or an
    integer overflow inside the query, so a 500)."""
    if isinstance(field, TaggableManager | models.BooleanField):
        return  # tag names are text; Wagtail parses booleans itself
    target = field
    while target.is_relation:  # a relation compares with the key it points to
        target = target.target_field
    try:
        python_value = target.to_python(value)
    except ValidationError as error:
        raise BadRequestError(
            f"field filter error. '{value}' is not a valid value for {name}"
            f" ({' '.join(error.messages)})"
        ) from error
    if isinstance(target, models.IntegerField) and python_value is not None:
        # The SQL standard's ranges (PostgreSQL's), so that SQLite answers the same.
        ranges = BaseDatabaseOperations.integer_field_ranges
        low, high = ranges.get(target.get_internal_type(), ranges["BigIntegerField"])
        if not low <= python_value <= high:
            raise BadRequestError(
                f"field filter error. '{value}' is not a valid value for {name} (out of range)"
            )


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's `?field=value` filter, with each value checked first."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields and name != "locale":  # the locale has its own filter
                try:
                    field = queryset.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                check_filter_value(field, name, value)
        return super().filter_queryset(request, queryset, view)


def checked_filters(filter_backends: list[type]) -> list[type]:
    return [CheckedFieldsFilter if f is FieldsFilter else f for f in filter_backends]


class SiteDetailUrlField(DetailUrlField):
    def get_attribute(self, instance):
        url = api_detail_url(self.context, type(instance), instance.pk)
        if url is None:  # no endpoint serves this model: Wagtail leaves the field out
            raise SkipField
        return url


class SiteHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        try:
            return page_html_url(page, self.context.get("request"))
        except NoReverseMatch:
            return None


def nested_page(page: Any, context: dict) -> dict:
    """A parent or alias as Wagtail nests it (id, type, links, title), with our links."""
    serializer_class = get_serializer_class(
        type(page),
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=SitePageSerializer,
    )
    return serializer_class(context=context).to_representation(page)


class SiteParentField(PageParentField):
    def to_representation(self, value):
        return nested_page(value, self.context)


class SiteAliasOfField(PageAliasOfField):
    def to_representation(self, value):
        return nested_page(value, self.context)


class SitePageSerializer(PageSerializer):
    detail_url = SiteDetailUrlField(read_only=True)
    html_url = SiteHtmlUrlField(read_only=True)
    parent = SiteParentField(read_only=True)
    alias_of = SiteAliasOfField(read_only=True)


class SiteImageSerializer(ImageSerializer):
    detail_url = SiteDetailUrlField(read_only=True)


class SiteDocumentDownloadUrlField(DocumentDownloadUrlField):
    def to_representation(self, document):
        url = document.url
        # A storage that serves documents itself (a bucket) already gives its own URL.
        return url if url.startswith(("http://", "https://")) else absolute_url(url)


class SiteDocumentSerializer(DocumentSerializer):
    detail_url = SiteDetailUrlField(read_only=True)
    download_url = SiteDocumentDownloadUrlField(read_only=True)


class OnSiteFindMixin:
    """`find/` redirects to the object's detail URL, which Wagtail builds on the
    Site record's host; the redirect goes to SITE_URL instead."""

    def find_view(self, request: HttpRequest) -> HttpResponse:
        response = super().find_view(request)  # type: ignore[misc]
        response["Location"] = on_site(response["Location"])
        return response


class LearningProcessPagesAPIViewSet(OnSiteFindMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, with listings of processes and practices kept to a
    fixed number of queries: the phase comes from `with_phase()` in SQL and the
    related rows are prefetched, instead of one query per page and field."""

    base_serializer_class = SitePageSerializer
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    filter_backends = checked_filters(PagesAPIViewSet.filter_backends)

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is LearningProcessPage:
            queryset = (
                queryset.with_phase()
                .select_related("locale", "topic_field", "lead_image")
                .prefetch_related("tags", "sdgs", "partners")
            )
        elif queryset.model is PracticePage:
            queryset = queryset.select_related(
                "locale", "topic_field", "learning_process", "lead_image"
            ).prefetch_related("tags", "sdgs")
        return queryset


class JSONImagesAPIViewSet(OnSiteFindMixin, ImagesAPIViewSet):
    base_serializer_class = SiteImageSerializer
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    filter_backends = checked_filters(ImagesAPIViewSet.filter_backends)


class JSONDocumentsAPIViewSet(OnSiteFindMixin, DocumentsAPIViewSet):
    base_serializer_class = SiteDocumentSerializer
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    filter_backends = checked_filters(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LearningProcessPagesAPIViewSet)
api_router.register_endpoint("images", JSONImagesAPIViewSet)
api_router.register_endpoint("documents", JSONDocumentsAPIViewSet)
