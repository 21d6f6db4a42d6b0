"""core.text: Markdown rendering (sanitised, footnotes), plain text and excerpts."""

import pytest
from selectolax.lexbor import LexborHTMLParser

from undersigned.core.text import excerpt, html_to_text, markdown_to_text, render_markdown


def elements(html: str) -> list:
    return LexborHTMLParser(html).body.css("*")


HOSTILE_BODIES = [
    "<script>alert('x')</script>",
    "Before <script src='https://evil.example/x.js'></script> after",
    "[click me](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[click me](JaVaScRiPt:alert(1))",
    '<a href="javascript:alert(1)">raw link</a>',
    "<img src=x onerror=alert(1)>",
    '<p onclick="alert(1)" onmouseover="alert(2)">raw paragraph</p>',
    '<a href="https://example.org" onfocus="alert(1)">raw link</a>',
    "[label](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_render_markdown_leaves_no_script_no_event_handler_and_no_javascript_link(body):
    html = render_markdown(body)
    for node in elements(html):
        assert node.tag not in {"script", "img", "iframe", "style"}
        for attribute, value in node.attributes.items():
            assert not attribute.lower().startswith("on"), html
            if attribute == "href":
                assert value.startswith(("http://", "https://", "mailto:", "#")), html


def test_render_markdown_keeps_ordinary_formatting_and_web_links():
    html = render_markdown(
        "## Our demands\n\nWe call for **free** and *fair* elections; see "
        "[the report](https://example.org/report).\n\n- one\n- two"
    )
    tree = LexborHTMLParser(html)
    assert tree.css_first("h2").text() == "Our demands"
    assert tree.css_first("strong").text() == "free"
    assert tree.css_first("em").text() == "fair"
    link = tree.css_first("a")
    assert link.attributes["href"] == "https://example.org/report"
    assert "nofollow" in link.attributes["rel"]
    assert [li.text() for li in tree.css("ul li")] == ["one", "two"]


def test_render_markdown_turns_bare_web_addresses_into_links():
    html = render_markdown("Read it at https://example.org/statement today.")
    link = LexborHTMLParser(html).css_first("a")
    assert link.attributes["href"] == "https://example.org/statement"


def test_plain_numbered_references_become_linked_footnotes_with_back_links():
    html = render_markdown(
        "Arrests were reported in Yerevan [1] and in Gyumri [2].\n\n"
        "[1] Human Rights Defender, report of 3 May\n"
        "[2] https://example.org/gyumri"
    )
    tree = LexborHTMLParser(html)
    references = tree.css("sup.footnote-ref a")
    assert [a.text() for a in references] == ["[1]", "[2]"]
    assert [a.attributes["href"] for a in references] == ["#fn1", "#fn2"]
    assert [a.attributes["id"] for a in references] == ["fnref1", "fnref2"]

    notes = tree.css("section.footnotes ol li")
    assert [li.attributes["id"] for li in notes] == ["fn1", "fn2"]
    assert "Human Rights Defender, report of 3 May" in notes[0].text()
    assert notes[1].css_first("a").attributes["href"] == "https://example.org/gyumri"
    back_links = tree.css("a.footnote-backref")
    assert [a.attributes["href"] for a in back_links] == ["#fnref1", "#fnref2"]
    # The definitions are no longer printed as text at the end of the body.
    assert "[1] Human Rights Defender" not in tree.body.text()


def test_a_footnote_definition_may_have_a_colon_after_the_number():
    html = render_markdown("A claim.[1]\n\n[1]: The source")
    tree = LexborHTMLParser(html)
    assert tree.css_first("sup.footnote-ref a").attributes["href"] == "#fn1"
    assert "The source" in tree.css_first("li#fn1").text()


def test_a_bracketed_number_without_a_source_stays_plain_text():
    html = render_markdown("Article [3] of the Constitution.")
    assert "footnote" not in html
    assert "Article [3] of the Constitution." in html


def test_markdown_to_text_drops_markup_and_footnote_sources():
    text = markdown_to_text(
        "## Title\n\nWe **call** for [justice](https://example.org) [1].\n\n[1] A source"
    )
    assert text == "Title We call for justice ."


def test_html_to_text_returns_the_visible_text_on_one_line():
    assert html_to_text("<p>One &amp; two</p>\n<p>three</p>") == "One & two three"


def test_html_to_text_leaves_out_scripts_styles_and_comments_and_survives_broken_markup():
    html = (
        "<style>p { color: red }</style><p>Free <em>and</em> fair<!-- a > b --></p>"
        "<script>if (a < b) alert(1)</script><p title='x > y'>elections<p>unclosed"
    )
    assert html_to_text(html) == "Free and fair elections unclosed"


def test_a_short_text_is_returned_whole_without_an_ellipsis():
    assert excerpt("  Free   and fair elections. ", 280) == "Free and fair elections."


def test_a_long_text_is_cut_at_a_word_boundary_and_ends_with_an_ellipsis():
    text = "We the undersigned organisations call for the immediate release of the detained"
    cut = excerpt(text, 40)
    assert cut.endswith("…")
    assert len(cut) <= 40
    assert text.startswith(cut.removesuffix("…"))
    # The word before the ellipsis is whole.
    assert cut.removesuffix("…").split()[-1] in text.split()


@pytest.mark.parametrize("length", range(10, 90))
def test_an_excerpt_never_exceeds_its_length(length):
    text = "aaaa bbbb cccc dddd eeee, ffff. gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp rrrr"
    cut = excerpt(text, length)
    assert len(cut) <= length
    if len(text) > length:
        assert cut.endswith("…")


def test_an_excerpt_does_not_end_in_punctuation_before_the_ellipsis():
    cut = excerpt("First clause, second clause, third clause and more", 30)
    assert cut == "First clause, second clause…"


def test_a_single_long_word_is_cut_hard_within_the_length():
    cut = excerpt("x" * 100, 20)
    assert cut == "x" * 19 + "…"
