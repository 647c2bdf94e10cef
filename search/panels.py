"""What search shows on the content pages (learning_processes.extensions): the practices
like the one on the page."""

from typing import Any

from django.template import Context

from learning_processes.extensions import PRACTICE_RELATED, register_panel
from learning_processes.models import PracticePage
from search.service import similar_practices

SIMILAR_PRACTICES_SHOWN = 4


def similar_practices_panel(context: Context, page: PracticePage) -> dict[str, Any]:
    return {"practices": similar_practices(page, SIMILAR_PRACTICES_SHOWN)}


def register_page_panels() -> None:
    register_panel(
        PRACTICE_RELATED, "search/includes/similar_practices.html", similar_practices_panel
    )
