"""The URL converter for database ids: `<id:space_id>` in every app's URL patterns.

Django's `<int:...>` accepts any run of digits, so `/spaces/99999999999999999999999/threads/`
reached the view and the database refused the number (OverflowError on SQLite, "out of
range" on PostgreSQL): a 500 for a mistyped or hostile link. This converter accepts at
most 2147483647, the largest value of PostgreSQL's `integer`, the narrowest primary key
column here (Wagtail's page ids); any larger number matches no pattern and answers 404,
like an id that does not exist.

Registered once, from `connective_site.home`'s `AppConfig.ready()`, before any URLconf is
imported. The apps name it in their patterns without importing the project.
"""

from django.urls import register_converter
from django.urls.converters import get_converters

from learning_processes.database_ids import MAX_DATABASE_ID, database_id


class DatabaseIdConverter:
    # Ten digits at most, so a long run of digits is refused before int() reads it.
    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_DATABASE_ID:
            # A ValueError tells the resolver that this pattern does not match.
            raise ValueError(f"{value} is beyond the largest database id")
        return number

    def to_url(self, value: int | str) -> str:
        number = int(value)
        if not 0 <= number <= MAX_DATABASE_ID:
            raise ValueError(f"{value} is not a database id")
        return str(number)


def is_database_id(value: str) -> bool:
    """Whether `value` is an id the URL converter would accept."""
    return database_id(value) is not None


def register() -> None:
    """Register `id` once per process (Django 6 refuses a second registration)."""
    if not isinstance(get_converters().get("id"), DatabaseIdConverter):
        register_converter(DatabaseIdConverter, "id")
