"""What each kind of content is filed under (its facets), defined once per content type.

The same rule is read three ways: the listings filter their pages with it
(learning_processes.filters), search writes it into the engine's documents
(search.serializers) and the database fallback filters and counts with it in SQL
(search.backends.database). For one content type a `ContentFacets` says what a
facet value means: `document()` in Python, `match()` and `counts()` in SQL.

Facets are named as in the search documents: topic_field, sdgs, tags, country,
region, year, population_band. A topic field or tag is matched by its name (what
search shows) or, with `key="slug"`, by its slug (what the listings' URLs carry).

Places: a practice is in its country and that country's region; a learning process
counts for Germany (every host is German) and for each partner's country and region;
an outcome is filed under its process's topic, SDGs and tags, and in Germany only.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import UTC
from functools import cache
from typing import Any

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    ManyToManyField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, Left
from wagtail.models import Page

from learning_processes.countries import (
    GERMANY,
    GLOBAL_SOUTH,
    OTHER,
    code_of,
    global_south_codes,
    region_of,
)
from learning_processes.models import LearningProcessPage, OutcomePage, PracticePage
from learning_processes.models.practices import PracticeTag
from learning_processes.models.processes import LearningProcessTag, PartnerMunicipality

NOTHING = Q(pk__in=[])
PLACES = ("country", "region")


@cache
def _global_south() -> tuple[str, ...]:
    return tuple(global_south_codes())


def region_of_column(column: str) -> Case:
    """learning_processes.countries.region_of() as an SQL expression."""
    return Case(
        When(**{column: "DE"}, then=Value(GERMANY)),
        When(**{f"{column}__in": _global_south()}, then=Value(GLOBAL_SOUTH)),
        default=Value(OTHER),
    )


def region_q(column: str, regions: Iterable[str]) -> Q:
    """Rows whose country `column` lies in any of `regions`."""
    q = NOTHING
    for region in set(regions):
        if region == GERMANY:
            q |= Q(**{column: "DE"})
        elif region == GLOBAL_SOUTH:
            q |= Q(**{f"{column}__in": _global_south()})
        elif region == OTHER:
            q |= ~Q(**{column: "DE"}) & ~Q(**{f"{column}__in": _global_south()})
    return q


class Link:
    """A multi-valued facet stored in another table: SDGs, tags, partner countries."""

    def __init__(self, model: type[Model], owner: str, value: str, *, text: bool = True) -> None:
        self.model, self.owner, self.value, self.text = model, owner, value, text

    def rows(self) -> QuerySet:
        rows = self.model._default_manager.exclude(**{f"{self.value}__isnull": True})
        return rows.exclude(**{self.value: ""}) if self.text else rows

    def owners_with(self, values: Iterable[Any]) -> QuerySet:
        """Ids of the owners with any of `values`, as a subquery."""
        values = [str(v) for v in values] if self.text else list(values)
        return self.rows().filter(**{f"{self.value}__in": values}).values(self.owner)

    def counts(self, owners: QuerySet) -> Counter:
        """Value → how many of `owners` (an id subquery) have it."""
        rows = (
            self.rows()
            .filter(**{f"{self.owner}__in": owners})
            .values_list(self.value)
            .annotate(n=Count(self.owner, distinct=True))
            .order_by()
        )
        return Counter({str(value): n for value, n in rows})


def _m2m(model: type[Model], name: str, value: str) -> Link:
    field = model._meta.get_field(name)
    if not isinstance(field, ManyToManyField) or field.remote_field.through is None:
        raise TypeError(f"{model.__name__}.{name} is not a many-to-many field")
    return Link(
        field.remote_field.through,
        f"{field.m2m_field_name()}_id",
        f"{field.m2m_reverse_field_name()}__{value}",
        text=False,
    )


def tags_link(through: type[Model], key: str = "name") -> Link:
    """The tags of a model tagged through `through`, by name or slug."""
    return Link(through, "content_object_id", f"tag__{key}")


def column_counts(queryset: QuerySet, column: str) -> Counter:
    rows = queryset.values_list(column).annotate(n=Count("pk")).order_by()
    return Counter({str(value): n for value, n in rows if value not in (None, "")})


def weighted(pairs: Iterable[tuple[Any, Any]], per_owner: dict[Any, int]) -> Counter:
    """Counts of values inherited from an owner: each (owner, value) pair counts as
    many times as there are items of that owner (outcomes of a process, threads of a
    space)."""
    found: Counter = Counter()
    for owner, value in pairs:
        found[str(value)] += per_owner[owner]
    return found


def tag_names(item: Page) -> list[str]:
    # A page's `tagged_items` come from its tag model's ParentalKey (modelcluster).
    # Through the tagged items, so a prefetch of tagged_items__tag serves a bulk rebuild.
    return sorted(tagged.tag.name for tagged in item.tagged_items.all())


class ContentFacets:
    """The facets of one content type (see the module's docstring)."""

    model: type[Model]
    # Facets this type has no value for: a filter on one of them leaves it out, as the
    # engine leaves out documents without the field.
    absent: tuple[str, ...] = ("population_band",)

    def document(self, item: Any) -> dict[str, Any]:
        """The facet fields of the item's search document."""
        raise NotImplementedError

    def annotate(self, queryset: QuerySet) -> QuerySet:
        """What match() and counts() read besides the model's own columns."""
        return queryset

    def match(self, name: str, values: Iterable[Any], *, key: str = "name") -> Q:
        """Items filed under any of `values` of facet `name` (Q() if the type has no
        such facet: it does not narrow by it)."""
        if name in self.absent:
            return NOTHING
        return self._match(name, tuple(values), key)

    def counts(self, name: str, ids: QuerySet) -> Counter:
        """Value → how many of the items (an id subquery) are filed under it."""
        if name in self.absent:
            return Counter()
        return self._counts(name, ids)

    def _match(self, name: str, values: tuple, key: str) -> Q:
        raise NotImplementedError

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        raise NotImplementedError

    def _items(self, ids: QuerySet) -> QuerySet:
        return self.annotate(self.model._default_manager.filter(pk__in=ids))


class _PageFacets(ContentFacets):
    """A page type that keeps its own topic field, SDGs, tags and year; its places are
    the subclass's (`_place_match`, `_place_counts`)."""

    tags_through: type[Model]

    def __init__(self) -> None:
        self.sdgs = _m2m(self.model, "sdgs", "number")

    def _match(self, name: str, values: tuple, key: str) -> Q:
        if name == "sdgs":
            return Q(pk__in=self.sdgs.owners_with(values))
        if name == "tags":
            return Q(pk__in=tags_link(self.tags_through, key).owners_with(values))
        if name == "topic_field":
            return Q(**{f"topic_field__{key}__in": values})
        if name == "year":
            return Q(year__in=values)
        return self._place_match(name, values)

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        if name == "sdgs":
            return self.sdgs.counts(ids)
        if name == "tags":
            return tags_link(self.tags_through).counts(ids)
        pages = self._items(ids)
        if name == "topic_field":
            return column_counts(pages, "topic_field__name")
        if name == "year":
            return column_counts(pages, "year")
        return self._place_counts(name, pages, ids)

    def _place_match(self, name: str, values: tuple) -> Q:
        raise NotImplementedError

    def _place_counts(self, name: str, pages: QuerySet, ids: QuerySet) -> Counter:
        raise NotImplementedError


class PracticeFacets(_PageFacets):
    model = PracticePage
    tags_through = PracticeTag
    absent = ()

    def labels(self, page: PracticePage) -> dict[str, Any]:
        """What the practice is filed under by topic, SDG, tag and process (similar
        practices compare these)."""
        return {
            "topic_field": page.topic_field.name if page.topic_field else None,
            "sdgs": [goal.number for goal in page.sdgs.all()],
            "tags": tag_names(page),
            "learning_process": str(page.learning_process_id) if page.learning_process_id else None,
        }

    def document(self, page: PracticePage) -> dict[str, Any]:
        return {
            **self.labels(page),
            "country": code_of(page.country) or None,
            "region": region_of(code_of(page.country)),
            "population_band": page.population_band or None,
            "year": page.year,
        }

    def _place_match(self, name: str, values: tuple) -> Q:
        if name == "region":
            return region_q("country", values)
        if name in ("country", "population_band"):
            return Q(**{f"{name}__in": values})
        return Q()

    def _place_counts(self, name: str, pages: QuerySet, ids: QuerySet) -> Counter:
        if name == "region":
            return column_counts(pages.annotate(_region=region_of_column("country")), "_region")
        if name in ("country", "population_band"):
            return column_counts(pages, name)
        return Counter()

    def countries(self, pages: QuerySet) -> QuerySet:
        """The countries the practices are in (for a listing's options)."""
        return pages.order_by().values_list("country", flat=True).distinct()


class ProcessFacets(_PageFacets):
    """A process counts for Germany (every host is German) and each partner's country."""

    model = LearningProcessPage
    tags_through = LearningProcessTag

    def __init__(self) -> None:
        super().__init__()
        self.partners = Link(PartnerMunicipality, "page_id", "country")

    def places(self, process: LearningProcessPage) -> tuple[list[str], list[str]]:
        """Countries and regions of a process: Germany and its partners'."""
        codes = sorted({p.country.code for p in process.partners.all() if p.country})
        return ["DE", *codes], sorted({GERMANY, *(region_of(code) for code in codes)})

    def inherited(self, process: LearningProcessPage) -> dict[str, Any]:
        """What content of a process (its space's threads) is filed under as the process
        is: its topic, SDGs and places."""
        country, region = self.places(process)
        return {
            "topic_field": process.topic_field.name if process.topic_field else None,
            "sdgs": [goal.number for goal in process.sdgs.all()],
            "country": country,
            "region": region,
            "learning_process": str(process.pk),
        }

    def document(self, page: LearningProcessPage) -> dict[str, Any]:
        return {**self.inherited(page), "tags": tag_names(page), "year": page.year}

    def linked(self, name: str, values: tuple, key: str = "name") -> QuerySet | None:
        """Ids of the processes filed under any of `values` of a facet kept in another
        table (SDGs, tags, partners' places), as a subquery; None when every process
        is (Germany)."""
        if name == "sdgs":
            return self.sdgs.owners_with(values)
        if name == "tags":
            return tags_link(LearningProcessTag, key).owners_with(values)
        if name == "country":
            return None if "DE" in values else self.partners.owners_with(values)
        if name == "region":
            if GERMANY in values:
                return None
            return self.partners.rows().filter(region_q("country", values)).values("page_id")
        raise KeyError(name)

    def pairs(self, name: str, among: list, *, by: str = "id") -> QuerySet:
        """(process id, or path with by="path"; value) once each for the processes in
        `among`: their SDGs, tags, or partners' countries or regions (Germany, which
        every process has, is left to the caller)."""
        link = self.partners if name in PLACES else self.sdgs
        if name == "tags":
            link = tags_link(LearningProcessTag)
        owner = link.owner if by == "id" else link.owner.removesuffix("_id") + "__path"
        rows = link.rows().filter(**{f"{owner}__in": among})
        column = link.value
        if name in PLACES:
            rows = rows.exclude(country="DE")
            if name == "region":
                rows, column = rows.annotate(_region=region_of_column("country")), "_region"
        return rows.values_list(owner, column).order_by().distinct()

    def _place_match(self, name: str, values: tuple) -> Q:
        if name in PLACES:
            ids = self.linked(name, values)
            return Q() if ids is None else Q(pk__in=ids)
        return Q()

    def _place_counts(self, name: str, pages: QuerySet, ids: QuerySet) -> Counter:
        if name not in PLACES:
            return Counter()
        total = pages.count()
        partners = self.partners.rows().filter(page_id__in=ids).exclude(country="DE")
        if name == "region":
            partners = partners.annotate(_region=region_of_column("country"))
        column = "country" if name == "country" else "_region"
        rows = partners.values_list(column).annotate(n=Count("page_id", distinct=True))
        found = Counter({str(value): n for value, n in rows.order_by()})
        if total:
            found["DE" if name == "country" else GERMANY] = total
        return found

    def countries(self, processes: QuerySet) -> QuerySet:
        """The processes' countries, Germany and the partners' (for a listing's
        options), in one query."""
        hosts = processes.order_by().annotate(_host=Value("DE")).values_list("_host", flat=True)
        partners = PartnerMunicipality.objects.filter(page__in=processes).order_by()
        return partners.values_list("country", flat=True).union(hosts)


class OutcomeFacets(ContentFacets):
    """An outcome belongs to its parent process, whose topic, SDGs and tags it inherits;
    its year is that of its first publication."""

    model = OutcomePage

    def document(
        self, page: OutcomePage, *, process: LearningProcessPage | None = None
    ) -> dict[str, Any]:
        """`process`: the outcome's parent, when the caller has it already."""
        process = process or page.get_parent().specific
        published = page.first_published_at
        return {
            "topic_field": process.topic_field.name if process.topic_field else None,
            "sdgs": [goal.number for goal in process.sdgs.all()],
            "tags": tag_names(process),
            "country": "DE",
            "region": GERMANY,
            "year": published.year if published else process.year,
            "learning_process": str(process.pk),
        }

    def annotate(self, queryset: QuerySet) -> QuerySet:
        process = LearningProcessPage.objects.filter(path=OuterRef("_process_path"))
        return queryset.annotate(
            _process_path=Left("path", (F("depth") - 1) * Page.steplen)
        ).annotate(
            _topic=Subquery(process.values("topic_field__name")[:1]),
            _year=Coalesce(
                ExtractYear("first_published_at", tzinfo=UTC),
                Subquery(process.values("year")[:1]),
                output_field=IntegerField(),
            ),
        )

    def _match(self, name: str, values: tuple, key: str) -> Q:
        if name in ("sdgs", "tags"):
            processes = PROCESSES.linked(name, values, key)
            paths = LearningProcessPage.objects.filter(pk__in=processes).values("path")
            return Q(_process_path__in=paths)
        if name == "topic_field":
            return Q(_topic__in=values)
        if name == "year":
            return Q(_year__in=values)
        if name == "country":
            return Q() if "DE" in values else NOTHING
        if name == "region":
            return Q() if GERMANY in values else NOTHING
        return Q()

    def _counts(self, name: str, ids: QuerySet) -> Counter:
        pages = self._items(ids)
        if name == "topic_field":
            return column_counts(pages, "_topic")
        if name == "year":
            return column_counts(pages, "_year")
        if name in PLACES:
            total = pages.count()
            return Counter({("DE" if name == "country" else GERMANY): total} if total else {})
        if name in ("sdgs", "tags"):
            # Outcomes per process (one or a few), times each process's values.
            per_path = dict(pages.values_list("_process_path").annotate(n=Count("pk")).order_by())
            return weighted(PROCESSES.pairs(name, list(per_path), by="path"), per_path)
        return Counter()


PRACTICES = PracticeFacets()
PROCESSES = ProcessFacets()
OUTCOMES = OutcomeFacets()
