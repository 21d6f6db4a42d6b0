"""Reviewers point at a paragraph by its number; the numbers follow the text's blocks."""

from undersigned.core.text import render_markdown
from undersigned.review.paragraphs import paragraphs


def test_each_block_of_the_text_is_a_numbered_paragraph_and_the_footnotes_rule_is_none():
    body = "We call for a fair tariff [1].\n\n- one\n- two\n\nLast.\n\n[1] The regulator."
    found = paragraphs(render_markdown(body))
    assert [p.number for p in found] == [1, 2, 3, None, 4]
    assert found[1].html.startswith("<ul>")
    assert found[2].text == "Last."
    assert "The regulator." in found[4].text  # the sources can be commented on too
    assert paragraphs("") == []
