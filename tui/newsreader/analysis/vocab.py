"""Closed-class English vocabulary the rules read: titles, organisation heads, speech verbs.

These are properties of English news prose, not of any one article: the words that
introduce a person ("President", "spokeswoman"), end an organisation's name ("Ministry",
"Fund"), or report speech ("said", "told"). Demonyms: the adjectival forms of country
names (after Wikipedia, "List of adjectival and demonymic forms for countries and nations").
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and roles that stand before a person's name ("President Xi", "Dr Smith").
PERSON_TITLES = _words("""
    President Vice-President Premier Chancellor Minister Secretary Senator Sen. Congressman
    Congresswoman Rep. Representative Governor Gov. Mayor Ambassador Envoy Consul Commissioner
    King Queen Prince Princess Emperor Empress Pope Cardinal Archbishop Bishop Rabbi Imam Sheikh
    Sheik Ayatollah Lord Lady Sir Dame Baron Baroness Duke Duchess Count Countess Sultan Emir
    Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Judge Justice Chief Speaker
    General Gen. Lieutenant Lt. Colonel Col. Major Maj. Captain Capt. Commander Cmdr. Admiral
    Adm. Sergeant Sgt. Corporal Cpl. Private Pvt. Marshal Brigadier Field-Marshal
    Chairman Chairwoman Chair Chairperson Director Director-General Secretary-General CEO
    Spokesman Spokeswoman Spokesperson Coach Manager Inspector Detective Officer Constable
    Superintendent Father Brother Sister Reverend Rev. Pastor Deacon Saint St. Leader Chancellor-elect
    President-elect Premier-elect Attorney Prosecutor Deputy Councillor Councilman Councilwoman
    Alderman Sheriff Coroner Magistrate Ombudsman Treasurer Comptroller Auditor Dean Provost Rector
    Headmaster Headteacher Editor Correspondent Anchor Presenter Host Striker Midfielder Defender
    Goalkeeper Skipper Captain-elect MP MEP MSP Delegate Assemblyman Assemblywoman Undersecretary
    Under-Secretary Crown Regent Tsar Czar Kaiser Pharaoh Khan Shogun Mullah Patriarch Metropolitan
    Abbot Monk Nun Elder Chef Dr.-Ing.
""")
# After these the next word is a name whatever else it could be ("Mr. King", "Dr. Major").
HONORIFICS = _words("Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady")
# Abbreviations written with a point that does not end the sentence ("Mr. Smith",
# "St. Petersburg", "Acme Corp. said"): titles, legal forms, Mount and Fort
POINTED_ABBREVIATIONS = tuple(
    """
    Mr Mrs Ms Dr St Jr Sr Gen Col Lt Sgt Capt Cmdr Adm Gov Sen Rep Prof Rev Inc Corp Co Ltd Mt Ft
    Bros
    """.split()
)
# Abbreviations that keep their point only where speech is attributed ("Del.", "Maj.", "Sens.",
# "No."): a point after them does not end the sentence a quote's cue is looked for in.
SPEECH_POINTED_ABBREVIATIONS = tuple("Del Maj Gens Reps Sens No Nos".split())
# What follows the last name of a person and belongs to it ("Martin Luther King Jr").
NAME_SUFFIXES = ("Jr", "Sr", "II", "III", "IV")
# Words that qualify a title and belong with it ("Foreign Minister", "Deputy Prime Minister").
TITLE_MODIFIERS = _words("""
    Foreign Prime Deputy Vice Acting Former Ex Interim Chief Senior Junior Assistant Associate
    Attorney Defence Defense Finance Interior Home Justice Trade Health Education Energy Labour
    Labor Economy Economic Agriculture Transport Culture Environment Environmental Industry Science
    Culture Sports Tourism Immigration Treasury State Cabinet Supreme Grand High First Second Third
    Executive Managing General Principal Special Permanent Lead Head Team Press Communications
    Political Military Security Intelligence National International Regional Provincial Federal
    District County City Municipal Crown Public Privy Royal Senior Staff Sergeant Lieutenant
    Major Brigadier Fleet Air Vice-Admiral Rear Second-in-command Shadow Opposition Majority Minority
    Party Parliamentary Presidential Secretary General Commerce Development Digital Housing Planning
    Climate Water Fisheries Mines Petroleum Oil Veterans Affairs Relations Communications Information
    Youth Women Family Social Welfare Employment Investment Budget Revenue Customs Police Armed Forces
""")
# Lower-case role nouns that introduce or describe a person ("spokeswoman Hua Chunying",
# "Andrew Small, an expert at ...").
ROLE_NOUNS = _words("""
    president premier chancellor minister secretary senator congressman congresswoman governor mayor
    ambassador envoy consul commissioner king queen prince princess pope cardinal archbishop bishop
    spokesman spokeswoman spokesperson chairman chairwoman chair director chief executive ceo cfo coo
    founder co-founder owner head leader deputy official officer diplomat analyst expert economist
    professor lecturer researcher scientist fellow scholar historian author writer journalist
    reporter editor correspondent columnist commentator critic adviser advisor aide consultant lawyer
    attorney prosecutor judge justice lawmaker legislator politician candidate nominee activist
    campaigner strategist pollster manager coach captain player striker midfielder defender
    goalkeeper batsman bowler champion winner runner driver rider actor actress singer musician
    rapper producer director-general secretary-general general colonel commander admiral soldier
    general officer investor banker trader broker partner employee worker teacher student doctor
    surgeon nurse physician psychologist engineer architect designer artist photographer model
    businessman businesswoman entrepreneur billionaire millionaire tycoon magnate founder boss
    negotiator mediator representative delegate member citizen resident mother father son daughter
    wife husband brother sister widow widower friend colleague rival opponent supporter
    spokesmen spokeswomen officials analysts experts ministers leaders executives
""")
# Final words that make a capitalised phrase an organisation.
# Legal forms of companies as English news writes them; the abbreviated ones take a point
# ("NationsBank Corp."), which belongs to the name.
LEGAL_FORMS = _words("Inc Corp Co Ltd Plc PLC plc LLC LLP AG GmbH SA NV BV Bhd Bros Cos")
ABBREVIATED_LEGAL_FORMS = _words("Inc Corp Co Ltd Bros Cos")
# The legal forms that, after a name ("Nissan Motor Co"), say it is a company's; lower case
LEGAL_FORMS_AFTER = _words("inc corp ltd plc llc co")
# Last words of a company's full name that news drops after the first mention
# ("Mitsubishi Motors" ... "Mitsubishi").
COMPANY_TAILS = _words(
    "Motors Motor Group Holdings Holding Corporation Airlines Airways Industries Electronics "
    "Communications Pharmaceuticals Technologies Systems Entertainment Enterprises"
)

ORG_HEADS = _words("""
    Ministry Department Dept Office Bureau Agency Authority Administration Commission Committee
    Council Board Service Services Directorate Secretariat Inspectorate Cabinet Parliament
    Congress Senate Assembly Duma Knesset Bundestag Bundesrat Diet Legislature Court Tribunal
    Union Alliance Federation Confederation Association Organisation Organization League Society
    Institute Institution Foundation Fund Trust Endowment Center Centre Council Forum Coalition
    Movement Party Front Caucus Club Group Holdings Company Co Co. Corp Corp. Corporation Inc Inc.
    Incorporated Ltd Ltd. Limited LLC LLP plc PLC AG GmbH SA S.A. NV N.V. BV AB ASA Oyj SpA S.p.A.
    Bank Exchange Reserve Treasury Airlines Airways Railways Motors Industries Systems Technologies
    Technology Pharmaceuticals Energy Petroleum Oil Gas Telecom Telecommunications Communications
    Networks Media Press News Times Post Journal Herald Tribune Gazette Chronicle Observer Guardian
    Telegraph Mail Express Mirror Review Magazine Television TV Radio Broadcasting Studios Pictures
    Records Entertainment University College School Academy Polytechnic Seminary Hospital Clinic
    Church Mosque Temple Synagogue Diocese Army Navy Corps Force Forces Guard Police Command
    Brigade Regiment Battalion Division Squadron Fleet Team United City Rovers Wanderers Athletic
    Albion Olympic Olympique Sporting Rangers Hotspur FC F.C. CF AFC SC Racing Deportivo Real
    Partners Capital Securities Investments Insurance Assurance Group Brands Foods Stores Markets
    Mining Steel Chemicals Electric Electronics Software Labs Laboratories Motor Automotive Aviation
    Shipping Logistics Lines Cooperative Co-operative Consortium Syndicate Network Initiative
    Project Programme Program Commission Mission Delegation Embassy Consulate Bureau Registry
    Observatory Museum Gallery Library Archive Archives Orchestra Ballet Opera Theatre Theater
    Festival Festivals Awards Prize Games Championship Championships Cup League Series Open
    Research Consulting Consultancy Consultants Solutions Ventures Associates Analytics Strategies
    Advisors Advisers Management Resources Enterprises Publishing Publishers Productions Pharma
    Newsroom Newsdesk
""")
# Organisation heads that may open a name ("Bank of England", "Ministry of Defence").
ORG_OPENERS = _words("""
    Ministry Department Office Bureau Agency Commission Committee Council Board Court House
    University College School Institute Bank Church Union Federation Association League Society
    Organisation Organization Fund Museum Academy Army Navy Order Party Chamber Kingdom Republic
    Federal Supreme Parliament Assembly Government Cabinet Centre Center Foundation Friends
    Sisters Brotherhood Congress Conference Secretariat Port Embassy Consulate Diocese Archdiocese
""")
# Words that open a place's name before "of" ("Gulf of Mexico", "Republic of Korea").
PLACE_OPENERS = _words("""
    Gulf Bay Sea Isle Isles Strait Straits Cape Mount Lake Republic Kingdom Province City Island
    Islands Sultanate Emirate Commonwealth Principality Duchy Port
""")
# Final words that make a phrase a place ("Gaza Strip", "Red Sea", "Wall Street").
PLACE_HEADS = _words("""
    Street St. Avenue Ave Road Rd Boulevard Square Lane Drive Highway Bridge Tunnel Park Gardens
    River Lake Sea Ocean Gulf Bay Strait Straits Channel Canal Sound Island Islands Isles Peninsula
    Mountain Mountains Mount Mt Hills Hill Valley Desert Plain Plains Plateau Forest Coast Beach
    Cape Strip Bank Heights Delta Basin Falls Glacier Volcano Reef Region Province County District
    Territory Territories Oblast Krai Prefecture Governorate State Republic Kingdom Emirate
    Emirates Federation Commonwealth Square Airport Station Port Harbour Harbor Stadium Arena
    Palace Castle Cathedral Abbey Tower Village Town City Borough Quarter Neighbourhood Camp Base
""")
# Capitalised words that are never (part of) a name by themselves.
NOT_NAMES = _words("""
    I I'm I've I'd I'll Mr Mrs Ms Dr A An The This That These Those There Here Then When Where
    What Who Whom Whose Which Why How While Whereas Although Though Because Since As If Unless Until
    After Before During Despite Without With Within From Into Onto Upon About Above Below Under
    Over Between Among Against Through Throughout Toward Towards And But Or Nor For Yet So Also
    Still Even Just Only Not No Yes Nor Both Either Neither Each Every All Any Some Many Much More
    Most Few Several Such Other Another Same It Its It's He She They We You His Her Hers Their
    Theirs Our Ours Your Yours Him Them Us Me My Mine One Two Three Four Five Six Seven Eight Nine
    Ten First Second Third Last Next New Old Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December
    Today Yesterday Tomorrow Tonight Morning Afternoon Evening Night Week Weekend Month Year
    Christmas Easter Ramadan Eid Diwali Hanukkah Thanksgiving Halloween Spring Summer Autumn Fall
    Winter Please Thanks Thank Hello Oh Ah Yes OK Okay Sir Madam Mrs. Mr. Ms. Dr. Prof. Page Photo
    Image Picture Video Watch Read Click Share Comment Comments Reply Email Print Updated Published
    Posted Copyright Advertisement Editor's Note Notes Source Sources Related Breaking News Live
    Update Updates Analysis Opinion Editorial Feature Exclusive Interview Transcript Chapter Section
    Part Article Table Figure Appendix Vol Volume No Number Phase Stage Round Game Match Day Group
    Pool Final Finals Semi Quarter Half Time Overtime Score Scores Result Results Standings Points
    Played Won Lost Drawn Goals Pts Pct Division Conference League Cup Championship Session
    Internet Web Online Government Parliament Congress Senate Cabinet Administration State States
    Court Police Army Navy Ministry Department Agency Committee Council Commission Union Party
    Company Group Bank Board Office Bureau Service Center Centre Institute University Church
    President Minister Secretary General Chancellor Premier Governor Mayor King Queen Prince
    Chief Director Chairman Spokesman Spokeswoman Ambassador Senator Judge Justice Officer
    North South East West Northern Southern Eastern Western Central Upper Lower Greater Inner Outer
    Western-style God Lord Heaven Hell Bible Koran Quran Internet Web Earth Moon Sun Mars
""")
PARTICLES = _words("de del della der den van von da di du la le al el bin ibn bint ben ter zu dos das")
# The small words that join the capitalised words of one name ("Bank of England", "Ursula
# von der Leyen", "Procter & Gamble"), in the order a regular expression tries them
NAME_CONNECTORS = (
    "of the",
    *"of for and in &".split(),
    *"de del della der den van von da di du dos das la le al el bin ibn bint y ter zu".split(),
)
# Particles written joined to the next part of a name by a hyphen (al-Assad, bin-Salman)
HYPHENED_PARTICLES = ("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "abu", "ibn", "bin")

# Verbs and phrases that report speech; the key forms are matched lower-case.
SPEECH_VERBS = _words("""
    said says say saying told tells tell telling added adds adding asked asks asking
    stated states explained explains explaining noted notes noting wrote writes writing
    argued argues arguing insisted insists insisting claimed claims claiming warned warns warning
    declared declares announced announces announcing replied replies replying responded responds
    responding remarked remarks commented comments commenting continued continues continuing
    recalled recalls recalling admitted admits admitting acknowledged acknowledges conceded
    concedes suggested suggests suggesting tweeted tweets tweeting posted posts posting
    reported reports reporting quipped quips joked jokes jokingly shouted shouts yelled yells
    whispered whispers cried cries pleaded pleads urged urges urging vowed vows promised promises
    predicted predicts demanded demands countered counters observed observes mused muses
    complained complains boasted boasts confirmed confirms confirming denied denies denying
    testified testifies alleged alleges charged charges described describes describing
    called calls calling believes believed thinks thought stressed stresses stressing
    emphasised emphasized emphasises emphasizes maintained maintains contended contends
    pointed announced concluded concludes summed adds asserted asserts affirmed affirms
    reiterated reiterates repeated repeats echoed echoes agreed agrees disagreed disagrees
    cautioned cautions lamented laments proclaimed proclaims conceded told wondered wonders
    texted emailed messaged blogged captioned
""")
# Pronouns and the gender they carry for resolving a speaker.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

# Country adjectives and group names ("Chinese", "Ukrainians", "Democrats") that are
# typed `group`, not place, when they stand alone.
DEMONYMS = _words("""
    Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian
    Austrian Azerbaijani Azeri Bahamian Bahraini Bangladeshi Barbadian Belarusian Belgian Belizean
    Beninese Bhutanese Bolivian Bosnian Botswanan Brazilian British Bruneian Bulgarian Burkinabe
    Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Comoran
    Congolese Croatian Cuban Cypriot Czech Danish Djiboutian Dominican Dutch Ecuadorian Egyptian
    Emirati English Equatoguinean Eritrean Estonian Ethiopian Fijian Filipino Finnish French
    Gabonese Gambian Georgian German Ghanaian Greek Grenadian Guatemalan Guinean Guyanese Haitian
    Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian
    Jamaican Japanese Jordanian Kazakh Kazakhstani Kenyan Kiribati Korean Kosovan Kosovar Kuwaiti
    Kyrgyz Lao Laotian Latvian Lebanese Liberian Libyan Liechtensteiner Lithuanian Luxembourgish
    Macedonian Malagasy Malawian Malaysian Maldivian Malian Maltese Mauritanian Mauritian Mexican
    Moldovan Monegasque Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nepali
    Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palauan Palestinian Panamanian Papuan
    Paraguayan Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Salvadoran Samoan Saudi
    Scottish Senegalese Serbian Seychellois Singaporean Slovak Slovakian Slovenian Somali Somalian
    Spanish Sri Sudanese Surinamese Swazi Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai
    Togolese Tongan Tunisian Turkish Turkmen Tuvaluan Ugandan Ukrainian Uruguayan Uzbek Venezuelan
    Vietnamese Welsh Yemeni Zambian Zimbabwean Soviet European Asian African Arab Arabian Latin
    Nordic Scandinavian Baltic Balkan Caucasian Persian Kurdish Kurd Kurds Pashtun Tamil Sikh
    Hindu Muslim Christian Catholic Protestant Orthodox Jewish Buddhist Sunni Shia Shiite Islamic
    Western Eastern Communist Socialist Democrat Democratic Republican Conservative Liberal Labour
    Tory Green Maoist Marxist Leninist Gaullist Hispanic Latino Latina Caribbean Pacific Atlantic
    Mediterranean Americans Britons Chinese Russians
    Ukrainians Germans Europeans Asians Africans Arabs Israelis Palestinians Iranians Iraqis
    Afghans Syrians Turks Greeks Italians Spaniards Poles Czechs Hungarians Romanians Serbs Croats
    Bosnians Albanians Japanese Koreans Indians Pakistanis Australians Canadians Mexicans
    Brazilians Argentines Democrats Republicans Conservatives Liberals Tories Socialists
    Communists Christians Muslims Jews Catholics Protestants Sunnis Shiites Hindus Buddhists Sikhs
    Kiwi Aussie Yankee Yankees Gulf Franks Saxons Celtic Norse Viking Vikings Roman Romans
    Byzantine Ottoman Habsburg Qatari Emiratis Saudis Yemenis Omanis Kuwaitis Bahrainis Jordanians
    Lebanese Egyptians Libyans Tunisians Algerians Moroccans Sudanese Ethiopians Somalis Kenyans
    Nigerians Ghanaians Zimbabweans Zambians Ugandans Rwandans Congolese Angolans Mozambicans
    Filipinos Vietnamese Thais Malaysians Indonesians Singaporeans Burmese Cambodians Laotians
    Mongolians Tibetans Uighur Uighurs Uyghur Uyghurs Han Taiwanese Belarusians Georgians
    Armenians Azerbaijanis Kazakhs Uzbeks Tajiks Kyrgyz Turkmens Chechen Chechens Dagestani
    Scots Welsh Irish English Dutch Flemish Walloon Danes Swedes Norwegians Finns Icelanders
    Estonians Latvians Lithuanians Slovaks Slovenes Slovenians Bulgarians Macedonians
    Montenegrins Kosovars Moldovans Portuguese Swiss Austrians Belgians Luxembourgers Cypriots
    Maltese Venezuelans Colombians Peruvians Chileans Bolivians Ecuadorians Paraguayans
    Uruguayans Cubans Haitians Jamaicans Guatemalans Hondurans Salvadorans Nicaraguans
    Panamanians Dominicans Puerto Rican Puerto Ricans
""")
