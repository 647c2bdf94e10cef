from django import template

from search.service import similar_practices as find_similar

register = template.Library()


@register.inclusion_tag("search/includes/similar_practices.html")
def similar_practices(page, size: int = 4) -> dict:
    """Practices like this one, for the practice page."""
    return {"practices": find_similar(page, size)}
