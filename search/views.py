"""/search/ (HTML) and /api/search/, /api/search/suggest/ (JSON). Thin: parse, ask
the search service, render."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from learning_processes.listings import FilterChip
from learning_processes.models import TopicField
from search.documents import FACETS
from search.forms import DEFAULT_PAGE_SIZE, SearchForm, SuggestForm
from search.labels import FACET_ORDER, FACET_TITLES, labeller
from search.permissions import viewer_visibility
from search.queries import SearchQuery, to_json
from search.service import run_search, run_suggest


def _url(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params) if params else "?"


def _current_params(query: SearchQuery) -> list[tuple[str, str]]:
    """What the search applies, as URL parameters (the page aside). Links are built from
    these, not from the raw URL: a URL repeating a filter a thousand times would
    otherwise give each of the page's hundred links all thousand."""
    params = [("q", query.text)] if query.text else []
    if query.sort != "relevance":
        params.append(("sort", query.sort))
    if query.page_size != DEFAULT_PAGE_SIZE:
        params.append(("page_size", str(query.page_size)))
    params += [(name, value) for name, values in query.filters.items() for value in values]
    return params


def _facet_context(query: SearchQuery, results) -> tuple[list[dict], list[FilterChip]]:
    """Facet options that toggle themselves in the URL, and removable chips (the
    listings' shape, so both show active filters with the same markup)."""
    label = labeller()
    base = _current_params(query)
    facets = []
    for name in FACETS:
        selected = set(query.filters.get(name, ()))
        options = []
        for value, count in results.facets.get(name, []):
            if value in selected:
                params = [(k, v) for k, v in base if not (k == name and v == value)]
            else:
                params = [*base, (name, value)]
            options.append(
                {
                    "value": value,
                    "label": label(name, value),
                    "count": count,
                    "selected": value in selected,
                    "url": _url(params),
                }
            )
        if name in FACET_ORDER:
            rank = FACET_ORDER[name]
            options.sort(key=lambda option: rank.get(option["value"], len(rank)))
        if options:
            facets.append(
                {
                    "name": name,
                    "title": FACET_TITLES[name],
                    "options": options,
                    "active": bool(selected),
                }
            )
    chips = [
        FilterChip(
            k,
            str(FACET_TITLES[k]),
            label(k, v),
            _url([(bk, bv) for bk, bv in base if not (bk == k and bv == v)]),
        )
        for k, v in base
        if k in FACETS
    ]
    return facets, chips


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context = {"form": form, "topic_fields": TopicField.objects.all()}
    if request.GET and form.is_valid():
        query = form.to_query(request.GET, viewer_visibility(request.user))
        results = run_search(query)
        facets, chips = _facet_context(query, results)
        label = labeller()
        for hit in results.hits:
            hit.type_label = label("content_type", hit.content_type)
        base = _current_params(query)
        pages = max(1, -(-results.total // query.page_size))
        context.update(
            results=results,
            facets=facets,
            active_filters=chips,
            clear_filters_url=_url([(k, v) for k, v in base if k not in FACETS]),
            query=query,
            pages=pages,
            previous_url=_url([*base, ("page", str(query.page - 1))]) if query.page > 1 else None,
            next_url=_url([*base, ("page", str(query.page + 1))]) if query.page < pages else None,
            suggestion_url=_url([("q", results.suggestion)]) if results.suggestion else None,
        )
    status = 400 if request.GET and not form.is_valid() else 200
    return render(request, "search/search.html", context, status=status)


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": "invalid request", "fields": form.errors}, status=400)
    query = form.to_query(request.GET, viewer_visibility(request.user))
    results = run_search(query)
    body = to_json(results)
    body["page"] = query.page
    body["page_size"] = query.page_size
    return JsonResponse(body)


@require_GET
def suggest_api(request: HttpRequest) -> JsonResponse:
    form = SuggestForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": "invalid request", "fields": form.errors}, status=400)
    prefix = form.cleaned_data["q"]
    if len(prefix) < 2:
        return JsonResponse({"suggestions": []})
    return JsonResponse({"suggestions": run_suggest(prefix, viewer_visibility(request.user))})
