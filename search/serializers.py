"""Turn content pages into the plain dicts that search documents hold."""

from typing import Any

from django.utils.html import strip_tags


def practice_to_document(page: Any) -> dict[str, Any]:
    return {
        "title": page.title,
        "summary": page.summary,
        "body": "\n".join(
            strip_tags(str(getattr(page, name)))
            for name in ("challenge", "approach", "results", "transferability")
        ),
        "topic_field": page.topic_field.name if page.topic_field_id else None,
        "tags": [tag.name for tag in page.tags.all()],
        "city": page.city,
        "country": str(page.country.code) if page.country else None,
        "year": page.year,
        "url": page.url,
        "published_at": page.first_published_at,
    }
