"""Reading a search request: the query box, the filters in the URL, sort and page."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from search.documents import FACETS
from search.queries import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SORTS, SearchQuery

MAX_PAGE = 500


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search practices, learning processes and outcomes"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[("relevance", _("Relevance")), ("date", _("Newest first"))],
        required=False,
    )
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)

    def to_query(self, data: QueryDict, visibility: tuple[str, ...]) -> SearchQuery:
        cleaned = self.cleaned_data
        filters = {
            name: tuple(value[:100] for value in data.getlist(name) if value)[:20]
            for name in FACETS
            if data.getlist(name)
        }
        sort = cleaned.get("sort") or "relevance"
        return SearchQuery(
            text=cleaned.get("q") or "",
            filters=filters,
            sort=sort if sort in SORTS else "relevance",
            page=cleaned.get("page") or 1,
            page_size=cleaned.get("page_size") or 10,
            visibility=visibility,
        )
