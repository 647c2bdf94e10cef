"""Filtered, paginated listings for the two index pages (filled in below)."""

from django.core.paginator import Paginator

PAGE_SIZE = 12


def learning_process_listing(request, index_page) -> dict:
    from learning_processes.models import LearningProcessPage

    processes = (
        LearningProcessPage.objects.child_of(index_page)
        .live()
        .public()
        .with_phase()
        .select_related("topic_field")
        .order_by("-year", "title")
    )
    page = Paginator(processes, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"processes": page, "page_obj": page}


def practice_listing(request, index_page) -> dict:
    from learning_processes.models import PracticePage

    practices = (
        PracticePage.objects.child_of(index_page)
        .live()
        .public()
        .select_related("topic_field")
        .order_by("-year", "title")
    )
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"practices": page, "page_obj": page}
