"""Match organisation names across spellings, scripts, legal forms and word order."""

# Signatory lists are pasted by hand, so one organisation appears as “Journalists’ Club
# “Asparez””, "Asparez Journalists Club", "«Ասպարեզ» լրագրողների ակումբ" or "TIAC". This
# module decides, with an explanation, whether two such spellings name the same organisation.
# Precision comes first: a wrong merge would publish an organisation under a statement it never
# signed, so every word that is not a legal form, a stop word or a country qualifier must be
# accounted for on both sides (exactly, by transliteration, as a compound, or as a typo of a
# long word) before two names are merged.
#
# The pipeline for one name:
#
# 1. normalize() folds quotes, dashes, case, punctuation and whitespace.
# 2. Each word is translated through a small Armenian/Russian glossary of words common in
#    organisation names (keeping its transliteration as an alternative), otherwise
#    transliterated to Latin (explicit Armenian and Russian tables, unidecode for the rest),
#    then spelled the American way and stripped of a plural or possessive "s".
# 3. Words are classed as content (distinguishing), legal form (weak: NGO, ՀԿ, НКО, LLC, and
#    "foundation", which only counts against another legal form), qualifier (Armenia, RA,
#    office) or stop word.
# 4. Two names are aligned as multisets of content words; a content word left over on either
#    side blocks the merge. Typos are only accepted in words of five letters or more, between
#    a known word and an unknown one (two known words are never typos of each other).
#
# Nothing here imports Django, so the module is usable from scripts, tasks and tests alike.

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA
from unidecode import unidecode

__all__ = [
    "ACRONYM_SCORE",
    "MATCH_THRESHOLD",
    "PROBABLE_THRESHOLD",
    "Match",
    "NameIndex",
    "cluster",
    "compare",
    "normalize",
    "transliterate",
]

#: Score at or above which two names are taken to be the same organisation.
MATCH_THRESHOLD = 90.0
#: Score at or above which a match is worth showing a person to confirm: a derived acronym, a
#: conflicting legal form, or a doubt about a name of one word. Pairs that differ in a
#: distinguishing word score at most 75, so they never reach it.
PROBABLE_THRESHOLD = 80.0
#: Score of a name that could be the acronym of another: a suggestion, never an automatic merge.
ACRONYM_SCORE = 86.0
#: Highest score of a pair that differs in a distinguishing word.
_BLOCKED_MAX = 75.0

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

_APOSTROPHES = "'’‘`´ʼʻ′‛՚"
_INNER_APOSTROPHE = re.compile(rf"(?<=[^\W\d_])[{_APOSTROPHES}](?=[^\W\d_])")
_NON_ALNUM = re.compile(r"[\W_]+")


class _MarkTable(dict):
    """A str.translate table that deletes combining marks, filled in as characters are seen."""

    def __missing__(self, code: int) -> str | None:
        value = None if unicodedata.category(chr(code)).startswith("M") else chr(code)
        self[code] = value
        return value


# Combining marks go, and so do Armenian emphasis, exclamation and question marks, which sit
# inside a word, and invisible joiners and soft hyphens.
_MARKS = _MarkTable.fromkeys(map(ord, "\u055b\u055c\u055e\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _fold(text: str, *, casefold: bool) -> str:
    """Return one pass of normalisation, keeping case when asked."""
    text = unicodedata.normalize("NFKC", text)
    if casefold:
        text = unicodedata.normalize("NFKC", text.casefold())
    if not text.isascii():
        text = text.translate(_MARKS)
    text = _INNER_APOSTROPHE.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def normalize(name: str) -> str:
    """Fold quotes, dashes, case, punctuation and whitespace of a name into a comparable string."""
    text = name
    for _ in range(4):
        folded = _fold(text, casefold=True)
        if folded == text:
            break
        text = folded
    return text


def _cased_words(name: str) -> list[str]:
    """Return the words of a name as normalize() splits them, but keeping their case."""
    return _fold(name, casefold=False).split()


# ---------------------------------------------------------------------------------------------
# Transliteration
# ---------------------------------------------------------------------------------------------

_HY = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "e",
    "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
    "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
    "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev", "ՙ": "",
}  # fmt: skip
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip
_ARMENIAN = re.compile(r"[\u0530-\u058f\ufb13-\ufb17]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_RU_ADJECTIVE = re.compile(r"й?ск(?:ий|ая|ое|ие|ого|ой|ом|их|им|ую|ому)$")


def _translit_hy_word(word: str) -> str:
    """Return the Latin spelling of one lower-case Armenian word."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if ch == "ո" and nxt == "ւ":
            out.append("u")
            i += 2
            continue
        if i == 0 and ch == "ե":
            out.append("ye")
        elif i == 0 and ch == "ո":
            out.append("vo")
        else:
            out.append(_HY.get(ch, ch))
        i += 1
    return "".join(out)


def transliterate(text: str) -> str:
    """Spell normalised Armenian, Cyrillic or other text in lower-case Latin letters."""
    words = []
    for word in text.split():
        if _ARMENIAN.search(word):
            word = _translit_hy_word(word)
        if _CYRILLIC.search(word):
            word = "".join(_RU.get(ch, ch) for ch in word)
        if not word.isascii():
            word = unidecode(word)
        words.append(_NON_ALNUM.sub("", word.lower()))
    return " ".join(w for w in words if w)


# ---------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """Split a word list written as one string."""
    return text.split()


# English words common in organisation names. Two different known words are never taken for
# typos of each other ("health" is not "wealth", "peace" is not "place"); a typo is a non-word.
_VOCAB_TEXT = """
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
_VOCAB_MORE = """
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
_PLACES = """
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
_HY_GLOSSARY = {
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
_HY_ENDINGS = (
    ("ությունների", "ություն"), ("ություններ", "ություն"), ("ությունները", "ություն"),
    ("ությունը", "ություն"), ("ությունն", "ություն"), ("ությամբ", "ություն"),
    ("ությունից", "ություն"), ("ության", "ություն"), ("ներից", ""), ("ներին", ""),
    ("ներով", ""), ("ների", ""), ("ները", ""), ("ներն", ""), ("երից", ""), ("երին", ""),
    ("երի", ""), ("երը", ""), ("երն", ""), ("ներ", ""), ("եր", ""), ("ում", ""),
    ("ման", "ում"), ("յից", ""), ("յին", ""), ("յի", ""), ("ից", ""), ("ով", ""), ("ին", ""),
    ("ի", ""), ("ը", ""), ("ն", ""),
)  # fmt: skip
# Endings written after an Armenian acronym with a hyphen, "ՀԿ-ն", "ՔՀԿ-ների".
_HY_SUFFIX_WORDS = frozenset(e for e, _ in _HY_ENDINGS) | {"ում", "ով", "ից", "ին", "ի"}
# Armenian two-word phrases, by their English canonical word.
_HY_PHRASE_GLOSSARY = {
    ("շահույթ", "չհետապնդող"): ("nonprofit",),
    ("շրջակա", "միջավայր"): ("environment",),
    ("ոչ", "կառավարական"): ("nongovernmental",),
}
_RU_GLOSSARY = {
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
_RU_ENDINGS = frozenset(
    _words(
        "а я ы и у ю е о ь й ой ей ий ый ая яя ое ее ые ие ого его ому ему ым им ом ем ами ями ах "
        "ях ов ев ам ям ую юю их ых ию ия ье ья ью ям"
    )
) | {""}

_STOP = frozenset(
    _words("the of for and in on to a an at by with from into or de ev u va")
    + _words("i v vo po dlya za na s so o ob ot k")
)
# Legal forms and organisation-type words that carry little evidence, by family. Phrases are
# matched on canonical words after stop words are dropped.
_WEAK_PHRASES = {
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
_QUALIFIER_PHRASES = {
    "armenia": ["armenia", "armenian", "republic armenia", "ra", "hh", "hayastan"],
    "office": ["office", "branch", "branch office", "representation"],
}
_CLAUSE_WORDS = frozenset(
    _words("implementing representing represented acting which who whose behalf")
)

# British spellings and other variants, by their canonical spelling.
_SPELLINGS = {
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
_ISE_VERBS = _words(
    "organis mobilis civilis realis recognis specialis modernis democratis criminalis legalis "
    "harmonis prioritis maximis minimis standardis optimis utilis institutionalis globalis "
    "decentralis stabilis normalis sensitis"
)
_ISE_ENDINGS = ("e", "ed", "es", "ing", "er", "ation")
_NO_PLURAL_S = frozenset(
    _words(
        "news aids analysis basis crisis thesis status caucasus campus bus census virus corpus "
        "consensus lens atlas physics economics politics ethics mathematics statistics "
        "tennis paris always perhaps christmas series species"
    )
)


def _spell(word: str) -> str:
    """Return the canonical (American, singular) spelling of one Latin word."""
    if word in _NO_PLURAL_S:
        return word
    if len(word) >= 5 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word in _SPELLING_MAP:
        return _SPELLING_MAP[word]
    if "isation" in word:
        word = word.replace("isation", "ization")
    for stem in _ISE_VERBS:
        if word.startswith(stem) and word[len(stem) :] in _ISE_ENDINGS:
            word = stem[:-1] + "z" + word[len(stem) :]
            break
    return _SPELLING_MAP.get(word, word)


_SPELLING_MAP: dict[str, str] = {}
for _canonical, _variants in _SPELLINGS.items():
    for _variant in _variants.split():
        _SPELLING_MAP[_variant] = _canonical

_VOCAB = frozenset(_spell(w) for w in (_VOCAB_TEXT + _VOCAB_MORE + _PLACES).split())


def _gloss_entries(glossary: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Return a lookup from native words to their canonical English words."""
    table: dict[str, tuple[str, ...]] = {}
    for english, natives in glossary.items():
        words = tuple(english.split())
        for native in natives.split():
            table.setdefault(native, words)
    return table


_HY_TABLE = _gloss_entries(_HY_GLOSSARY)
_RU_TABLE = _gloss_entries(_RU_GLOSSARY)
_VOCAB = _VOCAB | frozenset(
    alt
    for entry in (*_HY_TABLE.values(), *_RU_TABLE.values())
    for word in entry
    for alt in word.split("|")
)


def _hy_lookup(word: str) -> tuple[str, ...] | None:
    """Return the English words for an Armenian word, trying common inflection endings."""
    found = _HY_TABLE.get(word)
    if found:
        return found
    for ending, replacement in _HY_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            found = _HY_TABLE.get(word[: -len(ending)] + replacement)
            if found:
                return found
    return None


def _hy_phrase(first: str, second: str) -> tuple[str, ...] | None:
    """Return the English words for a two-word Armenian phrase, if it is one."""
    if not _ARMENIAN.search(first):
        return None
    for lemma in (second, *(second[: -len(e)] + r for e, r in _HY_ENDINGS if second.endswith(e))):
        found = _HY_PHRASE_GLOSSARY.get((first, lemma))
        if found:
            return found
    return None


def _ru_lookup(word: str) -> tuple[str, ...] | None:
    """Return the English words for a Russian word, trying common inflection endings."""
    word = word.replace("ё", "е")
    for cut in range(min(4, len(word) - 2) + 1):
        stem, ending = word[: len(word) - cut], word[len(word) - cut :]
        if ending in _RU_ENDINGS and stem in _RU_TABLE:
            return _RU_TABLE[stem]
    return None


# ---------------------------------------------------------------------------------------------
# Words and parsed names
# ---------------------------------------------------------------------------------------------

_CONTENT, _QUALIFIER, _WEAK, _STOP_KIND = 0, 1, 2, 3

_SKELETON_RULES = (
    ("shch", "sh"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "x"), ("gh", "g"),
    ("ch", "q"), ("tz", "c"), ("ts", "c"), ("ph", "f"), ("w", "v"), ("y", "i"), ("ou", "u"),
    ("ea", "e"), ("eu", "ev"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def _skeleton(word: str) -> str:
    """Return a coarse phonetic key of a transliterated word (kh=x, ts=c, y=i, ye-=e-)."""
    if word.startswith("ye") or (word.startswith("vo") and len(word) > 3):
        word = word[1:]
    for old, new in _SKELETON_RULES:
        word = word.replace(old, new)
    return _DOUBLE.sub(r"\1", word)


class _Word:
    """One canonical word of a parsed name."""

    __slots__ = (
        "acr",
        "forms",
        "initial",
        "kind",
        "latin",
        "pos",
        "skel",
        "surface",
        "text",
        "vocab",
    )

    def __init__(
        self,
        text: str,
        forms: tuple[str, ...],
        surface: str,
        initial: str,
        *,
        vocab: bool,
        acr: bool = False,
        latin: str = "",
    ) -> None:
        self.text = text
        self.forms = forms
        self.latin = latin if latin and latin not in forms else ""
        self.surface = surface
        self.initial = initial
        self.vocab = vocab
        self.acr = acr
        self.kind = _CONTENT
        self.pos = 0
        self.skel = () if text.isdigit() else _skeletons(forms)


@lru_cache(maxsize=200_000)
def _skeletons(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Return the distinct skeletons of a word's forms."""
    return tuple(dict.fromkeys(_skeleton(f) for f in forms))


# Legal-form words recognised through a typo ("Foudnation"), being weak evidence anyway.
_LEGAL_WORDS = ("foundation", "organization", "nongovernmental", "governmental", "nonprofit")


def _legal_word_typo(text: str) -> str | None:
    """Return the legal-form word a misspelt word stands for, if any."""
    for word in _LEGAL_WORDS:
        limit = 1 if len(word) < 8 else 2
        if (
            text[0] == word[0]
            and abs(len(text) - len(word)) <= limit
            and OSA.distance(text, word, score_cutoff=limit) <= limit
        ):
            return word
    return None


@lru_cache(maxsize=200_000)
def _canon_word(word: str) -> tuple[tuple[tuple[str, ...], bool, str], ...]:
    """Return the canonical forms of one normalised word: forms, known English, plain Latin."""
    gloss = None
    if _ARMENIAN.search(word):
        gloss = _hy_lookup(word)
    elif _CYRILLIC.search(word):
        gloss = _ru_lookup(word)
    latin = transliterate(word).replace(" ", "")
    if gloss:
        if len(gloss) == 1 and latin:
            # «Մշակույթ» is "culture", but also the proper name Mshakuyt.
            return (((*gloss[0].split("|"), _spell(latin)), True, latin),)
        return tuple((tuple(w.split("|")), True, "") for w in gloss)
    if not latin:
        return ()
    text = _spell(latin)
    vocab = text in _VOCAB
    if not vocab and len(text) >= 6:
        legal = _legal_word_typo(text)
        if legal:
            return (((legal,), True, latin),)
    forms = [text]
    # Place names inflect: Armenian genitive "Երևանի", Russian adjective "Ереванский".
    bare = ""
    if _ARMENIAN.search(word) and word.endswith("ի") and len(word) >= 5:
        bare = word[:-1]
    elif _CYRILLIC.search(word):
        bare = _RU_ADJECTIVE.sub("", word)
    if bare and bare != word:
        alt = _spell(transliterate(bare).replace(" ", ""))
        if alt and alt != text:
            forms.insert(0, alt)
    return ((tuple(forms), vocab, latin),)


@lru_cache(maxsize=4096)
def _phrase_table(kind: str) -> dict[tuple[str, ...], str]:
    """Return the weak or qualifier phrases as tuples of canonical words, by family."""
    source = _WEAK_PHRASES if kind == "weak" else _QUALIFIER_PHRASES
    table = {}
    for family, phrases in source.items():
        for phrase in phrases:
            words = tuple(_spell(w) for w in phrase.split())
            table[words] = family
    return table


_MAX_PHRASE = 4


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """Return the words that begin a legal-form or qualifier phrase."""
    return frozenset(p[0] for kind in ("weak", "qualifier") for p in _phrase_table(kind))


@lru_cache(maxsize=200_000)
def _lower(token: str) -> str:
    """Return a word as normalize() would give it, given the word with its case."""
    return normalize(token)


class _Name:
    """A parsed spelling of an organisation name."""

    __slots__ = (
        "content",
        "families",
        "note",
        "penalty",
        "qualifiers",
        "raw",
        "weak",
        "words",
    )

    def __init__(self, raw: str, words: list[_Word], note: str = "", penalty: float = 0) -> None:
        self.raw = raw
        self.note = note
        self.penalty = penalty
        self.words = words
        self.content = [w for w in words if w.kind == _CONTENT]
        self.qualifiers = [w for w in words if w.kind == _QUALIFIER]
        self.weak = [w for w in words if w.kind == _WEAK]
        self.families = frozenset(w.forms[0] for w in self.weak)

    def initials(self) -> set[str]:
        """Return the acronyms this name could be abbreviated to."""
        return _initials(self.words)


def _initials(words: list[_Word]) -> set[str]:
    """Return the acronyms a sequence of words could be abbreviated to."""
    content = [w for w in words if w.kind == _CONTENT]
    core = [w for w in words if w.kind in (_CONTENT, _QUALIFIER)]
    with_stop = [w for w in words if w.kind != _WEAK]
    no_stop = [w for w in words if w.kind != _STOP_KIND]
    out = set()
    for seq in (content, core, with_stop, no_stop):
        if len(seq) >= 2:
            out.add("".join(w.initial for w in seq))
            out.add("".join(w.text[0] for w in seq if w.text))
    return out


def _build_words(cased: list[str]) -> list[_Word]:
    """Return the canonical words of a name given its normalised words with their case."""
    # Join runs of single letters ("T.I.A.C." -> "tiac").
    merged: list[tuple[str, bool]] = []
    run: list[str] = []
    # In a name written all in capitals, no word stands out as an acronym.
    mixed = len(cased) == 1 or any(not t.isupper() for t in cased if len(t) > 1)
    previous_upper = False
    for token in [*cased, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if len(run) >= 2:
            merged.append(("".join(run).casefold(), True))
        else:
            merged.extend((r.casefold(), False) for r in run)
        run = []
        if token:
            lowered = _lower(token)
            previous = merged[-1][0] if merged else ""
            if lowered in _HY_SUFFIX_WORDS and _ARMENIAN.search(previous) and previous_upper:
                continue
            upper = mixed and token.isupper() and 2 <= len(token) <= 8
            previous_upper = token.isupper()
            merged.append((lowered, upper))
    words: list[_Word] = []
    i = 0
    while i < len(merged):
        token, upper = merged[i]
        # Two-word Armenian glossary phrases.
        phrase = _hy_phrase(token, merged[i + 1][0]) if i + 1 < len(merged) else None
        if phrase:
            initial = token[:1]
            for english in phrase:
                words.append(_Word(english, (english,), token, initial, vocab=True))
            i += 2
            continue
        initial = token[:1]
        for forms, vocab, latin in _canon_word(token):
            words.append(
                _Word(
                    forms[0],
                    forms,
                    token,
                    initial,
                    vocab=vocab,
                    acr=upper and not vocab,
                    latin=latin,
                )
            )
        i += 1
    for pos, word in enumerate(words):
        word.pos = pos
    _classify(words)
    return words


def _classify(words: list[_Word]) -> None:
    """Mark legal forms, qualifiers and stop words among the words of a name, in place."""
    for word in words:
        if word.text in _STOP:
            word.kind = _STOP_KIND
    rest = [w for w in words if w.kind != _STOP_KIND]
    weak = _phrase_table("weak")
    qualifiers = _phrase_table("qualifier")
    starts = _phrase_starts()
    i = 0
    while i < len(rest):
        step = 1
        if rest[i].text not in starts:
            i += 1
            continue
        for size in range(min(_MAX_PHRASE, len(rest) - i), 0, -1):
            phrase = tuple(w.text for w in rest[i : i + size])
            kind, family = _WEAK, weak.get(phrase)
            if family is None:
                kind, family = _QUALIFIER, qualifiers.get(phrase)
            # A legal form alone is the name itself ("Public Organization").
            if family is None or size == len(rest):
                continue
            for word in rest[i : i + size]:
                word.kind = kind
                word.forms = (family, word.text)
            step = size
            # A one-letter Armenian article after a legal form ("ՀԿ-ն").
            after = rest[i + size] if i + size < len(rest) else None
            if kind == _WEAK and after is not None and len(after.text) == 1:
                after.kind = _WEAK
                after.forms = (family, after.text)
                step += 1
            break
        i += step
    # An acronym of the name written inside it, "(TIAC)", is no new word.
    content = [w for w in words if w.kind == _CONTENT]
    if len(content) >= 3:
        for word in content:
            if not word.acr:
                continue
            others = _initials([w for w in words if w is not word])
            if word.text in others or word.surface in others:
                word.kind = _STOP_KIND


@lru_cache(maxsize=100_000)
def _parse(raw: str) -> tuple[_Name, ...]:
    """Return the parsed spellings of a name: as written, and without asides or clauses."""
    cased = _cased_words(raw)
    names = [_Name(raw, _build_words(cased))]
    if "(" in raw and ")" in raw:
        bare = re.sub(r"\([^()]*\)", " ", raw)
        bare_words = _cased_words(bare)
        if bare_words and bare_words != cased:
            names.append(_Name(raw, _build_words(bare_words), "ignoring the part in brackets", 3))
    lowered = [w.casefold() for w in cased]
    for i, word in enumerate(lowered):
        is_clause = word in _CLAUSE_WORDS or (
            word == "member" and i + 1 < len(lowered) and lowered[i + 1] == "of"
        )
        if i >= 2 and is_clause:
            head = _build_words(cased[:i])
            if any(w.kind == _CONTENT for w in head):
                note = f"ignoring '{' '.join(lowered[i : i + 3])} …'"
                names.append(_Name(raw, head, note, 3))
            break
    quoted = _quoted_name(raw, names[0])
    if quoted is not None:
        names.append(quoted)
    return tuple(names)


_QUOTED = re.compile(r"[“«„\"”]|,,|<<")
_QUOTE_PAIRS = re.compile(
    r"“([^”“]+)[”“]|«([^»]+)»|„([^“”]+)[“”]|\"([^\"]+)\"|,,(.+?)(?:''|“|\")|<<(.+?)>>"
)
# Words that say what kind of body an organisation is: never dropped as mere description.
_TYPE_WORDS = frozenset(
    _words(
        "coalition network union club center association institute committee council alliance "
        "federation forum platform movement group chamber assembly fund school academy agency "
        "house society office branch party league"
    )
)


def _quoted_name(raw: str, full: _Name) -> _Name | None:
    """Return the quoted part of a name with its legal form, if the rest only describes it."""
    # In “Bridge of Hope” Humanitarian NGO the quoted words are the name proper and
    # "humanitarian" a description that other spellings often leave out. The rest may only
    # hold known descriptive words: no place names and no type of body (club, coalition).
    if not _QUOTED.search(raw):
        return None
    found = _QUOTE_PAIRS.search(raw)
    if not found:
        return None
    inner = next(g for g in found.groups() if g)
    rest = raw[: found.start()] + " " + raw[found.end() :]
    inner_words = _build_words(_cased_words(inner))
    rest_words = _build_words(_cased_words(rest))
    if not any(w.kind == _CONTENT for w in inner_words):
        return None
    described = [w for w in rest_words if w.kind == _CONTENT]
    if not described or any(not w.vocab or w.text in _TYPE_WORDS for w in described):
        return None
    words = inner_words + [w for w in rest_words if w.kind in (_WEAK, _QUALIFIER)]
    for pos, word in enumerate(words):
        word.pos = pos
    shown = " ".join(w.surface for w in described)
    return _Name(raw, words, f"taking the quoted name without '{shown}'", 6)


# ---------------------------------------------------------------------------------------------
# Comparing two parsed names
# ---------------------------------------------------------------------------------------------


def _typo_distance(a: _Word, b: _Word) -> int | None:
    """Return the edit distance of two words if one may be a typo of the other, else None."""
    if a.vocab and b.vocab:
        return None
    if a.acr or b.acr or a.text.isdigit() or b.text.isdigit():
        return None
    best = None
    for ta in (*a.forms, a.latin) if a.latin else a.forms:
        for tb in (*b.forms, b.latin) if b.latin else b.forms:
            if not ta or not tb:
                continue
            shortest = min(len(ta), len(tb))
            if shortest < 5 or ta[0] != tb[0]:
                continue
            limit = 1 if shortest < 8 else 2
            if abs(len(ta) - len(tb)) > limit:
                continue
            distance = OSA.distance(ta, tb, score_cutoff=limit)
            if distance <= limit and (best is None or distance < best):
                best = distance
    return best


def _same_skeleton(a: _Word, b: _Word) -> bool:
    """Return whether two words sound alike once transliteration habits are folded."""
    if a.vocab and b.vocab:
        return False
    return any(len(k) >= 3 and k in b.skel for k in a.skel)


def _surface(word: _Word) -> str:
    """Return how a word is shown in an explanation."""
    return word.surface if word.surface != word.text else word.text


def _align(
    left: list[_Word], right: list[_Word], notes: list[str]
) -> tuple[float, list[_Word], list[_Word], list[tuple[_Word, _Word]]]:
    """Match the words of two names; return the penalty, the leftovers and the pairs in order."""
    penalty = 0.0
    pairs: list[tuple[_Word, _Word]] = []
    free_r = list(right)
    free_l: list[_Word] = []
    for word in left:
        for j, other in enumerate(free_r):
            if word.forms[0] == other.forms[0] or (
                (len(word.forms) > 1 or len(other.forms) > 1)
                and not set(word.forms).isdisjoint(other.forms)
            ):
                pairs.append((word, other))
                if word.surface != other.surface:
                    _note_script(word, other, notes)
                del free_r[j]
                break
        else:
            free_l.append(word)
    if free_l and free_r:
        # Transliteration variants: Yerevan/Erevan, Vanadzor/Ванадзор, -yan/-ian.
        for word in list(free_l):
            for j, other in enumerate(free_r):
                if _same_skeleton(word, other):
                    pairs.append((word, other))
                    free_l.remove(word)
                    del free_r[j]
                    penalty += 1
                    _note(notes, f"transliteration {word.surface}≈{other.surface}")
                    break
    if free_l and free_r:
        penalty += _compounds(free_l, free_r, pairs, notes)
    if free_l and free_r:
        candidates = []
        for word in free_l:
            for other in free_r:
                distance = _typo_distance(word, other)
                if distance is not None:
                    candidates.append((distance, word.pos, other.pos, word, other))
        candidates.sort(key=lambda c: c[:3])
        for distance, _, _, word, other in candidates:
            if word in free_l and other in free_r:
                free_l.remove(word)
                free_r.remove(other)
                pairs.append((word, other))
                penalty += 3.0 * distance
                _note(notes, f"typo: {word.surface}≈{other.surface}")
    return penalty, free_l, free_r, pairs


def _compounds(
    free_l: list[_Word],
    free_r: list[_Word],
    pairs: list[tuple[_Word, _Word]],
    notes: list[str],
) -> float:
    """Match a word written as one on one side and as two or three on the other, in place."""
    penalty = 0.0
    for free_j, free_s, joined_left in ((free_l, free_r, True), (free_r, free_l, False)):
        if len(free_s) < 2:
            continue
        for word in [w for w in free_j if len(w.text) >= 6]:
            run = _compound_run(word.text, sorted(free_s, key=lambda w: w.pos))
            if run:
                free_j.remove(word)
                for part in run:
                    free_s.remove(part)
                    # Pairs are (left, right) whichever side wrote the word as one.
                    pairs.append((word, part) if joined_left else (part, word))
                penalty += 1
                _note(notes, f"{word.text} written as {' '.join(w.text for w in run)}")
    return penalty


def _compound_run(text: str, ordered: list[_Word]) -> list[_Word] | None:
    """Return two or three adjacent words that spell a word when written together."""
    for start, first in enumerate(ordered):
        if not text.startswith(first.text) or len(first.text) == len(text):
            continue
        joined, run = first.text, [first]
        for nxt in ordered[start + 1 : start + 3]:
            if nxt.pos != run[-1].pos + 1:
                break
            joined += nxt.text
            run.append(nxt)
            if joined == text:
                return run
            if not text.startswith(joined):
                break
    return None


def _note_script(word: _Word, other: _Word, notes: list[str]) -> None:
    """Note a word matched across scripts, by translation or transliteration."""
    native = word if not word.surface.isascii() else other
    if native.surface.isascii():
        return
    latin = other if native is word else word
    how = "translated" if native.vocab else "transliterated"
    _note(notes, f"{how} {native.surface}={latin.surface}")


def _note(notes: list[str], note: str) -> None:
    """Add a note to an explanation once."""
    if note not in notes:
        notes.append(note)


def _acronym_of(word: _Word, words: list[_Word], name: _Name) -> bool:
    """Return whether a word is the acronym of a run of words in order."""
    if len(words) < 2 or not word.text.isalpha():
        return False
    first = min(w.pos for w in words)
    last = max(w.pos for w in words)
    span = [w for w in name.words if first <= w.pos <= last and w.kind != _WEAK]
    if sum(1 for w in span if w.kind == _CONTENT) != len(words):
        return False
    for seq in (words, span):
        if word.surface == "".join(w.initial for w in seq):
            return True
        if word.text == "".join(w.text[0] for w in seq):
            return True
    return False


def _words_list(words: Iterable[_Word]) -> str:
    """Return words quoted for an explanation."""
    return ", ".join(f"'{_surface(w)}'" for w in words)


def _score(a: _Name, b: _Name) -> tuple[float, str]:
    """Return the score and explanation of two parsed names."""
    notes: list[str] = []
    if not a.content or not b.content:
        if not a.content and not b.content and a.words and b.words:
            same = [w.text for w in a.words] == [w.text for w in b.words]
            if same:
                return 100.0, "same words"
        return 0.0, "nothing to compare once legal forms are set aside"
    penalty, free_a, free_b, pairs = _align(a.content, b.content, notes)
    if free_a or free_b:
        acronym = _acronym_match(a, b, free_a, free_b)
        if acronym:
            return ACRONYM_SCORE, acronym
        matched = len(a.content) - len(free_a) + len(b.content) - len(free_b)
        share = matched / (len(a.content) + len(b.content))
        if free_a and free_b:
            why = f"different words: {_words_list(free_a)} vs {_words_list(free_b)}"
        else:
            side = "first" if free_a else "second"
            why = f"{_words_list(free_a or free_b)} only in the {side} name"
        return round(_BLOCKED_MAX * share, 1), why
    # Word order.
    order_a = [p[0].pos for p in sorted(pairs, key=lambda p: p[1].pos)]
    if order_a != sorted(order_a):
        penalty += 0.5
        _note(notes, "word order")
    # Qualifiers (Armenia, RA) left on one side.
    quals_a = {w.forms[0] for w in a.qualifiers}
    quals_b = {w.forms[0] for w in b.qualifiers}
    if quals_a != quals_b:
        penalty += 3
        lone_q = [w for w in (*a.qualifiers, *b.qualifiers) if w.forms[0] not in quals_a & quals_b]
        _note(notes, f"qualifier {_words_list(lone_q[:1])}")
    legal = _legal_form_penalty(a, b, notes)
    penalty += legal
    for name in (a, b):
        if name.note:
            penalty += name.penalty
            _note(notes, name.note)
    score = 100.0 - penalty
    # With one word to go on, any doubt (a typo, a dropped qualifier or foundation) is too much;
    # with more, at most one word in three may be a typo.
    typos = sum(1 for n in notes if n.startswith("typo"))
    words = min(len(a.content), len(b.content))
    if words == 1 and (typos or quals_a != quals_b or legal >= 5):
        score = min(score, 85.0)
        _note(notes, "only one distinguishing word")
    elif typos > max(1, words // 3):
        score = min(score, 85.0)
        _note(notes, "too many typos")
    if not notes:
        if normalize(a.raw) == normalize(b.raw):
            return 100.0, "identical after normalising quotes, dashes and case"
        return 100.0, "same words after normalising punctuation, plurals and spelling"
    if score >= MATCH_THRESHOLD:
        return score, "same name after " + "; ".join(notes)
    return max(score, 0.0), "close, but " + "; ".join(notes)


def _legal_form_penalty(a: _Name, b: _Name, notes: list[str]) -> float:
    """Return the penalty for legal forms that differ, noting them."""
    if a.families == b.families:
        if sorted(w.text for w in a.weak) != sorted(w.text for w in b.weak):
            _note(notes, f"legal form {_legal_forms(a, b, a.families)}")
        return 0.0
    only_a = a.families - b.families
    only_b = b.families - a.families
    if only_a and only_b:
        _note(notes, f"legal forms differ: {', '.join(sorted(only_a))} vs {', '.join(only_b)}")
        return 15.0
    lone = only_a or only_b
    _note(notes, f"legal form {_legal_forms(a, b, lone)}")
    return 5.0 if "foundation" in lone or "company" in lone else 0.5


def _legal_forms(a: _Name, b: _Name, families: frozenset[str]) -> str:
    """Return the legal forms of some families as written in either name, for an explanation."""
    for name in (a, b):
        shown = " ".join(w.surface for w in name.weak if w.forms[0] in families)
        if shown:
            return f"'{shown}'"
    return ""


def _acronym_match(a: _Name, b: _Name, free_a: list[_Word], free_b: list[_Word]) -> str:
    """Return an explanation if the words left over on one side abbreviate those on the other."""
    for short, long_free, long_name in ((free_a, free_b, b), (free_b, free_a, a)):
        if len(short) != 1 or len(long_free) < 2:
            continue
        word = short[0]
        whole = len(a.content) == 1 if short is free_a else len(b.content) == 1
        if not (word.acr or (whole and not word.vocab)):
            continue
        ordered = sorted(long_free, key=lambda w: w.pos)
        if _acronym_of(word, ordered, long_name):
            expansion = " ".join(w.surface for w in ordered)
            return f"'{word.surface.upper()}' could be the acronym of '{expansion}'"
    return ""


def _best(left: Sequence[_Name], right: Sequence[_Name]) -> tuple[float, str]:
    """Return the best score and explanation over the parsed spellings of two names."""
    best = (-1.0, "")
    for a in left:
        for b in right:
            result = _score(a, b)
            if result[0] > best[0]:
                best = result
    return best


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate organisation for a name, with a score from 0 to 100 and why."""

    key: Hashable
    name: str
    score: float
    explanation: str
    canonical: str = ""

    @property
    def is_match(self) -> bool:
        """Return whether the score is high enough to take the names as the same organisation."""
        return self.score >= MATCH_THRESHOLD

    @property
    def is_probable(self) -> bool:
        """Return whether the match is worth a person's confirmation, or surer."""
        return self.score >= PROBABLE_THRESHOLD

    @property
    def matched_name(self) -> str:
        """Return the name or alias of the candidate that matched."""
        return self.name


def compare(a: str, b: str) -> Match:
    """Score whether two names name the same organisation, explaining the decision."""
    if normalize(a) == normalize(b) and normalize(a):
        return Match(b, b, 100.0, "identical after normalising quotes, dashes and case", b)
    score, explanation = _best(_parse(a), _parse(b))
    return Match(b, b, max(score, 0.0), explanation, b)


def _looks_like_acronym(name: str) -> bool:
    """Return whether a name is a single acronym such as "TIAC" or "ՀՔԱՎ"."""
    words = _cased_words(name)
    if len(words) != 1 and not all(len(w) == 1 for w in words):
        return False
    word = "".join(words)
    return 2 <= len(word) <= 10 and (word.isupper() or "." in name)


class _Entry:
    """One indexed spelling of an organisation."""

    __slots__ = ("key", "name", "parsed", "size")

    def __init__(self, key: Hashable, name: str, parsed: _Name) -> None:
        self.key = key
        self.name = name
        self.parsed = parsed
        self.size = len(parsed.content)


class NameIndex:
    """An in-memory registry of organisation names and aliases for fast matching."""

    #: Candidates compared in full per query, at most.
    POOL = 40
    #: Postings longer than this only narrow candidates down, they do not rank them.
    RANK_CAP = 1500

    def __init__(self, records: Iterable[tuple[Hashable, Sequence[str]]] = ()) -> None:
        self._entries: list[_Entry] = []
        self._canonical: dict[Hashable, str] = {}
        self._postings: dict[str, set[int]] = defaultdict(set)
        self._skeletons: dict[str, set[str]] = defaultdict(set)
        self._deletes: dict[str, set[str]] = defaultdict(set)
        self._acronyms: dict[str, set[Hashable]] = defaultdict(set)
        self._derived: dict[str, set[Hashable]] = defaultdict(set)
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._sorted_forms: list[str] | None = None
        for key, names in records:
            self.add(key, names)

    def __len__(self) -> int:
        """Return the number of organisations in the index."""
        return len(self._canonical)

    def canonical(self, key: Hashable) -> str:
        """Return the canonical name of an organisation in the index."""
        return self._canonical[key]

    def add(self, key: Hashable, names: Sequence[str]) -> None:
        """Add an organisation: its canonical name first, then its aliases."""
        names = [n for n in names if n and n.strip()]
        if not names:
            return
        self._canonical.setdefault(key, names[0].strip())
        self._sorted_forms = None
        for position, name in enumerate(names):
            name = name.strip()
            norm = normalize(name)
            if not norm:
                continue
            if position > 0 and _looks_like_acronym(name):
                self._acronyms[norm.replace(" ", "")].add(key)
                self._acronyms[transliterate(norm).replace(" ", "")].add(key)
                continue
            for parsed in _parse(name):
                entry_id = len(self._entries)
                self._entries.append(_Entry(key, name, parsed))
                self._exact[norm].append(entry_id)
                for initials in parsed.initials():
                    if len(initials) >= 2:
                        self._derived[initials].add(key)
                words = parsed.content or parsed.words
                for word in words:
                    for form in word.forms:
                        self._add_form(form, entry_id, word)
                for word in parsed.qualifiers:
                    self._postings[word.forms[0]].add(entry_id)

    def _add_form(self, form: str, entry_id: int, word: _Word) -> None:
        """Index one form of a word for an entry."""
        postings = self._postings[form]
        if not postings and len(form) >= 5 and not form.isdigit():
            self._deletes[form].add(form)
            for i in range(len(form)):
                self._deletes[form[:i] + form[i + 1 :]].add(form)
        postings.add(entry_id)
        if word.skel and form in word.forms:
            self._skeletons[_skeleton(form)].add(form)

    def _forms_for(self, word: _Word) -> set[str]:
        """Return the indexed forms a query word could match: itself, spellings, typos."""
        forms = {f for f in word.forms if f in self._postings}
        for skel in word.skel:
            for form in self._skeletons.get(skel, ()):
                if not (word.vocab and form in _VOCAB):
                    forms.add(form)
        text = word.text
        if len(text) >= 5 and not word.acr and not text.isdigit():
            seen: set[str] = set()
            for spelling in (text, word.latin) if word.latin else (text,):
                for i in range(len(spelling) + 1):
                    seen.update(self._deletes.get(spelling[:i] + spelling[i + 1 :], ()))
            seen -= forms
            for form in seen:
                probe = _Word(form, (form,), form, form[0], vocab=form in _VOCAB)
                if _typo_distance(word, probe) is not None:
                    forms.add(form)
        return forms

    def _word_sets(self, name: _Name) -> list[set[int]]:
        """Return, per content word of a query, the entries that could match it."""
        postings = self._postings
        sets: list[set[int]] = []
        content = name.content
        for i, word in enumerate(content):
            found = [postings[f] for f in self._forms_for(word)]
            text = word.text
            for cut in range(2, len(text) - 1):
                left, right = text[:cut], text[cut:]
                if left in postings and right in postings:
                    found.append(postings[left] & postings[right])
            for j in (i - 1, i + 1):
                if 0 <= j < len(content):
                    pair = (text + content[j].text) if j > i else (content[j].text + text)
                    if pair in postings:
                        found.append(postings[pair])
            if not found:
                sets.append(set())
            elif len(found) == 1:
                sets.append(found[0])
            else:
                sets.append(set().union(*found))
        return sets

    def _candidates(self, name: _Name, *, strict: bool, slack: int = 2) -> list[int]:
        """Return entry ids worth comparing with a parsed query, most promising first."""
        sets = self._word_sets(name)
        if not sets:
            return []
        size = len(name.content)
        ordered = sorted(sets, key=len)
        full: list[int] = []
        if ordered[0]:
            common = ordered[0].intersection(*ordered[1:]) if len(ordered) > 1 else ordered[0]
            entries = self._entries
            full = [e for e in common if abs(entries[e].size - size) <= slack]
            if len(full) > self.POOL:
                full.sort(key=lambda e: (abs(entries[e].size - size), e))
                full = full[: self.POOL]
        if strict:
            return full
        total = len(self._entries) or 1
        weights: Counter[int] = Counter()
        for found in sets:
            if found and len(found) <= self.RANK_CAP:
                weight = math.log(1 + total / len(found))
                for entry_id in found:
                    weights[entry_id] += weight
        ranked = [e for e, _ in weights.most_common(self.POOL)]
        seen = set(full)
        return full + [e for e in ranked if e not in seen]

    def _prefix_forms(self, prefix: str, limit: int = 30) -> list[str]:
        """Return indexed word forms that start with a prefix."""
        if self._sorted_forms is None:
            self._sorted_forms = sorted(self._postings)
        forms = self._sorted_forms
        out = []
        for i in range(bisect_left(forms, prefix), len(forms)):
            if not forms[i].startswith(prefix) or len(out) >= limit:
                break
            out.append(forms[i])
        return out

    def search(
        self, query: str, limit: int = 5, *, min_score: float = 0.0, prefix: bool = False
    ) -> list[Match]:
        """Return the organisations best matching a name, best first, one per organisation."""
        # With prefix (type-ahead) the last word may be unfinished; such matches score below
        # MATCH_THRESHOLD unless the whole name matches too.
        norm = normalize(query)
        if not norm:
            return []
        best: dict[Hashable, Match] = {}

        def offer(key: Hashable, name: str, score: float, explanation: str) -> None:
            if score < min_score:
                return
            current = best.get(key)
            if current is None or score > current.score:
                best[key] = Match(key, name, score, explanation, self._canonical[key])

        compact = norm.replace(" ", "")
        for table, exact in ((self._acronyms, True), (self._derived, False)):
            keys = table.get(compact)
            if not keys and exact:
                keys = table.get(transliterate(norm).replace(" ", ""))
            if not keys or (not exact and " " in norm):
                continue
            if exact and len(keys) == 1:
                (key,) = keys
                offer(key, query, 100.0, f"alias '{query.strip()}' (acronym)")
            else:
                shared = f", shared by {len(keys)} organisations" if len(keys) > 1 else ""
                why = f"'{query.strip()}' could be an acronym{shared}"
                score = ACRONYM_SCORE if len(keys) == 1 else 70.0
                for key in sorted(keys, key=str)[: self.POOL]:
                    offer(key, self._canonical[key], score, why)
        parsed = _parse(query)
        for entry_id in self._exact.get(norm, ()):
            entry = self._entries[entry_id]
            offer(entry.key, entry.name, 100.0, "identical after normalising quotes, dashes, case")
        compared: set[int] = set()
        for variant in parsed:
            for entry_id in self._candidates(variant, strict=False):
                if entry_id in compared:
                    continue
                compared.add(entry_id)
                entry = self._entries[entry_id]
                score, why = _best(parsed, (entry.parsed,))
                offer(entry.key, entry.name, score, why)
        if prefix:
            self._search_prefix(parsed[0], offer)
        ranked = sorted(best.values(), key=lambda m: (-m.score, str(m.canonical), str(m.key)))
        return ranked[:limit]

    def _search_prefix(
        self, name: _Name, offer: Callable[[Hashable, str, float, str], None]
    ) -> None:
        """Offer organisations whose names contain every word typed so far."""
        words = name.content or name.words
        if not words:
            return
        *done, last = words
        sets = self._word_sets(_Name(name.raw, done)) if done else []
        grown: set[int] = set()
        for form in self._prefix_forms(last.text):
            grown |= self._postings[form]
        common = grown.intersection(*sets) if sets else grown
        entries = self._entries
        typed = len(words)
        for entry_id in sorted(common, key=lambda e: (entries[e].size, e))[: self.POOL]:
            entry = entries[entry_id]
            share = typed / max(entry.size, typed)
            offer(entry.key, entry.name, round(60 + 29 * share, 1), "starts like the name typed")

    def best(self, query: str) -> Match | None:
        """Return the organisation a name surely refers to, or None when unsure."""
        found = self.search(query, limit=2)
        if not found or found[0].score < MATCH_THRESHOLD:
            return None
        if len(found) > 1 and found[1].score >= found[0].score:
            return None
        return found[0]


# ---------------------------------------------------------------------------------------------
# Clustering
# ---------------------------------------------------------------------------------------------


def _form_quality(name: str) -> int:
    """Return how well-formed a spelling looks, higher is better."""
    stripped = name.strip()
    letters = [c for c in stripped if c.isalpha()]
    if not letters:
        return 0
    if _looks_like_acronym(stripped):
        return 1
    if all(c.isupper() for c in letters) or all(c.islower() for c in letters):
        return 2
    return 3


class _Clusters:
    """Union-find over the distinct spellings of a list of names."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))
        self.members: dict[int, list[int]] = {i: [i] for i in range(count)}
        self.keys: dict[int, Hashable] = {}

    def find(self, i: int) -> int:
        """Return the representative of a spelling's cluster."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Merge two clusters unless they belong to different registry organisations."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        key_a, key_b = self.keys.get(ra), self.keys.get(rb)
        if key_a is not None and key_b is not None and key_a != key_b:
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        key = self.keys.pop(rb, None)
        if key is not None:
            self.keys[ra] = key
        return True


def cluster(names: list[str], index: NameIndex | None = None) -> list[dict]:
    """Group lines naming the same organisation, giving each line a cluster and canonical name."""
    distinct: dict[str, int] = {}
    spellings: list[str] = []
    line_ids: list[int] = []
    for name in names:
        norm = normalize(name)
        token = norm if norm else f"\x00{len(line_ids)}"
        if token not in distinct:
            distinct[token] = len(spellings)
            spellings.append(name)
        line_ids.append(distinct[token])
    clusters = _Clusters(len(spellings))
    registry: dict[int, Match] = {}
    if index is not None:
        for i, spelling in enumerate(spellings):
            found = index.best(spelling)
            if found is not None:
                registry[i] = found
                clusters.keys[i] = found.key
        by_key: dict[Hashable, int] = {}
        for i, found in registry.items():
            clusters.union(by_key.setdefault(found.key, i), i)
    named = [i for i in range(len(spellings)) if normalize(spellings[i])]
    rest = [i for i in named if i not in registry]
    local = NameIndex((i, [spellings[i]]) for i in named)
    scores: dict[tuple[int, int], float] = {}

    def pair_score(i: int, j: int) -> float:
        pair = (i, j) if i < j else (j, i)
        if pair not in scores:
            scores[pair] = _best(_parse(spellings[i]), _parse(spellings[j]))[0]
        return scores[pair]

    edges: list[tuple[float, int, int]] = []
    for i in rest:
        for variant in _parse(spellings[i]):
            for entry_id in local._candidates(variant, strict=True):
                j = local._entries[entry_id].key
                if j != i:
                    score = pair_score(i, j)
                    if score >= MATCH_THRESHOLD:
                        edges.append((score, min(i, j), max(i, j)))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    for _, i, j in edges:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri != rj and _compatible(clusters.members[ri], clusters.members[rj], pair_score):
            clusters.union(i, j)
    _attach_acronyms(spellings, clusters, local, pair_score)
    return _label(names, line_ids, clusters, registry, index)


#: Lowest score of any pair across two clusters that may merge (a typo chain, not a conflict).
_LINK_FLOOR = 86.0


def _compatible(left: list[int], right: list[int], pair_score: Callable[[int, int], float]) -> bool:
    """Return whether two clusters may merge: no pair across them may be a conflict."""
    checked = 0
    for i in left:
        for j in right:
            if pair_score(i, j) < _LINK_FLOOR:
                return False
            checked += 1
            if checked >= 64:
                return True
    return True


def _attach_acronyms(
    spellings: list[str],
    clusters: _Clusters,
    local: NameIndex,
    pair_score: Callable[[int, int], float],
) -> None:
    """Join acronyms to the one cluster whose names they abbreviate, when only one does."""
    roots = sorted({clusters.find(i) for i in local._canonical})
    pure = {
        r
        for r in roots
        if r not in clusters.keys
        and all(_looks_like_acronym(spellings[m]) for m in clusters.members[r])
    }
    if not pure and not any(_has_acronym(spellings[r]) for r in roots):
        return
    derived: dict[str, set[int]] = defaultdict(set)
    for root in roots:
        if root in pure:
            continue
        for member in clusters.members[root]:
            for parsed in _parse(spellings[member]):
                for initials in parsed.initials():
                    derived[initials].add(root)
    for root in roots:
        members = clusters.members.get(root)
        if members is None:
            continue
        if root in pure:
            found = set(derived.get(normalize(spellings[members[0]]).replace(" ", ""), ()))
        elif len(members) == 1 and root not in clusters.keys and _has_acronym(spellings[root]):
            # "HCA Vanadzor": an acronym together with words of the full name.
            found = set()
            for variant in _parse(spellings[root]):
                spelt_out = _Name(variant.raw, [w for w in variant.words if not w.acr])
                for entry_id in local._candidates(spelt_out, strict=True, slack=6):
                    other = local._entries[entry_id].key
                    if other != root and pair_score(root, other) == ACRONYM_SCORE:
                        found.add(clusters.find(other))
        else:
            continue
        found = {clusters.find(f) for f in found} - {clusters.find(root)}
        if len(found) == 1:
            clusters.union(found.pop(), root)


def _has_acronym(name: str) -> bool:
    """Return whether a name contains a word written as an acronym next to other words."""
    return any(w.acr for w in _parse(name)[0].content)


def _label(
    names: list[str],
    line_ids: list[int],
    clusters: _Clusters,
    registry: dict[int, Match],
    index: NameIndex | None,
) -> list[dict]:
    """Number clusters in order of first appearance and pick each cluster's canonical name."""
    numbers: dict[int, int] = {}
    spellings: dict[int, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, int] = {}
    for line, spelling_id in enumerate(line_ids):
        root = clusters.find(spelling_id)
        numbers.setdefault(root, len(numbers))
        written = names[line].strip()
        spellings[root][written] += 1
        first_seen.setdefault(written, line)
    canonical: dict[int, str] = {}
    for root in numbers:
        known = [registry[m] for m in clusters.members[root] if m in registry]
        if known and index is not None:
            canonical[root] = index.canonical(known[0].key)
        else:
            counts = spellings[root]
            canonical[root] = max(
                counts, key=lambda n: (_form_quality(n), counts[n], -first_seen[n])
            )
    return [
        {
            "name": name,
            "cluster": numbers[clusters.find(spelling_id)],
            "canonical": canonical[clusters.find(spelling_id)],
        }
        for name, spelling_id in zip(names, line_ids, strict=True)
    ]
