"""Reading a search request: the query box, the filters in the URL, sort and page."""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from search.documents import FACETS
from search.queries import (
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RESULT_WINDOW,
    MAX_SUGGEST_LENGTH,
    SearchQuery,
)

MAX_PAGE = 500
DEFAULT_PAGE_SIZE = 10


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

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        page = cleaned.get("page") or 1
        if page * (cleaned.get("page_size") or DEFAULT_PAGE_SIZE) > MAX_RESULT_WINDOW:
            # The engine cannot page deeper; the database could, but both answer alike.
            self.add_error(
                "page",
                _(
                    "Only the first %(limit)s results can be paged through. "
                    "Please add a word or a filter to narrow the search."
                )
                % {"limit": number_format(MAX_RESULT_WINDOW, force_grouping=True)},
            )
        return cleaned

    def to_query(self, data: QueryDict, visibility: tuple[str, ...]) -> SearchQuery:
        """The query; SearchQuery itself makes the text and filter values safe."""
        cleaned = self.cleaned_data
        filters = {name: tuple(data.getlist(name)) for name in FACETS if data.getlist(name)}
        return SearchQuery(
            text=cleaned.get("q") or "",
            filters=filters,
            sort=cleaned.get("sort") or "relevance",
            page=cleaned.get("page") or 1,
            page_size=cleaned.get("page_size") or DEFAULT_PAGE_SIZE,
            visibility=visibility,
        )


class SuggestForm(forms.Form):
    """The type-ahead's prefix: refused like the search box's text when it cannot be one."""

    q = forms.CharField(max_length=MAX_SUGGEST_LENGTH, required=False, strip=True)
