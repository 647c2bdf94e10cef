"""Hand-written demo content: learning processes and the practice library.

Pure data, read by `connective_site.home.demo`. The cities are real places, but every
project, figure and quote is invented for the demo, and every person is a placeholder
name (Mustermann, Beispiel, Fulano de Tal, Nguyen Van A ...) with an @example.org
address.

Dates are offsets in days from the day the demo is seeded, so the phases stay varied
whatever the date: `schedule` holds the proposal, selection and dialogue event, an
activity's `after_event` counts from the start of the dialogue event, and an outcome's
`published_after_event` likewise. Rich-text fields are lists of paragraphs.
"""

PROCESSES: list[dict] = [
    {
        "slug": "climate-resilient-public-spaces",
        "title": "Climate-resilient public spaces",
        "topic": "integrated-urban-development",
        "host_name": "City of Bonn",
        "host_type": "city",
        "host_city": "Bonn",
        "contact": (
            "Erika Mustermann",
            "Head of the Climate Adaptation Unit, Urban Planning Department",
        ),
        "schedule": {"proposed": -1420, "selected": -1390, "event": -1290},
        "sdgs": [6, 11, 13],
        "tags": [
            "heat",
            "stormwater",
            "participation",
            "climate adaptation",
            "green infrastructure",
        ],
        "partners": [("Belo Horizonte", "BR"), ("Kisumu", "KE"), ("Da Nang", "VN"), ("Lviv", "UA")],
        "summary": (
            "How cities redesign squares, streets and schoolyards to cope with heat and heavy "
            "rain, and how residents take part in the redesign. Bonn and four partner cities "
            "compared blue-green projects from the first sketch to everyday maintenance."
        ),
        "background": [
            (
                "Heat waves and cloudbursts hit dense neighbourhoods hardest. Sealed squares and "
                "streets store heat during the day and send rainwater straight into drains that "
                "were never sized for today's storms. Residents with little money and little shade "
                "– older people, children, street vendors – carry most of the burden."
            ),
            (
                "Many cities now have a climate adaptation strategy, but turning it into built "
                "projects is slow: the budget is split between the roads, parks and drainage "
                "departments, maintenance is nobody's job, and residents are consulted when the "
                "plans are already finished. Bonn has unsealed schoolyards and rebuilt two squares "
                "with rain gardens; the partner cities bring experience with reopened streams, "
                "drainage channels and tree planting at scale."
            ),
        ],
        "learning_goals": [
            (
                "How to finance and maintain green infrastructure when the roads, parks and "
                "drainage departments each hold part of the budget."
            ),
            (
                "How partner cities involve residents of informal settlements in planning and "
                "looking after public spaces."
            ),
            (
                "Which simple measurements (surface temperature, runoff, how a space is used) "
                "convince a council to scale up a pilot."
            ),
        ],
        "contribution": [
            (
                "Bonn brings six years of experience with unsealing schoolyards and squares, its "
                "heavy-rain hazard map and a cooperation model between the parks department, "
                "schools and neighbourhood associations. Staff from urban planning, the parks "
                "department and the municipal drainage company take part in the exchange."
            ),
        ],
        "dialogue_event": {
            "venue": "Stadthaus, conference floor",
            "sessions": [
                (
                    "Input: the heavy-rain hazard map and how it shapes street design",
                    "Erika Mustermann, City of Bonn",
                ),
                (
                    "Input: reopened streams and drainage parks in Belo Horizonte and Kisumu",
                    "Fulano de Tal, Belo Horizonte; Otieno Sample, Kisumu County",
                ),
                (
                    "Peer consultation: who maintains a green square?",
                    "Tran Thi B, Da Nang; Olena Example, Lviv City Council",
                ),
            ],
            "site_visit": (
                (
                    "Site visit: an unsealed schoolyard and a rain-garden street in the northern "
                    "districts"
                ),
                "Lukas Platzhalter, parks department, City of Bonn",
            ),
        },
        "activities": [
            {
                "slug": "online-exchange-maintenance-agreements",
                "title": "Online exchange: maintenance agreements for green spaces",
                "type": "virtual_exchange",
                "after_event": 55,
                "duration": 0,
                "virtual": True,
                "description": (
                    "A two-hour video call in which the parks departments of Bonn and Kisumu "
                    "presented the agreements they use with schools and youth groups that water "
                    "and weed new plantings."
                ),
                "report": (
                    "Nineteen participants from five cities. Kisumu adapted Bonn's template "
                    "agreement for two pilot sites along the Nyalenda drainage channel; Lviv asked "
                    "for the tender documents of the rain-garden street."
                ),
            },
            {
                "slug": "expert-exchange-belo-horizonte",
                "title": "Expert exchange trip to Belo Horizonte",
                "type": "expert_exchange",
                "after_event": 170,
                "duration": 5,
                "place": "Belo Horizonte, Brazil",
                "description": (
                    "Planners from Bonn and Da Nang visited linear parks along reopened streams "
                    "and the flood early-warning centre of Belo Horizonte."
                ),
                "report": (
                    "The delegation documented three design details – permeable kerbs, overflow "
                    "basins under sports fields and paid community caretakers – that were taken "
                    "into Bonn's new design guideline for public spaces."
                ),
            },
            {
                "slug": "project-workshop-da-nang",
                "title": "Project workshop in Da Nang: cooling a market street",
                "type": "project_workshop",
                "after_event": 290,
                "duration": 3,
                "place": "Da Nang, Viet Nam",
                "description": (
                    "Three days with market traders, the ward office and the city's construction "
                    "department to design shade and drainage for a street market."
                ),
                "report": (
                    "The workshop produced a design for light steel frames with climbing plants "
                    "and a permeable surface, which the city built in the following dry season."
                ),
            },
        ],
        "outcome": {
            "published_after_event": 400,
            "results": [
                (
                    "Each partner city left the dialogue event with an action plan for one public "
                    "space, and three of the four plans have been built: Kisumu planted 1,200 "
                    "trees along two drainage channels, Da Nang shaded a market street with steel "
                    "frames and climbing plants, and Lviv unsealed the yard of a school that also "
                    "serves as a neighbourhood square."
                ),
                (
                    "Bonn adopted a design guideline for climate-resilient public spaces that "
                    "draws on examples from Belo Horizonte and Kisumu."
                ),
            ],
            "lessons_learned": [
                (
                    "Maintenance has to be planned and budgeted together with construction. The "
                    "cities that agreed maintenance with schools or neighbourhood groups before "
                    "the first tree was planted kept their sites in better shape."
                ),
                (
                    "Simple before-and-after measurements of surface temperature convinced "
                    "councils more than long reports."
                ),
            ],
            "next_steps": [
                (
                    "Bonn and Kisumu continue a project partnership on rainwater retention in "
                    "schoolyards."
                ),
                (
                    "The partners meet online twice a year to compare tree species for hotter and "
                    "drier summers."
                ),
            ],
        },
    },
    {
        "slug": "circular-waste-management",
        "title": "Circular municipal waste management",
        "topic": "municipal-services",
        "host_name": "Stadtreinigung Leipzig",
        "host_type": "municipal_company",
        "host_city": "Leipzig",
        "contact": ("Jonas Beispiel", "Head of Strategic Waste Planning"),
        "schedule": {"proposed": -60, "selected": -30, "event": 45},
        "sdgs": [8, 11, 12],
        "tags": ["waste", "recycling", "informal sector", "composting", "circular economy"],
        "partners": [
            ("Kumasi", "GH"),
            ("Arusha", "TZ"),
            ("Sfax", "TN"),
            ("Cebu City", "PH"),
            ("Korçë", "AL"),
        ],
        "summary": (
            "Separate collection, composting and the inclusion of informal waste pickers in "
            "municipal solid waste management. Municipal companies and city administrations "
            "compare collection systems, fees and cooperation with informal recyclers."
        ),
        "background": [
            (
                "In most partner cities more than half of household waste is organic, yet most of "
                "it ends up on open dumps where it produces methane and leachate. Informal waste "
                "pickers recover much of the recyclable material, but they work without protection "
                "or a secure income. In Germany, separate collection is well established, but "
                "contaminated organic waste bins and low recycling rates in large housing estates "
                "remain a problem."
            ),
            (
                "Stadtreinigung Leipzig has introduced the organic waste bin across the city, runs "
                "recycling centres and information campaigns in large housing estates, and trains "
                "its own drivers and loaders. The company wants to learn how cities with far fewer "
                "resources achieve high recovery rates through markets, cooperatives and informal "
                "collectors."
            ),
        ],
        "learning_goals": [
            (
                "How partner cities organise cooperation with waste pickers and their "
                "cooperatives: contracts, payment and health protection."
            ),
            (
                "Low-cost ways to keep organic waste clean at the source, especially at markets "
                "and in large housing estates."
            ),
            "Fee models that cover the cost of collection without excluding poor households.",
        ],
        "contribution": [
            (
                "Leipzig contributes its experience with city-wide organic waste collection, route "
                "planning, the operation of recycling centres and awareness campaigns. The "
                "company's composting plant and its training workshop for drivers and loaders can "
                "be visited during the dialogue event."
            ),
        ],
        "dialogue_event": {
            "venue": "Training centre of Stadtreinigung Leipzig",
            "sessions": [
                (
                    "Input: organic waste in Leipzig – from the bin to the compost plant",
                    "Jonas Beispiel, Stadtreinigung Leipzig",
                ),
                (
                    "Input: composting market waste with women's cooperatives in Kumasi",
                    "Ama Example, Kumasi Metropolitan Assembly",
                ),
                (
                    "Panel: working with waste pickers – contracts, pay and safety",
                    (
                        "Foulen Ben Foulen, Municipality of Sfax; Juana Dela Cruz, Cebu City; Arta "
                        "Example, Municipality of Korçë"
                    ),
                ),
            ],
            "site_visit": (
                "Site visit: composting plant and a recycling centre",
                "Operations team, Stadtreinigung Leipzig",
            ),
        },
        "activities": [
            {
                "slug": "online-clinic-waste-fees",
                "title": "Online clinic: fees and cost recovery in waste management",
                "type": "virtual_exchange",
                "after_event": 75,
                "duration": 0,
                "virtual": True,
                "description": (
                    "Partner cities present how they set and collect waste fees; Leipzig explains "
                    "how its fees are calculated and how it reduces arrears."
                ),
            },
            {
                "slug": "expert-exchange-kumasi-arusha",
                "title": "Expert exchange trip to Kumasi and Arusha",
                "type": "expert_exchange",
                "after_event": 210,
                "duration": 6,
                "place": "Kumasi, Ghana and Arusha, Tanzania",
                "description": (
                    "Leipzig's planners and the partner cities visit market composting in Kumasi "
                    "and the registration of waste collectors in Arusha."
                ),
            },
        ],
    },
    {
        "slug": "digital-services-for-all",
        "title": "Digital municipal services for all",
        "topic": "good-urban-governance",
        "host_name": "City of Mannheim",
        "host_type": "city",
        "host_city": "Mannheim",
        "contact": (
            "Lena Musterfrau",
            "Digital Services Coordinator, Citizens' Services Department",
        ),
        "schedule": {"proposed": -345, "selected": -320, "event": -215},
        "sdgs": [10, 11, 16],
        "tags": ["digitalisation", "inclusion", "e-government", "accessibility"],
        "partners": [("Da Nang", "VN"), ("Kigali", "RW"), ("Ramallah", "PS"), ("Vinnytsia", "UA")],
        "summary": (
            "Online services that every resident can use, including older people, people with "
            "disabilities and people without a smartphone. Mannheim and its partners compare "
            "assisted digital access, accessible design and how to keep an offline route open."
        ),
        "background": [
            (
                "Digitalisation promises shorter queues and fewer trips to the town hall, but only "
                "if nobody is left out. German municipalities are required to offer their services "
                "online, yet many residents still need help with forms, identification and "
                "uploads. In the partner cities, mobile phones are everywhere while computers and "
                "stable internet at home are not."
            ),
            (
                "Mannheim has tested service points in neighbourhood libraries where staff help "
                "residents use online services, and has its online forms checked by people with "
                "disabilities. Da Nang and Kigali run one-stop service centres and accept "
                "municipal fees by mobile money; Vinnytsia has rebuilt its administrative service "
                "centre around an online queue."
            ),
        ],
        "learning_goals": [
            (
                "How one-stop service centres combine online and counter services without doubling "
                "the work."
            ),
            "How to design forms for mobile phones and low bandwidth.",
            "How to measure whether digital services actually reach older and poorer residents.",
        ],
        "contribution": [
            (
                "Mannheim brings its experience with assisted digital service points, "
                "accessibility testing with users and open-source components for online forms, as "
                "well as its cooperation with the state's digital agency."
            ),
        ],
        "dialogue_event": {
            "venue": "Stadthaus N 1, conference centre",
            "sessions": [
                (
                    "Input: assisted digital service points in Mannheim's libraries",
                    "Lena Musterfrau, City of Mannheim",
                ),
                (
                    "Input: one-stop service and mobile payment of fees in Kigali",
                    "Uwase Example, City of Kigali",
                ),
                (
                    "Workshop: testing an online form with users with disabilities",
                    "Jane Doe and John Roe, self-advocacy association",
                ),
            ],
            "site_visit": (
                "Site visit: the citizens' service centre and a library service point",
                "Citizens' Services Department, City of Mannheim",
            ),
        },
        "activities": [
            {
                "slug": "online-exchange-plain-language-forms",
                "title": "Online exchange: writing forms in plain language",
                "type": "virtual_exchange",
                "after_event": 40,
                "duration": 0,
                "virtual": True,
                "description": (
                    "Staff who write online forms in Mannheim, Vinnytsia and Ramallah rework one "
                    "real form together and test it with residents afterwards."
                ),
                "report": (
                    "Each city reworked its form for registering a new address. In Vinnytsia the "
                    "reworked form cut the number of applications returned for corrections by a "
                    "third in the first month."
                ),
            },
            {
                "slug": "project-workshop-da-nang-kiosks",
                "title": "Project workshop in Da Nang: assisted kiosks in ward offices",
                "type": "project_workshop",
                "after_event": 150,
                "duration": 3,
                "place": "Da Nang, Viet Nam",
                "description": (
                    "Ward staff, the city's information technology department and visitors from "
                    "Mannheim and Kigali review how assisted kiosks are used and by whom."
                ),
                "report": (
                    "The workshop agreed on four indicators that all partner cities now collect, "
                    "including the share of applications filed with assistance and the waiting "
                    "time at the counter."
                ),
            },
            {
                "slug": "expert-exchange-kigali",
                "title": "Expert exchange trip to Kigali",
                "type": "expert_exchange",
                "after_event": 250,
                "duration": 4,
                "place": "Kigali, Rwanda",
                "description": (
                    "A visit to Kigali's one-stop centre and the mobile-money payment of municipal "
                    "fees, with staff from Mannheim's treasury and Ramallah's revenue department."
                ),
            },
        ],
    },
    {
        "slug": "green-start-up-ecosystems",
        "title": "Municipal support for green start-ups",
        "topic": "local-economic-development",
        "host_name": "City of Dortmund",
        "host_type": "city",
        "host_city": "Dortmund",
        "contact": ("Max Mustermann", "Start-up Officer, Economic Development Agency"),
        "schedule": {"proposed": -1035, "selected": -1010, "event": -920},
        "sdgs": [8, 9, 12],
        "tags": ["start-ups", "youth", "circular economy", "employment"],
        "partners": [("Tunis", "TN"), ("Nairobi", "KE"), ("Medellín", "CO"), ("Surabaya", "ID")],
        "summary": (
            "What municipalities can do to help young companies with green business ideas grow: "
            "space, mentoring, access to public procurement and pilots with municipal services."
        ),
        "background": [
            (
                "Young graduates in many partner cities find few formal jobs, while the cities "
                "need new solutions in recycling, energy and mobility. Municipalities control much "
                "of what start-ups need – vacant buildings, data, test sites and public "
                "procurement – but rarely use it strategically."
            ),
            (
                "Dortmund turned former coal and steel sites into technology parks and supports a "
                "start-up centre together with the university and the chamber of commerce. Tunis, "
                "Nairobi, Medellín and Surabaya run incubators and innovation challenges of their "
                "own."
            ),
        ],
        "learning_goals": [
            "How cities can open public procurement to start-ups within the procurement rules.",
            "How to select start-ups for pilots with municipal services and measure the results.",
            "How to keep young companies in the city after the incubation phase.",
        ],
        "contribution": [
            (
                "Dortmund contributes its experience with structural change, its start-up "
                "scholarship and its cooperation with the university and the chamber of commerce. "
                "Founders from the start-up centre present their pilots with the municipal utility "
                "and the waste company."
            ),
        ],
        "dialogue_event": {
            "venue": "Start-up centre on a former steelworks site",
            "sessions": [
                (
                    "Input: from coal and steel to start-ups – Dortmund's structural change",
                    "Max Mustermann, Economic Development Agency Dortmund",
                ),
                (
                    "Pitch session: green start-ups from Tunis, Nairobi, Medellín and Surabaya",
                    "Founders invited by the partner cities",
                ),
                (
                    "Workshop: innovation challenges and pre-commercial procurement",
                    "Zutana Gómez, Medellín; Siti Sample, City of Surabaya",
                ),
            ],
            "site_visit": (
                "Site visit: technology park and a recycling start-up",
                "Start-up centre team",
            ),
        },
        "activities": [
            {
                "slug": "online-exchange-innovation-challenges",
                "title": "Online exchange: the legal side of innovation challenges",
                "type": "virtual_exchange",
                "after_event": 60,
                "duration": 0,
                "virtual": True,
                "description": (
                    "Procurement lawyers from Dortmund and Medellín explain how a city can pay "
                    "start-ups for pilots without a full tender."
                ),
                "report": (
                    "Participants collected the legal instruments used in each country in a shared "
                    "table; Nairobi used it to draft the rules of its first innovation challenge."
                ),
            },
            {
                "slug": "expert-exchange-medellin",
                "title": "Expert exchange trip to Medellín",
                "type": "expert_exchange",
                "after_event": 160,
                "duration": 5,
                "place": "Medellín, Colombia",
                "description": (
                    "A visit to Medellín's innovation district and its programme of pre-commercial "
                    "procurement, with staff from Dortmund and Tunis."
                ),
                "report": (
                    "The visitors met six start-ups working with municipal services and documented "
                    "how the city shares the risk of failed pilots."
                ),
            },
            {
                "slug": "project-workshop-tunis-incubator",
                "title": "Project workshop in Tunis: a municipal incubator for recycling start-ups",
                "type": "project_workshop",
                "after_event": 280,
                "duration": 3,
                "place": "Tunis, Tunisia",
                "description": (
                    "Planning the selection process, mentoring and pilot agreements of the new "
                    "incubator with the municipality, the university and two banks."
                ),
                "report": (
                    "The incubator's selection criteria and a standard pilot agreement were "
                    "adopted by the municipal council two months later."
                ),
            },
        ],
        "outcome": {
            "published_after_event": 390,
            "results": [
                (
                    "Tunis opened a municipal incubator for recycling and energy-efficiency "
                    "start-ups in a vacant building; the first twelve companies moved in within a "
                    "year."
                ),
                (
                    "Nairobi ran its first innovation challenge on waste-to-value, and Surabaya "
                    "linked its start-up programme to its network of neighbourhood waste banks. "
                    "Dortmund opened its start-up scholarship to founders who run pilots with "
                    "municipal companies."
                ),
            ],
            "lessons_learned": [
                (
                    "A clear municipal 'problem owner' – a department that wants the pilot and "
                    "will use the result – matters more than the size of the prize money."
                ),
                (
                    "Start-ups need a paying customer after the pilot; cities that planned the "
                    "follow-on contract from the start kept more of their start-ups."
                ),
            ],
            "next_steps": [
                "The incubators of Tunis and Dortmund exchange mentors online.",
                "Medellín and Surabaya plan a joint challenge on food waste from markets.",
            ],
        },
    },
    {
        "slug": "local-energy-value-creation",
        "title": "Local value from the energy transition",
        "topic": "local-economic-development",
        "host_name": "Municipality of Saerbeck",
        "host_type": "municipality",
        "host_city": "Saerbeck",
        "contact": ("Tobias Platzhalter", "Climate Protection Manager"),
        "schedule": {"proposed": -450, "selected": -420, "event": -310},
        "sdgs": [7, 8, 13],
        "tags": ["renewable energy", "energy efficiency", "cooperatives", "employment"],
        "partners": [
            ("Gobabis", "NA"),
            ("Chefchaouen", "MA"),
            ("Kutaisi", "GE"),
            ("Hawassa", "ET"),
        ],
        "summary": (
            "How small and medium-sized towns make sure that the income from solar, wind and "
            "biogas stays in the local economy: citizen energy cooperatives, municipal utilities "
            "and local jobs."
        ),
        "background": [
            (
                "Renewable energy projects bring investment to small towns and rural areas, but "
                "the profit often leaves the region. Small administrations have few staff to plan "
                "projects, negotiate with investors or organise the participation of residents."
            ),
            (
                "Saerbeck, a municipality of about 7,000 inhabitants, turned a former military "
                "depot into an energy park with wind turbines, solar panels and a biogas plant "
                "that is largely owned by residents and the municipality. The partner towns have "
                "started with solar on public buildings and street lighting and want to go "
                "further."
            ),
        ],
        "learning_goals": [
            (
                "How partner towns finance solar systems for public buildings with little capital "
                "of their own."
            ),
            "How to train local installers and technicians so that the jobs stay in the town.",
            "How to inform and involve residents who are sceptical about new installations.",
        ],
        "contribution": [
            (
                "Saerbeck shares its experience with the energy park, the citizen energy "
                "cooperative and the energy education programme of its schools. Board members of "
                "the cooperative and the municipal building department take part."
            ),
        ],
        "dialogue_event": {
            "venue": "Visitor centre of the energy park",
            "sessions": [
                (
                    "Input: a citizens' energy park on a former military depot",
                    "Tobias Platzhalter, Municipality of Saerbeck",
                ),
                (
                    "Input: solar on public buildings in Chefchaouen and Gobabis",
                    "Fulan Al-Fulani, Chefchaouen; Ndapewa Example, Gobabis Municipality",
                ),
                (
                    "Workshop: training local installers and technicians",
                    "Nino Example, Kutaisi City Hall; vocational school teachers from the district",
                ),
            ],
            "site_visit": (
                "Site visit: wind turbines, biogas plant and the cooperative's solar roofs",
                "Board of the citizen energy cooperative",
            ),
        },
        "activities": [
            {
                "slug": "online-exchange-solar-tenders",
                "title": "Online exchange: tendering solar systems for public buildings",
                "type": "virtual_exchange",
                "after_event": 50,
                "duration": 0,
                "virtual": True,
                "description": (
                    "Saerbeck's building department and the partner towns compare tender documents "
                    "and maintenance clauses for rooftop solar systems."
                ),
                "report": (
                    "Gobabis and Hawassa took over the maintenance clauses; Kutaisi added a "
                    "requirement to train two municipal electricians to its next tender."
                ),
            },
            {
                "slug": "expert-exchange-chefchaouen",
                "title": "Expert exchange trip to Chefchaouen",
                "type": "expert_exchange",
                "after_event": 180,
                "duration": 5,
                "place": "Chefchaouen, Morocco",
                "description": (
                    "Visit to the solar water heaters on public buildings and the training of "
                    "young technicians in Chefchaouen."
                ),
                "report": (
                    "The visitors from Saerbeck and Hawassa documented the training curriculum and "
                    "the maintenance log used by the municipal technicians."
                ),
            },
            {
                "slug": "project-workshop-hawassa",
                "title": "Project workshop in Hawassa: solar for health centres",
                "type": "project_workshop",
                "after_event": 330,
                "duration": 3,
                "place": "Hawassa, Ethiopia",
                "description": (
                    "The city administration, two health centres and the partner towns plan solar "
                    "systems with battery storage for health centres that lose power several times "
                    "a week."
                ),
            },
        ],
    },
    {
        "slug": "participatory-budgeting",
        "title": "Participatory budgeting and citizen panels",
        "topic": "good-urban-governance",
        "host_name": "Rhein-Sieg District",
        "host_type": "district",
        "host_city": "Siegburg",
        "contact": ("Petra Beispiel", "Head of the Citizen Participation Office"),
        "schedule": {"proposed": -795, "selected": -770, "event": -670},
        "sdgs": [5, 10, 16],
        "tags": ["participation", "transparency", "youth", "gender"],
        "partners": [("Naga City", "PH"), ("Cuenca", "EC"), ("Shkodër", "AL"), ("Saida", "LB")],
        "summary": (
            "How municipalities and districts give residents a real say over part of the public "
            "budget, and how they reach people who rarely take part: young people, women and "
            "residents of remote villages."
        ),
        "background": [
            (
                "Trust in local government grows when residents can see what happens to their "
                "proposals. Participatory budgeting began in Brazil and is now used on every "
                "continent, but many processes attract the same small group of already active "
                "citizens."
            ),
            (
                "The Rhein-Sieg District and several of its towns have tried citizen panels chosen "
                "by lot and a youth budget. The partner municipalities bring long experience with "
                "neighbourhood assemblies, budgeting in rural parishes and participation in a "
                "post-conflict setting."
            ),
        ],
        "learning_goals": [
            (
                "How to reach residents who do not usually take part, above all young people and "
                "women."
            ),
            (
                "How to make the path from a proposal to a council decision and to implementation "
                "visible."
            ),
            "What a district can do to support its small member municipalities with participation.",
        ],
        "contribution": [
            (
                "The district contributes its experience with citizen panels chosen by lot, a "
                "youth budget and an online participation platform that its member municipalities "
                "share."
            ),
        ],
        "dialogue_event": {
            "venue": "District administration building (Kreishaus)",
            "sessions": [
                ("Input: citizen panels chosen by lot", "Petra Beispiel, Rhein-Sieg District"),
                (
                    "Input: twenty years of neighbourhood budgeting in Naga City",
                    "Juan Dela Cruz, City Government of Naga",
                ),
                (
                    "World café: reaching young people and women",
                    (
                        "Fulana Rodríguez, Municipality of Cuenca; Fulana Bint Fulan, Municipality "
                        "of Saida"
                    ),
                ),
            ],
            "site_visit": (
                "Site visit: a youth budget project in a member town",
                "Members of the town's youth council",
            ),
        },
        "activities": [
            {
                "slug": "online-exchange-participation-platforms",
                "title": "Online exchange: digital tools for participatory budgeting",
                "type": "virtual_exchange",
                "after_event": 45,
                "duration": 0,
                "virtual": True,
                "description": (
                    "Demonstrations of the open-source participation platforms used in the "
                    "Rhein-Sieg District and in Cuenca."
                ),
                "report": (
                    "Shkodër decided to use the same open-source platform for its youth budget; "
                    "the district shared its configuration and its guide for moderators."
                ),
            },
            {
                "slug": "project-workshop-shkoder-youth-budget",
                "title": "Project workshop in Shkodër: designing a youth budget",
                "type": "project_workshop",
                "after_event": 200,
                "duration": 3,
                "place": "Shkodër, Albania",
                "description": (
                    "Youth councillors, school representatives and the municipal finance "
                    "department design the rules of a youth budget with support from the district "
                    "and Naga City."
                ),
                "report": (
                    "The rules were adopted by the municipal council; the first round funded nine "
                    "projects proposed by young people."
                ),
            },
        ],
        "outcome": {
            "published_after_event": 370,
            "results": [
                (
                    "Shkodër launched a youth budget, Saida set up women's committees in three "
                    "neighbourhoods that feed proposals into the municipal investment plan, and "
                    "Cuenca extended participatory budgeting to all of its rural parishes."
                ),
                (
                    "The Rhein-Sieg District drew on Naga City's experience to publish a quarterly "
                    "report on the status of every proposal that received funding."
                ),
            ],
            "lessons_learned": [
                (
                    "Reporting back matters as much as asking: participation rose in the second "
                    "round wherever residents could follow what happened to their proposals."
                ),
                (
                    "Meetings in schools, markets and religious centres reach more people than "
                    "meetings in the town hall."
                ),
            ],
            "next_steps": [
                "The district and Shkodër exchange experience after each budget round.",
                (
                    "A guide on reaching young people, written by the partner municipalities, is "
                    "available in the practice library."
                ),
            ],
        },
    },
    {
        "slug": "wastewater-stormwater-management",
        "title": "Wastewater and stormwater in growing cities",
        "topic": "municipal-services",
        "host_name": "Stadtentwässerung Dresden",
        "host_type": "municipal_company",
        "host_city": "Dresden",
        "contact": ("Klaus Beispielmann", "Head of Network Planning"),
        "schedule": {"proposed": -615, "selected": -590, "event": -490},
        "sdgs": [6, 11, 13, 14],
        "tags": ["wastewater", "sanitation", "stormwater", "water", "climate adaptation"],
        "partners": [
            ("Can Tho", "VN"),
            ("Khulna", "BD"),
            ("Maputo", "MZ"),
            ("Irbid", "JO"),
            ("Valparaíso", "CL"),
        ],
        "summary": (
            "Municipal utilities compare how they extend sewerage and faecal sludge services to "
            "fast-growing districts and how they prepare their networks for heavier rain."
        ),
        "background": [
            (
                "In many partner cities, fewer than a third of households are connected to a "
                "sewer; the rest rely on septic tanks and pit latrines that are emptied "
                "irregularly. At the same time, heavy rain overloads combined sewers and floods "
                "low-lying neighbourhoods."
            ),
            (
                "Dresden's municipal wastewater company rebuilt and protected its network after "
                "major river floods, controls the storage in its sewers in real time and recovers "
                "energy from sewage sludge. The partner utilities bring experience with "
                "decentralised treatment and faecal sludge management."
            ),
        ],
        "learning_goals": [
            (
                "How partner utilities organise scheduled emptying of septic tanks and the "
                "licensing of private emptiers."
            ),
            (
                "Low-cost decentralised treatment for districts that will not be connected to the "
                "sewer for many years."
            ),
            "Tariffs and connection fees that encourage poor households to connect.",
        ],
        "contribution": [
            (
                "Real-time control of sewer storage, flood protection of pumping stations, energy "
                "recovery from sewage sludge and the training of sewer workers."
            ),
        ],
        "dialogue_event": {
            "venue": "Visitor centre of the central wastewater treatment plant",
            "sessions": [
                (
                    "Input: protecting a sewer network against floods",
                    "Klaus Beispielmann, Stadtentwässerung Dresden",
                ),
                (
                    "Input: faecal sludge management in Khulna and Maputo",
                    "Rahim Sample, Khulna City Corporation; Ana Sicrana, Maputo Municipal Council",
                ),
                (
                    "Peer consultation: connection fees and tariffs",
                    "Le Van C, Can Tho; Karim Sample, Greater Irbid Municipality",
                ),
            ],
            "site_visit": (
                "Site visit: treatment plant, sludge digestion and the sewer control centre",
                "Operations staff, Stadtentwässerung Dresden",
            ),
        },
        "activities": [
            {
                "slug": "expert-exchange-khulna",
                "title": "Expert exchange trip to Khulna: scheduled desludging",
                "type": "expert_exchange",
                "after_event": 120,
                "duration": 5,
                "place": "Khulna, Bangladesh",
                "description": (
                    "Staff from Dresden, Maputo and Can Tho visit Khulna's scheduled desludging "
                    "service and its faecal sludge treatment plant."
                ),
                "report": (
                    "Maputo used Khulna's emptying schedule and licence conditions as the basis "
                    "for its own regulation of private emptiers."
                ),
            },
            {
                "slug": "online-exchange-real-time-control",
                "title": "Online exchange: real-time control of sewer storage",
                "type": "virtual_exchange",
                "after_event": 210,
                "duration": 0,
                "virtual": True,
                "description": (
                    "Dresden's control centre explains how rain radar data and sensors steer "
                    "storage in the sewer network; Valparaíso and Irbid present their flood "
                    "hotspots."
                ),
                "report": (
                    "Valparaíso installed level sensors at four hotspots and shares the data with "
                    "Dresden's engineers for advice."
                ),
            },
            {
                "slug": "project-workshop-maputo-sanitation",
                "title": "Project workshop in Maputo: sanitation for dense compounds",
                "type": "project_workshop",
                "after_event": 300,
                "duration": 3,
                "place": "Maputo, Mozambique",
                "description": (
                    "The municipal council, the sanitation utility and community leaders plan "
                    "shared sanitation blocks and their emptying service for two neighbourhoods."
                ),
                "report": (
                    "The workshop produced a costed plan for the next 60 shared sanitation blocks, "
                    "which a development bank has agreed to finance."
                ),
            },
        ],
        "outcome": {
            "published_after_event": 380,
            "results": [
                (
                    "Khulna and Maputo now run scheduled emptying with licensed private operators; "
                    "Can Tho commissioned two decentralised treatment plants for new districts; "
                    "Valparaíso monitors four flood hotspots with level sensors."
                ),
                (
                    "Dresden used the exchange to train its own staff in intercultural cooperation "
                    "and included visiting engineers in its training programme for sewer workers."
                ),
            ],
            "lessons_learned": [
                (
                    "Scheduled emptying only works when the treatment plant is ready to receive "
                    "the sludge; several cities had to fix their treatment first."
                ),
                (
                    "A tariff that spreads the connection fee over several years raised the "
                    "connection rate more than information campaigns did."
                ),
            ],
            "next_steps": [
                "Dresden and Can Tho agreed an operator partnership for the new treatment plants.",
                (
                    "The partner utilities meet yearly at the international water fair to continue "
                    "the exchange."
                ),
            ],
        },
    },
    {
        "slug": "urban-heat-action-plans",
        "title": "Heat action plans for vulnerable neighbourhoods",
        "topic": "integrated-urban-development",
        "host_name": "City of Freiburg im Breisgau",
        "host_type": "city",
        "host_city": "Freiburg im Breisgau",
        "contact": (
            "Miriam Platzhalter",
            "Heat Protection Officer, Environmental Protection Agency",
        ),
        "schedule": {"proposed": -255, "selected": -230, "event": -125},
        "sdgs": [3, 11, 13],
        "tags": ["heat", "climate adaptation", "health", "green infrastructure"],
        "partners": [("Ahmedabad", "IN"), ("Amman", "JO"), ("Mérida", "MX"), ("Windhoek", "NA")],
        "summary": (
            "How cities protect residents from extreme heat: early warning, cool places, outreach "
            "to people at risk, and shade in streets and squares."
        ),
        "background": [
            (
                "Heat is the deadliest weather hazard in many cities, yet it is less visible than "
                "floods. Older people, outdoor workers, people living alone and residents of "
                "poorly insulated housing are most at risk."
            ),
            (
                "Freiburg adopted a heat action plan with a network of cool places, drinking "
                "fountains and a telephone chain for older residents. Ahmedabad was one of the "
                "first cities in South Asia with a heat action plan and has experience with early "
                "warning and cool roofs; Amman, Mérida and Windhoek are preparing plans of their "
                "own."
            ),
        ],
        "learning_goals": [
            (
                "How early warning in the partner cities reaches outdoor workers and informal "
                "settlements."
            ),
            "Which cool-roof and shading measures work at low cost.",
            (
                "How health services, social services and urban planning share responsibility for "
                "heat."
            ),
        ],
        "contribution": [
            (
                "Freiburg's heat action plan, its cooperation with care services and the network "
                "of cool places, and its urban climate analysis maps."
            ),
        ],
        "dialogue_event": {
            "venue": "New city hall, conference rooms",
            "sessions": [
                (
                    "Input: three summers with a heat action plan",
                    "Miriam Platzhalter, City of Freiburg im Breisgau",
                ),
                (
                    "Input: early warning and cool roofs in Ahmedabad",
                    "Priya Sample, Ahmedabad Municipal Corporation",
                ),
                (
                    "Workshop: mapping heat risk with health and social data",
                    "Mengano Pérez, City of Mérida; Fulana Bint Fulan, Greater Amman Municipality",
                ),
            ],
            "site_visit": (
                "City walk: shade, drinking fountains and a cool place in a senior centre",
                "Environmental Protection Agency, City of Freiburg im Breisgau",
            ),
        },
        "activities": [
            {
                "slug": "online-exchange-heat-warnings",
                "title": "Online exchange: heat warnings that reach people at risk",
                "type": "virtual_exchange",
                "after_event": 35,
                "duration": 0,
                "virtual": True,
                "description": (
                    "How the partner cities word and send heat warnings, and who passes them on to "
                    "people without a phone or internet."
                ),
                "report": (
                    "Windhoek and Mérida adopted Freiburg's three-level warning scheme; Ahmedabad "
                    "shared its text messages for outdoor workers in three languages."
                ),
            },
            {
                "slug": "virtual-series-heat-and-health",
                "title": "Virtual exchange series: heat and health",
                "type": "virtual_exchange",
                "after_event": 100,
                "duration": 60,
                "virtual": True,
                "description": (
                    "Four monthly online sessions for health and social services of the partner "
                    "cities: cooling in care homes, outreach to people living alone, data on "
                    "heat-related illness and hospital admissions."
                ),
            },
            {
                "slug": "expert-exchange-ahmedabad",
                "title": "Expert exchange trip to Ahmedabad",
                "type": "expert_exchange",
                "after_event": 200,
                "duration": 5,
                "place": "Ahmedabad, India",
                "description": (
                    "Before the hot season, staff from Freiburg, Amman and Windhoek visit "
                    "Ahmedabad's early-warning centre and cool-roof programme in informal "
                    "settlements."
                ),
            },
        ],
    },
    {
        "slug": "regional-food-markets",
        "title": "Regional food markets and short supply chains",
        "topic": "local-economic-development",
        "host_name": "Göttingen District",
        "host_type": "district",
        "host_city": "Göttingen",
        "contact": ("Stefan Mustermann", "Officer for Regional Development and Food Strategy"),
        "schedule": {"proposed": -100, "selected": -75, "event": 150},
        "sdgs": [2, 8, 12],
        "tags": ["food systems", "markets", "informal sector", "employment", "gender"],
        "partners": [
            ("Tamale", "GH"),
            ("Cochabamba", "BO"),
            ("Bahir Dar", "ET"),
            ("Battambang", "KH"),
        ],
        "summary": (
            "How districts and towns strengthen the link between local farmers and urban "
            "consumers: municipal markets, regional brands, school catering and support for market "
            "traders."
        ),
        "background": [
            (
                "In many partner cities most food is sold in municipal markets, where thousands of "
                "traders – most of them women – earn their living. Yet the markets are often "
                "run-down, overcrowded and poorly managed. In Germany, rural districts try to keep "
                "farms and food processors in the region through regional brands and public "
                "catering."
            ),
            (
                "The Göttingen District supports direct marketing by farmers, a regional food "
                "label and the use of regional products in school canteens. It wants to learn from "
                "partner cities where markets are the backbone of the urban food supply."
            ),
        ],
        "learning_goals": [
            "How partner cities manage municipal markets together with traders' associations.",
            "How public catering in schools and hospitals can buy from small local producers.",
            "How to reduce food losses between the farm and the market.",
        ],
        "contribution": [
            (
                "Experience with a regional food label, a district-wide network of farm shops and "
                "the tendering of school catering with regional criteria."
            ),
        ],
        "dialogue_event": {
            "venue": "District administration, conference hall",
            "sessions": [
                (
                    "Input: a regional food label and school catering in the district",
                    "Stefan Mustermann, Göttingen District",
                ),
                (
                    "Input: market management committees in Tamale",
                    "Abena Sample, Tamale Metropolitan Assembly",
                ),
                (
                    "Peer consultation: food losses between the farm and the market",
                    "Perengano Díaz, Cochabamba; Chanthy Example, Battambang",
                ),
            ],
            "site_visit": (
                "Site visit: a farmers' market, a dairy cooperative and a school kitchen",
                "Regional development team, Göttingen District",
            ),
        },
        "activities": [
            {
                "slug": "online-exchange-market-committees",
                "title": "Online exchange: market management committees",
                "type": "virtual_exchange",
                "after_event": 90,
                "duration": 0,
                "virtual": True,
                "description": (
                    "Market managers and traders' representatives compare how fees, cleaning and "
                    "security are organised together with the municipality."
                ),
            },
        ],
    },
    {
        "slug": "informal-transport-integration",
        "title": "Public transport and informal minibus services",
        "topic": "integrated-urban-development",
        "host_name": "City of Hanover",
        "host_type": "city",
        "host_city": "Hanover",
        "contact": ("Clara Beispiel", "Mobility Planner, Transport Planning Division"),
        "schedule": {"proposed": -20, "selected": None, "event": None},
        "sdgs": [9, 11, 13],
        "tags": ["mobility", "informal sector", "digitalisation"],
        "partners": [("Kampala", "UG"), ("eThekwini (Durban)", "ZA"), ("Dakar", "SN")],
        "summary": (
            "Proposal: how cities plan public transport together with the informal minibus "
            "services that most residents use, from route data to shared stops and fares."
        ),
        "background": [
            (
                "In many cities of the Global South, minibuses, shared taxis and motorcycle taxis "
                "carry most passengers, but they do not appear in municipal transport plans. New "
                "bus rapid transit lines often compete with them instead of connecting to them."
            ),
            (
                "Hanover plans on-demand shuttles for its outer districts and wants to learn how "
                "cities integrate flexible, privately run services into a public network."
            ),
        ],
        "learning_goals": [
            "How partner cities map informal routes with mobile phone data and volunteers.",
            "How operators' associations are involved in planning stops, fares and routes.",
        ],
        "contribution": [
            (
                "Hanover brings its regional transport association's experience with integrated "
                "fares, on-demand shuttles and accessible stops."
            ),
        ],
    },
]

PRACTICES: list[dict] = [
    # --- Climate-resilient public spaces (Bonn) ---------------------------------------
    {
        "slug": "green-schoolyards-bonn",
        "title": "Unsealed schoolyards as cooling islands",
        "topic": "integrated-urban-development",
        "process": "climate-resilient-public-spaces",
        "city": "Bonn",
        "country": "DE",
        "population": "250k_1m",
        "year": 2022,
        "summary": (
            "Asphalt schoolyards were unsealed and planted together with pupils; they now store "
            "rainwater and stay several degrees cooler in summer."
        ),
        "challenge": (
            "Many schoolyards were fully sealed in the 1970s. In summer the asphalt reached more "
            "than 50 °C at midday, and during cloudbursts the water ran into the neighbouring "
            "streets and cellars."
        ),
        "approach": [
            (
                "Pupils, parents, teachers and the parks department planned each yard together in "
                "two workshops. Half of the asphalt was replaced with permeable paving, lawns, "
                "trees and a rain garden that collects water from the school roof."
            ),
            (
                "Maintenance is shared: the parks department prunes the trees, while school clubs "
                "water new plantings in the first two summers under a written agreement."
            ),
        ],
        "results": (
            "Eleven schoolyards have been unsealed so far. On hot afternoons the surface "
            "temperature under the new trees is up to 15 °C lower than on the remaining asphalt, "
            "and the yards hold the water of a heavy shower without overflowing."
        ),
        "indicators": [
            ("Schoolyards unsealed", "11", "yards", "0", 2022),
            ("Unsealed area", "14,600", "m²", "", 2022),
            ("Surface temperature difference on a hot afternoon", "-15", "°C", "", 2022),
        ],
        "resources": (
            "About 180,000 euros per yard, financed from the school building budget and a state "
            "climate adaptation programme; a landscape architect from the parks department for the "
            "participation workshops."
        ),
        "transferability": (
            "Works wherever schools have large sealed yards. Planning with pupils takes longer but "
            "ensures that the yards are used and looked after; start with one yard that can be "
            "shown to other schools."
        ),
        "sdgs": [4, 11, 13],
        "tags": ["heat", "stormwater", "green infrastructure", "youth", "climate adaptation"],
        "contact": ("Lukas Platzhalter", "City of Bonn, Parks Department"),
    },
    {
        "slug": "reopened-streams-belo-horizonte",
        "title": "Reopening buried streams as linear parks",
        "topic": "integrated-urban-development",
        "process": "climate-resilient-public-spaces",
        "city": "Belo Horizonte",
        "country": "BR",
        "population": "1m_5m",
        "year": 2021,
        "summary": (
            "Instead of channelling streams into concrete culverts, the city reopened them and "
            "built parks with flood basins, paths and sports fields along the banks."
        ),
        "challenge": (
            "Streams that had been buried under avenues flooded regularly during the rainy season, "
            "and the culverts were expensive to maintain. Families living on the banks were "
            "affected every year."
        ),
        "approach": [
            (
                "The municipal sanitation programme restored the streams in stages, resettled "
                "households from the most dangerous areas within the same neighbourhood and built "
                "linear parks that flood in a controlled way during heavy rain."
            ),
            (
                "Residents' committees took part in the design of each park and employ local "
                "caretakers with municipal funding."
            ),
        ],
        "results": (
            "Along the restored sections, flood events in the neighbourhoods fell sharply, and the "
            "parks are now among the most used public spaces in the northern districts."
        ),
        "indicators": [
            ("Stream length reopened", "9.5", "km", "0", 2021),
            ("Households resettled in the same neighbourhood", "1,300", "households", "", 2021),
            ("Flood events per rainy season in the project areas", "2", "events", "11", 2021),
        ],
        "resources": (
            "Long-term investment financed by the municipality and a development bank loan; a "
            "social team for resettlement and community work."
        ),
        "transferability": (
            "Needs land along the streams and a long political commitment. The participatory "
            "design and the local caretakers can be transferred to much smaller projects."
        ),
        "sdgs": [6, 11, 15],
        "tags": ["stormwater", "green infrastructure", "housing", "participation"],
        "contact": (
            "Fulano de Tal",
            "Municipality of Belo Horizonte, Urban Sanitation Directorate",
        ),
    },
    {
        "slug": "drainage-channel-trees-kisumu",
        "title": "Youth groups plant and care for trees along drainage channels",
        "topic": "integrated-urban-development",
        "process": "climate-resilient-public-spaces",
        "city": "Kisumu",
        "country": "KE",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "Youth groups plant trees along two drainage channels and are paid by the county to "
            "water and protect them for three years."
        ),
        "challenge": (
            "The banks of the drainage channels eroded and were used as dumping grounds, which "
            "blocked the channels and caused flooding in the settlements around them."
        ),
        "approach": [
            (
                "The county cleared the channels and signed maintenance agreements with six "
                "registered youth groups, modelled on the agreements Bonn uses with schools. Each "
                "group is responsible for a section, is paid monthly and loses the contract if "
                "more than a fifth of its trees die."
            ),
            (
                "Species were chosen with the county forestry officer: fruit trees that residents "
                "value, and deep-rooted native trees that hold the banks."
            ),
        ],
        "results": (
            "1,200 trees were planted; after the first dry season, 87 % were alive. Dumping along "
            "the channels has largely stopped on the maintained sections."
        ),
        "indicators": [
            ("Trees planted", "1,200", "trees", "", 2024),
            ("Survival after the first dry season", "87", "%", "", 2024),
            ("Young people with a paid maintenance contract", "54", "people", "0", 2024),
        ],
        "resources": (
            "Seedlings from the county nursery, about 3,000 euros a month for the maintenance "
            "contracts, one forestry officer part-time."
        ),
        "transferability": (
            "The paid maintenance contract with a clear survival target is the key element and can "
            "be used for any planting programme."
        ),
        "sdgs": [8, 11, 13, 15],
        "tags": ["green infrastructure", "youth", "stormwater", "employment"],
        "contact": ("Otieno Sample", "Kisumu County, Department of Environment"),
    },
    {
        "slug": "schoolyard-square-lviv",
        "title": "A schoolyard that opens as a neighbourhood square",
        "topic": "integrated-urban-development",
        "process": "climate-resilient-public-spaces",
        "city": "Lviv",
        "country": "UA",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "A sealed school courtyard was turned into a green square that pupils use during the "
            "day and neighbours in the afternoons and at weekends."
        ),
        "challenge": (
            "The neighbourhood had no public green space within walking distance, and the school's "
            "asphalt courtyard flooded after every heavy rain."
        ),
        "approach": [
            (
                "The city, the school and a residents' initiative designed the courtyard in three "
                "public meetings. Asphalt was replaced by gravel lawns, planted beds and a shallow "
                "basin that fills during rain. The gate is open to the public from 4 pm and at "
                "weekends; a caretaker employed by the school closes it at night."
            ),
        ],
        "results": (
            "The courtyard is used by about 300 residents on a typical weekend day, and rainwater "
            "no longer flows into the school's basement."
        ),
        "indicators": [
            ("Area unsealed", "2,400", "m²", "0", 2024),
            ("Visitors on a typical weekend day", "300", "people", "", 2024),
        ],
        "resources": (
            "About 150,000 euros from the city's participatory budget and a grant; design by the "
            "municipal architecture office."
        ),
        "transferability": (
            "Sharing school grounds with the neighbourhood needs clear rules for opening hours, "
            "cleaning and liability, agreed in writing before construction."
        ),
        "sdgs": [4, 11, 13],
        "tags": ["public spaces", "stormwater", "participation", "climate adaptation"],
        "contact": (
            "Olena Example",
            "Lviv City Council, Department of Architecture and Urban Development",
        ),
    },
    {
        "slug": "shaded-market-street-da-nang",
        "title": "Shade and drainage for a street market",
        "topic": "integrated-urban-development",
        "process": "climate-resilient-public-spaces",
        "city": "Da Nang",
        "country": "VN",
        "population": "1m_5m",
        "year": 2025,
        "summary": (
            "Light steel frames with climbing plants now shade a busy market street, and a "
            "permeable surface lets rain drain away."
        ),
        "challenge": (
            "Traders and customers of a 400-metre market street worked in full sun, and the street "
            "flooded after afternoon storms, spoiling goods."
        ),
        "approach": [
            (
                "The ward office, the construction department and the traders' association "
                "designed the frames in a three-day workshop. Traders agreed to move their stalls "
                "to fixed positions between the frames and to water the plants; the city laid "
                "permeable paving and cleaned the drains."
            ),
        ],
        "results": (
            "Air temperature under the frames at noon is about 4 °C lower than in the unshaded "
            "section, and the street drains within an hour of a heavy storm."
        ),
        "indicators": [
            ("Shaded street length", "400", "m", "0", 2025),
            ("Midday air temperature difference", "-4", "°C", "", 2025),
            ("Traders in the shaded section", "160", "traders", "", 2025),
        ],
        "resources": (
            "About 90,000 euros for steel frames and paving; plants and watering by the traders."
        ),
        "transferability": (
            "Simple to copy for other market streets; agreeing stall positions with traders before "
            "construction avoids conflicts later."
        ),
        "sdgs": [8, 11, 13],
        "tags": ["heat", "markets", "informal sector", "climate adaptation"],
        "contact": ("Tran Thi B", "Da Nang People's Committee, Department of Construction"),
    },
    # --- Circular municipal waste management (Leipzig) --------------------------------
    {
        "slug": "market-waste-composting-kumasi",
        "title": "Composting market waste with women's cooperatives",
        "topic": "municipal-services",
        "process": "circular-waste-management",
        "city": "Kumasi",
        "country": "GH",
        "population": "1m_5m",
        "year": 2025,
        "summary": (
            "Organic waste from the central market is composted by two women's cooperatives and "
            "sold to peri-urban farmers, cutting the market's landfilled waste by a fifth."
        ),
        "challenge": (
            "Market waste was dumped in drains and burnt at night. Collection trucks could not "
            "keep up, and the drains around the market flooded after every heavy rain."
        ),
        "approach": [
            (
                "The city provides land next to the market, two tricycles and weekly collection of "
                "the residues; the cooperatives sort, compost and sell. Traders receive sacks for "
                "vegetable waste and a reduced market fee when their waste is clean."
            ),
            (
                "An agricultural extension officer trained the cooperatives and tests the compost "
                "every quarter."
            ),
        ],
        "results": (
            "The two cooperatives process about 12 tonnes of vegetable waste a week and sell the "
            "compost to more than 200 farmers. Fewer drains around the market are blocked."
        ),
        "indicators": [
            ("Market waste sent to landfill", "-21", "%", "2023 level", 2025),
            ("Organic waste composted", "12", "t per week", "0", 2025),
            ("Women earning an income from the cooperatives", "38", "women", "", 2025),
        ],
        "resources": (
            "A plot of about 2,000 m², two tricycles, sacks, and a part-time extension officer; "
            "the cooperatives cover their running costs from compost sales."
        ),
        "transferability": (
            "Suits any large fresh-produce market. Keeping the organic waste clean at the source "
            "is the critical step; without it the compost cannot be sold."
        ),
        "sdgs": [5, 8, 11, 12],
        "tags": ["waste", "composting", "cooperatives", "markets", "gender"],
        "contact": ("Ama Example", "Kumasi Metropolitan Assembly, Waste Management Department"),
    },
    {
        "slug": "waste-collector-registration-arusha",
        "title": "Registering informal waste collectors as service providers",
        "topic": "municipal-services",
        "process": "circular-waste-management",
        "city": "Arusha",
        "country": "TZ",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "Informal collectors were organised into registered groups that serve fixed zones "
            "under contract with the city and collect fees from households."
        ),
        "challenge": (
            "Only about half of the households were served by collection; the rest burnt or dumped "
            "their waste. Informal collectors worked without protective equipment and were often "
            "chased away."
        ),
        "approach": [
            (
                "The city divided the unserved areas into 24 zones and invited collectors to form "
                "groups and register. Each group received a zone, protective equipment and a "
                "handcart, and collects a fee set by the council; the city transports the waste "
                "from transfer points."
            ),
        ],
        "results": (
            "Collection coverage rose to 78 % of households within two years, and 310 collectors "
            "now have a recognised job and health insurance through their groups."
        ),
        "indicators": [
            ("Households with regular collection", "78", "%", "49 %", 2024),
            ("Registered collectors", "310", "people", "0", 2024),
        ],
        "resources": (
            "Staff time for registration and supervision, equipment for about 25 euros per "
            "collector, transfer points in each zone."
        ),
        "transferability": (
            "Depends on a fee that households can pay and that is enforced; the zone contracts can "
            "be adapted to any city with active informal collectors."
        ),
        "sdgs": [1, 8, 11, 12],
        "tags": ["waste", "informal sector", "employment", "inclusion"],
        "contact": ("Neema Example", "Arusha City Council, Environment and Sanitation Department"),
    },
    {
        "slug": "barangay-recovery-facilities-cebu",
        "title": "Neighbourhood materials recovery facilities",
        "topic": "municipal-services",
        "process": "circular-waste-management",
        "city": "Cebu City",
        "country": "PH",
        "population": "250k_1m",
        "year": 2023,
        "summary": (
            "Each participating neighbourhood (barangay) runs a small facility where recyclables "
            "are sorted and sold and biodegradable waste is composted before the rest goes to the "
            "landfill."
        ),
        "challenge": (
            "The city's only landfill was close to capacity, and national law requires segregation "
            "at source and recovery facilities in every barangay, which most barangays lacked."
        ),
        "approach": [
            (
                "The city provided a standard design, a shredder and training; barangays provided "
                "the land and hired former waste pickers as sorters. Households receive a 'no "
                "segregation, no collection' notice if their waste is mixed."
            ),
        ],
        "results": (
            "Forty barangays operate a facility, diverting about a third of their waste from the "
            "landfill; the sale of recyclables pays part of the sorters' wages."
        ),
        "indicators": [
            ("Barangays with a recovery facility", "40", "barangays", "8", 2023),
            ("Waste diverted from landfill in participating barangays", "33", "%", "", 2023),
        ],
        "resources": (
            "About 15,000 euros per facility for building and shredder; two to four sorters per "
            "facility."
        ),
        "transferability": (
            "Works well in dense neighbourhoods with a strong local administration; needs steady "
            "buyers for recyclables."
        ),
        "sdgs": [11, 12, 13],
        "tags": ["waste", "recycling", "composting", "informal sector"],
        "contact": ("Juana Dela Cruz", "Cebu City, Department of Public Services"),
    },
    {
        "slug": "plastic-buy-back-centres-sfax",
        "title": "Buy-back centres for plastics run with waste pickers",
        "topic": "municipal-services",
        "process": "circular-waste-management",
        "city": "Sfax",
        "country": "TN",
        "population": "250k_1m",
        "year": 2025,
        "summary": (
            "Three municipal buy-back centres pay waste pickers a fixed, posted price for sorted "
            "plastic bottles and packaging."
        ),
        "challenge": (
            "Waste pickers sold to middlemen at low and changing prices and searched through "
            "containers in the streets, scattering waste."
        ),
        "approach": [
            (
                "The municipality set up three centres at its depots, registered the pickers and "
                "gave them ID cards. Prices are posted every week and paid immediately; the "
                "municipality sells the baled plastic to a recycling company under an annual "
                "contract."
            ),
        ],
        "results": (
            "More than 200 registered pickers sell at the centres, and their average daily income "
            "rose by about 40 %. The amount of plastic collected for recycling has doubled."
        ),
        "indicators": [
            ("Registered waste pickers", "214", "people", "0", 2025),
            ("Plastic collected for recycling", "95", "t per month", "45", 2025),
            ("Average daily income of pickers", "+40", "%", "", 2025),
        ],
        "resources": (
            "Three depots with scales and balers, four municipal staff, a working capital fund for "
            "immediate payment."
        ),
        "transferability": (
            "Needs a reliable recycling buyer; the posted prices and immediate payment are what "
            "win the pickers' trust."
        ),
        "sdgs": [1, 8, 12],
        "tags": ["recycling", "informal sector", "waste", "employment"],
        "contact": ("Foulen Ben Foulen", "Municipality of Sfax, Environment Department"),
    },
    {
        "slug": "organic-bin-quality-leipzig",
        "title": "Cleaner organic waste bins in large housing estates",
        "topic": "municipal-services",
        "process": "circular-waste-management",
        "city": "Leipzig",
        "country": "DE",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "Bin checks, multilingual information and compostable bags reduced plastic in the "
            "organic waste from large housing estates."
        ),
        "challenge": (
            "Organic waste from large housing estates contained so much plastic that whole "
            "truckloads had to be incinerated instead of composted."
        ),
        "approach": [
            (
                "Waste advisers checked bins before collection and left a friendly note, in the "
                "relevant language, on bins with plastic. Housing companies handed out kitchen "
                "caddies and paper bags; after three notes, the bin was emptied as residual waste "
                "at a higher fee."
            ),
        ],
        "results": (
            "The share of foreign material in organic waste from the participating estates fell "
            "from 7 % to under 2 %, and the quantity of organic waste collected rose by a quarter."
        ),
        "indicators": [
            ("Foreign material in organic waste", "1.8", "%", "7 %", 2024),
            ("Organic waste collected in the estates", "+25", "%", "", 2024),
        ],
        "resources": (
            "Four waste advisers for six months, printed notes in nine languages, 20,000 kitchen "
            "caddies co-financed by housing companies."
        ),
        "transferability": (
            "The bin checks work in any city; cooperation with the housing companies is essential "
            "in rented housing."
        ),
        "sdgs": [11, 12, 13],
        "tags": ["waste", "composting", "housing", "inclusion"],
        "contact": ("Jonas Beispiel", "Stadtreinigung Leipzig, Strategic Waste Planning"),
    },
    {
        "slug": "separate-collection-korce",
        "title": "Starting separate collection in a mid-sized city",
        "topic": "municipal-services",
        "process": "circular-waste-management",
        "city": "Korçë",
        "country": "AL",
        "population": "50k_250k",
        "year": 2025,
        "summary": (
            "Korçë introduced separate collection of recyclables and organic waste, starting with "
            "schools, markets and public buildings before extending it to households."
        ),
        "challenge": (
            "All waste went to a regional landfill, and national targets for recycling could not "
            "be met without separate collection."
        ),
        "approach": [
            (
                "The municipality started with large producers that are easy to reach – schools, "
                "the market, public buildings – and used their experience to plan the household "
                "service. Colour-coded containers were placed at 180 collection points, and the "
                "municipal company adjusted its routes."
            ),
        ],
        "results": (
            "In the first year, 1,100 tonnes of recyclables and organic waste were collected "
            "separately; the municipality is now extending the service to the outer villages."
        ),
        "indicators": [
            ("Separately collected waste", "1,100", "t per year", "0", 2025),
            ("Collection points with separate containers", "180", "points", "0", 2025),
        ],
        "resources": (
            "Containers financed by a national programme and a donor grant, one vehicle adapted "
            "for separate collection, a communication campaign."
        ),
        "transferability": (
            "Starting with institutions builds routines and data before households are asked to "
            "sort."
        ),
        "sdgs": [11, 12],
        "tags": ["waste", "recycling", "composting"],
        "contact": ("Arta Example", "Municipality of Korçë, Directorate of Public Services"),
    },
    # --- Digital municipal services for all (Mannheim) --------------------------------
    {
        "slug": "one-stop-service-desk-da-nang",
        "title": "A one-stop service desk online and on site",
        "topic": "good-urban-governance",
        "process": "digital-services-for-all",
        "city": "Da Nang",
        "country": "VN",
        "population": "1m_5m",
        "year": 2026,
        "summary": (
            "Residents file applications online or at assisted kiosks in ward offices; staff help "
            "those who cannot use the online service."
        ),
        "challenge": (
            "Long queues at the city hall, applications returned for missing documents, and many "
            "older residents without internet access at home."
        ),
        "approach": [
            (
                "All applications now go through one system, whether they are filed at home, at a "
                "kiosk or at the counter. Each ward office has two kiosks and a staff member who "
                "helps residents scan documents and fill in forms; the status of every application "
                "can be checked by text message."
            ),
        ],
        "results": (
            "Processing times fell while the assisted kiosks kept the service open to older "
            "residents; about one application in five is filed with assistance."
        ),
        "indicators": [
            ("Average processing time", "3", "days", "9 days", 2026),
            ("Applications filed with assistance at kiosks", "21", "%", "", 2026),
            ("Applications returned for missing documents", "6", "%", "24 %", 2026),
        ],
        "resources": (
            "Kiosk hardware for each ward office, one assisting staff member per office, "
            "integration with the city's document system."
        ),
        "transferability": (
            "Assisted access at the kiosks is cheap compared with the back-office system and can "
            "be added to any existing online service."
        ),
        "sdgs": [10, 11, 16],
        "tags": ["digitalisation", "inclusion", "e-government"],
        "contact": ("Nguyen Van A", "Da Nang Department of Information and Communications"),
    },
    {
        "slug": "mobile-money-fees-kigali",
        "title": "Paying municipal fees by mobile money",
        "topic": "good-urban-governance",
        "process": "digital-services-for-all",
        "city": "Kigali",
        "country": "RW",
        "population": "1m_5m",
        "year": 2023,
        "summary": (
            "Building permits, market fees and waste fees can be paid with a mobile phone; "
            "residents receive a receipt by text message."
        ),
        "challenge": (
            "Fees were paid in cash at offices or banks, which cost residents time and opened the "
            "door to informal payments."
        ),
        "approach": [
            (
                "The city linked its revenue system to the mobile-money operators, so every "
                "payment carries a reference number and is booked automatically. Counters still "
                "accept payments for residents without a phone."
            ),
        ],
        "results": (
            "Three quarters of fee payments are now made by phone, and revenue from market fees "
            "rose because fewer payments are lost."
        ),
        "indicators": [
            ("Fee payments made by mobile money", "76", "%", "0 %", 2023),
            ("Revenue from market fees", "+18", "%", "", 2023),
        ],
        "resources": (
            "Integration of the revenue system with payment operators, negotiated transaction "
            "costs, staff training."
        ),
        "transferability": (
            "Depends on widespread mobile money; the reference-number system is transferable to "
            "bank transfers and card payments."
        ),
        "sdgs": [9, 16, 17],
        "tags": ["digitalisation", "e-government", "transparency"],
        "contact": ("Uwase Example", "City of Kigali, Revenue Department"),
    },
    {
        "slug": "library-service-points-mannheim",
        "title": "Assisted digital service points in neighbourhood libraries",
        "topic": "good-urban-governance",
        "process": "digital-services-for-all",
        "city": "Mannheim",
        "country": "DE",
        "population": "250k_1m",
        "year": 2025,
        "summary": (
            "Trained staff in five neighbourhood libraries help residents use the city's online "
            "services, from booking appointments to uploading documents."
        ),
        "challenge": (
            "Many online services were used mainly by younger, well-educated residents; older "
            "people and people with limited German still queued at the counters."
        ),
        "approach": [
            (
                "Library staff were trained by the citizens' services department and offer fixed "
                "help hours with a computer, a scanner and printed step-by-step guides in six "
                "languages. Staff log which services residents need help with, and the digital "
                "team uses the log to improve the forms."
            ),
        ],
        "results": (
            "The service points help about 400 residents a month; the most frequent difficulties "
            "led to changes in eight online forms."
        ),
        "indicators": [
            ("Residents helped per month", "400", "people", "", 2025),
            ("Online forms revised based on the help log", "8", "forms", "", 2025),
        ],
        "resources": (
            "Two training days per staff member, one workstation per library, printed guides."
        ),
        "transferability": (
            "Libraries are trusted places in most cities and are well suited to assisted digital "
            "access."
        ),
        "sdgs": [4, 10, 16],
        "tags": ["digitalisation", "inclusion", "accessibility"],
        "contact": ("Lena Musterfrau", "City of Mannheim, Citizens' Services Department"),
    },
    {
        "slug": "service-centre-online-queue-vinnytsia",
        "title": "An administrative service centre with an online queue",
        "topic": "good-urban-governance",
        "process": "digital-services-for-all",
        "city": "Vinnytsia",
        "country": "UA",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "Residents book a time slot online, by phone or at a terminal and are served at one "
            "counter for more than 300 services."
        ),
        "challenge": (
            "Residents had to visit several offices for one matter and waited for hours, which "
            "also encouraged informal payments for 'faster' service."
        ),
        "approach": [
            (
                "The city moved all front offices into one service centre with open counters, an "
                "online queue and a published list of documents for each service. Internally "
                "displaced people and people with disabilities have priority slots."
            ),
        ],
        "results": (
            "Average waiting time fell to under 15 minutes, and the centre handles about 1,500 "
            "visits a day."
        ),
        "indicators": [
            ("Average waiting time", "14", "minutes", "90 minutes", 2024),
            ("Services offered at one counter", "310", "services", "", 2024),
        ],
        "resources": (
            "A renovated building, queue management software, retraining of front-office staff."
        ),
        "transferability": (
            "The published document lists and the queue system can be adopted without a new "
            "building."
        ),
        "sdgs": [10, 16],
        "tags": ["e-government", "transparency", "inclusion"],
        "contact": ("Taras Sample", "Vinnytsia City Council, Administrative Services Centre"),
    },
    # --- Municipal support for green start-ups (Dortmund) -----------------------------
    {
        "slug": "startup-incubator-tunis",
        "title": "A municipal incubator for green start-ups",
        "topic": "local-economic-development",
        "process": "green-start-up-ecosystems",
        "city": "Tunis",
        "country": "TN",
        "population": "250k_1m",
        "year": 2025,
        "summary": (
            "The municipality offers vacant buildings and mentoring to start-ups that work on "
            "recycling and energy efficiency, in exchange for pilots with municipal services."
        ),
        "challenge": (
            "Young graduates left the city for lack of jobs, while the municipality struggled with "
            "waste and high energy bills in its own buildings."
        ),
        "approach": [
            (
                "A former administrative building was converted into an incubator. Start-ups get "
                "rent-free space for two years, mentoring by the university and access to bank "
                "advisers; in return each one runs a pilot with a municipal department, for "
                "example energy monitoring in schools or collection of used cooking oil."
            ),
        ],
        "results": (
            "Twelve start-ups moved in during the first year; seven pilots with municipal "
            "departments are running, two of which have led to paid contracts."
        ),
        "indicators": [
            ("Start-ups in the incubator", "12", "companies", "0", 2024),
            ("Pilots with municipal departments", "7", "pilots", "", 2024),
            ("Jobs created by the start-ups", "58", "jobs", "", 2024),
        ],
        "resources": (
            "A vacant municipal building, renovation of about 200,000 euros, one incubator "
            "manager, mentors from the university."
        ),
        "transferability": (
            "The exchange of space for pilots can be copied by any city with vacant buildings; a "
            "department that wants the pilot's result is essential."
        ),
        "sdgs": [8, 9, 12],
        "tags": ["start-ups", "youth", "recycling", "energy efficiency"],
        "contact": ("Fulan Ben Fulan", "Municipality of Tunis, Economic Development Unit"),
    },
    {
        "slug": "waste-innovation-challenge-nairobi",
        "title": "An innovation challenge for waste-to-value start-ups",
        "topic": "local-economic-development",
        "process": "green-start-up-ecosystems",
        "city": "Nairobi",
        "country": "KE",
        "population": "1m_5m",
        "year": 2025,
        "summary": (
            "The county invited start-ups to propose solutions for market and household waste; the "
            "winners received grants and a six-month pilot site."
        ),
        "challenge": (
            "Large amounts of organic and plastic waste from markets went to the main dumpsite, "
            "while young entrepreneurs lacked test sites and first customers."
        ),
        "approach": [
            (
                "The county defined three concrete problems with market managers, published them "
                "with clear rules, and a jury of county staff and investors chose eight finalists. "
                "Winners got a grant, a pilot site at a market and a named county officer as "
                "contact person."
            ),
        ],
        "results": (
            "Five pilots were completed: insect-protein feed from market waste, briquettes from "
            "charcoal dust and three plastic recycling models. Two are now contracted by markets."
        ),
        "indicators": [
            ("Applications received", "146", "applications", "", 2025),
            ("Pilots completed", "5", "pilots", "", 2025),
            ("Market waste processed in pilots", "9", "t per week", "", 2025),
        ],
        "resources": (
            "A prize fund of about 60,000 euros, pilot sites at three markets, a small challenge "
            "team in the county."
        ),
        "transferability": (
            "Defining the problem precisely with the people who have it makes the challenge work; "
            "the legal basis for grants must be checked early."
        ),
        "sdgs": [8, 9, 12],
        "tags": ["start-ups", "waste", "youth", "markets"],
        "contact": ("Wanjiru Example", "Nairobi City County, Directorate of Trade and Innovation"),
    },
    {
        "slug": "pre-commercial-procurement-medellin",
        "title": "Buying innovation: pre-commercial procurement for the city",
        "topic": "local-economic-development",
        "process": "green-start-up-ecosystems",
        "city": "Medellín",
        "country": "CO",
        "population": "1m_5m",
        "year": 2023,
        "summary": (
            "The city pays young companies to develop and test solutions for municipal problems "
            "before deciding whether to buy them at scale."
        ),
        "challenge": (
            "Standard tenders required experience and guarantees that start-ups could not offer, "
            "so the city bought mostly from large suppliers."
        ),
        "approach": [
            (
                "The city's innovation agency runs a two-stage process: several companies are paid "
                "to develop prototypes, and the best are paid to test them in real use. The "
                "municipal department that owns the problem sits on the jury and commits to a "
                "follow-on purchase if the pilot meets agreed targets."
            ),
        ],
        "results": (
            "Since the start, 23 pilots have been run, including sensors for landslide-prone "
            "slopes and route planning for waste trucks; eleven led to contracts."
        ),
        "indicators": [
            ("Pilots run", "23", "pilots", "", 2023),
            ("Pilots leading to a contract", "11", "contracts", "", 2023),
        ],
        "resources": (
            "A legal framework for pre-commercial procurement, a budget line for pilots and an "
            "innovation agency to manage the process."
        ),
        "transferability": (
            "The commitment to a follow-on purchase is the strongest incentive for start-ups; "
            "cities without an innovation agency can start with one department."
        ),
        "sdgs": [9, 11, 17],
        "tags": ["start-ups", "digitalisation", "transparency"],
        "contact": ("Zutana Gómez", "Municipality of Medellín, Innovation Agency"),
    },
    {
        "slug": "waste-bank-start-ups-surabaya",
        "title": "Neighbourhood waste banks as a market for start-ups",
        "topic": "local-economic-development",
        "process": "green-start-up-ecosystems",
        "city": "Surabaya",
        "country": "ID",
        "population": "1m_5m",
        "year": 2025,
        "summary": (
            "Start-ups that turn recyclables into products buy their material from the city's "
            "neighbourhood waste banks and are supported by the city's start-up programme."
        ),
        "challenge": (
            "Hundreds of neighbourhood waste banks collected recyclables but struggled to sell "
            "some materials, while young companies needed a steady supply."
        ),
        "approach": [
            (
                "The city's start-up programme matches companies with waste banks, guarantees a "
                "minimum price for difficult materials such as multilayer packaging for one year, "
                "and showcases the products at municipal events and in public procurement."
            ),
        ],
        "results": (
            "Fourteen start-ups buy from about 200 waste banks; the waste banks' income from "
            "difficult materials has tripled."
        ),
        "indicators": [
            ("Start-ups buying from waste banks", "14", "companies", "2", 2025),
            ("Waste banks supplying start-ups", "200", "waste banks", "", 2025),
        ],
        "resources": (
            "A price guarantee fund, a coordinator in the city's cooperatives and small business "
            "office, event space."
        ),
        "transferability": (
            "Works where a network of community collection points already exists; the price "
            "guarantee should be temporary."
        ),
        "sdgs": [8, 11, 12],
        "tags": ["start-ups", "recycling", "waste", "cooperatives"],
        "contact": ("Siti Sample", "City of Surabaya, Cooperatives and Small Business Office"),
    },
    {
        "slug": "green-founder-scholarships-dortmund",
        "title": "Start-up scholarships for green founders",
        "topic": "local-economic-development",
        "process": "green-start-up-ecosystems",
        "city": "Dortmund",
        "country": "DE",
        "population": "250k_1m",
        "year": 2025,
        "summary": (
            "Founders with green business ideas receive a monthly scholarship, a desk and coaching "
            "for one year; those running a pilot with a municipal company receive additional "
            "support."
        ),
        "challenge": (
            "Many founders from the universities moved to larger start-up cities after graduation, "
            "taking their ideas with them."
        ),
        "approach": [
            (
                "The economic development agency funds scholarships together with local companies. "
                "Since the exchange with Medellín and Tunis, teams that run a pilot with the "
                "municipal utility, the waste company or the transport company receive an extra "
                "three months of funding and a mentor from that company."
            ),
        ],
        "results": (
            "Of the 46 teams funded so far, 34 are still active in the city; nine have run pilots "
            "with municipal companies."
        ),
        "indicators": [
            ("Teams funded", "46", "teams", "", 2024),
            ("Teams still active in the city", "34", "teams", "", 2024),
            ("Pilots with municipal companies", "9", "pilots", "0", 2024),
        ],
        "resources": (
            "About 1,000 euros per founder and month, co-financed by local companies; desks in the "
            "start-up centre."
        ),
        "transferability": (
            "The link to municipal companies as first customers can be added to any founder "
            "programme."
        ),
        "sdgs": [8, 9, 13],
        "tags": ["start-ups", "youth", "energy efficiency"],
        "contact": ("Max Mustermann", "Economic Development Agency Dortmund"),
    },
    # --- Local value from the energy transition (Saerbeck) ----------------------------
    {
        "slug": "citizen-energy-park-saerbeck",
        "title": "A citizens' energy park on a former military depot",
        "topic": "local-economic-development",
        "process": "local-energy-value-creation",
        "city": "Saerbeck",
        "country": "DE",
        "population": "lt_50k",
        "year": 2023,
        "summary": (
            "Wind turbines, solar panels and a biogas plant on a former depot are largely owned by "
            "residents, the municipality and local farmers, so the income stays in the community."
        ),
        "challenge": (
            "The small municipality wanted to become energy self-sufficient without handing its "
            "land and wind resources to outside investors."
        ),
        "approach": [
            (
                "The municipality bought the depot site and developed it step by step with a "
                "citizen energy cooperative, local farmers and the regional utility. Residents can "
                "buy shares from 500 euros; schools use the park for energy education."
            ),
        ],
        "results": (
            "The park produces several times the electricity the municipality consumes; "
            "cooperative members receive a yearly dividend, and the municipality earns lease "
            "income and trade tax."
        ),
        "indicators": [
            ("Electricity produced relative to local consumption", "350", "%", "", 2023),
            ("Cooperative members", "420", "members", "", 2023),
        ],
        "resources": (
            "Land owned by the municipality, a climate protection manager, legal advice for the "
            "cooperative, long-term bank loans."
        ),
        "transferability": (
            "Municipal ownership of the land was the key lever; smaller projects such as solar "
            "roofs on public buildings can be organised the same way."
        ),
        "sdgs": [7, 8, 13],
        "tags": ["renewable energy", "cooperatives", "participation"],
        "contact": ("Tobias Platzhalter", "Municipality of Saerbeck, Climate Protection"),
    },
    {
        "slug": "solar-water-heaters-chefchaouen",
        "title": "Solar water heaters on public buildings, maintained by young technicians",
        "topic": "local-economic-development",
        "process": "local-energy-value-creation",
        "city": "Chefchaouen",
        "country": "MA",
        "population": "lt_50k",
        "year": 2025,
        "summary": (
            "The municipality equipped schools, a hammam and sports halls with solar water heaters "
            "and trained young people from the town to install and maintain them."
        ),
        "challenge": (
            "Public buildings heated water with bottled gas, a large and rising item in the "
            "municipal budget, while many young people had no work."
        ),
        "approach": [
            (
                "A vocational training centre and the municipality developed a six-month course "
                "for installers. Trainees installed the heaters under supervision; the best were "
                "hired by a local company that holds the maintenance contract."
            ),
        ],
        "results": (
            "Twenty-two public buildings have solar water heaters, gas consumption for hot water "
            "fell by about two thirds, and 18 young technicians found jobs."
        ),
        "indicators": [
            ("Public buildings with solar water heaters", "22", "buildings", "0", 2025),
            ("Gas used for hot water", "-65", "%", "", 2025),
            ("Young technicians employed", "18", "people", "", 2025),
        ],
        "resources": (
            "Equipment financed by a national energy programme; training costs shared with the "
            "vocational centre."
        ),
        "transferability": (
            "Combining public investment with local training keeps the jobs in the town; "
            "maintenance contracts must be budgeted from the start."
        ),
        "sdgs": [4, 7, 8],
        "tags": ["renewable energy", "youth", "employment", "energy efficiency"],
        "contact": ("Fulan Al-Fulani", "Municipality of Chefchaouen, Technical Services"),
    },
    {
        "slug": "solar-street-lighting-gobabis",
        "title": "Solar street lighting maintained by local technicians",
        "topic": "local-economic-development",
        "process": "local-energy-value-creation",
        "city": "Gobabis",
        "country": "NA",
        "population": "lt_50k",
        "year": 2024,
        "summary": (
            "Solar street lights in informal settlements are maintained by a small local company "
            "set up by former municipal apprentices."
        ),
        "challenge": (
            "Dark streets in informal settlements were unsafe, especially for women, and grid "
            "connection was too expensive; earlier solar lights failed within two years for lack "
            "of maintenance."
        ),
        "approach": [
            (
                "The municipality installed 260 solar lights and tendered a five-year maintenance "
                "contract reserved for local small enterprises. Two former apprentices formed a "
                "company and were trained by the supplier."
            ),
        ],
        "results": (
            "More than 95 % of the lights work at any time, and residents report feeling safer at "
            "night."
        ),
        "indicators": [
            ("Solar street lights installed", "260", "lights", "0", 2024),
            ("Share of lights in working order", "96", "%", "", 2024),
        ],
        "resources": (
            "About 1,100 euros per light including installation; a maintenance contract of about "
            "12,000 euros a year."
        ),
        "transferability": (
            "A maintenance contract reserved for local enterprises can accompany any investment in "
            "decentralised energy."
        ),
        "sdgs": [5, 7, 11],
        "tags": ["renewable energy", "employment", "gender", "public spaces"],
        "contact": ("Ndapewa Example", "Gobabis Municipality, Department of Technical Services"),
    },
    # --- Participatory budgeting and citizen panels (Rhein-Sieg District) -------------
    {
        "slug": "neighbourhood-budgeting-naga",
        "title": "A people's council that shapes the city budget",
        "topic": "good-urban-governance",
        "process": "participatory-budgeting",
        "city": "Naga City",
        "country": "PH",
        "population": "50k_250k",
        "year": 2022,
        "summary": (
            "Accredited civil-society organisations form a people's council that sits on city "
            "committees and proposes projects for the annual budget."
        ),
        "challenge": (
            "Budget decisions were made by a small circle, and residents of poorer neighbourhoods "
            "saw little of the city's investment."
        ),
        "approach": [
            (
                "Organisations of the urban poor, women, youth, farmers and vendors are accredited "
                "each year and elect representatives to the people's council. The council votes in "
                "city committees and holds budget hearings in every neighbourhood before the "
                "budget is adopted."
            ),
        ],
        "results": (
            "More than a hundred organisations are accredited; neighbourhood hearings draw several "
            "thousand residents each year, and a fixed share of the investment budget follows "
            "their priorities."
        ),
        "indicators": [
            ("Accredited organisations", "112", "organisations", "", 2022),
            ("Residents attending budget hearings", "4,800", "people", "", 2022),
        ],
        "resources": (
            "A small secretariat for the people's council and a municipal ordinance that "
            "guarantees its seats."
        ),
        "transferability": (
            "The ordinance that gives civil society a permanent role is what makes the model last "
            "beyond one mayor."
        ),
        "sdgs": [10, 16],
        "tags": ["participation", "transparency", "inclusion"],
        "contact": ("Juan Dela Cruz", "City Government of Naga, City Planning Office"),
    },
    {
        "slug": "rural-parish-budgeting-cuenca",
        "title": "Participatory budgeting in rural parishes",
        "topic": "good-urban-governance",
        "process": "participatory-budgeting",
        "city": "Cuenca",
        "country": "EC",
        "population": "250k_1m",
        "year": 2025,
        "summary": (
            "All rural parishes of the canton now decide on part of the municipal investment in "
            "assemblies held in their own villages."
        ),
        "challenge": (
            "Participatory budgeting reached the urban districts, but residents of remote villages "
            "had to travel hours to take part."
        ),
        "approach": [
            (
                "Assemblies are held in each parish on market days, with childcare and a meal. "
                "Women and young people elect their own delegates to the parish budget committee, "
                "and the municipality publishes the status of every project on posters in the "
                "parish centre."
            ),
        ],
        "results": (
            "Participation in the rural assemblies tripled, and 44 % of delegates are women."
        ),
        "indicators": [
            ("Rural parishes with participatory budgeting", "21", "parishes", "9", 2025),
            ("Share of women among delegates", "44", "%", "21 %", 2025),
        ],
        "resources": (
            "A mobile team of four facilitators, transport, and a fixed share of the investment "
            "budget."
        ),
        "transferability": (
            "Meeting people where they are – on market days, with childcare – is transferable "
            "everywhere."
        ),
        "sdgs": [5, 10, 16],
        "tags": ["participation", "gender", "youth", "inclusion"],
        "contact": (
            "Fulana Rodríguez",
            "Municipality of Cuenca, Citizen Participation Directorate",
        ),
    },
    {
        "slug": "youth-budget-shkoder",
        "title": "A youth budget for neighbourhood projects",
        "topic": "good-urban-governance",
        "process": "participatory-budgeting",
        "city": "Shkodër",
        "country": "AL",
        "population": "50k_250k",
        "year": 2025,
        "summary": (
            "Young people aged 14 to 25 propose and vote on projects worth a fixed share of the "
            "municipal investment budget."
        ),
        "challenge": (
            "Young people were leaving the city and saw no way to influence local decisions."
        ),
        "approach": [
            (
                "With advice from the Rhein-Sieg District and Naga City, the municipality adopted "
                "rules for a yearly youth budget. Proposals are collected in schools and online; a "
                "youth jury checks feasibility with municipal engineers, and all young residents "
                "can vote online or at school."
            ),
        ],
        "results": (
            "In the first round, 2,300 young people voted and nine projects were funded, from a "
            "skate park to free Wi-Fi in the library."
        ),
        "indicators": [
            ("Young people who voted", "2,300", "people", "", 2025),
            ("Projects funded", "9", "projects", "", 2025),
        ],
        "resources": (
            "About 100,000 euros a year from the investment budget, an open-source voting "
            "platform, one youth officer."
        ),
        "transferability": (
            "Quick, visible implementation of the first projects is vital to keep young people "
            "engaged."
        ),
        "sdgs": [4, 10, 16],
        "tags": ["youth", "participation", "digitalisation"],
        "contact": ("Besa Example", "Municipality of Shkodër, Youth Office"),
    },
    {
        "slug": "citizen-panels-rhein-sieg",
        "title": "Citizen panels chosen by lot",
        "topic": "good-urban-governance",
        "process": "participatory-budgeting",
        "city": "Rhein-Sieg District",
        "country": "DE",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "Randomly selected residents deliberate over several weekends and make recommendations "
            "to the district council, for example on public transport and climate protection."
        ),
        "challenge": (
            "Public meetings attracted mostly older men who were already active in politics, while "
            "many residents felt unheard."
        ),
        "approach": [
            (
                "The district invites a random sample of residents, weighted by age, gender and "
                "municipality, and pays an allowance. Independent moderators and experts support "
                "the panel; the council must respond in writing to every recommendation, and the "
                "district publishes a quarterly status report."
            ),
        ],
        "results": (
            "Three panels have been held; 27 of their 34 recommendations were adopted fully or in "
            "part, including an on-demand bus service for rural villages."
        ),
        "indicators": [
            ("Citizen panels held", "3", "panels", "", 2024),
            ("Recommendations adopted fully or in part", "27 of 34", "", "", 2024),
        ],
        "resources": "About 60,000 euros per panel for moderation, allowances and childcare.",
        "transferability": (
            "The written response of the council is what gives panels credibility; random "
            "selection also works for small towns."
        ),
        "sdgs": [10, 16],
        "tags": ["participation", "transparency", "mobility"],
        "contact": ("Petra Beispiel", "Rhein-Sieg District, Citizen Participation Office"),
    },
    # --- Wastewater and stormwater in growing cities (Dresden) ------------------------
    {
        "slug": "scheduled-desludging-khulna",
        "title": "Scheduled emptying of septic tanks",
        "topic": "municipal-services",
        "process": "wastewater-stormwater-management",
        "city": "Khulna",
        "country": "BD",
        "population": "250k_1m",
        "year": 2023,
        "summary": (
            "Septic tanks are emptied every three years on a fixed schedule by licensed operators, "
            "and the sludge is treated at a municipal plant."
        ),
        "challenge": (
            "Tanks were emptied only when they overflowed, often by hand, and the sludge was "
            "dumped into canals."
        ),
        "approach": [
            (
                "The city corporation mapped all septic tanks by ward, licensed private emptiers "
                "and set a fee that is collected with the property tax. A co-composting plant "
                "treats the sludge together with market waste."
            ),
        ],
        "results": (
            "Two thirds of the mapped tanks are now emptied on schedule, and manual emptying has "
            "nearly stopped."
        ),
        "indicators": [
            ("Tanks emptied on schedule", "66", "%", "0 %", 2023),
            ("Licensed emptying operators", "14", "operators", "0", 2023),
            ("Sludge treated at the plant", "45", "m³ per day", "0", 2023),
        ],
        "resources": (
            "A tank survey, a treatment plant, vacuum trucks partly financed by a donor, a billing "
            "link with the property tax."
        ),
        "transferability": (
            "Linking the fee to the property tax makes scheduled emptying financially viable; the "
            "treatment plant must be ready first."
        ),
        "sdgs": [3, 6, 11],
        "tags": ["sanitation", "wastewater", "health"],
        "contact": ("Rahim Sample", "Khulna City Corporation, Conservancy Department"),
    },
    {
        "slug": "decentralised-treatment-can-tho",
        "title": "Decentralised wastewater treatment for new districts",
        "topic": "municipal-services",
        "process": "wastewater-stormwater-management",
        "city": "Can Tho",
        "country": "VN",
        "population": "1m_5m",
        "year": 2025,
        "summary": (
            "New residential districts are served by compact treatment plants that can later be "
            "connected to the central sewer."
        ),
        "challenge": (
            "The central sewer network grows far more slowly than the city, and untreated "
            "wastewater from new districts flowed into the canals of the Mekong Delta."
        ),
        "approach": [
            (
                "The city requires developers to build a small treatment plant to a standard "
                "design and hands the plants to the municipal utility for operation. Staff were "
                "trained at Dresden's treatment plant during the follow-up of the learning "
                "process."
            ),
        ],
        "results": (
            "Two plants serve about 18,000 residents; water quality in the receiving canals has "
            "improved measurably."
        ),
        "indicators": [
            ("Residents served by decentralised plants", "18,000", "people", "0", 2025),
            ("Organic pollution (BOD) in receiving canals", "-55", "%", "", 2025),
        ],
        "resources": (
            "Plants financed by developers; operation by the utility, financed through the "
            "wastewater fee."
        ),
        "transferability": (
            "A standard design and handover to the utility prevent a patchwork of badly run "
            "private plants."
        ),
        "sdgs": [6, 11, 14],
        "tags": ["wastewater", "water", "sanitation"],
        "contact": ("Le Van C", "Can Tho Water Supply and Sewerage Company"),
    },
    {
        "slug": "shared-sanitation-blocks-maputo",
        "title": "Shared sanitation blocks for dense compounds",
        "topic": "municipal-services",
        "process": "wastewater-stormwater-management",
        "city": "Maputo",
        "country": "MZ",
        "population": "1m_5m",
        "year": 2026,
        "summary": (
            "Households sharing a compound build a sanitation block with a sealed tank; the "
            "municipality organises emptying through licensed operators."
        ),
        "challenge": (
            "In dense informal neighbourhoods there was no room for individual latrines, and "
            "unlined pits polluted the groundwater."
        ),
        "approach": [
            (
                "The municipal council and community leaders selected compounds together; "
                "households contribute labour and a small payment, and a subsidy covers the rest. "
                "Emptying is scheduled and paid through a monthly fee collected by the compound's "
                "elected caretaker."
            ),
        ],
        "results": (
            "A first phase of 40 blocks serves about 1,600 people; a development bank is financing "
            "the next phase."
        ),
        "indicators": [
            ("Sanitation blocks built", "40", "blocks", "", 2025),
            ("People served", "1,600", "people", "", 2025),
        ],
        "resources": (
            "About 2,500 euros per block, a social team for community work, a contract with "
            "licensed emptiers."
        ),
        "transferability": (
            "Shared facilities work when a caretaker is chosen by the households themselves and "
            "the emptying is organised before construction."
        ),
        "sdgs": [3, 5, 6],
        "tags": ["sanitation", "housing", "health"],
        "contact": ("Ana Sicrana", "Maputo Municipal Council, Sanitation Department"),
    },
    {
        "slug": "sewer-real-time-control-dresden",
        "title": "Real-time control of storage in the sewer network",
        "topic": "municipal-services",
        "process": "wastewater-stormwater-management",
        "city": "Dresden",
        "country": "DE",
        "population": "250k_1m",
        "year": 2023,
        "summary": (
            "Sensors and rain radar data steer gates and pumps so that the sewer network stores "
            "more water during heavy rain and less overflows into the river."
        ),
        "challenge": (
            "During heavy rain, combined sewers overflowed into the river, and low-lying streets "
            "flooded."
        ),
        "approach": [
            (
                "The utility equipped storage tanks and large sewers with level sensors and "
                "motorised gates, linked to a control centre that uses radar-based rain forecasts. "
                "A simulation model tests control rules before they are used."
            ),
        ],
        "results": (
            "The volume of combined sewer overflows into the river fell by about a quarter without "
            "building new tanks."
        ),
        "indicators": [
            ("Combined sewer overflow volume", "-24", "%", "", 2023),
            ("Controlled storage structures", "38", "structures", "", 2023),
        ],
        "resources": (
            "Sensors and gates, a control centre, a hydraulic model and specialised staff."
        ),
        "transferability": (
            "Cities can start with a few level sensors at known hotspots before investing in full "
            "control."
        ),
        "sdgs": [6, 11, 13],
        "tags": ["stormwater", "wastewater", "digitalisation", "climate adaptation"],
        "contact": ("Klaus Beispielmann", "Stadtentwässerung Dresden, Network Planning"),
    },
    # --- Heat action plans for vulnerable neighbourhoods (Freiburg) -------------------
    {
        "slug": "cool-roofs-ahmedabad",
        "title": "Cool roofs for homes in informal settlements",
        "topic": "integrated-urban-development",
        "process": "urban-heat-action-plans",
        "city": "Ahmedabad",
        "country": "IN",
        "population": "gt_5m",
        "year": 2023,
        "summary": (
            "Tin and concrete roofs in informal settlements are painted with reflective white "
            "coating, lowering indoor temperatures during heat waves."
        ),
        "challenge": (
            "Homes with tin or concrete roofs became dangerously hot during heat waves, especially "
            "for older people and infants."
        ),
        "approach": [
            (
                "The municipal corporation, a women's self-employed association and health workers "
                "selected households at highest risk. Women from the settlements were trained and "
                "paid to apply the coating; the programme is part of the city's heat action plan "
                "and is announced together with heat warnings."
            ),
        ],
        "results": (
            "About 15,000 roofs have been coated; indoor temperatures in coated homes are 2 to 5 "
            "°C lower on hot afternoons."
        ),
        "indicators": [
            ("Roofs coated", "15,000", "roofs", "", 2023),
            ("Indoor temperature reduction on hot afternoons", "2–5", "°C", "", 2023),
        ],
        "resources": (
            "About 12 euros per roof for coating, paid work for trained residents, outreach by "
            "health workers."
        ),
        "transferability": (
            "Cheap and quick; works best combined with early warning and outreach to people at "
            "risk."
        ),
        "sdgs": [3, 5, 11, 13],
        "tags": ["heat", "housing", "health", "gender"],
        "contact": ("Priya Sample", "Ahmedabad Municipal Corporation, Health Department"),
    },
    {
        "slug": "cool-places-freiburg",
        "title": "A network of cool places for older residents",
        "topic": "integrated-urban-development",
        "process": "urban-heat-action-plans",
        "city": "Freiburg im Breisgau",
        "country": "DE",
        "population": "50k_250k",
        "year": 2025,
        "summary": (
            "Libraries, churches and senior centres open as cool places during heat waves, and "
            "volunteers call older people living alone."
        ),
        "challenge": (
            "Older people living alone in top-floor flats were at high risk during heat waves, and "
            "many did not know where to find cooler rooms."
        ),
        "approach": [
            (
                "The city maps cool, accessible rooms with drinking water and publishes them on a "
                "map and in print. When the weather service issues a heat warning, volunteers from "
                "a telephone chain call registered older residents, and care services check their "
                "clients more often."
            ),
        ],
        "results": (
            "Forty-one cool places are listed, and about 600 older residents receive calls during "
            "heat waves."
        ),
        "indicators": [
            ("Cool places listed", "41", "places", "0", 2025),
            ("Older residents in the telephone chain", "600", "people", "", 2025),
            ("Public drinking fountains", "62", "fountains", "35", 2025),
        ],
        "resources": (
            "A heat protection officer, coordination with welfare organisations, printing costs "
            "and drinking fountains."
        ),
        "transferability": (
            "Uses existing buildings and volunteers; the telephone chain can be set up quickly in "
            "any city."
        ),
        "sdgs": [3, 10, 11, 13],
        "tags": ["heat", "health", "inclusion", "climate adaptation"],
        "contact": (
            "Miriam Platzhalter",
            "City of Freiburg im Breisgau, Environmental Protection Agency",
        ),
    },
    # --- Regional food markets and short supply chains (Göttingen District) -----------
    {
        "slug": "market-committees-tamale",
        "title": "Market management committees with women traders",
        "topic": "local-economic-development",
        "process": "regional-food-markets",
        "city": "Tamale",
        "country": "GH",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "Elected committees of traders co-manage the central market with the metropolitan "
            "assembly, deciding on cleaning, security and the use of market fees."
        ),
        "challenge": (
            "Traders paid fees but saw no improvement in the market, and fee collection was "
            "falling."
        ),
        "approach": [
            (
                "Each section of the market elects representatives, with seats reserved for women, "
                "who make up most of the traders. The committee and the assembly agree a yearly "
                "plan in which part of the fees is spent on visible improvements such as toilets, "
                "drainage and lighting."
            ),
        ],
        "results": (
            "Fee revenue increased by about 30 %, new toilets and lighting were installed, and the "
            "market is cleaned daily."
        ),
        "indicators": [
            ("Market fee revenue", "+30", "%", "", 2024),
            ("Share of women on the committee", "60", "%", "", 2024),
        ],
        "resources": (
            "Facilitation for elections, a transparent account for the reinvested share of fees."
        ),
        "transferability": (
            "Reinvesting a visible share of fees in the market builds trust in any market."
        ),
        "sdgs": [5, 8, 11, 16],
        "tags": ["markets", "gender", "informal sector", "participation"],
        "contact": ("Abena Sample", "Tamale Metropolitan Assembly, Markets Unit"),
    },
    # --- Integrated urban development: more practices ---------------------------------
    {
        "slug": "community-retention-basins-dakar",
        "title": "Retention basins that double as sports grounds",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Dakar",
        "country": "SN",
        "population": "1m_5m",
        "year": 2021,
        "summary": (
            "Low-lying plots in flood-prone suburbs were turned into retention basins that hold "
            "stormwater in the rainy season and serve as football pitches in the dry season."
        ),
        "challenge": (
            "Suburbs built on former wetlands flooded every rainy season, sometimes for weeks, "
            "displacing families and spreading disease."
        ),
        "approach": [
            (
                "The city identified vacant low-lying plots, dug shallow basins connected to the "
                "drainage channels and levelled them for sport. Neighbourhood associations keep "
                "the inlets free of waste and run the pitches in the dry season."
            ),
        ],
        "results": (
            "Flooding in the surrounding streets lasts hours instead of weeks, and the pitches are "
            "used by about 40 youth teams."
        ),
        "indicators": [
            ("Retention basins built", "7", "basins", "0", 2021),
            (
                "Average duration of street flooding after heavy rain",
                "6",
                "hours",
                "several weeks",
                2021,
            ),
        ],
        "resources": (
            "Earthworks and inlet structures of about 250,000 euros per basin; maintenance "
            "agreements with neighbourhood associations."
        ),
        "transferability": (
            "Needs vacant low-lying land, which should be protected from construction early; the "
            "dual use secures community maintenance."
        ),
        "sdgs": [3, 11, 13],
        "tags": ["stormwater", "climate adaptation", "youth", "public spaces"],
        "contact": ("Aminata Example", "City of Dakar, Directorate of Sanitation and Drainage"),
    },
    {
        "slug": "riverbank-community-housing-surakarta",
        "title": "Community-led rehousing of riverbank households",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Surakarta",
        "country": "ID",
        "population": "250k_1m",
        "year": 2019,
        "summary": (
            "Households living on flood-prone riverbanks planned their own move to nearby land, "
            "with city grants for land and housing and a say in the layout."
        ),
        "challenge": (
            "Thousands of families lived on the banks of the river and were flooded regularly, but "
            "earlier evictions had failed and caused conflict."
        ),
        "approach": [
            (
                "The city negotiated with each neighbourhood instead of evicting. Community groups "
                "chose the new sites within the same part of the city, designed the layout with "
                "architects and managed the construction funds themselves."
            ),
        ],
        "results": (
            "About 1,500 households moved voluntarily; the cleared banks became a green corridor "
            "that also protects against floods."
        ),
        "indicators": [
            ("Households rehoused voluntarily", "1,500", "households", "", 2019),
            ("Riverbank turned into green corridor", "4.2", "km", "0", 2019),
        ],
        "resources": (
            "Land and housing grants, a team of community architects, several years of dialogue "
            "with the neighbourhoods."
        ),
        "transferability": (
            "Negotiation rather than eviction and community control of funds were decisive; the "
            "approach is slow but lasting."
        ),
        "sdgs": [1, 11, 13],
        "tags": ["housing", "participation", "climate adaptation"],
        "contact": ("Budi Example", "City of Surakarta, Housing and Settlements Office"),
    },
    {
        "slug": "household-rainwater-harvesting-mexico-city",
        "title": "Rainwater harvesting systems for households with unreliable supply",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Mexico City",
        "country": "MX",
        "population": "gt_5m",
        "year": 2022,
        "summary": (
            "Households in districts with intermittent water supply receive a roof rainwater "
            "system with a first-flush filter and storage tank free of charge."
        ),
        "challenge": (
            "In the eastern districts, many households received piped water only a few hours a "
            "week and bought expensive water from tanker trucks."
        ),
        "approach": [
            (
                "The city installs standard systems and trains each household in cleaning the "
                "filter. Priority goes to households headed by women and to districts with the "
                "least piped water; social enterprises carry out the installation."
            ),
        ],
        "results": (
            "More than 60,000 systems have been installed; in the rainy season they cover most of "
            "a household's non-drinking water use."
        ),
        "indicators": [
            ("Systems installed", "60,000", "systems", "", 2022),
            ("Months per year with full coverage of non-drinking use", "5–8", "months", "", 2022),
        ],
        "resources": "About 800 euros per system including installation and training.",
        "transferability": (
            "Works in any city with a rainy season; training on maintenance decides whether the "
            "systems keep working."
        ),
        "sdgs": [5, 6, 11],
        "tags": ["water", "climate adaptation", "gender", "housing"],
        "contact": ("Fulana Hernández Ejemplo", "Mexico City, Ministry of Environment"),
    },
    {
        "slug": "urban-forest-vacant-lots-merida",
        "title": "Pocket forests on vacant municipal lots",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Mérida",
        "country": "MX",
        "population": "250k_1m",
        "year": 2026,
        "summary": (
            "Dense plantings of native species on small vacant lots create shade and habitat "
            "within a few years, planted and watered by neighbours."
        ),
        "challenge": (
            "Rapid growth had removed much of the city's tree cover, and summer temperatures in "
            "the new districts rose steadily."
        ),
        "approach": [
            (
                "The municipality offers vacant lots of 200 to 1,000 m² for 'pocket forests' of "
                "native species planted closely together. Residents plant in public planting days "
                "and water for the first two years with water from municipal tanks."
            ),
        ],
        "results": (
            "Thirty pocket forests have been planted; trees in the first sites have reached four "
            "metres within three years."
        ),
        "indicators": [
            ("Pocket forests planted", "30", "sites", "0", 2026),
            ("Trees and shrubs planted", "21,000", "plants", "", 2026),
        ],
        "resources": (
            "Seedlings from the municipal nursery, soil preparation, watering in the first two "
            "years."
        ),
        "transferability": (
            "Small lots and native species make this affordable; community planting days build "
            "ownership."
        ),
        "sdgs": [11, 13, 15],
        "tags": ["heat", "green infrastructure", "participation"],
        "contact": ("Mengano Pérez", "City of Mérida, Department of Sustainable Development"),
    },
    {
        "slug": "flood-proof-homes-hue",
        "title": "Flood-resilient upgrades for homes in the old quarters",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Hue",
        "country": "VN",
        "population": "250k_1m",
        "year": 2020,
        "summary": (
            "Low-income households in flood-prone quarters receive small loans and technical "
            "advice to add a raised storey or a safe upper room."
        ),
        "challenge": (
            "Annual floods damaged homes and belongings, and poor families lost savings every year."
        ),
        "approach": [
            (
                "The city works with the women's union, which manages a revolving loan fund. "
                "Builders trained by the city's construction department advise families on raised "
                "floors, strong roofs and safe storage for valuables."
            ),
        ],
        "results": (
            "About 2,000 homes have been upgraded; the revolving fund has a repayment rate of over "
            "95 %."
        ),
        "indicators": [
            ("Homes upgraded", "2,000", "homes", "", 2020),
            ("Loan repayment rate", "96", "%", "", 2020),
        ],
        "resources": (
            "A revolving fund, training for local builders, standard designs that respect the "
            "historic character."
        ),
        "transferability": (
            "A trusted local organisation managing the loans is essential; the designs must be "
            "adapted to local building traditions."
        ),
        "sdgs": [1, 5, 11, 13],
        "tags": ["housing", "climate adaptation", "gender"],
        "contact": ("Tran Thi D", "Hue City People's Committee, Department of Construction"),
    },
    {
        "slug": "safe-school-routes-kampala",
        "title": "Safe walking routes to school",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Kampala",
        "country": "UG",
        "population": "1m_5m",
        "year": 2023,
        "summary": (
            "Footpaths, raised crossings and speed limits around schools make the daily walk safer "
            "for children, most of whom go to school on foot."
        ),
        "challenge": (
            "Most children walk to school along roads without footpaths, and road crashes around "
            "schools were frequent."
        ),
        "approach": [
            (
                "The city surveyed routes with pupils and teachers, then built footpaths, raised "
                "zebra crossings and speed humps around 20 schools. Traffic wardens and school "
                "patrols help at peak times."
            ),
        ],
        "results": (
            "Vehicle speeds around the schools fell by about a third, and no serious crash has "
            "been recorded at the upgraded sites since completion."
        ),
        "indicators": [
            ("Schools with safe-route upgrades", "20", "schools", "0", 2023),
            ("Average vehicle speed near schools", "24", "km/h", "38 km/h", 2023),
        ],
        "resources": "About 40,000 euros per school for road works; training for school patrols.",
        "transferability": (
            "Surveying routes with children shows the real problems; low-cost measures give quick "
            "results."
        ),
        "sdgs": [3, 4, 11],
        "tags": ["mobility", "youth", "public spaces"],
        "contact": ("Nakato Sample", "Kampala Capital City Authority, Directorate of Engineering"),
    },
    {
        "slug": "pedestrian-streets-pune",
        "title": "Redesigning main streets for people on foot and by bicycle",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Pune",
        "country": "IN",
        "population": "1m_5m",
        "year": 2018,
        "summary": (
            "Main streets were redesigned with wide footpaths, cycle tracks, vending zones and "
            "tree planting, following a citywide street design guideline."
        ),
        "challenge": (
            "Footpaths were narrow or missing, vendors and parked vehicles took the remaining "
            "space, and pedestrians walked in the traffic."
        ),
        "approach": [
            (
                "The municipal corporation adopted urban street design guidelines and redesigned "
                "streets corridor by corridor. Vending zones were planned with vendors' "
                "associations, and parking was reduced and charged."
            ),
        ],
        "results": (
            "Over 100 km of streets follow the guidelines; pedestrian counts on redesigned streets "
            "rose markedly."
        ),
        "indicators": [
            ("Street length redesigned", "100", "km", "0", 2018),
            ("Pedestrians per hour on a redesigned street", "+45", "%", "", 2018),
        ],
        "resources": (
            "A street design cell in the municipal corporation; construction budgets from the road "
            "maintenance programme."
        ),
        "transferability": (
            "A binding design guideline makes every road repair an opportunity to improve streets "
            "step by step."
        ),
        "sdgs": [3, 11, 13],
        "tags": ["mobility", "public spaces", "informal sector"],
        "contact": ("Ravi Example", "Pune Municipal Corporation, Road Department"),
    },
    {
        "slug": "river-catchment-restoration-ethekwini",
        "title": "Paid river care teams restore urban catchments",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "eThekwini (Durban)",
        "country": "ZA",
        "population": "1m_5m",
        "year": 2022,
        "summary": (
            "Community teams remove invasive plants and waste from rivers and report pollution; "
            "the restored rivers carry floodwater better."
        ),
        "challenge": (
            "Rivers were choked with invasive plants and waste, which made floods worse and "
            "damaged bridges and homes."
        ),
        "approach": [
            (
                "The municipality contracts community cooperatives for river sections. Teams are "
                "trained in river ecology and use a mobile app to report sewage leaks and illegal "
                "dumping, which municipal departments must answer within set times."
            ),
        ],
        "results": (
            "More than 70 km of river are maintained by 300 team members; blockages at bridges "
            "during storms have decreased."
        ),
        "indicators": [
            ("River length maintained", "74", "km", "", 2022),
            ("Team members employed", "300", "people", "", 2022),
            ("Pollution reports resolved", "1,900", "reports per year", "", 2022),
        ],
        "resources": "Multi-year contracts with cooperatives, training, a reporting app.",
        "transferability": (
            "Links public employment with ecosystem-based adaptation; response times for reports "
            "keep the teams motivated."
        ),
        "sdgs": [6, 8, 13, 15],
        "tags": ["climate adaptation", "employment", "cooperatives", "water"],
        "contact": (
            "Thandi Example",
            "eThekwini Municipality, Environmental Planning and Climate Protection",
        ),
    },
    {
        "slug": "kindergarten-retrofits-kutaisi",
        "title": "Energy-efficient renovation of kindergartens",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Kutaisi",
        "country": "GE",
        "population": "50k_250k",
        "year": 2024,
        "summary": (
            "Municipal kindergartens received insulation, new windows and efficient heating, "
            "lowering bills and improving indoor comfort."
        ),
        "challenge": (
            "Old kindergarten buildings were cold in winter and expensive to heat, and some rooms "
            "could not be used."
        ),
        "approach": [
            (
                "The city audited all kindergartens and renovated the worst ones first, using a "
                "standard package. Staff were trained to use the new heating controls, and energy "
                "use is tracked monthly."
            ),
        ],
        "results": (
            "Fourteen kindergartens were renovated; their heating energy use fell by around 45 %."
        ),
        "indicators": [
            ("Kindergartens renovated", "14", "buildings", "0", 2024),
            ("Heating energy use", "-45", "%", "", 2024),
        ],
        "resources": (
            "About 120,000 euros per building, co-financed by a climate fund; energy audits."
        ),
        "transferability": (
            "Standard renovation packages and monthly monitoring make it easy to scale to schools "
            "and other public buildings."
        ),
        "sdgs": [4, 7, 13],
        "tags": ["energy efficiency", "youth"],
        "contact": ("Nino Example", "Kutaisi City Hall, Infrastructure Department"),
    },
    {
        "slug": "hillside-stairways-valparaiso",
        "title": "Neighbours rebuild and maintain hillside stairways",
        "topic": "integrated-urban-development",
        "process": None,
        "city": "Valparaíso",
        "country": "CL",
        "population": "250k_1m",
        "year": 2017,
        "summary": (
            "Neighbourhood councils rebuild stairways and paths on the city's steep hills with "
            "municipal materials and small grants."
        ),
        "challenge": (
            "Many hillside neighbourhoods are reached only by stairways, which were in poor repair "
            "and dangerous in the rain."
        ),
        "approach": [
            (
                "The municipality supplies materials and technical advice, neighbourhood councils "
                "provide labour and choose priorities. Drainage along the stairways is part of "
                "each project."
            ),
        ],
        "results": (
            "Sixty stairways have been rebuilt, improving access for older people and emergency "
            "services."
        ),
        "indicators": [
            ("Stairways rebuilt", "60", "stairways", "", 2017),
        ],
        "resources": (
            "Materials and engineering advice; small grants of 5,000 to 20,000 euros per project."
        ),
        "transferability": (
            "Self-help with municipal materials suits any hilly city; drainage must be included to "
            "avoid new damage."
        ),
        "sdgs": [11, 16],
        "tags": ["public spaces", "participation", "mobility"],
        "contact": (
            "Perengano Soto Ejemplo",
            "Municipality of Valparaíso, Community Development Directorate",
        ),
    },
    # --- Municipal services: more practices -------------------------------------------
    {
        "slug": "treated-wastewater-irrigation-irbid",
        "title": "Treated wastewater irrigates public green spaces",
        "topic": "municipal-services",
        "process": None,
        "city": "Irbid",
        "country": "JO",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "Parks and road verges are irrigated with treated wastewater, saving drinking water in "
            "one of the world's most water-scarce countries."
        ),
        "challenge": (
            "Green spaces were irrigated with drinking water, which was scarce and rationed for "
            "households."
        ),
        "approach": [
            (
                "A pipeline from the treatment plant supplies parks and tree-lined roads. The "
                "municipality monitors water quality monthly and uses drip irrigation at night."
            ),
        ],
        "results": (
            "Drinking water used for irrigation fell by about 80 %, and 25 hectares of green space "
            "are irrigated with treated water."
        ),
        "indicators": [
            ("Drinking water used for irrigation", "-80", "%", "", 2024),
            ("Green space irrigated with treated wastewater", "25", "ha", "0", 2024),
        ],
        "resources": (
            "A distribution pipeline and pumps, drip irrigation, water quality monitoring."
        ),
        "transferability": (
            "Needs a treatment plant with reliable quality; start with parks close to the plant."
        ),
        "sdgs": [6, 11, 12],
        "tags": ["water", "wastewater", "green infrastructure"],
        "contact": ("Karim Sample", "Greater Irbid Municipality, Parks Department"),
    },
    {
        "slug": "neighbourhood-waste-precollection-porto-novo",
        "title": "Household waste pre-collection by neighbourhood associations",
        "topic": "municipal-services",
        "process": None,
        "city": "Porto-Novo",
        "country": "BJ",
        "population": "250k_1m",
        "year": 2019,
        "summary": (
            "Neighbourhood associations collect household waste with tricycles and take it to "
            "transfer points, where municipal trucks pick it up."
        ),
        "challenge": (
            "Narrow unpaved streets were inaccessible to trucks, and households dumped waste in "
            "vacant lots and lagoons."
        ),
        "approach": [
            (
                "The municipality licensed associations for defined areas, set the monthly "
                "household fee and built transfer points. Associations sign a contract with "
                "service standards; the municipality handles transport and the landfill."
            ),
        ],
        "results": (
            "Regular pre-collection now serves about 60 % of households, and the number of illegal "
            "dumps has fallen."
        ),
        "indicators": [
            ("Households served by pre-collection", "60", "%", "25 %", 2019),
            ("Illegal dumpsites recorded", "35", "sites", "110", 2019),
        ],
        "resources": (
            "Transfer points, licensing and supervision staff; associations finance tricycles from "
            "fees."
        ),
        "transferability": (
            "Fits cities with neighbourhoods that trucks cannot reach; the transfer points must be "
            "emptied reliably."
        ),
        "sdgs": [8, 11, 12],
        "tags": ["waste", "informal sector", "employment"],
        "contact": ("Moussa Sample", "Municipality of Porto-Novo, Environment Department"),
    },
    {
        "slug": "faecal-sludge-treatment-yaounde",
        "title": "A faecal sludge treatment plant operated by a private partner",
        "topic": "municipal-services",
        "process": None,
        "city": "Yaoundé",
        "country": "CM",
        "population": "1m_5m",
        "year": 2021,
        "summary": (
            "The city built a sludge treatment plant with drying beds and contracted a private "
            "operator, who sells the dried sludge as soil conditioner."
        ),
        "challenge": (
            "Emptying trucks dumped sludge in rivers and valleys because there was no treatment "
            "site."
        ),
        "approach": [
            (
                "The council built the plant and tendered a ten-year operation contract. Emptiers "
                "pay a small tipping fee, the operator sells dried sludge to farmers, and the "
                "council inspects the plant quarterly."
            ),
        ],
        "results": (
            "The plant receives about 40 truckloads a week, and dumping in the river valleys has "
            "declined."
        ),
        "indicators": [
            ("Truckloads received per week", "40", "loads", "0", 2021),
            ("Dried sludge sold to farmers", "600", "t per year", "", 2021),
        ],
        "resources": (
            "Construction of drying beds and a reception station; a performance-based operation "
            "contract."
        ),
        "transferability": (
            "Low-tech drying beds are suitable where land is available; the tipping fee must stay "
            "low so that emptiers use the plant."
        ),
        "sdgs": [3, 6, 12],
        "tags": ["sanitation", "wastewater", "health"],
        "contact": ("Jean Example", "Yaoundé City Council, Urban Hygiene Department"),
    },
    {
        "slug": "district-metering-arequipa",
        "title": "Reducing water losses with district metering",
        "topic": "municipal-services",
        "process": None,
        "city": "Arequipa",
        "country": "PE",
        "population": "1m_5m",
        "year": 2016,
        "summary": (
            "The water utility divided its network into metered districts, finding and repairing "
            "leaks and illegal connections district by district."
        ),
        "challenge": (
            "Almost half of the water produced was lost to leaks, illegal connections and faulty "
            "meters, while parts of the city received water only a few hours a day."
        ),
        "approach": [
            (
                "The utility installed flow meters and pressure valves at the entry of each "
                "district, compared night flows with billed consumption and sent repair teams "
                "where losses were highest. Illegal connections were regularised with payment "
                "plans."
            ),
        ],
        "results": (
            "Non-revenue water fell from 46 % to 31 %, and supply hours in the upgraded districts "
            "increased."
        ),
        "indicators": [
            ("Non-revenue water", "31", "%", "46 %", 2016),
            ("Metered districts", "48", "districts", "0", 2016),
        ],
        "resources": (
            "Flow meters, pressure valves, leak detection equipment and dedicated repair teams."
        ),
        "transferability": (
            "Starting with a few pilot districts shows results quickly and finances the next steps."
        ),
        "sdgs": [6, 9, 11],
        "tags": ["water", "digitalisation"],
        "contact": (
            "Zutano Quispe Ejemplo",
            "Arequipa Water and Sewerage Utility, Network Operations",
        ),
    },
    {
        "slug": "water-committees-cochabamba",
        "title": "Community water committees linked to the municipal utility",
        "topic": "municipal-services",
        "process": None,
        "city": "Cochabamba",
        "country": "BO",
        "population": "250k_1m",
        "year": 2020,
        "summary": (
            "Community water committees in the southern districts keep running their wells and "
            "networks, but buy bulk water and technical support from the municipal utility."
        ),
        "challenge": (
            "The southern districts were not connected to the municipal network, and committee-run "
            "wells were drying up or polluted."
        ),
        "approach": [
            (
                "The utility and the committees signed agreements: the utility delivers treated "
                "bulk water and tests water quality, the committees operate the local network and "
                "collect fees from households."
            ),
        ],
        "results": (
            "About 90,000 residents receive treated water through their committees; water quality "
            "tests meet national standards."
        ),
        "indicators": [
            ("Residents served through committees", "90,000", "people", "", 2020),
            ("Water samples meeting standards", "94", "%", "62 %", 2020),
        ],
        "resources": (
            "Bulk water connections, laboratory capacity, training for committee operators."
        ),
        "transferability": "Builds on existing community systems instead of replacing them.",
        "sdgs": [6, 11, 17],
        "tags": ["water", "participation", "cooperatives"],
        "contact": (
            "Mengana Mamani Ejemplo",
            "Municipal Water Utility of Cochabamba, Community Relations Unit",
        ),
    },
    {
        "slug": "youth-run-public-toilets-hawassa",
        "title": "Public toilets run by youth enterprises",
        "topic": "municipal-services",
        "process": None,
        "city": "Hawassa",
        "country": "ET",
        "population": "250k_1m",
        "year": 2022,
        "summary": (
            "The city built public toilets at bus stations and markets and leases them to youth "
            "enterprises, which keep them clean and earn from user fees."
        ),
        "challenge": (
            "There were hardly any public toilets at busy places, and the few that existed were "
            "dirty and closed."
        ),
        "approach": [
            (
                "The city built toilet blocks with showers and a small kiosk, selected youth "
                "enterprises through the youth office and signed leases with cleanliness "
                "standards. The fee is fixed by the city; women and children pay less."
            ),
        ],
        "results": (
            "Twelve toilet blocks are in operation, each used by several hundred people a day, and "
            "70 young people earn an income."
        ),
        "indicators": [
            ("Public toilet blocks operated", "12", "blocks", "2", 2022),
            ("Young people employed", "70", "people", "", 2022),
        ],
        "resources": (
            "About 25,000 euros per block; training for the enterprises in hygiene and bookkeeping."
        ),
        "transferability": (
            "User fees can cover operation where footfall is high; standards and inspections keep "
            "quality up."
        ),
        "sdgs": [5, 6, 8],
        "tags": ["sanitation", "youth", "employment", "health"],
        "contact": (
            "Mekdes Example",
            "Hawassa City Administration, Sanitation and Beautification Agency",
        ),
    },
    # --- Good urban governance: more practices ----------------------------------------
    {
        "slug": "online-building-permits-ramallah",
        "title": "Online building permit applications",
        "topic": "good-urban-governance",
        "process": None,
        "city": "Ramallah",
        "country": "PS",
        "population": "lt_50k",
        "year": 2021,
        "summary": (
            "Architects submit building permit applications online, and applicants can follow each "
            "step; deadlines for each department are published."
        ),
        "challenge": (
            "Permits took many months, applicants had to visit several departments, and nobody "
            "knew where an application was stuck."
        ),
        "approach": [
            (
                "The municipality mapped the permit process, removed duplicate checks and built an "
                "online system with deadlines for each step. Architects were trained, and a help "
                "desk assists applicants."
            ),
        ],
        "results": "Average processing time fell from about five months to six weeks.",
        "indicators": [
            ("Average permit processing time", "6", "weeks", "5 months", 2021),
            ("Applications submitted online", "92", "%", "0 %", 2021),
        ],
        "resources": "Process analysis, software development, training for architects and staff.",
        "transferability": (
            "Simplifying the process before digitising it brings most of the benefit."
        ),
        "sdgs": [9, 11, 16],
        "tags": ["e-government", "digitalisation", "transparency"],
        "contact": ("Fulan Example", "Ramallah Municipality, Engineering and Planning Department"),
    },
    {
        "slug": "womens-committees-saida",
        "title": "Women's neighbourhood committees in municipal planning",
        "topic": "good-urban-governance",
        "process": "participatory-budgeting",
        "city": "Saida",
        "country": "LB",
        "population": "50k_250k",
        "year": 2025,
        "summary": (
            "Committees of women from three neighbourhoods propose projects for the municipal "
            "investment plan and follow their implementation."
        ),
        "challenge": (
            "Women were rarely present in municipal meetings, and projects did not reflect their "
            "needs, for example lighting, safe paths and childcare."
        ),
        "approach": [
            (
                "Inspired by the learning process on participatory budgeting, the municipality set "
                "up committees with local women's organisations. Meetings are held in community "
                "centres in the afternoon, with childcare. Each committee presents its priorities "
                "to the council once a year."
            ),
        ],
        "results": (
            "Street lighting on six routes and a shaded playground were built following the "
            "committees' proposals."
        ),
        "indicators": [
            ("Neighbourhood committees", "3", "committees", "0", 2025),
            ("Projects implemented from committee proposals", "7", "projects", "", 2025),
        ],
        "resources": "A facilitator, meeting rooms, childcare, a small project budget.",
        "transferability": "Meeting times and childcare matter as much as the formal rules.",
        "sdgs": [5, 10, 16],
        "tags": ["gender", "participation", "inclusion"],
        "contact": ("Fulana Bint Fulan", "Municipality of Saida, Social Development Unit"),
    },
    {
        "slug": "complaints-hotline-nablus",
        "title": "A complaints hotline with published response times",
        "topic": "good-urban-governance",
        "process": None,
        "city": "Nablus",
        "country": "PS",
        "population": "50k_250k",
        "year": 2018,
        "summary": (
            "Residents report problems with water, waste, lighting and roads by phone, app or at "
            "the counter; the municipality publishes monthly how quickly each department responds."
        ),
        "challenge": (
            "Complaints were lost between departments, and residents saw no reason to report "
            "problems."
        ),
        "approach": [
            (
                "All complaints are logged in one system with a tracking number. Each department "
                "has a target time for responses, and the monthly statistics are published on the "
                "municipal website and discussed by the council."
            ),
        ],
        "results": (
            "The number of complaints doubled at first – a sign of trust – and the share resolved "
            "within the target time rose to 85 %."
        ),
        "indicators": [
            ("Complaints resolved within target time", "85", "%", "40 %", 2018),
            ("Complaints received per month", "1,200", "complaints", "600", 2018),
        ],
        "resources": "A complaints management system, a small call centre team.",
        "transferability": (
            "Publishing response times creates pressure for improvement; the system can start "
            "simple."
        ),
        "sdgs": [11, 16],
        "tags": ["transparency", "e-government", "participation"],
        "contact": ("Karim Ibn Fulan", "Nablus Municipality, Citizen Service Centre"),
    },
    {
        "slug": "open-procurement-data-tirana",
        "title": "Open data on municipal procurement",
        "topic": "good-urban-governance",
        "process": None,
        "city": "Tirana",
        "country": "AL",
        "population": "250k_1m",
        "year": 2020,
        "summary": (
            "All municipal contracts, from the tender to the final payment, are published as open "
            "data and shown on an online map."
        ),
        "challenge": (
            "Citizens and journalists could not find out who built what for how much, which fed "
            "suspicion of corruption."
        ),
        "approach": [
            (
                "The municipality publishes tender notices, bids, contracts, changes and payments "
                "in an open data standard. A map shows every construction contract; residents can "
                "comment on works in their street."
            ),
        ],
        "results": (
            "Contracts worth over 90 % of the procurement budget are published, and the average "
            "number of bids per tender has increased."
        ),
        "indicators": [
            ("Share of procurement value published", "92", "%", "", 2020),
            ("Average bids per tender", "4.1", "bids", "2.3", 2020),
        ],
        "resources": "Staff time to clean and publish data, a simple map application.",
        "transferability": (
            "An international open contracting standard makes it easy to reuse tools built "
            "elsewhere."
        ),
        "sdgs": [16, 17],
        "tags": ["transparency", "digitalisation", "e-government"],
        "contact": ("Arta Example", "Municipality of Tirana, Transparency Office"),
    },
    {
        "slug": "accessibility-audit-agadir",
        "title": "Accessibility audits of public buildings with disabled people's organisations",
        "topic": "good-urban-governance",
        "process": None,
        "city": "Agadir",
        "country": "MA",
        "population": "250k_1m",
        "year": 2023,
        "summary": (
            "Teams including wheelchair users and blind people audit public buildings and set "
            "priorities for barrier-free renovation."
        ),
        "challenge": (
            "Most public buildings and service counters could not be used by people with "
            "disabilities, and investments followed no plan."
        ),
        "approach": [
            (
                "The municipality trained mixed audit teams and audited 80 buildings with a simple "
                "checklist. Renovations are prioritised by how many people use the building; the "
                "teams check the results."
            ),
        ],
        "results": (
            "Thirty-five buildings have been made accessible, starting with the civil registry and "
            "health centres."
        ),
        "indicators": [
            ("Buildings audited", "80", "buildings", "", 2023),
            ("Buildings made accessible", "35", "buildings", "4", 2023),
        ],
        "resources": (
            "Training of audit teams, a renovation budget, payment for the experts with "
            "disabilities."
        ),
        "transferability": (
            "Involving people with disabilities as paid experts leads to practical, low-cost "
            "solutions."
        ),
        "sdgs": [10, 11, 16],
        "tags": ["inclusion", "accessibility", "participation"],
        "contact": ("Fulana Example", "Municipality of Agadir, Social Affairs Department"),
    },
    {
        "slug": "gender-budgeting-kochi",
        "title": "Gender-responsive budgeting at ward level",
        "topic": "good-urban-governance",
        "process": None,
        "city": "Kochi",
        "country": "IN",
        "population": "250k_1m",
        "year": 2019,
        "summary": (
            "A share of each ward's development budget is earmarked for projects proposed by "
            "women's groups, and every project is checked for its effect on women."
        ),
        "challenge": (
            "Ward budgets were spent mainly on roads, while women's priorities – water, toilets, "
            "lighting, childcare – were underfunded."
        ),
        "approach": [
            (
                "Neighbourhood groups of women's self-help groups propose projects in ward "
                "assemblies. A gender checklist is applied to all projects, and the council "
                "reports annually how much was spent on women's priorities."
            ),
        ],
        "results": (
            "Spending on projects proposed by women's groups reached 12 % of the ward budgets."
        ),
        "indicators": [
            ("Share of ward budgets for women's projects", "12", "%", "3 %", 2019),
        ],
        "resources": "A gender desk in the corporation, training for ward councillors and groups.",
        "transferability": (
            "An earmarked share and annual reporting are simple tools that any municipality can "
            "introduce."
        ),
        "sdgs": [5, 10, 16],
        "tags": ["gender", "participation", "transparency"],
        "contact": ("Priya Example", "Kochi Municipal Corporation, Gender Desk"),
    },
    {
        "slug": "idp-integration-centre-zhytomyr",
        "title": "A one-stop centre for internally displaced people",
        "topic": "good-urban-governance",
        "process": None,
        "city": "Zhytomyr",
        "country": "UA",
        "population": "250k_1m",
        "year": 2023,
        "summary": (
            "Displaced families find housing advice, registration, job counselling, psychological "
            "support and school places in one municipal centre."
        ),
        "challenge": (
            "Tens of thousands of displaced people arrived within months and had to deal with many "
            "offices while finding housing and work."
        ),
        "approach": [
            (
                "The city brought municipal services, the employment office and NGOs under one "
                "roof, with a case manager for each family. A council of displaced residents "
                "advises the city on services."
            ),
        ],
        "results": (
            "The centre has advised more than 18,000 people; over 2,000 found work through its job "
            "counselling."
        ),
        "indicators": [
            ("People advised", "18,000", "people", "", 2023),
            ("People placed in jobs", "2,100", "people", "", 2023),
        ],
        "resources": (
            "A municipal building, case managers, cooperation agreements with NGOs and the "
            "employment office."
        ),
        "transferability": (
            "The one-stop principle and a council of the people concerned are useful for any city "
            "receiving many newcomers."
        ),
        "sdgs": [1, 10, 16],
        "tags": ["inclusion", "housing", "employment", "participation"],
        "contact": ("Olena Sample", "Zhytomyr City Council, Department of Social Policy"),
    },
    # --- Local economic development: more practices -----------------------------------
    {
        "slug": "craft-village-tourism-hoi-an",
        "title": "Craft villages share in tourism income",
        "topic": "local-economic-development",
        "process": None,
        "city": "Hoi An",
        "country": "VN",
        "population": "50k_250k",
        "year": 2018,
        "summary": (
            "Pottery, carpentry and vegetable villages near the old town offer workshops to "
            "visitors, and part of the town's ticket revenue goes to the villages."
        ),
        "challenge": (
            "Tourism income was concentrated in the old town, while nearby craft villages lost "
            "their young people to the city."
        ),
        "approach": [
            (
                "The town created a combined ticket that includes village workshops, trained "
                "villagers in hosting visitors and improved bicycle paths to the villages. Village "
                "associations decide how their share of the revenue is used."
            ),
        ],
        "results": (
            "Visitor numbers in the villages rose strongly, and household incomes from crafts "
            "increased."
        ),
        "indicators": [
            ("Village workshop visitors per year", "120,000", "visitors", "15,000", 2018),
            ("Households earning from visitor workshops", "340", "households", "", 2018),
        ],
        "resources": "Training, bicycle paths and signage; a revenue-sharing agreement.",
        "transferability": (
            "Revenue sharing via a common ticket fits other heritage towns with craft traditions "
            "nearby."
        ),
        "sdgs": [8, 11, 12],
        "tags": ["employment", "markets", "cooperatives"],
        "contact": ("Nguyen Thi E", "Hoi An City People's Committee, Culture and Tourism Office"),
    },
    {
        "slug": "market-renovation-oaxaca",
        "title": "Renovating a municipal market together with its traders",
        "topic": "local-economic-development",
        "process": None,
        "city": "Oaxaca de Juárez",
        "country": "MX",
        "population": "250k_1m",
        "year": 2024,
        "summary": (
            "A historic market was renovated in phases so that traders could keep selling, with "
            "new drainage, lighting and a cold store shared by the traders."
        ),
        "challenge": (
            "The market building was run-down, food spoiled without cold storage, and traders "
            "feared losing their stalls during a renovation."
        ),
        "approach": [
            (
                "The city and the traders' association agreed a phased plan and a written "
                "guarantee that every trader returns to a stall of the same size. A shared cold "
                "store and a cleaning rota were part of the agreement."
            ),
        ],
        "results": (
            "All 420 traders kept their stalls; food losses fell thanks to the cold store, and "
            "sales increased after reopening."
        ),
        "indicators": [
            ("Traders who kept their stalls", "420", "traders", "420", 2024),
            ("Reported food losses", "-35", "%", "", 2024),
        ],
        "resources": (
            "Renovation budget from the state and city, a cold store, a site manager who met "
            "traders weekly."
        ),
        "transferability": (
            "Phased construction and written guarantees prevent conflicts in any market renovation."
        ),
        "sdgs": [2, 8, 11],
        "tags": ["markets", "food systems", "informal sector"],
        "contact": (
            "Zutana López Ejemplo",
            "Municipality of Oaxaca de Juárez, Markets Directorate",
        ),
    },
    {
        "slug": "women-business-centre-battambang",
        "title": "A business development centre for women-led micro-enterprises",
        "topic": "local-economic-development",
        "process": None,
        "city": "Battambang",
        "country": "KH",
        "population": "50k_250k",
        "year": 2022,
        "summary": (
            "A municipal centre offers bookkeeping courses, product design advice and access to "
            "microcredit for women running small food and craft businesses."
        ),
        "challenge": (
            "Many women ran small businesses from home but lacked bookkeeping skills and access to "
            "credit and buyers."
        ),
        "approach": [
            (
                "The municipality provides the building and coordination, a microfinance "
                "institution and a vocational school offer services, and a monthly market in the "
                "town square gives the businesses a sales outlet."
            ),
        ],
        "results": (
            "About 650 women have taken courses, and 280 have received microcredit; the monthly "
            "market has become a fixture."
        ),
        "indicators": [
            ("Women trained", "650", "women", "", 2022),
            ("Microcredits granted", "280", "loans", "", 2022),
        ],
        "resources": (
            "A building, a coordinator, partnerships with a microfinance institution and a "
            "vocational school."
        ),
        "transferability": (
            "The municipality acts as a broker between existing services; little extra budget is "
            "needed."
        ),
        "sdgs": [1, 5, 8],
        "tags": ["gender", "employment", "markets"],
        "contact": (
            "Chanthy Example",
            "Battambang Municipal Administration, Economic Development Office",
        ),
    },
    {
        "slug": "family-farm-school-meals-juiz-de-fora",
        "title": "School meals bought from family farms",
        "topic": "local-economic-development",
        "process": None,
        "city": "Juiz de Fora",
        "country": "BR",
        "population": "250k_1m",
        "year": 2021,
        "summary": (
            "The city buys more than a third of the food for school meals directly from family "
            "farmers in the region through simplified public calls."
        ),
        "challenge": (
            "Family farmers could not meet the paperwork and volumes of regular tenders, and "
            "school meals relied on processed food from distant suppliers."
        ),
        "approach": [
            (
                "The education department publishes simple public calls with prices set in "
                "advance, divides purchases into small lots and helps farmers' cooperatives plan "
                "deliveries. Menus follow the harvest seasons."
            ),
        ],
        "results": (
            "More than 35 % of school food purchases come from about 180 family farms, and fresh "
            "produce on menus has increased."
        ),
        "indicators": [
            ("Share of school food bought from family farms", "36", "%", "8 %", 2021),
            ("Family farms supplying schools", "180", "farms", "", 2021),
        ],
        "resources": "Staff to organise public calls and logistics, nutritionists to adapt menus.",
        "transferability": (
            "Small lots and fixed prices open public procurement to small producers in any country "
            "whose rules allow it."
        ),
        "sdgs": [2, 4, 8, 12],
        "tags": ["food systems", "employment", "cooperatives"],
        "contact": ("Maria Fulana", "Municipality of Juiz de Fora, Education Department"),
    },
    {
        "slug": "cobblestone-jobs-bahir-dar",
        "title": "Cobblestone paving as a job programme",
        "topic": "local-economic-development",
        "process": None,
        "city": "Bahir Dar",
        "country": "ET",
        "population": "250k_1m",
        "year": 2017,
        "summary": (
            "Unpaved neighbourhood streets are paved with locally quarried cobblestones by "
            "micro-enterprises of young people, who are trained and contracted by the city."
        ),
        "challenge": (
            "Dusty or muddy streets and high youth unemployment; asphalt roads were too expensive "
            "for neighbourhood streets."
        ),
        "approach": [
            (
                "The city trains young people in quarrying, cutting and laying stones, helps them "
                "form micro-enterprises and gives them contracts for street paving. The stones "
                "come from local quarries, so most of the money stays in the region."
            ),
        ],
        "results": (
            "Around 60 km of streets have been paved, and more than 1,000 young people have worked "
            "in the programme."
        ),
        "indicators": [
            ("Streets paved with cobblestones", "60", "km", "", 2017),
            ("Young people employed", "1,050", "people", "", 2017),
        ],
        "resources": (
            "Training, tools, and a budget for street works allocated to micro-enterprises."
        ),
        "transferability": (
            "Labour-intensive paving suits cities with local stone; cobblestones also let "
            "rainwater soak in."
        ),
        "sdgs": [8, 9, 11],
        "tags": ["employment", "youth", "mobility"],
        "contact": (
            "Dawit Sample",
            "Bahir Dar City Administration, Micro and Small Enterprise Office",
        ),
    },
    {
        "slug": "street-vendor-zones-mombasa",
        "title": "Licensed vending zones for street traders",
        "topic": "local-economic-development",
        "process": None,
        "city": "Mombasa",
        "country": "KE",
        "population": "1m_5m",
        "year": 2023,
        "summary": (
            "Street vendors received licences and marked spaces in designated zones, ending daily "
            "confrontations with enforcement officers."
        ),
        "challenge": (
            "Vendors were chased from the streets and their goods confiscated, while pedestrians "
            "struggled to pass crowded pavements."
        ),
        "approach": [
            (
                "The county mapped vendors with their associations, marked vending zones on wider "
                "pavements and side streets and issued low-cost licences. Vendors' representatives "
                "sit on a committee that handles disputes."
            ),
        ],
        "results": (
            "About 3,200 vendors hold licences; confiscations have almost stopped and county "
            "revenue from vending fees has risen."
        ),
        "indicators": [
            ("Licensed street vendors", "3,200", "vendors", "0", 2023),
            ("Goods confiscated per month", "15", "cases", "300", 2023),
        ],
        "resources": "Mapping, road markings, a licensing desk and a dispute committee.",
        "transferability": (
            "Working with vendors' associations from the start makes the zones accepted."
        ),
        "sdgs": [8, 10, 11],
        "tags": ["informal sector", "markets", "public spaces"],
        "contact": ("Otieno Example", "County Government of Mombasa, Department of Trade"),
    },
    {
        "slug": "wholesale-market-montevideo",
        "title": "A new wholesale food market with a logistics hub",
        "topic": "local-economic-development",
        "process": None,
        "city": "Montevideo",
        "country": "UY",
        "population": "1m_5m",
        "year": 2022,
        "summary": (
            "The old wholesale market was moved from the centre to a new site on the ring road, "
            "with cold chains, a food bank and space for small producers."
        ),
        "challenge": (
            "The old market in the centre caused traffic jams, food losses were high, and small "
            "producers had no space."
        ),
        "approach": [
            (
                "The municipality and the national government created a public-private company to "
                "build and run the new market. Small producers have reserved stalls at lower "
                "rents, and unsold but edible food goes to a food bank on the site."
            ),
        ],
        "results": (
            "Food losses fell, heavy traffic in the centre decreased, and the food bank "
            "distributes several hundred tonnes a year."
        ),
        "indicators": [
            ("Food donated via the on-site food bank", "480", "t per year", "0", 2022),
            ("Stalls reserved for small producers", "120", "stalls", "", 2022),
        ],
        "resources": "Large investment through a public-private company; a food bank run by NGOs.",
        "transferability": (
            "The food bank and reserved stalls can be added to existing wholesale markets."
        ),
        "sdgs": [2, 8, 12],
        "tags": ["food systems", "markets"],
        "contact": (
            "Fulano Pérez Ejemplo",
            "Intendencia de Montevideo, Economic Development Department",
        ),
    },
    {
        "slug": "trial-living-gorlitz",
        "title": "Trial living to attract newcomers and founders",
        "topic": "local-economic-development",
        "process": None,
        "city": "Görlitz",
        "country": "DE",
        "population": "50k_250k",
        "year": 2020,
        "summary": (
            "People interested in moving to the town can live and work there for a few weeks in a "
            "furnished flat and a co-working space free of charge."
        ),
        "challenge": (
            "The town had lost a large part of its population since 1990, with many empty flats "
            "and a shortage of skilled workers."
        ),
        "approach": [
            (
                "The town and the municipal housing company offer furnished flats and co-working "
                "desks for four weeks. Participants meet local employers, founders and neighbours "
                "and report on their experience."
            ),
        ],
        "results": (
            "About a fifth of the participants moved to the town afterwards, several of them "
            "founding businesses."
        ),
        "indicators": [
            ("Participants in trial living", "180", "people", "", 2020),
            ("Participants who moved to the town", "21", "%", "", 2020),
        ],
        "resources": (
            "Empty flats from the municipal housing company, a co-working space, a coordinator."
        ),
        "transferability": "Shrinking towns with empty housing can try this at low cost.",
        "sdgs": [8, 11],
        "tags": ["housing", "start-ups", "employment"],
        "contact": ("Anna Beispiel", "City of Görlitz, Economic Development Office"),
    },
]
