"""Demo people for the embedded mode and the browser tests: practitioners from the host
municipalities and their partners, with profiles, spread over five demo spaces in all
four roles. Looked up before created, so seeding twice changes nothing; a seeded site
is recognised with one query.

The demo participant is deliberately not a member of the demo host's space, so that
the host can try inviting them.
"""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from community.actions import do_add_member, do_sync_hosts_from_group
from community.models import Profile, SpaceRole, SpokenLanguage, Visibility
from learning_processes.models import LearningProcessPage

WASTE = "circular-waste-management"
CLIMATE = "climate-resilient-public-spaces"
DIGITAL = "digital-services-for-all"
HEAT = "urban-heat-action-plans"
BUDGET = "participatory-budgeting"

HOST, FACILITATOR, PARTICIPANT, OBSERVER = (
    SpaceRole.HOST,
    SpaceRole.FACILITATOR,
    SpaceRole.PARTICIPANT,
    SpaceRole.OBSERVER,
)
PUBLIC, MEMBERS, PRIVATE = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE

# (e-mail, name, country, city, organisation type, organisation, position, languages,
#  time zone, expertise, visibility, {space: role}, bio)
PEOPLE: list[tuple[Any, ...]] = [
    ("host@example.org", "Jonas Beispiel", "DE", "Leipzig", "municipal_company",
     "Stadtreinigung Leipzig", "Head of Strategic Waste Planning", ["de", "en"],
     "Europe/Berlin", ["waste management", "composting", "fees"], PUBLIC, {},
     "Plans collection and recycling for a city of 600,000."),
    ("participant@example.org", "Amina Osei", "GH", "Kumasi", "municipality",
     "Kumasi Metropolitan Assembly", "Environmental Health Officer", ["en", "fr"],
     "Africa/Accra", ["waste management", "informal sector", "sanitation"], PUBLIC,
     {CLIMATE: PARTICIPANT}, "Works with informal waste pickers on separate collection."),
    ("staff@example.org", "Clara Brandt", "DE", "Bonn", "other", "Connective Cities",
     "Programme Manager", ["de", "en", "es"], "Europe/Berlin",
     ["facilitation", "peer learning"], PUBLIC,
     {WASTE: FACILITATOR, CLIMATE: FACILITATOR, DIGITAL: FACILITATOR, HEAT: FACILITATOR,
      BUDGET: FACILITATOR}, "Facilitates dialogue events and their follow-up."),
    ("admin@example.org", "Platform Team", "DE", "Bonn", "other", "Connective Cities",
     "Platform administration", ["de", "en"], "Europe/Berlin", [], PRIVATE, {}, ""),
    ("kwame.mensah@example.org", "Kwame Mensah", "GH", "Kumasi", "municipal_company",
     "Kumasi Waste Management Department", "Operations Manager", ["en"], "Africa/Accra",
     ["waste management", "landfill", "fleet management"], MEMBERS, {WASTE: PARTICIPANT},
     "Runs collection routes and the Oti landfill."),
    ("neema.mollel@example.org", "Neema Mollel", "TZ", "Arusha", "municipality",
     "Arusha City Council", "Solid Waste Officer", ["en", "sw"], "Africa/Dar_es_Salaam",
     ["composting", "waste management", "community mobilisation"], PUBLIC,
     {WASTE: PARTICIPANT}, "Built three neighbourhood composting sites."),
    ("sami.trabelsi@example.org", "Sami Trabelsi", "TN", "Sfax", "municipality",
     "Municipality of Sfax", "Head of Environment", ["ar", "fr", "en"], "Africa/Tunis",
     ["recycling", "public procurement"], MEMBERS, {WASTE: PARTICIPANT, HEAT: OBSERVER},
     "Tenders recycling services with social clauses."),
    ("maria.santos@example.org", "Maria Santos", "PH", "Cebu City", "municipality",
     "Cebu City Environment Office", "Planning Officer", ["en"], "Asia/Manila",
     ["circular economy", "informal sector", "participatory budgeting"], PUBLIC,
     {WASTE: PARTICIPANT, BUDGET: PARTICIPANT}, ""),
    ("elira.hoxha@example.org", "Elira Hoxha", "AL", "Korçë", "municipality",
     "Municipality of Korçë", "Project Coordinator", ["sq", "en", "it"], "Europe/Tirane",
     ["EU funding", "recycling"], PRIVATE, {WASTE: OBSERVER},
     "Coordinates EU-funded projects."),
    ("lukas.hartmann@example.org", "Lukas Hartmann", "DE", "Bonn", "municipality",
     "City of Bonn", "Urban Green Space Planner", ["de", "en"], "Europe/Berlin",
     ["green infrastructure", "climate adaptation"], PUBLIC, {CLIMATE: HOST}, ""),
    ("ana.ribeiro@example.org", "Ana Ribeiro", "BR", "Belo Horizonte", "municipality",
     "Prefeitura de Belo Horizonte", "Stream Restoration Engineer", ["pt", "es", "en"],
     "America/Sao_Paulo", ["stream restoration", "green infrastructure", "GIS"], PUBLIC,
     {CLIMATE: PARTICIPANT}, "Reopens buried streams as linear parks."),
    ("john.otieno@example.org", "John Otieno", "KE", "Kisumu", "municipality",
     "County Government of Kisumu", "Physical Planner", ["en", "sw"], "Africa/Nairobi",
     ["public space", "climate adaptation", "GIS"], MEMBERS, {CLIMATE: PARTICIPANT}, ""),
    ("nguyen.thu@example.org", "Nguyen Thi Thu", "VN", "Da Nang", "municipality",
     "Da Nang Department of Construction", "Deputy Head of Urban Planning", ["vi", "en"],
     "Asia/Ho_Chi_Minh", ["urban heat", "public space", "e-government"], PUBLIC,
     {CLIMATE: PARTICIPANT, DIGITAL: PARTICIPANT}, ""),
    ("oksana.kovalenko@example.org", "Oksana Kovalenko", "UA", "Lviv", "municipality",
     "Lviv City Council", "Digital Transformation Officer", ["uk", "en", "pl"],
     "Europe/Kyiv", ["e-government", "open data", "public space"], PUBLIC,
     {CLIMATE: OBSERVER, DIGITAL: PARTICIPANT}, ""),
    ("felix.wagner@example.org", "Felix Wagner", "DE", "Mannheim", "municipality",
     "City of Mannheim", "Head of Citizen Services", ["de", "en"], "Europe/Berlin",
     ["e-government", "plain language"], PUBLIC, {DIGITAL: HOST}, ""),
    ("aline.uwase@example.org", "Aline Uwase", "RW", "Kigali", "municipality",
     "City of Kigali", "ICT Officer", ["en", "fr", "sw"], "Africa/Kigali",
     ["e-government", "digital inclusion"], MEMBERS, {DIGITAL: PARTICIPANT}, ""),
    ("rami.khalil@example.org", "Rami Khalil", "PS", "Ramallah", "municipality",
     "Ramallah Municipality", "Service Design Lead", ["ar", "en"], "Asia/Hebron",
     ["service design", "digital inclusion"], PUBLIC, {DIGITAL: OBSERVER}, ""),
    ("sophie.keller@example.org", "Sophie Keller", "DE", "Freiburg im Breisgau",
     "municipality", "City of Freiburg im Breisgau", "Climate Adaptation Manager",
     ["de", "en", "fr"], "Europe/Berlin", ["urban heat", "climate adaptation"], PUBLIC,
     {HEAT: HOST}, ""),
    ("priya.shah@example.org", "Priya Shah", "IN", "Ahmedabad", "municipality",
     "Ahmedabad Municipal Corporation", "Heat Action Plan Coordinator", ["hi", "en"],
     "Asia/Kolkata", ["urban heat", "early warning", "public health"], PUBLIC,
     {HEAT: PARTICIPANT}, "Coordinates the city's heat action plan since 2019."),
    ("layla.haddad@example.org", "Layla Haddad", "JO", "Amman", "municipality",
     "Greater Amman Municipality", "Resilience Officer", ["ar", "en"], "Asia/Amman",
     ["climate adaptation", "water"], MEMBERS, {HEAT: PARTICIPANT}, ""),
    ("carlos.mendez@example.org", "Carlos Méndez", "MX", "Mérida", "municipality",
     "Ayuntamiento de Mérida", "Director of Sustainability", ["es", "en"],
     "America/Merida", ["urban heat", "green infrastructure"], PUBLIC,
     {HEAT: PARTICIPANT}, ""),
    ("tuyeni.nangolo@example.org", "Tuyeni Nangolo", "NA", "Windhoek", "municipality",
     "City of Windhoek", "Environmental Planner", ["en", "af"], "Africa/Windhoek",
     ["water", "urban heat"], PUBLIC, {HEAT: OBSERVER}, ""),
    ("martin.becker@example.org", "Martin Becker", "DE", "Siegburg", "municipality",
     "Rhein-Sieg District", "Citizen Participation Officer", ["de", "en"],
     "Europe/Berlin", ["participatory budgeting", "citizen participation"], PUBLIC,
     {BUDGET: HOST}, ""),
    ("diego.vasquez@example.org", "Diego Vásquez", "EC", "Cuenca", "municipality",
     "GAD Municipal de Cuenca", "Participation Coordinator", ["es", "en"],
     "America/Guayaquil", ["participatory budgeting", "open data"], PUBLIC,
     {BUDGET: PARTICIPANT}, ""),
    ("nour.saad@example.org", "Nour Saad", "LB", "Saida", "municipality",
     "Municipality of Saida", "Youth Programme Officer", ["ar", "fr", "en"],
     "Asia/Beirut", ["youth participation", "participatory budgeting"], MEMBERS,
     {BUDGET: PARTICIPANT}, ""),
]  # fmt: skip

# Printed by `seed_demo` next to the demo accounts: what to try with each of them.
ACCOUNT_HINTS = {
    "host": "host of “Circular municipal waste management” (/learning-processes/"
    "circular-waste-management/): open Members area → All members, invitations and "
    "requests, and invite participant@example.org (mail is printed on this console)",
    "participant": "participant of “Climate-resilient public spaces”; not yet in the "
    "waste process; try /members/?expertise=urban+heat&country=IN",
    "staff": "facilitator of five spaces; sees members-only profiles in /members/; "
    "reviews topic proposals in /admin/topic-proposals/: one proposal to the closed call "
    "waits for its scores and a decision, then “Publish decisions” tells the applicants",
}


def _is_seeded() -> bool:
    emails = [person[0] for person in PEOPLE]
    return Profile.objects.filter(user__username__in=emails).count() == len(emails)


def seed_community_demo() -> None:
    """Add the demo people unless they are there (one query when they are)."""
    if _is_seeded():
        return
    spaces = {
        space.slug: space
        for space in LearningProcessPage.objects.filter(
            slug__in=[WASTE, CLIMATE, DIGITAL, HEAT, BUDGET]
        )
    }
    _seed_people(spaces)


@transaction.atomic
def _seed_people(spaces: dict[str, LearningProcessPage]) -> None:
    User = get_user_model()
    existing = {
        user.username: user
        for user in User.objects.filter(username__in=[person[0] for person in PEOPLE])
    }
    for (email, name, country, city, org_type, organisation, position, languages, tz,
         expertise, visibility, memberships, bio) in PEOPLE:  # fmt: skip
        user = existing.get(email)
        if user is None:
            # Peers never log in: no password, so no slow hashing either.
            user = User.objects.create_user(username=email, email=email, password=None)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile, created = Profile.objects.get_or_create(
            user=user,
            defaults={
                "display_name": name,
                "name_chosen": True,
                "country": country,
                "city": city,
                "organisation_type": org_type,
                "organisation": organisation,
                "position": position,
                "time_zone": tz,
                "visibility": visibility,
                "bio": bio,
            },
        )
        if created:
            SpokenLanguage.objects.bulk_create(
                SpokenLanguage(profile=profile, code=code) for code in languages
            )
            if expertise:
                profile.expertise.add(*expertise)
        for slug, role in memberships.items():
            if slug in spaces:
                do_add_member(spaces[slug], user, role)
    # Demo databases from before the community app existed have host groups but no
    # host memberships; this brings them in step.
    for space in spaces.values():
        do_sync_hosts_from_group(space)
