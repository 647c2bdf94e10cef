"""The programme's four topic fields and the 17 SDGs, as data.

Seeded by data migrations and ensured again after every migrate (or test-database
flush) by `ensure_taxonomy()`, so they are always there.
"""

TOPIC_FIELDS = [
    ("integrated-urban-development", "Integrated urban development", "e.g. climate resilience"),
    ("municipal-services", "Municipal services", "e.g. waste management"),
    ("good-urban-governance", "Good urban governance", "e.g. inclusion, digitalisation"),
    ("local-economic-development", "Local economic development", "e.g. start-ups"),
]

SDGS = [
    (1, "No Poverty"),
    (2, "Zero Hunger"),
    (3, "Good Health and Well-being"),
    (4, "Quality Education"),
    (5, "Gender Equality"),
    (6, "Clean Water and Sanitation"),
    (7, "Affordable and Clean Energy"),
    (8, "Decent Work and Economic Growth"),
    (9, "Industry, Innovation and Infrastructure"),
    (10, "Reduced Inequalities"),
    (11, "Sustainable Cities and Communities"),
    (12, "Responsible Consumption and Production"),
    (13, "Climate Action"),
    (14, "Life Below Water"),
    (15, "Life on Land"),
    (16, "Peace, Justice and Strong Institutions"),
    (17, "Partnerships for the Goals"),
]


def ensure_taxonomy(topic_model, goal_model) -> None:
    """Create what is missing; never overwrite what staff have edited."""
    for order, (slug, name, examples) in enumerate(TOPIC_FIELDS):
        topic_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "examples": examples, "sort_order": order}
        )
    for number, name in SDGS:
        goal_model.objects.get_or_create(number=number, defaults={"name": name})
