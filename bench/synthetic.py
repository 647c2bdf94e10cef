"""Deterministic synthetic practices for the search benchmark.

`practice(i, seed)` always returns the same record for the same (i, seed), so the
engine's bulk index, the PracticePage rows and the query mix describe the same
library. Titles, summaries and texts are assembled from municipal-topic word lists
(about 1-2 KB of text per practice, like the real ones); facet values follow skewed
distributions (many German and a long tail of partner countries, a few popular tags).
"""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# --- vocabulary -----------------------------------------------------------------------
# fmt: off

TOPIC_FIELDS = (
    "Integrated urban development",
    "Municipal services",
    "Good urban governance",
    "Local economic development",
)

# Per topic field: subjects (noun phrases), the tags and SDGs that go with them.
TOPICS = {
    "Integrated urban development": {
        "subjects": [
            "climate adaptation", "urban heat", "stormwater management", "green corridors",
            "informal settlements", "affordable housing", "flood protection", "urban gardens",
            "street trees", "brownfield regeneration", "public spaces", "resilient neighbourhoods",
            "cooling centres", "rainwater harvesting", "river restoration", "land use planning",
        ],
        "tags": [
            "climate adaptation", "heat", "stormwater", "flooding", "green infrastructure",
            "housing", "urban planning", "nature-based solutions",
        ],
        "sdgs": [11, 13, 6, 15, 1, 3],
    },
    "Municipal services": {
        "subjects": [
            "solid waste management", "market waste composting", "recycling centres",
            "drinking water supply", "wastewater treatment", "sanitation", "street lighting",
            "public transport", "bus rapid transit", "cycling lanes", "energy efficiency",
            "district heating", "landfill closure", "separate collection", "water meters",
            "non-revenue water",
        ],
        "tags": [
            "waste management", "recycling", "composting", "informal sector", "water supply",
            "sanitation", "energy efficiency", "mobility",
        ],
        "sdgs": [6, 7, 11, 12, 9, 3],
    },
    "Good urban governance": {
        "subjects": [
            "citizen participation", "participatory budgeting", "digital services",
            "e-government portals", "open data", "complaint management", "transparency",
            "municipal finance", "property tax collection", "disability inclusion",
            "youth councils", "gender-responsive planning", "anti-corruption",
            "inter-municipal cooperation", "procurement reform", "migrant integration",
        ],
        "tags": [
            "participation", "digitalisation", "e-government", "inclusion", "gender", "youth",
            "budgeting", "procurement",
        ],
        "sdgs": [16, 17, 5, 10, 11, 4],
    },
    "Local economic development": {
        "subjects": [
            "start-up incubators", "market halls", "informal traders", "vocational training",
            "cultural tourism", "local value chains", "small business support",
            "urban agriculture", "craft cooperatives", "business registration",
            "women entrepreneurs", "creative industries", "street vending", "circular economy",
            "food markets", "employment programmes",
        ],
        "tags": [
            "start-ups", "markets", "tourism", "informal sector", "employment", "youth",
            "circular economy", "gender",
        ],
        "sdgs": [8, 9, 1, 4, 5, 12],
    },
}
TAGS = sorted({tag for topic in TOPICS.values() for tag in topic["tags"]})

# ~60 countries with a few cities each; Germany is weighted up, as in the programme.
CITIES = {
    "DE": ["Bonn", "Leipzig", "Dortmund", "Freiburg", "Kiel", "Jena", "Mannheim", "Bremen"],
    "GH": ["Kumasi", "Accra", "Tamale"], "KE": ["Nairobi", "Kisumu", "Mombasa"],
    "TZ": ["Dar es Salaam", "Arusha"], "UG": ["Kampala", "Jinja"], "RW": ["Kigali", "Huye"],
    "ET": ["Addis Ababa", "Bahir Dar"], "ZA": ["Durban", "Cape Town", "Tshwane"],
    "NG": ["Lagos", "Ibadan"], "SN": ["Dakar", "Saint-Louis"], "CM": ["Douala", "Yaoundé"],
    "MA": ["Chefchaouen", "Agadir"], "TN": ["Sfax", "Sousse"], "EG": ["Alexandria", "Aswan"],
    "JO": ["Irbid", "Zarqa"], "LB": ["Tripoli", "Saida"], "PS": ["Nablus", "Hebron"],
    "IQ": ["Erbil", "Duhok"], "TR": ["Gaziantep", "Izmir"], "UA": ["Lviv", "Vinnytsia"],
    "MD": ["Chisinau", "Balti"], "GE": ["Kutaisi", "Batumi"], "AM": ["Gyumri", "Vanadzor"],
    "BA": ["Mostar", "Tuzla"], "RS": ["Novi Sad", "Niš"], "AL": ["Tirana", "Shkodër"],
    "MK": ["Bitola", "Ohrid"], "IN": ["Pune", "Coimbatore", "Bhubaneswar"],
    "BD": ["Khulna", "Rajshahi"], "NP": ["Pokhara", "Lalitpur"], "LK": ["Galle", "Kandy"],
    "PK": ["Lahore", "Peshawar"], "VN": ["Da Nang", "Hue"], "KH": ["Battambang", "Siem Reap"],
    "LA": ["Luang Prabang"], "ID": ["Surabaya", "Semarang"], "PH": ["Iloilo", "Cebu"],
    "TH": ["Chiang Mai", "Khon Kaen"], "MY": ["Penang", "Kuching"],
    "MN": ["Darkhan", "Erdenet"], "CN": ["Chengdu", "Wuhan"], "BR": ["Curitiba", "Recife"],
    "AR": ["Rosario", "Córdoba"], "CL": ["Valparaíso", "Temuco"], "PE": ["Arequipa", "Cusco"],
    "EC": ["Cuenca", "Loja"], "CO": ["Medellín", "Manizales"], "BO": ["Cochabamba", "Sucre"],
    "MX": ["Puebla", "Mérida"], "GT": ["Quetzaltenango"], "HN": ["San Pedro Sula"],
    "SV": ["Santa Tecla"], "CR": ["Heredia"], "DO": ["Santiago de los Caballeros"],
    "FR": ["Lyon", "Grenoble"], "ES": ["Valencia", "Bilbao"], "PT": ["Porto", "Braga"],
    "PL": ["Wrocław", "Gdańsk"], "AT": ["Graz", "Linz"], "NL": ["Utrecht", "Groningen"],
    "IT": ["Bologna", "Turin"], "SE": ["Malmö", "Umeå"],
}
COUNTRIES = sorted(CITIES)
# Germany about one fifth, a dozen frequent partner countries, then a long tail.
FREQUENT = ("GH", "KE", "IN", "BR", "UA", "TN", "JO", "VN", "ZA", "MX", "CO", "ID")
COUNTRY_WEIGHTS = [
    40.0 if code == "DE" else 6.0 if code in FREQUENT else 1.5 for code in COUNTRIES
]
POPULATION_BANDS = ("lt_50k", "50k_250k", "250k_1m", "1m_5m", "gt_5m")
YEARS = tuple(range(2014, 2027))

ADJECTIVES = [
    "Community-led", "Low-cost", "Decentralised", "Participatory", "Integrated", "Inclusive",
    "Digital", "Climate-smart", "Neighbourhood-based", "Municipal", "Cooperative", "Scalable",
    "Gender-responsive", "Data-driven", "Circular", "Affordable",
]
ACTIONS = [
    "for {group}", "with {partner}", "through {instrument}", "in {place}", "for {place}",
]
GROUPS = [
    "informal workers", "women traders", "young people", "older residents", "street vendors",
    "market women", "small farmers", "school children", "migrants", "tenants", "waste pickers",
]
PARTNERS = [
    "the municipal utility", "local universities", "civil society", "the chamber of commerce",
    "neighbourhood committees", "a German partner city", "the water board", "private operators",
]
INSTRUMENTS = [
    "a service charter", "a mobile app", "a revolving fund", "public-private partnership",
    "a citizens' assembly", "performance contracts", "a geographic information system",
    "an inter-municipal association", "a pilot district", "open tenders",
]
PLACES = [
    "the old town", "peri-urban districts", "informal settlements", "the central market",
    "riverside neighbourhoods", "school districts", "the industrial zone", "new housing areas",
]
OPENINGS = [
    "The city of {city} faced growing pressure on {subject}.",
    "Before the project, {subject} in {city} was fragmented and underfunded.",
    "{city} had no reliable data on {subject} and residents complained about poor service.",
    "Rapid growth of {city} outpaced the capacity of the administration for {subject}.",
]
PROBLEMS = [
    "Responsibilities were split between departments that rarely met.",
    "Budgets were planned year by year, so investments were postponed again and again.",
    "Informal solutions filled the gap, with risks for health and the environment.",
    "Heavy rain and heat waves made the weaknesses visible every season.",
    "Citizens did not trust the administration to deliver on its promises.",
    "Staff lacked training and equipment, and maintenance was an afterthought.",
    "Costs rose faster than fees, and the utility depended on transfers from the state.",
    "Women and young people were hardly represented in decisions about {subject}.",
]
APPROACHES = [
    "The municipality set up a working group on {subject} with {partner}.",
    "A pilot in {place} tested {instrument} for one year before scaling it up.",
    "The council adopted a strategy on {subject} and earmarked a budget line for it.",
    "Staff exchanged with a partner municipality and adapted its approach to {subject}.",
    "Residents mapped problems themselves and prioritised measures in public meetings.",
    "The city combined {subject} with {other} so that both benefited from the same funds.",
    "A small team monitored indicators monthly and published them on the city website.",
    "Contracts with {partner} defined service levels, fees and penalties transparently.",
    "Training for municipal staff covered planning, procurement and maintenance.",
    "The approach deliberately involved {group} from the first workshop onwards.",
]
RESULTS = [
    "Within two years, coverage rose from {a} to {b} percent.",
    "Complaints fell by {a} percent, and satisfaction surveys improved markedly.",
    "About {n} households now benefit directly, {a} percent of them in poor districts.",
    "Operating costs dropped by {a} percent while revenue from fees increased.",
    "The pilot was adopted as city-wide policy and extended to {place}.",
    "Emissions were reduced by an estimated {n} tonnes of CO2 per year.",
    "Neighbouring municipalities have started to copy {subject} from {city}.",
]
RESOURCES = [
    "A coordinator, two field staff and a modest budget for equipment were enough to start.",
    "Investment of about {n} thousand euros, partly from national programmes.",
    "Political backing from the mayor and a council decision were essential.",
    "Technical advice from {partner} during the first year.",
]
LESSONS = [
    "Start small, measure from day one and share results openly.",
    "Transferable to medium-sized cities with similar administrative structures.",
    "Success depends on continuity of staff beyond electoral cycles.",
    "The legal framework for {subject} differs between countries and must be checked early.",
    "Involving {group} early avoided conflicts later on.",
    "Fees must be affordable for the poorest households, or the service will be bypassed.",
]


# fmt: on


@dataclass
class Practice:
    number: int
    title: str
    slug: str
    summary: str
    challenge: str
    approach: str
    results: str
    resources_needed: str
    transferability: str
    city: str
    country: str
    population_band: str
    year: int
    topic_field: str
    sdgs: list[int]
    tags: list[str]
    published_at: datetime


def _paragraphs(rng: random.Random, pool: list[str], count: int, slots: dict) -> str:
    sentences = [line.format(**slots) for line in rng.sample(pool, min(count, len(pool)))]
    # Two or three sentences a paragraph, like editors write them.
    chunks, step = [], rng.choice((2, 3))
    for start in range(0, len(sentences), step):
        chunks.append(" ".join(sentences[start : start + step]))
    return "".join(f"<p>{chunk}</p>" for chunk in chunks)


def _slots(rng: random.Random, subject: str, other: str, city: str) -> dict:
    a = rng.randint(15, 60)
    return {
        "subject": subject,
        "other": other,
        "city": city,
        "group": rng.choice(GROUPS),
        "partner": rng.choice(PARTNERS),
        "instrument": rng.choice(INSTRUMENTS),
        "place": rng.choice(PLACES),
        "a": a,
        "b": min(99, a + rng.randint(10, 40)),
        "n": rng.randint(2, 90) * 100,
    }


def practice(number: int, seed: int = 42) -> Practice:
    """The `number`-th synthetic practice, the same on every run for the same seed."""
    rng = random.Random(f"{seed}:{number}")
    topic_field = rng.choices(TOPIC_FIELDS, weights=(3, 4, 2, 2))[0]
    topic = TOPICS[topic_field]
    subject, other = rng.sample(topic["subjects"], 2)
    country = rng.choices(COUNTRIES, weights=COUNTRY_WEIGHTS)[0]
    city = rng.choice(CITIES[country])
    slots = _slots(rng, subject, other, city)
    action = rng.choice(ACTIONS).format(**slots)
    title = f"{rng.choice(ADJECTIVES)} {subject} {action}"
    if rng.random() < 0.5:
        title += f" in {city}"
    year = rng.choices(YEARS, weights=[1 + i for i in range(len(YEARS))])[0]
    published = datetime(year, 1, 1, 9, tzinfo=UTC) + timedelta(
        days=rng.randint(0, 364), minutes=rng.randint(0, 600)
    )
    # Popular tags of the topic first, plus an occasional tag from elsewhere.
    tags = set(rng.choices(topic["tags"], weights=[8, 6, 5, 4, 3, 2, 2, 1], k=rng.randint(2, 4)))
    if rng.random() < 0.2:
        tags.add(rng.choice(TAGS))
    sdgs = set(rng.choices(topic["sdgs"], weights=[6, 4, 3, 2, 1, 1], k=rng.randint(1, 3)))
    if rng.random() < 0.15:
        sdgs.add(rng.randint(1, 17))
    summary = (
        f"How {city} improved {subject} "
        f"{rng.choice(['with', 'together with', 'supported by'])} {slots['partner']}. "
        + rng.choice(APPROACHES).format(**slots)
        + " "
        + rng.choice(RESULTS).format(**slots)
    )
    return Practice(
        number=number,
        title=title[:250],
        slug=f"bench-practice-{number}",
        summary=summary[:600],
        challenge=f"<p>{rng.choice(OPENINGS).format(**slots)}</p>"
        + _paragraphs(rng, PROBLEMS, rng.randint(3, 5), slots),
        approach=_paragraphs(rng, APPROACHES, rng.randint(4, 7), slots),
        results=_paragraphs(rng, RESULTS, rng.randint(2, 4), slots),
        resources_needed=_paragraphs(rng, RESOURCES, rng.randint(1, 2), slots),
        transferability=_paragraphs(rng, LESSONS, rng.randint(1, 3), slots),
        city=city,
        country=country,
        population_band=rng.choice(POPULATION_BANDS),
        year=year,
        topic_field=topic_field,
        sdgs=sorted(sdgs),
        tags=sorted(tags),
        published_at=published,
    )


# --- the query mix ----------------------------------------------------------------------
# fmt: off

WORDS = [
    "waste", "recycling", "composting", "water", "sanitation", "wastewater", "heat",
    "stormwater", "flooding", "housing", "participation", "budgeting", "digital", "transparency",
    "tourism", "markets", "start-up", "training", "mobility", "transport", "energy", "lighting",
    "inclusion", "gender", "youth", "procurement", "trees", "gardens", "tenders", "fees",
]
PHRASES = [
    "waste management", "climate adaptation", "public transport", "drinking water",
    "participatory budgeting", "informal settlements", "street vendors", "open data",
    "energy efficiency", "market waste", "urban heat", "green corridors", "vocational training",
    "women entrepreneurs", "service charter", "mobile app", "revolving fund", "pilot district",
    "citizens assembly", "landfill closure", "circular economy", "rainwater harvesting",
    "small business", "property tax", "German partner city",
]
MISSPELLINGS = [
    "recyclng", "wastewatr", "partcipation", "mobilty", "digitalisaton", "sanitaiton",
    "compostng", "stormwatter", "housng", "tourisim", "procurment", "climte adaptation",
    "wast managment", "publc transport", "drinkng water", "infromal settlements",
    "enrgy efficiency", "budgetting", "transparancy", "vocatinal training",
]
REGIONS = ("germany", "global_south", "other")
# fmt: on


def query_mix(count: int = 240, seed: int = 42) -> list[tuple[str, list[tuple[str, str]]]]:
    """`count` search requests as (kind, GET parameters), in a fixed shuffled order."""
    rng = random.Random(f"queries:{seed}")
    texts = {
        "word": WORDS,
        "phrase": PHRASES,
        "misspelling": MISSPELLINGS,
    }

    def some_filters(k: int) -> list[tuple[str, str]]:
        options = [
            lambda: [("region", rng.choice(REGIONS))],
            lambda: [("topic_field", rng.choice(TOPIC_FIELDS))],
            lambda: [("country", c) for c in rng.sample(COUNTRIES[:30] + ["DE"] * 10, 1)],
            lambda: [("country", c) for c in sorted(set(rng.sample(COUNTRIES, 2)))],
            lambda: [("tags", rng.choice(TAGS))],
            lambda: [("tags", t) for t in rng.sample(TAGS, 2)],
            lambda: [("year", str(rng.choice(YEARS)))],
            lambda: [("sdgs", str(rng.randint(1, 17)))],
        ]
        params: list[tuple[str, str]] = []
        for make in rng.sample(options, k):
            params += make()
        return params

    # Shares of the mix: plain text, filtered text, date-sorted text, empty query.
    kinds = (
        ["word"] * 14
        + ["phrase"] * 12
        + ["misspelling"] * 8
        + ["filtered"] * 30
        + ["combined"] * 14
        + ["date"] * 8
        + ["browse"] * 10
        + ["browse_filtered"] * 4
    )
    mix = []
    for i in range(count):
        kind = kinds[i * len(kinds) // count]  # the shares hold for any count
        if kind in texts:
            params = [("q", rng.choice(texts[kind]))]
        elif kind == "filtered":
            params = [("q", rng.choice(WORDS + PHRASES)), *some_filters(1)]
        elif kind == "combined":
            params = [("q", rng.choice(WORDS + PHRASES)), *some_filters(rng.randint(2, 3))]
        elif kind == "date":
            params = [("q", rng.choice(WORDS + PHRASES)), ("sort", "date"), *some_filters(1)]
        elif kind == "browse":
            params = []
        else:
            params = some_filters(rng.randint(1, 2))
        if rng.random() < 0.1:
            params.append(("page", str(rng.randint(2, 4))))
        mix.append((kind, params))
    rng.shuffle(mix)
    return mix
