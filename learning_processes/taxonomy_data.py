"""The programme's four topic fields and the 17 SDGs, as data.

Seeded by data migrations and ensured again after every migrate (or test-database
flush) by `ensure_taxonomy()`, so they are always there. Stored in English; the names
and examples are marked for the catalogue and shown translated (see
learning_processes.interface_text).
"""

from django.utils.translation import gettext_noop

TOPIC_FIELDS = [
    (
        "integrated-urban-development",
        gettext_noop("Integrated urban development"),
        gettext_noop("e.g. climate resilience"),
    ),
    (
        "municipal-services",
        gettext_noop("Municipal services"),
        gettext_noop("e.g. waste management"),
    ),
    (
        "good-urban-governance",
        gettext_noop("Good urban governance"),
        gettext_noop("e.g. inclusion, digitalisation"),
    ),
    (
        "local-economic-development",
        gettext_noop("Local economic development"),
        gettext_noop("e.g. start-ups"),
    ),
]

SDGS = [
    (1, gettext_noop("No Poverty")),
    (2, gettext_noop("Zero Hunger")),
    (3, gettext_noop("Good Health and Well-being")),
    (4, gettext_noop("Quality Education")),
    (5, gettext_noop("Gender Equality")),
    (6, gettext_noop("Clean Water and Sanitation")),
    (7, gettext_noop("Affordable and Clean Energy")),
    (8, gettext_noop("Decent Work and Economic Growth")),
    (9, gettext_noop("Industry, Innovation and Infrastructure")),
    (10, gettext_noop("Reduced Inequalities")),
    (11, gettext_noop("Sustainable Cities and Communities")),
    (12, gettext_noop("Responsible Consumption and Production")),
    (13, gettext_noop("Climate Action")),
    (14, gettext_noop("Life Below Water")),
    (15, gettext_noop("Life on Land")),
    (16, gettext_noop("Peace, Justice and Strong Institutions")),
    (17, gettext_noop("Partnerships for the Goals")),
]


def ensure_taxonomy(topic_model, goal_model) -> None:
    """Create what is missing; never overwrite what staff have edited."""
    for order, (slug, name, examples) in enumerate(TOPIC_FIELDS):
        topic_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "examples": examples, "sort_order": order}
        )
    for number, name in SDGS:
        goal_model.objects.get_or_create(number=number, defaults={"name": name})
