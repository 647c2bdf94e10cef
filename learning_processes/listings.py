"""Filtered, paginated listings for the two index pages.

A listing runs the same number of queries whatever the number of items: the
facets (one small query each), the count, one page of items with its topic
field joined, and one prefetch per related list shown on the cards (tags,
SDGs, partner municipalities, lead images and their renditions). Tests pin that bound.
"""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, QueryDict

from learning_processes.filters import (
    LearningProcessFilter,
    PracticeFilter,
    learning_process_facets,
    practice_facets,
)
from learning_processes.images import with_lead_images
from learning_processes.models import LearningProcessPage, PracticePage
from learning_processes.models.base import register_listing

PAGE_SIZE = 12


@dataclass(frozen=True)
class FilterChip:
    """An active filter, shown as a link that removes just that filter."""

    name: str
    label: str
    value: str
    remove_url: str


def _filter_params(request: HttpRequest, *, without: tuple[str, ...] = ()) -> QueryDict:
    """The request's query minus `page`, empty values and the names in `without`."""
    params = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        kept = [value for value in values if value]
        if name != "page" and name not in without and kept:
            params.setlist(name, kept)
    return params


def _url(request: HttpRequest, params: QueryDict) -> str:
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def _page_url(request: HttpRequest, params: QueryDict, number: int) -> str:
    params = params.copy()
    if number > 1:
        params["page"] = str(number)
    return _url(request, params)


def _pagination(request: HttpRequest, page, params: QueryDict) -> dict:
    paginator = page.paginator
    links: list[dict[str, Any]] = []
    for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            links.append({"ellipsis": True})
        else:
            links.append(
                {
                    "number": number,
                    "url": _page_url(request, params, number),
                    "current": number == page.number,
                }
            )
    return {
        "number": page.number,
        "num_pages": paginator.num_pages,
        "previous_url": (
            _page_url(request, params, page.previous_page_number()) if page.has_previous() else None
        ),
        "next_url": (
            _page_url(request, params, page.next_page_number()) if page.has_next() else None
        ),
        "links": links,
    }


def _listing(request: HttpRequest, filterset, *, items_name: str) -> dict:
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    # Links carry the valid filters only: an invalid value is shown once, in the form.
    invalid = tuple(filterset.form.errors)
    params = _filter_params(request, without=invalid)
    chips = [
        FilterChip(
            name, label, value, _url(request, _filter_params(request, without=(name, *invalid)))
        )
        for name, label, value in filterset.active_filters()
    ]
    return {
        items_name: page,
        "page_obj": page,
        "result_count": page.paginator.count,
        "filter_form": filterset.form,
        "active_filters": chips,
        "clear_filters_url": request.path,
        "query_string": params.urlencode(),
        "pagination": _pagination(request, page, params),
    }


@register_listing
def learning_process_listing(request: HttpRequest, index_page) -> dict:
    """Context for LearningProcessIndexPage: its live, public processes, filtered."""
    published = LearningProcessPage.objects.child_of(index_page).live().public()
    facets = learning_process_facets(published)
    processes = with_lead_images(
        published.with_phase()
        .select_related("topic_field")
        .prefetch_related("tags", "sdgs", "partners")
        .order_by("-year", "title")
    )
    filterset = LearningProcessFilter(request.GET, processes, facets=facets, request=request)
    context = _listing(request, filterset, items_name="processes")
    context["facets"] = facets
    return context


@register_listing
def practice_listing(request: HttpRequest, index_page) -> dict:
    """Context for PracticeIndexPage: its live, public practices, filtered."""
    published = PracticePage.objects.child_of(index_page).live().public()
    facets = practice_facets(published)
    practices = with_lead_images(
        published.select_related("topic_field")
        .prefetch_related("tags", "sdgs")
        .order_by("-year", "title")
    )
    filterset = PracticeFilter(request.GET, practices, facets=facets, request=request)
    context = _listing(request, filterset, items_name="practices")
    context["facets"] = facets
    return context
