"""Small DRF serializers for the API fields that Wagtail cannot render usefully alone.

Wagtail nests a related snippet as `{"id", "meta": {"type"}}` only; these give the
reader the name of a topic field or SDG. Links to other pages list live pages
only, so the API never names a draft through a relation.
"""

from typing import Any

from django.http import HttpRequest
from rest_framework import serializers

from learning_processes.models.taxonomy import SustainableDevelopmentGoal, TopicField
from mailing.links import absolute_url


class TopicFieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = TopicField
        fields = ["id", "name", "slug"]
        read_only_fields = fields


class SustainableDevelopmentGoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = SustainableDevelopmentGoal
        fields = ["number", "name"]
        read_only_fields = fields


def page_html_url(page: Any, request: HttpRequest | None) -> str | None:
    """A page's public address on SITE_URL like every absolute link (Wagtail's
    would be on the Wagtail Site record's host); None for a page with no route."""
    parts = page.get_url_parts(request)
    return absolute_url(parts[2]) if parts else None


def api_detail_url(context: dict, model: type, pk: object) -> str | None:
    """The API's address of an object on SITE_URL (Wagtail's would be on the Site
    record's host); None when no endpoint serves its model."""
    router = context.get("router")
    path = router.get_object_detail_urlpath(model, pk) if router is not None else None
    return absolute_url(path) if path else None


def _page_link(page, context: dict) -> dict:
    """The shape Wagtail uses for a nested page, plus its public URL."""
    meta = {"type": page._meta.label, "html_url": page_html_url(page, context.get("request"))}
    detail_url = api_detail_url(context, type(page), page.pk)
    if detail_url is not None:
        meta["detail_url"] = detail_url
    return {"id": page.pk, "meta": meta, "title": page.title}


class TagNamesField(serializers.Field):
    """Tag names in alphabetical order. Unlike Wagtail's TagsField it sorts in
    Python, so tags prefetched for a listing are not fetched again per page."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class LivePageLinkField(serializers.Field):
    """A foreign key to a page: the link, or null while that page is not live."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return _page_link(value, self.context) if value.live else None


class LivePageLinkListField(serializers.Field):
    """A many-to-many relation to pages: links to the live ones, by title."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source).all()

    def to_representation(self, value):
        return [
            _page_link(page, self.context)
            for page in sorted(value, key=lambda page: page.title)
            if page.live
        ]
