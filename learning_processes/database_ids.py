"""Database ids arriving from outside (URLs, forms, socket messages), checked once.

Every primary key here fits PostgreSQL's `integer` (Wagtail's page ids are the
narrowest), so a larger number names nothing. It must never reach a query either:
SQLite cannot even bind it (OverflowError) and PostgreSQL refuses it as out of range,
and either would be a server error for a mistyped or hostile value. The URL converter,
the live room's protocol, the space lookup and the forms' id choices all use this one
rule. It lives here because every app may import `learning_processes`.
"""

from django import forms
from django.core.exceptions import ValidationError

MAX_DATABASE_ID = 2_147_483_647


def database_id(value: object) -> int | None:
    """`value` as a database id (1..MAX_DATABASE_ID), or None. Accepts an integer or a
    string of ASCII digits (a URL segment, a form value); never a bool, a float or a
    Unicode digit."""
    if isinstance(value, str):
        if not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_DATABASE_ID)):
            return None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1 <= value <= MAX_DATABASE_ID else None


class DatabaseIdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of rows by primary key that refuses a value no row can have before it
    is queried (Django guards exact lookups against overflow, not `pk__in`)."""

    def _check_values(self, value):  # noqa: ANN001, ANN202 (Django's signature)
        if (self.to_field_name or "pk") == "pk":
            for item in value:
                if database_id(item) is None:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": item},
                    )
        return super()._check_values(value)
