"""Demo content for the embedded mode and for browser tests.

Everything is looked up by slug or e-mail before it is created, so seeding
twice leaves one copy of each thing.
"""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Page

from connective_site.home.models import HomePage
from learning_processes.models import (
    LearningProcessIndexPage,
    LearningProcessPage,
    PracticeIndexPage,
    PracticePage,
    TopicField,
)

DEMO_ACCOUNTS = [
    {"role": "admin", "email": "admin@example.org", "password": "connective-admin", "staff": True},
    {
        "role": "participant",
        "email": "participant@example.org",
        "password": "connective-demo",
        "staff": False,
    },
]

PROCESSES = [
    {
        "slug": "climate-resilient-public-spaces",
        "title": "Climate-resilient public spaces",
        "topic": "integrated-urban-development",
        "year": 2025,
        "host_name": "City of Bonn",
        "host_city": "Bonn",
        "summary": "How cities redesign squares, streets and parks to cope with heat and heavy rain, "
        "and how residents take part in the redesign.",
        "background": "<p>Heat waves and flash floods hit dense neighbourhoods hardest. Municipalities "
        "in Germany, Africa and Latin America share what worked in blue-green infrastructure.</p>",
        "tags": ["heat", "stormwater", "participation"],
    },
    {
        "slug": "circular-waste-management",
        "title": "Circular municipal waste management",
        "topic": "municipal-services",
        "year": 2025,
        "host_name": "Stadtreinigung Leipzig",
        "host_city": "Leipzig",
        "summary": "Separate collection, composting and the inclusion of informal waste pickers in "
        "municipal solid waste management.",
        "background": "<p>Municipal companies and city administrations compare collection systems, "
        "tariffs and cooperation with informal recyclers.</p>",
        "tags": ["waste", "recycling", "informal sector"],
    },
    {
        "slug": "digital-services-for-all",
        "title": "Digital municipal services for all",
        "topic": "good-urban-governance",
        "year": 2026,
        "host_name": "City of Mannheim",
        "host_city": "Mannheim",
        "summary": "Online services that every resident can use, including people with disabilities "
        "and people without a smartphone.",
        "background": "<p>Digitalisation promises shorter queues, but only if nobody is left out.</p>",
        "tags": ["digitalisation", "inclusion", "e-government"],
    },
]

PRACTICES = [
    {
        "slug": "market-waste-composting-kumasi",
        "title": "Composting market waste with women's cooperatives",
        "process": "circular-waste-management",
        "topic": "municipal-services",
        "city": "Kumasi",
        "country": "GH",
        "year": 2025,
        "summary": "Organic waste from the central market is composted by two cooperatives and sold "
        "to peri-urban farmers, cutting landfill volumes by a fifth.",
        "approach": "<p>The city provides space and collection; the cooperatives run the composting "
        "and sales. Weekly market-day collection keeps the organic stream clean.</p>",
        "challenge": "<p>Market waste was dumped in drains and burnt at night.</p>",
        "tags": ["waste", "composting", "cooperatives"],
    },
    {
        "slug": "green-schoolyards-bonn",
        "title": "Unsealed schoolyards as cooling islands",
        "process": "climate-resilient-public-spaces",
        "topic": "integrated-urban-development",
        "city": "Bonn",
        "country": "DE",
        "year": 2025,
        "summary": "Asphalt schoolyards were unsealed and planted together with pupils; they now "
        "store rainwater and stay several degrees cooler in summer.",
        "approach": "<p>Pupils, parents and the parks department planned each yard together. Maintenance "
        "is shared with school clubs.</p>",
        "challenge": "<p>Sealed schoolyards heated up to 50 °C in summer and flooded in storms.</p>",
        "tags": ["heat", "schools", "nature-based solutions"],
    },
    {
        "slug": "one-stop-service-desk-da-nang",
        "title": "A one-stop service desk online and on site",
        "process": "digital-services-for-all",
        "topic": "good-urban-governance",
        "city": "Da Nang",
        "country": "VN",
        "year": 2026,
        "summary": "Residents file applications online or at assisted kiosks in ward offices; staff "
        "help those who cannot use the online service.",
        "approach": "<p>Assisted digital access kept the service open to older residents while "
        "processing times fell.</p>",
        "challenge": "<p>Long queues at the city hall and residents without internet access.</p>",
        "tags": ["digitalisation", "inclusion"],
    },
    {
        "slug": "startup-incubator-tunis",
        "title": "A municipal incubator for green start-ups",
        "process": None,
        "topic": "local-economic-development",
        "city": "Tunis",
        "country": "TN",
        "year": 2024,
        "summary": "The municipality offers vacant buildings and mentoring to start-ups that work on "
        "recycling and energy efficiency.",
        "approach": "<p>Rent-free space for two years in exchange for pilots with municipal services.</p>",
        "challenge": "<p>Young graduates left the city for lack of jobs.</p>",
        "tags": ["start-ups", "recycling"],
    },
]


def _child(parent: Page, model: type[Page], slug: str, **fields: Any) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    tags = fields.pop("tags", None)
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    return page


def seed_accounts() -> list[dict[str, str]]:
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account["email"],
            defaults={
                "email": account["email"],
                "is_staff": account["staff"],
                "is_superuser": account["staff"],
            },
        )
        if created:
            user.set_password(account["password"])
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=account["email"], defaults={"verified": True, "primary": True}
        )
    return [{k: a[k] for k in ("role", "email", "password")} for a in DEMO_ACCOUNTS]


def seed_demo() -> dict[str, Any]:
    home = HomePage.objects.get()
    topics = {t.slug: t for t in TopicField.objects.all()}
    process_index = _child(
        home,
        LearningProcessIndexPage,
        "learning-processes",
        title="Learning processes",
        intro="<p>One-year learning processes: a dialogue event, follow-up activities, outcomes.</p>",
    )
    practice_index = _child(
        home,
        PracticeIndexPage,
        "practices",
        title="Practices",
        intro="<p>How other cities solved it: practices shared by the community.</p>",
    )
    processes = {}
    for item in PROCESSES:
        data = dict(item)
        slug = data.pop("slug")
        processes[slug] = _child(
            process_index,
            LearningProcessPage,
            slug,
            topic_field=topics.get(data.pop("topic")),
            **data,
        )
    for item in PRACTICES:
        data = dict(item)
        process_slug = data.pop("process")
        _child(
            practice_index,
            PracticePage,
            data.pop("slug"),
            topic_field=topics.get(data.pop("topic")),
            learning_process=processes.get(process_slug) if process_slug else None,
            **data,
        )
    return {
        "processes": LearningProcessPage.objects.live().count(),
        "practices": PracticePage.objects.live().count(),
        "accounts": seed_accounts(),
    }
