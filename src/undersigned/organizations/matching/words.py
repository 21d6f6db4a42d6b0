"""Word tables of the name matcher: transliteration, vocabulary, glossaries, legal forms.

Data only, kept apart from the algorithm so that a word can be added without reading it. The
tables are written as the matcher's users see names: lower case, English canonical words first.
"""

HY_LETTERS = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "e",
    "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
    "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
    "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev", "ՙ": "",
}  # fmt: skip
RU_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip


def split_words(text: str) -> list[str]:
    """Split a word list written as one string."""
    return text.split()


# English words common in organisation names. Two different known words are never taken for
# typos of each other ("health" is not "wealth", "peace" is not "place"); a typo is a non-word.
VOCAB_TEXT = """
able abuse academic academy access accountability accountable action active activist activity
adult advanced advice advisory advocacy affair afghan africa against age agency agenda aging
agrarian agricultural agriculture aid alliance alternative alumni america american analysis
analytical analyze animal anti anticorruption applied arbitration archive area armed art article
artist arts asia assembly assistance association asylum athlete auditor authority autism aware
awareness bank bar basic basin being best better bible blind blog board body book border
bridge budget building bureau business call camp campaign cancer capacity care career caritas
caucasus cause center central centre chamber change charitable charity chess child children
christian church citizen city civic civil civilization class clean climate clinic club
coalition coexistence cognitive collaboration collective college commission committee common
communication community company competition conflict congress connect conscience conservation
constitution constitutional construction consumer contemporary control cooperation cooperative
coordination corporate corruption council counseling country court creative crime crisis
critical cultural culture current cyber dance data deaf death defender defense democracy
democratic democratization department deputy design detention develop development dialogue
digital diplomacy direct disability disabled disaster discrimination displaced diversity doctor
domestic donor drug early earth east eastern ecological ecology economic economics economy
ecosystem education educational effective elder elderly election electoral emergency
employment empowerment energy engagement engineering enterprise entrepreneur environment
environmental equal equality ethic ethnic eurasia euro europe european evaluation event
evidence excellence exchange expert expertise faith family farmer farming federation female
festival film finance financial fire first food for forest forum foundation free freedom
friend friendship front fund future game gender general generation global globalization
good governance government governmental grant green group growth guard guide habitat hand
health healthcare heart help helsinki heritage high history home hope hospital house housing
human humanitarian idea impact inclusion inclusive income independent independence informational
industry info information informed initiative innovation innovative institute institution
institutional institutionalization integration integrity intellectual interaction interest
international internet investigative investigation investment island journal journalism
journalist junior justice key kid knowledge labor lab laboratory land language law lawyer
leader leadership league learning legal legislation liberal liberty library life light
literacy literature living local long machine management market mass media mediation medical
medicine memory mental migrant migration military mind mine minority mission mobility model
modern monitoring mother mountain movement multi museum music mutual nation national native
nature network new news non nongovernmental nonprofit north northern observatory observer
office official old open opinion opportunity organization orphan outreach parent park
parliament parliamentary participation participatory partner partnership party patient peace
pen pension people person perspective philanthropy physical planet planning platform point
police policy political politic poor population positive post poverty power practice press
prevention prison prisoner private probation problem professional program progress project
promotion property prosperity protection psychological public publishing quality race radio
rapid reading reconciliation recovery reform refugee region regional rehabilitation relation
relief religion religious renaissance research resilience resource response responsibility
restoration revival right rural safe safety school science scientific sector security self
senior service sexual shelter sign smart social society solidarity solution sound south
southern space special sport stakeholder standard state statistic strategic strategy street
strengthening student studio study success support sustainable sustainability system talent
teacher team technology television territorial theater think tolerance torture tourism trade
tradition training transparency transport trust truth union united unity universal university
urban veteran victim village violence vision voice volunteer vote voter war watch water way
wealth welfare west western wildlife woman women work worker world writer young youth zone
advertising affected blockade border borders capital caring circle citizenship coast
cooperation creation defence dignity dialog earthquake editor electronic endangered
ethical extreme fair fairness farm flag flight forward foster frontier gathering golden
graduate harmony hearing heritage honest host humane inform informed interregional landmine
legacy lawyers letter lifelong lobby male march mentor ministry minor mobile morning narrative
neighbor neighborhood nest netherlands night nursing nutrition ombudsman orange order origin
outdoor pact parental path patriot pilot plan pledge pluralism poetry practical pride primary
prime print prize proper protest provider pure purpose quest radical rainbow reality rebirth
red refuge remote renewable republic rescue resident rise river road rule safeguard satellite
scholar search second secretariat seed shared shield silver site skill smile source spirit
spring square star start step stop story strong summit sun supreme survival table target tax
tech teen think third tomorrow tool town tree tribunal true unlimited upright valley value
wave white wing winner wisdom wish witness world year yellow zero
one two three four five six seven eight nine ten hundred thousand
about after all among and around as at before between beyond by from in into of on or out over
the through to toward under up with within without
"""

# More common English words, so that real words are never taken for typos of each other.
VOCAB_MORE = """
accident account achievement acquisition act actor adaptation addiction administration adoption
advance adventure advertisement adviser aerospace affordable aid aim air airport alarm alert
alive allergy allied ally alpine amateur ambassador ambition ambulance amendment anchor angel
anger angle animation anniversary answer anthem antique appeal apple application appointment
approach april arch architect architecture arena argument arm army arrow aspect asset
assistant athletic atlantic atom attack attention attitude attorney audience audit aurora
author auto automotive autonomy autumn avenue award baby back badge bakery balance ball ballet
band banner baptist barrier base basket battle bay beach beacon bear beauty bed bee beginning
behalf belief bell belt benefit bell bicycle bid big bike bill bio biology bird birth bit black
blade blank blessing block blood bloom blossom blue boat bold bond bone bonus boost border boss
botanical bottle bound box boy brain branch brand brave bread break breakfast breath breeze
brick bride brief bright brilliant broad broadcast brother brown buddy budget build burden
butterfly button buyer cabinet cable cafe cage cake calendar calm camera canal candle canyon
cap capable capital captain car carbon card cardinal cargo carpet carriage case cash castle
casual cat catalyst category cathedral cattle cave ceiling cell cemetery century ceremony
certificate chain chair chairman challenge champion chance channel chapter character charter
chase cheap check cheese chef chemical chemistry cherry chest chief childhood chip choice choir
chorus circus citadel claim clay clear clerk client cliff climb clock close cloth cloud coach
coal coat code coffee coin cold collection colony column combat comfort comic command commerce
commercial commitment commodity companion compass compassion complex component composer
compound computer concept concern concert concord condition conference confidence congress
connection consensus consent consortium constant consultancy consultant consulting contact
content contest context continent contract contribution convention conversation cook cool
copper copy coral core corner corporation correspondent cost costume cottage cotton counsel
count counter couple courage course cousin cover craft crane crash crew cricket crop crown
crystal cup cure curiosity currency curriculum curtain custom customer cycle daily dairy dam
damage dark date daughter dawn day deal dealer dear debate debt decade decision declaration
deep deer degree delegation delivery delta demand demography density dental deposit depth
desert desk destination destiny detail detective device diamond diaspora diet difference
dinner diploma direction director discovery discussion disease dish distance distribution
district dive dividend division dock document dog dollar dome domain door double dove draft
dragon drama dream dress drink drive driver drop drum dry duty eagle ear earnings ease echo
edge edition effect effort egg elder electric electricity element elephant elite email
embassy emerald emotion empire employee employer end enemy engine engineer entry envelope
epic episode equipment era error escape essence estate eternal evening exam example exhibition
exile exit expansion expedition experience experiment explorer export exposure express extension
eye fabric face fact factor factory faculty falcon fall fame fan fantasy fashion fast fat
father fault favorite fear feast feather feature fee feedback feeling fellow fellowship fence
fiction field fight figure file final fine finger fish fishing fitness fix flame flash fleet
flex floor flow flower fluid fly focus folk follow font football force foreign forge form
formation formula fortress fortune fountain fox frame franchise freight fresh friday fruit fuel
fun function funding furniture gain galaxy gallery gap garage garden gas gate gateway gear gem
gene genius genocide gentle geography giant gift girl glass glory glove goal goat gold golf
gospel grace grade grain grammar grand grandmother grape graphic grass gravity great grid grief
ground grove guardian guest guild guitar gulf habit hair half hall harbor hardware harvest hat
hawk head headquarters healing hearth heat heaven height helicopter hero highland highway hill
hint historic hobby hold holiday holy honey horizon horn horse host hostel hotel hour humor
hunger hunter ice icon identity image immigrant immigration impulse incident index indigenous
individual infant infrastructure ink inn input inquiry insight inspiration installation
instance instrument insurance intelligence interior internship interview invention inventor
investor invitation iron issue item ivory jacket jazz jewel job joint joke journey joy judge
juice jump jungle jury kernel keystone kind king kingdom kitchen knight knot label labyrinth
lace ladder lady lake lamp lane laser launch lawn layer lead leaf lecture legend lemon lesson
level lever liberation license lift limit line link lion lip list listener loan lodge logic
logistics loop lord loss lot lotus love loyalty luck lunch luxury magazine magic magnet maid
mail main major maker mall manager manual manufacturer map marble margin marine mark marriage
master match material matrix maximum meal meaning measure meat mechanic medal member
menu merchant mercy merit message metal method metro middle midnight mile milk mill million
miner mineral minimum minister miracle mirror mix mode moment monastery monday money monitor
monk monkey month monument moon moral mosaic motion motor mouse mouth multimedia muse muscle
mystery myth nail name narrow navy necklace need needle negotiation neighbor nerve net
newspaper noble node noise norm note notebook novel nurse oak object ocean offer olive olympic
online opera operation operator option oracle orchard orchestra organ organic orient orientation
outcome output owner oxygen pace package page pain paint painter pair palace palm panel panorama
paper parade paradise parallel parish partial particle passage passion passport past pastor
patch patent patrol pattern pause pay payment pearl pedestrian peer pen pencil peninsula
performance period permit phase phoenix phone photo photography phrase physician piano picture
piece pig pillar pine pink pioneer pipe pitch pixel place plain planet plant plastic plate play
player plaza pleasure plus pocket poem poet poetry pole pond pool pop port portal portrait
position possibility pot potato potential pottery powder prairie prayer premium presence present
president pressure price priest prince princess principle priority prize process producer
product production profession professor profile profit promise proof prophet proposal prospect
protocol provision psychology pub pulse pump pupil puzzle pyramid queen question quiet quote
rabbit race rail rain range rank rate ratio raw ray reach reader realm reason record recycling
reference reflection refuge regime register regulation relay release relevance remedy rent
repair report representative reputation request reserve resort respect rest restaurant result
retail retreat return revenue review revolution reward rhythm rice rich ride ridge ring ripple
risk ritual rival robot rock role roof room root rope rose round route routine royal rubber
ruby runner sacred saddle saint salary sale salt sample sand sanctuary satisfaction saturday
saving scale scene schedule scheme scope score screen script sculpture sea seal season seat
secret secretary section seeker segment selection seminar senate sense sentinel sequence serial
session setting settlement shadow shape share shark sheep shell shift ship shop shore shot
shoulder show shower side sight signal silence silk simple singer sister size sketch ski sky
slope snow soccer soft software soil soldier son song soul soup spark speaker spectrum speed
sphere spice spider spine sponsor spot staff stage stamp stand station statue steam steel stem
stock stone storage store storm stream strength string structure style subject submarine
suburb sugar suit summer sunday sunrise sunset super supply surface surgeon surgery survey
swan sweet swimming symbol symphony sympathy synergy tail tale tank tape task taste tea
teaching tear temple tempo tender tent term terminal terrace test text textile texture theme
theory therapy thought thread threshold thunder thursday ticket tide tiger timber time tip
title toast today toll tone tooth top topic torch total touch tour tower toy track tract
traffic trail train transfer transition translation travel treasure treaty trend trial
triangle tribe trip trophy tropical truck trumpet tuesday tunnel turn turtle tutor twin type
umbrella uncle unit universe update upgrade usage user utility vacation valve van vapor
variety vector vegetable vehicle velvet venture venue verse version vessel victory video view
villa vine vintage violin virtue visa visit visitor vital vocal volume voyage wage wall wallet
wander warehouse warrior wash waste wedding wednesday week weight well wheat wheel whisper
wife wild will willow win wind window wine winter wire witch wolf wonder wood wool word
worship wound yard yoga youngster zeal zest
abroad absolute abstract academic accessible accurate active actual acute additional adequate
adjacent adolescent advanced aerial affluent ageless agile alive alternative amazing ambient
ample ancient angry annual anonymous apostolic appropriate arctic armenian artistic asian
athletic atomic attractive authentic automatic available average awake aware bare basic
beautiful beloved beneficial beneficent biblical bilateral bilingual binary biological bitter
blessed blind bold brave brief brilliant broad brotherly busy calm capable careful caring
catholic central certain charming cheerful chemical chief chronic circular civilian classic
classical clean clever climatic clinical close coastal cognitive coherent colorful comfortable
commercial common compact comparative competent competitive complete comprehensive conscious
conservative considerable consistent constant constructive contemporary continental continuous
conventional cooperative core corporate correct cosmic countless courageous creative criminal
crucial culinary curious daily dark dead deaf dear decent decisive dedicated deep definite
delightful dental dependent desirable digital diligent diplomatic direct distant distinct
diverse divine domestic dominant double dramatic dual dynamic eager early eastern easy
ecclesiastic economical educated efficient elderly electric elegant elementary eligible
eminent endless enormous entire equal essential eternal ethical evangelical eventual evident
exact excellent exceptional exclusive existing exotic expensive experienced experimental
explicit external extra extraordinary fabulous faithful false familiar famous fantastic far
fatal favorable federal female fertile final financial fine firm fiscal fit flexible fluent
foreign formal former forthcoming fortunate frank fraternal frequent fresh friendly frontal
full functional fundamental funny general generous genetic gentle genuine geographic given
glad global glorious golden good gracious gradual grand grateful grave great gross guilty
handy happy hard harmful harmonious healthy heavy helpful hidden high historic historical holy
honest hopeful horizontal hospitable hostile hot huge humble humorous hungry ideal identical
illegal immediate immense imperial important impressive independent indigenous indirect
individual industrial inevitable infinite influential informal inherent initial inner innocent
instant integral intellectual intense interactive interim interior intermediate internal
intimate intrinsic invisible ironic islamic isolated jewish joint joyful judicial junior just
keen key kind known large late latin lateral leading lean left legendary legitimate lesser
liberal lifelong likely limited linear linguistic literary little lively logical lonely long
loose loud lovely loyal lucky lyrical magic magnificent main major male mandatory manual
marginal marine marital maritime martial massive mature maximal medieval medium memorable
mental mere merry metropolitan mid mild military mineral minimal minor mobile moderate modest
molecular monetary monthly moral mortal motivated mountainous multiple municipal musical
mutual mystic naked narrow natural naval near neat necessary negative neutral nice noble
normal notable novel nuclear numerous objective obvious occasional official okay olympic only
operational opposite optimal optional oral ordinary organic oriental original orthodox other
outstanding overall overseas pacific painful parallel partial particular passive past
patient patriotic peaceful peculiar permanent personal philosophical pleasant plenty poetic
polar polite popular portable positive possible potential powerful practical precious precise
pregnant preliminary premier present presidential pretty previous primary prime primitive
principal prior probable productive professional profound progressive prominent proper
prosperous protective proud provincial psychiatric pure quick quiet radical random rare
rational raw ready real realistic reasonable recent reciprocal regular relative relevant
reliable religious remarkable renewable representative republican residential resident
respectful responsible rich rigid rival robust romantic rough round royal rural sacred sad
safe sanitary scenic scholarly scientific seasonal secondary secret secular secure senior
sensitive separate serious severe sharp short significant silent silly similar simple
sincere single skilled slight slim slow small smart smooth sober solar sole solid sophisticated
sound sovereign spare spatial specific spectacular spiritual splendid spontaneous stable
standard steady steep sticky still strange strategic strict structural stunning subsequent
substantial subtle suburban successful sudden sufficient suitable sunny super superb superior
supportive supreme sure surgical surplus surprising suspicious sweet swift symbolic
sympathetic systematic talented tall technical temporary tender terrible territorial thematic
theoretical thick thin thorough tight tiny total tough toxic traditional tragic tremendous
tribal tropical true typical ultimate unable uncertain underground unemployed unfair unhappy
unified uniform unique universal unknown unlikely unusual upper upset urgent useful usual
vague valid valuable variable various vast verbal vertical vibrant vigorous violent virtual
visible visual vital vivid vocal vocational voluntary vulnerable warm weak wealthy weekly
weird welcome western wet whole wide widespread wild willing wise wonderful wooden working
worldwide worthy wrong young zealous
"""
# Places in Armenia and around it: proper names, so never typos of English words or of each other.
PLACES = """
yerevan gyumri vanadzor vagharshapat echmiadzin etchmiadzin abovyan kapan hrazdan armavir artashat
ijevan gavar goris charentsavan ararat masis artik sevan ashtarak dilijan sisian alaverdi
stepanavan martuni spitak vardenis yeghvard vedi byureghavan metsamor berd yeghegnadzor tashir
kajaran aparan vayk chambarak maralik noyemberyan talin jermuk meghri ayrum akhtala tumanyan
shamlugh dastakert agarak tsaghkadzor lori shirak tavush syunik vayots dzor gegharkunik kotayk
aragatsotn artsakh stepanakert shushi martakert hadrut askeran karabakh nagorno javakhk
akhalkalaki tbilisi moscow tehran baku ankara istanbul caucasus transcaucasia nakhichevan
arabkir avan davtashen erebuni kanaker zeytun malatia sebastia nork marash shengavit
ajapnyak kentron nubarashen aragats aragatz arpa vorotan debed akhuryan hrazdan azat garni
geghard khor virap tatev noravank haghpat sanahin sardarapat zvartnots amberd
"""

# Armenian and Russian words common in organisation names, by their English canonical word.
# "a|b" gives alternatives (Armenian իրավունք is both "right" and "law"); "a b" gives two words.
HY_GLOSSARY = {
    "public": "հասարակական հանրային",
    "organization": "կազմակերպություն",
    "non": "ոչ",
    "governmental": "կառավարական",
    "foundation": "հիմնադրամ",
    "fund": "ֆոնդ",
    "center": "կենտրոն",
    "club": "ակումբ",
    "union": "միություն",
    "association": "ասոցիացիա",
    "union|association": "միավորում",
    "coalition": "կոալիցիա",
    "network": "ցանց",
    "alliance": "դաշինք",
    "platform": "հարթակ",
    "institute": "ինստիտուտ",
    "committee": "կոմիտե հանձնաժողով",
    "council": "խորհուրդ",
    "assembly": "ասամբլեա",
    "chamber": "պալատ",
    "movement": "շարժում",
    "initiative": "նախաձեռնություն",
    "group": "խումբ",
    "partnership": "գործընկերություն",
    "federation": "ֆեդերացիա",
    "agency": "գործակալություն",
    "school": "դպրոց",
    "academy": "ակադեմիա",
    "women": "կին կանայք կանանց կնոջ",
    "youth": "երիտասարդական երիտասարդություն",
    "young|youth": "երիտասարդ",
    "child": "երեխա մանուկ մանկան",
    "family": "ընտանիք",
    "human": "մարդ մարդու",
    "right|law": "իրավունք",
    "law": "օրենք",
    "legal": "իրավական",
    "lawyer": "իրավաբան փաստաբան",
    "journalist": "լրագրող",
    "journalism": "լրագրություն",
    "media": "մեդիա լրատվամիջոց",
    "press": "մամուլ",
    "information": "տեղեկատվություն",
    "informed": "տեղեկացված իրազեկ",
    "citizen": "քաղաքացի",
    "civil|citizen": "քաղաքացիական",
    "society": "հասարակություն",
    "society|company": "ընկերություն",
    "university": "համալսարան համալսարանական",
    "red": "կարմիր",
    "cross": "խաչ",
    "house": "տուն",
    "informational|information": "տեղեկատվական",
    "community": "համայնք համայնքային",
    "development": "զարգացում",
    "protection": "պաշտպանություն",
    "defender": "պաշտպան",
    "democracy": "ժողովրդավարություն",
    "democratic": "ժողովրդավարական",
    "peace": "խաղաղություն",
    "dialogue": "երկխոսություն",
    "cooperation|partnership": "համագործակցություն",
    "regional": "տարածաշրջանային",
    "region": "տարածաշրջան մարզ",
    "globalization": "գլոբալացում",
    "analytical": "վերլուծական",
    "analysis": "վերլուծություն",
    "research": "հետազոտություն հետազոտական",
    "resource": "ռեսուրս ռեսուրսային",
    "transparency": "թափանցիկություն թրանսփարենսի",
    "anticorruption": "հակակոռուպցիոն",
    "corruption": "կոռուպցիա",
    "international": "միջազգային ինթերնեշնլ",
    "national": "ազգային",
    "local": "տեղական",
    "selfgovernment": "ինքնակառավարում",
    "government": "կառավարություն",
    "governance": "կառավարում",
    "system": "համակարգ",
    "strengthening": "ամրապնդում",
    "equal": "հավասար",
    "equality": "հավասարություն",
    "without": "առանց",
    "border": "սահման",
    "helsinki": "հելսինկյան",
    "agricultural": "գյուղատնտեսական",
    "agriculture": "գյուղատնտեսություն",
    "farmer": "ֆերմեր",
    "business": "բիզնես գործարար",
    "education": "կրթություն կրթական",
    "health": "առողջություն առողջապահական",
    "environmental": "բնապահպանական",
    "ecological": "էկոլոգիական",
    "green": "կանաչ",
    "social": "սոցիալական",
    "support": "աջակցություն",
    "disability": "հաշմանդամություն",
    "disabled": "հաշմանդամ",
    "worker": "աշխատող",
    "labor": "աշխատանքային",
    "freedom": "ազատություն",
    "speech": "խոսք",
    "election": "ընտրություն",
    "electoral": "ընտրական",
    "observer": "դիտորդ",
    "monitoring": "մշտադիտարկում",
    "open": "բաց",
    "economic": "տնտեսական",
    "culture": "մշակույթ",
    "cultural": "մշակութային",
    "heritage": "ժառանգություն",
    "justice": "արդարություն արդարադատություն",
    "policy": "քաղաքականություն",
    "political": "քաղաքական",
    "refugee": "փախստական",
    "humanitarian": "մարդասիրական հումանիտար",
    "migration": "միգրացիա",
    "veteran": "վետերան",
    "energy": "էներգետիկա էներգետիկ",
    "sustainable": "կայուն",
    "probation": "պրոբացիա",
    "victim": "զոհ տուժող",
    "violence": "բռնություն",
    "against": "դեմ",
    "crisis": "ճգնաժամային ճգնաժամ",
    "tolerance": "հանդուրժողականություն",
    "integration": "ինտեգրում",
    "european": "եվրոպական",
    "student": "ուսանող ուսանողական",
    "teacher": "ուսուցիչ",
    "volunteer": "կամավոր",
    "art": "արվեստ",
    "sport": "սպորտ",
    "new": "նոր",
    "future": "ապագա",
    "generation": "սերունդ",
    "village": "գյուղ",
    "rural": "գյուղական",
    "urban": "քաղաքային",
    "city": "քաղաք",
    "mountain": "լեռ լեռնային",
    "water": "ջուր",
    "animal": "կենդանի",
    "nature": "բնություն",
    "conservation": "պահպանություն",
    "charitable": "բարեգործական",
    "article": "հոդված",
    "secretariat": "քարտուղարություն",
    "office": "գրասենյակ",
    "branch": "մասնաճյուղ",
    "participatory": "մասնակցային",
    "participation": "մասնակցություն",
    "progress": "առաջընթաց",
    "partner": "գործընկեր",
    "armenia": "հայաստան հհ",
    "armenian": "հայկական հայ",
    "republic": "հանրապետություն",
    "and": "և եւ ու",
    "for": "համար հանուն",
    "of": "ի",
}
# Inflection endings of Armenian nouns and adjectives, longest first, with the replacement
# that restores the dictionary form.
HY_ENDINGS = (
    ("ությունների", "ություն"), ("ություններ", "ություն"), ("ությունները", "ություն"),
    ("ությունը", "ություն"), ("ությունն", "ություն"), ("ությամբ", "ություն"),
    ("ությունից", "ություն"), ("ության", "ություն"), ("ներից", ""), ("ներին", ""),
    ("ներով", ""), ("ների", ""), ("ները", ""), ("ներն", ""), ("երից", ""), ("երին", ""),
    ("երի", ""), ("երը", ""), ("երն", ""), ("ներ", ""), ("եր", ""), ("ում", ""),
    ("ման", "ում"), ("յից", ""), ("յին", ""), ("յի", ""), ("ից", ""), ("ով", ""), ("ին", ""),
    ("ի", ""), ("ը", ""), ("ն", ""),
)  # fmt: skip
# Endings written after an Armenian acronym with a hyphen, "ՀԿ-ն", "ՔՀԿ-ների".
HY_SUFFIX_WORDS = frozenset(e for e, _ in HY_ENDINGS) | {"ում", "ով", "ից", "ին", "ի"}
# Armenian two-word phrases, by their English canonical word.
HY_PHRASE_GLOSSARY = {
    ("շահույթ", "չհետապնդող"): ("nonprofit",),
    ("շրջակա", "միջավայր"): ("environment",),
    ("ոչ", "կառավարական"): ("nongovernmental",),
}
RU_GLOSSARY = {
    "public": "общественн",
    "organization": "организаци",
    "nongovernmental": "неправительственн",
    "nonprofit": "некоммерческ",
    "foundation": "фонд",
    "center": "центр",
    "club": "клуб",
    "union": "союз",
    "association": "ассоциаци объединени",
    "coalition": "коалици",
    "network": "сеть сети сетью",
    "alliance": "альянс",
    "platform": "платформ",
    "institute": "институт",
    "committee": "комитет",
    "council": "совет",
    "assembly": "ассамбле",
    "movement": "движени",
    "initiative": "инициатив",
    "group": "групп",
    "partnership": "партнерств",
    "women": "женщин женск",
    "youth": "молодеж молодежн",
    "young": "молод",
    "child": "дет детск ребенк",
    "family": "семь семейн",
    "human": "человек",
    "right|law": "прав",
    "law": "закон",
    "legal": "правов юридическ",
    "lawyer": "юрист адвокат",
    "journalist": "журналист",
    "media": "медиа сми",
    "press": "пресс",
    "information": "информаци информационн",
    "informed": "информированн",
    "citizen": "граждан",
    "civil|citizen": "гражданск",
    "society": "обществ",
    "community": "общин",
    "development": "развити",
    "protection": "защит",
    "defender": "защитник",
    "democracy": "демократи",
    "democratic": "демократическ",
    "peace": "мир",
    "dialogue": "диалог",
    "cooperation": "сотрудничеств",
    "regional": "региональн",
    "globalization": "глобализаци",
    "analytical": "аналитическ",
    "research": "исследовани исследовательск",
    "resource": "ресурс ресурсн",
    "transparency": "прозрачност трансперенси транспэренси",
    "new": "нов",
    "generation": "поколени",
    "house": "дом",
    "anticorruption": "антикоррупционн",
    "corruption": "коррупци",
    "international": "международн интернешнл интернэшнл",
    "national": "национальн",
    "local": "местн",
    "selfgovernment": "самоуправлени",
    "governance": "управлени",
    "equal": "равн",
    "equality": "равенств",
    "without": "без",
    "border": "границ",
    "helsinki": "хельсинкск хельсинск",
    "agricultural": "сельскохозяйственн",
    "business": "бизнес",
    "education": "образовани образовательн",
    "health": "здоровь здравоохранени",
    "environmental": "экологическ",
    "green": "зелен",
    "social": "социальн",
    "support": "поддержк",
    "disability": "инвалидност",
    "worker": "работник трудящ",
    "freedom": "свобод",
    "election": "выбор",
    "observer": "наблюдател",
    "open": "открыт",
    "economic": "экономическ",
    "culture": "культур",
    "justice": "правосуди справедливост",
    "policy": "политик",
    "refugee": "беженц",
    "humanitarian": "гуманитарн",
    "office": "офис",
    "branch": "филиал отделени",
    "charitable": "благотворительн",
    "article": "стать",
    "armenia": "армени",
    "armenian": "армянск",
    "republic": "республик",
    "interregional": "межрегиональн",
    "and": "и",
    "for": "для за",
    "of": "по",
    "in": "в во",
    "with": "с со",
}
RU_ENDINGS = frozenset(
    split_words(
        "а я ы и у ю е о ь й ой ей ий ый ая яя ое ее ые ие ого его ому ему ым им ом ем ами ями ах "
        "ях ов ев ам ям ую юю их ых ию ия ье ья ью ям"
    )
) | {""}

STOP_WORDS = frozenset(
    split_words("the of for and in on to a an at by with from into or de ev u va")
    + split_words("i v vo po dlya za na s so o ob ot k")
)
# Legal forms and organisation-type words that carry little evidence, by family. Phrases are
# matched on canonical words after stop words are dropped.
WEAK_PHRASES = {
    "ngo": [
        "ngo", "nongovernmental organization", "non governmental organization",
        "non government organization", "nongovernment organization", "public organization",
        "nonprofit organization", "non profit organization", "nonprofit", "npo", "nko", "oo",
        "hk", "hko", "organization", "cso", "civil society organization", "public association",
        "charitable organization", "nonprofit association", "roo", "moo", "khk",
    ],
    "company": [
        "llc", "ltd", "inc", "cjsc", "ojsc", "ooo", "zao", "oao", "spe", "pbe", "gmbh",
        "limited liability company", "closed joint stock company",
    ],
    "foundation": ["foundation", "charitable foundation", "hf", "bf"],
}  # fmt: skip
QUALIFIER_PHRASES = {
    "armenia": ["armenia", "armenian", "republic armenia", "ra", "hh", "hayastan"],
    "office": ["office", "branch", "branch office", "representation"],
}
CLAUSE_WORDS = frozenset(
    split_words("implementing representing represented acting which who whose behalf")
)

# British spellings and other variants, by their canonical spelling.
SPELLINGS = {
    "center": "centre", "theater": "theatre", "meter": "metre", "fiber": "fibre",
    "defense": "defence", "offense": "offence", "license": "licence", "program": "programme",
    "labor": "labour", "behavior": "behaviour", "color": "colour", "honor": "honour",
    "neighbor": "neighbour", "favor": "favour", "harbor": "harbour", "endeavor": "endeavour",
    "dialogue": "dialog", "catalog": "catalogue", "judgment": "judgement", "aging": "ageing",
    "counseling": "counselling", "modeling": "modelling", "traveling": "travelling",
    "analyze": "analyse", "paralyze": "paralyse", "catalyze": "catalyse",
    "women": "woman womens", "child": "children childrens", "nongovernmental": "nongovernment",
    "nonprofit": "notforprofit", "anticorruption": "antycorruption",
    "selfgovernment": "selfgovernance", "news": "news",
}  # fmt: skip
ISE_VERBS = split_words(
    "organis mobilis civilis realis recognis specialis modernis democratis criminalis legalis "
    "harmonis prioritis maximis minimis standardis optimis utilis institutionalis globalis "
    "decentralis stabilis normalis sensitis"
)
ISE_ENDINGS = ("e", "ed", "es", "ing", "er", "ation")
NO_PLURAL_S = frozenset(
    split_words(
        "news aids analysis basis crisis thesis status caucasus campus bus census virus corpus "
        "consensus lens atlas physics economics politics ethics mathematics statistics "
        "tennis paris always perhaps christmas series species"
    )
)


SKELETON_RULES = (
    ("shch", "sh"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "x"), ("gh", "g"),
    ("ch", "q"), ("tz", "c"), ("ts", "c"), ("ph", "f"), ("w", "v"), ("y", "i"), ("ou", "u"),
    ("ea", "e"), ("eu", "ev"),
)  # fmt: skip

# Legal-form words recognised through a typo ("Foudnation"), being weak evidence anyway.
LEGAL_WORDS = ("foundation", "organization", "nongovernmental", "governmental", "nonprofit")

# Words that say what kind of body an organisation is: never dropped as mere description.
TYPE_WORDS = frozenset(
    split_words(
        "coalition network union club center association institute committee council alliance "
        "federation forum platform movement group chamber assembly fund school academy agency "
        "house society office branch party league"
    )
)
