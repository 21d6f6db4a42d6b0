"""Check the pure statement-page parser on the shared samples and on synthetic pages."""

import datetime
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLES_DIR, require
from undersigned.importer.parsing import ParsedEntry, ParseError, parse_page

# Phrases of site furniture in the samples; none may survive into a body or a signatory.
FURNITURE = re.compile(
    r"views:|leave a reply|email address will not be published|required fields|"
    r"select the relevant connection|font size|arial verdana|thickness|regular light bold|"
    r"1px|colou?r scheme|background colou?r|text colou?r|white background|back to all news|"
    r"share via|send this to a friend|related posts",
    re.IGNORECASE,
)


def _sample(name: str) -> list[ParsedEntry]:
    require(SAMPLES_DIR.is_dir(), f"the samples folder {SAMPLES_DIR} is absent")
    return parse_page((SAMPLES_DIR / name).read_text(encoding="utf-8"), filename=name)


def _assert_no_furniture(entry: ParsedEntry) -> None:
    assert not FURNITURE.search(entry.body)
    assert not any(FURNITURE.search(name) for name in entry.signatories)


# --- the shared samples --------------------------------------------------------------------


def test_member_site_statement_reads_title_date_categories_and_site_as_publisher():
    [entry] = _sample("member-site-statement-with-comments.txt")

    assert entry.kind == "statement"
    assert entry.title == (
        "STOP Azerbaijan carrying out a genocide in Nagorno-Karabakh: "
        "Azerbaijan is shelling Stepanakert"
    )
    assert entry.date == datetime.date(2023, 9, 19)
    assert entry.categories == ["Activities", "Rights", "Right to life", "Announcements"]
    assert entry.publisher == "Helsinki Citizens' Assembly-Vanadzor"
    assert entry.footnotes == []


def test_member_site_statement_lists_every_signatory_in_order():
    [entry] = _sample("member-site-statement-with-comments.txt")

    assert entry.signatories == [
        "Helsinki Citizens Assembly – Vanadzor",
        "Democracy Development Foundation",
        "“Peace Dialogue” NGO",
        "Women’ Resource Center",  # sic: the page prints the apostrophe without the s
        "Law Development and Protection Foundation",
        "Protection of Rights without Borders NGO",
        "Transparency International Anticorruption Center NGO",
        "Journalists’ Club “Asparez”",
        "Analytical Centre on Globalization and Regional Cooperation",
        "For Equal Rights NGO",
        "Article 3 Club",
        "Union of Informed Citizens",
    ]
    assert len(entry.signatories) == 12


def test_member_site_statement_body_is_the_five_paragraphs_without_furniture():
    [entry] = _sample("member-site-statement-with-comments.txt")

    paragraphs = entry.body.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("On 19 September 2023, at 1:22 p.m.,")
    assert paragraphs[-1].startswith("This statement is a SOS appeal")
    assert entry.title not in entry.body
    assert "Activities | Rights" not in entry.body
    assert not any(name in entry.body for name in entry.signatories)
    _assert_no_furniture(entry)


def test_network_statement_takes_publisher_from_title_and_date_from_the_foot():
    [entry] = _sample("network-governing-board-statement.txt")

    assert entry.kind == "statement"
    assert entry.title == (
        "Azerbaijan’s Military Aggression against Artsakh violates all Norms of Humanitarian "
        "Law: Constructive Dialogue Network of Armenian CSOs"
    )
    assert entry.date == datetime.date(2020, 9, 28)
    assert entry.categories == []
    assert entry.publisher == "Constructive Dialogue Network of Armenian CSOs"
    assert entry.footnotes == []


def test_network_statement_lists_the_fifteen_coalitions_but_not_the_board_heading():
    [entry] = _sample("network-governing-board-statement.txt")

    assert entry.signatories == [
        "“HamaZark” (“Community Development and Participatory Governance Union”) Coalition",
        "Agricultural Alliance of Armenia",
        "“CSOs for Sustainable and Transparent Energy Development” Coalition",
        "“Partnership for Progress in Education” Coalition",
        "Armenian Business Coalition",
        "“Support for Probation” National Network",
        "Coalition For Equal Rights",
        "“WINNET Armenia” Network of Women Resource Centers",
        "Inter-Regional Coalition dealing with the problems of Children with Disabilities",
        "CSO Anti-Corruption Coalition of Armenia",
        "Public Coalition for the Protection of Workers’ Rights",
        "Coalition of Civil Society Organizations for the Development of Institutionalization "
        "of Social Advertising in Armenia.",
        "Coalition for the Development of Local Self-Government System and Strengthening of "
        "Local Democracy in the Republic of Armenia",
        "Multi-Stakeholder Social Protection Network",
        "“Armenian Lawyers’ Association” organization implementing the Secretariat of Network",
    ]
    assert len(entry.signatories) == 15
    assert not any(name.startswith("Governing Board") for name in entry.signatories)
    assert "Governing Board of the Constructive Dialogue Network of Armenian CSOs։" not in (
        entry.body
    )


def test_network_statement_keeps_the_closing_notes_in_the_body():
    [entry] = _sample("network-governing-board-statement.txt")

    paragraphs = entry.body.split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("Early in the morning of 27 September")
    assert paragraphs[5].startswith("It should be added that the statement was adopted")
    assert paragraphs[6].startswith("Note. The CSO Constructive Dialogue Network")
    assert "\u00a0" not in entry.body
    assert "28 September, 2020" not in paragraphs[-1]
    _assert_no_furniture(entry)


def test_listing_page_yields_one_excerpt_per_item():
    entries = _sample("statements-listing-page.txt")

    assert [entry.kind for entry in entries] == ["excerpt"] * 8
    assert [entry.title for entry in entries] == [
        "Statement of civil society organizations on the violation of the territorial "
        "integrity of Armenia",
        "",  # the capture lost this item's title: its excerpt follows the first one directly
        "The NSS does not respect the constitutional order: Statement by NGOs",
        "To Facilitate Return of Armenian Prisoners of War and Civilians detained in the "
        "context of the Nagorno-Karabakh Conflict from the Azerbaijani Control",
        "Statement: We demand from the Government of Armenia to ensure maximum transparency "
        "and accountability",
        "Stop illegal actions by the NSS Investigation Department and NSS investigator "
        "against human rights defender Sashik Sultanyan",
        "REQEUST FOR URGENT ACTION on instances executions, torture and ill-treatment of "
        "Armenian civilians and servicemen by Azerbaijani armed forces personnel",
        "Call for Immediate Action For he Exchange of Armenian Prisoners of War and Civilians "
        "and Return of the Corpses of Soldiers and Civilians from the Azerbaijani Control",
    ]


def test_listing_excerpts_drop_the_ellipsis_and_date_only_the_dated_item():
    entries = _sample("statements-listing-page.txt")

    assert entries[0].body.startswith("Since May 12, 2021, the Armed Forces")
    assert entries[1].body.startswith("We, a group of civil society organizations")
    for entry in entries:
        assert entry.body
        assert not entry.body.endswith(("[…]", "[...]", " "))
        assert entry.signatories == []
        assert entry.publisher is None
        assert entry.categories == []
    assert entries[0].body.endswith("an indisputable part of the")
    assert [entry.date for entry in entries] == [None] * 7 + [datetime.date(2020, 11, 26)]


# --- synthetic pages -----------------------------------------------------------------------

BODY = (
    "The authorities detained three journalists covering the peaceful protest in the capital. "
    "We demand their immediate release and an independent investigation."
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("September 19, 2023", datetime.date(2023, 9, 19)),
        ("Sept. 19, 2023", datetime.date(2023, 9, 19)),
        ("Tuesday, September 19th, 2023", datetime.date(2023, 9, 19)),
        ("28 September, 2020", datetime.date(2020, 9, 28)),
        ("19 Sep 2023", datetime.date(2023, 9, 19)),
        ("19-Sep-2023", datetime.date(2023, 9, 19)),
        ("30.09.2024", datetime.date(2024, 9, 30)),
        ("30/09/2024", datetime.date(2024, 9, 30)),
        ("09/30/2024", datetime.date(2024, 9, 30)),
        ("2024-09-30", datetime.date(2024, 9, 30)),
        ("2024-09-30T12:00:00+04:00", datetime.date(2024, 9, 30)),
        ("Posted on September 19, 2023 by admin", datetime.date(2023, 9, 19)),
        ("Yerevan, 28 September 2020", datetime.date(2020, 9, 28)),
        ("19 сентября 2023 г.", datetime.date(2023, 9, 19)),
        ("1 мая 2022", datetime.date(2022, 5, 1)),
        ("2023 թ. սեպտեմբերի 19", datetime.date(2023, 9, 19)),
        ("19 սեպտեմբերի, 2023", datetime.date(2023, 9, 19)),
        ("Սեպտեմբեր 19, 2023", datetime.date(2023, 9, 19)),
    ],
)
def test_date_line_in_any_common_form_is_read(printed, expected):
    [entry] = parse_page(f"Journalists must be freed\n\n{printed}\n\n{BODY}\n")

    assert entry.title == "Journalists must be freed"
    assert entry.date == expected
    assert entry.body == BODY
    assert entry.as_json()["date"] == expected.isoformat()


def test_impossible_or_embedded_dates_are_not_taken():
    [impossible] = parse_page(f"Title of the statement\n\n31.02.2023\n\n{BODY}\n")
    [embedded] = parse_page(f"Statement on 27 September 2020 attacks\n\n{BODY}\n")

    assert impossible.date is None
    assert embedded.date is None
    assert embedded.title == "Statement on 27 September 2020 attacks"
    assert embedded.as_json()["date"] is None


def test_bracketed_footnotes_after_the_body_are_collected():
    page = (
        "Stop the blockade\n\n"
        "The blockade has lasted for 200 days and caused a humanitarian crisis, as the UN [1] "
        "and the ICRC [2] have reported.\n\n"
        "Transparency International Anticorruption Center\nWomen's Resource Center\n\n"
        "[1] https://example.org/un-report\n[2] https://example.org/icrc-news\n"
    )
    [entry] = parse_page(page)

    assert entry.footnotes == [
        "[1] https://example.org/un-report",
        "[2] https://example.org/icrc-news",
    ]
    assert "[1]" in entry.body
    assert "[2]" in entry.body
    assert "https://" not in entry.body
    assert entry.signatories == [
        "Transparency International Anticorruption Center",
        "Women's Resource Center",
    ]


def test_numbered_sources_are_footnotes_only_when_referenced():
    page = (
        "Stop the blockade\n\n"
        "The blockade has lasted for 200 days and caused a humanitarian crisis according to "
        "the UN [1].\n\n"
        "We call for immediate action by the international community to restore movement.\n\n"
        "Sources:\n1. https://example.org/un-report\n2. An unreferenced second line\n"
    )
    [entry] = parse_page(page)

    assert entry.footnotes == ["[1] https://example.org/un-report"]
    assert "Sources" not in entry.body
    assert entry.body.endswith("2. An unreferenced second line")


def test_body_bullets_stay_in_the_body_and_the_final_short_block_signs():
    page = (
        "Free the detained activists\n\n"
        "The police detained twelve activists during a peaceful protest, and we demand:\n\n"
        "• the immediate release of every detained activist;\n"
        "• an independent investigation into the use of force;\n\n"
        "We will continue to monitor the situation closely and report on any new violations.\n\n"
        "Article 3 Club\nUnion of Informed Citizens\nFor Equal Rights NGO\n"
    )
    [entry] = parse_page(page)

    assert entry.body == (
        "The police detained twelve activists during a peaceful protest, and we demand:\n\n"
        "- the immediate release of every detained activist;\n"
        "- an independent investigation into the use of force;\n\n"
        "We will continue to monitor the situation closely and report on any new violations."
    )
    assert entry.signatories == [
        "Article 3 Club",
        "Union of Informed Citizens",
        "For Equal Rights NGO",
    ]


def test_signatory_heading_with_armenian_full_stop_is_not_a_signatory():
    page = (
        "Հայտարարություն ազատ խոսքի մասին\n\n"
        "Մենք՝ ստորև ստորագրած կազմակերպություններս, խիստ մտահոգված ենք լրագրողների նկատմամբ "
        "ճնշումներով։ Կոչ ենք անում իշխանություններին անհապաղ դադարեցնել հետապնդումները։\n\n"
        "Ստորագրողներ։\n"
        "Իրավունքների պաշտպանության կենտրոն\n"
        "Լրագրողների ակումբ «Ասպարեզ»\n"
    )
    [entry] = parse_page(page)

    assert entry.signatories == [
        "Իրավունքների պաշտպանության կենտրոն",
        "Լրագրողների ակումբ «Ասպարեզ»",
    ]
    assert "Ստորագրողներ" not in entry.body


def test_board_heading_names_the_publisher_when_nothing_else_does():
    page = (
        "Call for a ceasefire\n\n"
        f"{BODY}\n\n"
        "Executive Board of the Eastern Partnership Civil Society Forum:\n"
        "- Armenian National Platform\n- Georgian National Platform\n"
    )
    [entry] = parse_page(page)

    assert entry.publisher == "Eastern Partnership Civil Society Forum"
    assert entry.signatories == ["Armenian National Platform", "Georgian National Platform"]


def test_russian_page_drops_russian_furniture():
    page = (
        "Правозащитный центр «Мемориал»\n\nЗаявление о преследовании журналистов\n\n"
        "19 сентября 2023 г.\n\nНовости | Заявления\n\n"
        "Мы, нижеподписавшиеся организации, выражаем глубокую обеспокоенность арестом "
        "журналистов. Это нарушение свободы слова.\n\n"
        "Ассоциация журналистов\nФонд «Общественный вердикт»\n\n"
        "Поделиться\nПросмотров: 120\nДобавить комментарий\nВаш адрес email не будет опубликован.\n"
    )
    [entry] = parse_page(page)

    assert entry.publisher == "Правозащитный центр «Мемориал»"
    assert entry.title == "Заявление о преследовании журналистов"
    assert entry.categories == ["Новости", "Заявления"]
    assert entry.signatories == ["Ассоциация журналистов", "Фонд «Общественный вердикт»"]
    assert "Поделиться" not in entry.body
    assert "комментарий" not in entry.body


HTML_PAGE = """<!doctype html>
<html><head><title>ignored</title><meta property="og:site_name" content="Open Society Yerevan">
<script>var tracker = "Signatories: Evil Script NGO";</script><style>p { color: red }</style></head>
<body><header><nav><ul><li>Home</li><li>About us</li></ul></nav></header>
<main><article>
<h1 class="entry-title">Joint statement on press freedom</h1>
<div class="entry-meta"><time datetime="2024-09-30">30.09.2024</time>
 | <a>News</a> | <a>Media</a></div>
<div class="entry-content">
<p>The undersigned organisations are alarmed by the <b>new draft law</b> on media, which would
allow the authorities to block websites without a court order [1].</p>
<p>We call on the National Assembly to:</p>
<ul><li>withdraw the draft law;</li><li>consult journalists and civil society first.</li></ul>
<p>Freedom of expression is a cornerstone of democracy and must be protected by everyone.</p>
<p><strong>Signatories:</strong></p>
<ul><li>Media Initiatives Center</li><li>Yerevan Press Club</li></ul>
<ol><li>https://example.org/draft-law</li></ol>
<div class="sharedaddy"><h3>Share this:</h3><a>Facebook</a><a>Twitter</a></div>
</div></article>
<div id="comments"><h3>Leave a Reply</h3><form><label>Name *</label><input></form></div>
</main>
<aside><h2>Newsletter</h2><p>Subscribe to our weekly digest of human rights news today.</p></aside>
<footer>© 2024 Open Society Yerevan</footer></body></html>"""


def test_html_page_is_flattened_to_the_same_structure():
    [entry] = parse_page(HTML_PAGE, content_type="text/html; charset=utf-8")

    assert entry.title == "Joint statement on press freedom"
    assert entry.date == datetime.date(2024, 9, 30)
    assert entry.categories == ["News", "Media"]
    assert entry.publisher == "Open Society Yerevan"
    assert entry.body == (
        "The undersigned organisations are alarmed by the new draft law on media, which would "
        "allow the authorities to block websites without a court order [1].\n\n"
        "We call on the National Assembly to:\n\n"
        "- withdraw the draft law;\n- consult journalists and civil society first.\n\n"
        "Freedom of expression is a cornerstone of democracy and must be protected by everyone."
    )
    assert entry.signatories == ["Media Initiatives Center", "Yerevan Press Club"]
    assert entry.footnotes == ["[1] https://example.org/draft-law"]


def test_html_is_detected_without_a_content_type():
    assert parse_page(HTML_PAGE) == parse_page(HTML_PAGE, filename="statement.html")


def test_html_listing_yields_excerpts_with_dates_and_site_name():
    page = """<html><body><header><p class="site-title">Civil Network</p></header>
    <h1>Statements</h1>
    <article><h2><a href="/a">First statement on elections</a></h2><span>12 Sep 2024</span>
    <p>The observers recorded numerous violations during the vote count in several districts
    of the capital [...]</p><a class="more-link">Read more</a></article>
    <article><h2>Second statement on detained activists</h2><span>2024-08-01</span>
    <p>We call for the immediate release of the activists detained during the peaceful
    protest in front of the parliament […]</p></article>
    <nav class="pagination">1 2 3 Next »</nav></body></html>"""
    entries = parse_page(page)

    assert [(e.kind, e.title, e.date) for e in entries] == [
        ("excerpt", "First statement on elections", datetime.date(2024, 9, 12)),
        ("excerpt", "Second statement on detained activists", datetime.date(2024, 8, 1)),
    ]
    assert entries[0].body.endswith("in several districts of the capital")
    assert {e.publisher for e in entries} == {"Civil Network"}


def test_text_content_type_keeps_angle_brackets_as_text():
    [entry] = parse_page(f"<b>Bold claims</b>\n\n{BODY}", content_type="text/plain")

    assert entry.title == "<b>Bold claims</b>"


@pytest.mark.parametrize(
    "page",
    ["", "   \n\t\n", "\x00\x01\x02binary\x00", "Share via\nviews: 12\nLeave a Reply", b"\xff\xfe"],
)
def test_empty_or_unreadable_input_raises_parse_error(page):
    with pytest.raises(ParseError) as raised:
        parse_page(page)

    assert str(raised.value)


def test_html_without_text_raises_parse_error():
    with pytest.raises(ParseError):
        parse_page("<html><body><nav>Home</nav><script>x()</script></body></html>")


PAGE_PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "<p>",
        "</p>",
        "<ul><li>",
        "</li></ul>",
        "<ol start='x'>",
        "<br>",
        "<div class='share'>",
        "</div>",
        "<html>",
        " | ",
        "[…]",
        "[1]",
        "1. ",
        "• ",
        "։",
        "Signatories:",
        "NGO",
        "Foundation",
        "19 September 2023",
        "30.09.2024",
        "Leave a Reply",
        "We demand justice now for every detained person in the country today.",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(st.text(), st.lists(st.one_of(PAGE_PIECES, st.text(max_size=12))).map("".join)),
    content_type=st.sampled_from([None, "text/html", "text/plain"]),
)
def test_parse_page_raises_nothing_but_parse_error(text, content_type):
    try:
        entries = parse_page(text, content_type=content_type)
    except ParseError:
        return
    assert entries
    for entry in entries:
        assert entry.kind in ("statement", "excerpt")
        assert isinstance(entry.as_json(), dict)


def test_numbered_signatories_are_not_mistaken_for_sources():
    page = (
        "Stop the blockade\n\n"
        "The blockade has lasted for 200 days and caused a humanitarian crisis according to "
        "the UN [1] and the ICRC [2].\n\n"
        "1. Armenian Lawyers' Association\n2. Helsinki Committee of Armenia\n\n"
        "[1] UN Human Rights Council report\n[2] https://example.org/icrc-news\n"
    )
    [entry] = parse_page(page)

    assert entry.signatories == ["Armenian Lawyers' Association", "Helsinki Committee of Armenia"]
    assert entry.footnotes == [
        "[1] UN Human Rights Council report",
        "[2] https://example.org/icrc-news",
    ]


# --- signatory lists in any layout (the tuning half of eval/pages and pages like it) ----------

TOWNS = ["Gyumri", "Kapan", "Ijevan", "Goris", "Sisian", "Vardenis", "Talin", "Berd"]
KINDS = ["{} Women’s Council", "“{} Youth” NGO", "{} Legal Aid Center", "{} Civic Forum"]
# Names as editors paste them: some with no legal-form word, one with a stray full stop.
ODD_NAMES = [
    "Journalists for the Future",
    "Hope and Help",
    "Armenia Without Violence",
    "Restart Gyumri",
    "Real World, Real People",
    "Ani Grigoryan",
    "New Generation Humanitarian NGO.",
]
CLOSING = (
    "This statement is an urgent appeal to the authorities, and we expect concrete measures "
    "within the coming days."
)


def _html(body: str) -> list[ParsedEntry]:
    return parse_page(f"<h1>A joint statement</h1><p>{BODY}</p>{body}", content_type="text/html")


def test_names_without_a_heading_one_per_paragraph_are_all_signatories():
    names = [kind.format(town) for town in TOWNS for kind in KINDS] * 4 + ODD_NAMES
    names = [f"{name} {i}" if i < 128 else name for i, name in enumerate(names)]
    page = f"Stop the shelling\n\n{BODY}\n\n{CLOSING}\n\n" + "\n\n".join(names) + "\n"

    [entry] = parse_page(page)

    assert entry.signatories == names
    assert len(entry.signatories) == 135
    assert entry.body == f"{BODY}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "heading",
    [
        "<h3>Signatories</h3>",
        "<p><strong>Signed by</strong></p>",
        "<h4>Ստորագրեցին</h4>",
        "<p>Ստորագրողներ:</p>",
        "<h3>Подписавшие</h3>",
        "<p><strong>Список подписантов</strong></p>",
        "<p>List of signatories (3 organisations)</p>",
    ],
)
def test_a_heading_with_or_without_colon_is_never_a_signatory(heading):
    names = ["Yerevan Press Club", "«Իրավունքի ուժ» ՀԿ", "Фонд «Открытый диалог»"]

    [entry] = _html(heading + "".join(f"<p>{name}</p>" for name in names))

    assert entry.signatories == names
    assert entry.body == BODY


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Signed by Open Data Armenia, “Safe Home” Shelter and Law and Budget Center.",
            ["Open Data Armenia", "“Safe Home” Shelter", "Law and Budget Center"],
        ),
        (
            "Հայտարարությունը ստորագրեցին՝ «Իրավունքի ուժ» ՀԿ, Լոռու հիմնադրամ և Տավուշի ցանց։",
            ["«Իրավունքի ուժ» ՀԿ", "Լոռու հիմնադրամ", "Տավուշի ցանց"],
        ),
        (
            "Подписали: НКО «Экология Севана», Клуб «Меридиан», Фонд поддержки беженцев.",
            ["НКО «Экология Севана»", "Клуб «Меридиан»", "Фонд поддержки беженцев"],
        ),
    ],
)
def test_a_sentence_of_names_is_split_into_signatories(sentence, names):
    [entry] = _html(f"<p>{sentence}</p>")

    assert entry.signatories == names
    assert entry.body == BODY


def test_a_call_to_action_list_stays_in_the_body_above_names_without_heading():
    demands = "<ul><li>Release the journalists</li><li>Investigate the officers</li></ul>"
    names = "<ul><li>Yerevan Press Club</li><li>Open Data Armenia</li><li>Eco-Lori</li></ul>"

    [entry] = _html(f"<p>We call on the authorities to:</p>{demands}{names}")
    [without_intro] = _html(demands + names)

    assert entry.signatories == ["Yerevan Press Club", "Open Data Armenia", "Eco-Lori"]
    assert entry.body.endswith("- Release the journalists\n- Investigate the officers")
    assert without_intro.signatories == entry.signatories
    assert without_intro.body.endswith("- Investigate the officers")


@pytest.mark.parametrize(
    "demands",
    [
        "<p>Պահանջում ենք՝</p><ul><li>հրապարակել թույլտվությունները,</li>"
        "<li>ներգրավել համայնքներին։</li></ul>",
        "<ul><li>Վերանայել որոշումը</li><li>Ապահովել ընտանիքների տեղափոխումը</li></ul>",
        "<p>Мы требуем:</p><ul><li>вернуть изъятую технику;</li><li>наказать виновных.</li></ul>",
        "<ul><li>Приостановить работы</li><li>Опубликовать результаты расследования</li></ul>",
    ],
)
def test_armenian_and_russian_demands_stay_in_the_body(demands):
    names = ["Լոռու զարգացման հիմնադրամ", "Союз независимых журналистов"]

    [entry] = _html(demands + "".join(f"<p>{name}</p>" for name in names))

    assert entry.signatories == names
    assert "Լոռու" not in entry.body


def test_names_broken_into_lines_of_one_paragraph_are_signatories():
    [entry] = _html(
        "<p><strong>Signed by:</strong><br>Ani Grigoryan, lawyer<br>Davit Sargsyan, journalist"
        "<br>Анна Саакян, журналист</p>"
    )

    assert entry.signatories == [
        "Ani Grigoryan, lawyer",
        "Davit Sargsyan, journalist",
        "Анна Саакян, журналист",
    ]


def test_groups_under_their_own_headings_make_one_list():
    [entry] = _html(
        "<h3>Organisations</h3><ul><li>Yerevan Press Club</li><li>Open Data Armenia</li></ul>"
        "<h3>Individuals</h3><ul><li>Ani Grigoryan</li><li>Davit Sargsyan</li></ul>"
    )

    assert entry.signatories == [
        "Yerevan Press Club",
        "Open Data Armenia",
        "Ani Grigoryan",
        "Davit Sargsyan",
    ]
    assert entry.body == BODY


def test_a_closing_sentence_without_names_signs_nothing():
    [entry] = parse_page(f"Title\n\n{BODY}\n\nWe will continue to monitor the situation.\n")

    assert entry.signatories == []
    assert entry.body.endswith("We will continue to monitor the situation.")


EVAL_PAGES = Path(__file__).resolve().parents[3] / "eval" / "pages" / "tuning"


@pytest.mark.parametrize("page", sorted(EVAL_PAGES.glob("*.html")), ids=lambda path: path.stem)
def test_tuning_pages_of_the_evaluation_are_read_exactly(page):
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))

    [entry] = parse_page(page.read_text(encoding="utf-8"), filename=page.name)

    assert entry.title == expected["title"]
    assert entry.signatories == expected["signatories"]
    assert entry.body.startswith(expected["body_start"])
    assert entry.body.endswith(expected["body_end"])


def test_commas_or_semicolons_closing_each_name_are_not_part_of_it():
    [entry] = _html(
        "<p>Signatories:</p><p>Yerevan Press Club;</p><p>Open Data Armenia;</p>"
        "<p>Armenian Young Advocates Association (AYAA).</p>"
    )
    [armenian] = _html("<p>«Իրավունքի ուժ» ՀԿ,<br>Լոռու զարգացման հիմնադրամ,<br>Տավուշի ցանց։</p>")

    assert entry.signatories == [
        "Yerevan Press Club",
        "Open Data Armenia",
        "Armenian Young Advocates Association (AYAA)",
    ]
    assert armenian.signatories == [
        "«Իրավունքի ուժ» ՀԿ",
        "Լոռու զարգացման հիմնադրամ",
        "Տավուշի ցանց",
    ]


@pytest.mark.parametrize(
    "heading",
    ["Присоединившиеся организации:", "Заявление поддержали:", "Հայտարարությանը միացած ՀԿ-ներ՝"],
)
def test_joined_and_supported_headings_head_the_list(heading):
    [entry] = _html(f"<p>{heading}</p><ul><li>Ширакский женский совет</li><li>Eco-Lori</li></ul>")

    assert entry.signatories == ["Ширакский женский совет", "Eco-Lori"]
    assert entry.body == BODY


def test_individuals_under_a_heading_follow_organisations_printed_without_one():
    [entry] = _html(
        "<p>Yerevan Press Club</p><p>Open Data Armenia</p>"
        "<h3>Անհատներ</h3><p>Անի Գրիգորյան</p><p>Դավիթ Սարգսյան</p>"
    )

    assert entry.signatories == [
        "Yerevan Press Club",
        "Open Data Armenia",
        "Անի Գրիգորյան",
        "Դավիթ Սարգսյան",
    ]
    assert entry.body == BODY
