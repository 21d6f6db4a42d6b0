"""The name matcher's explanations, shown to coordinators in their language."""

import itertools
from pathlib import Path

from django.utils import translation

from undersigned.organizations.explanations import explanation_display, explanation_translated
from undersigned.organizations.matching import NameIndex, compare

NAMES = Path(__file__).resolve().parents[3] / "eval" / "names.tsv"


def labelled_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for line in NAMES.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            label, name = line.split("\t", 1)
            names.setdefault(label, []).append(name.strip())
    return names


def test_every_explanation_the_matcher_gives_on_the_labelled_names_is_recognised():
    groups = list(labelled_names().values())
    pairs = [pair for names in groups for pair in itertools.combinations(names, 2)][:2000]
    # Names of different organisations, for the "close, but" and "different words" reasons.
    pairs += list(zip([g[0] for g in groups], [g[0] for g in groups[1:]], strict=False))
    explanations = {compare(a, b).explanation for a, b in pairs}
    index = NameIndex([(n, [names[0]]) for n, names in enumerate(groups)])
    for names in groups[::3]:
        for query in (names[-1], names[-1][:8]):
            explanations |= {m.explanation for m in index.search(query, limit=5, prefix=True)}
    assert len(explanations) > 100
    assert [e for e in explanations if explanation_translated(e) is None] == []


def test_an_explanation_is_translated_keeping_the_names_it_quotes():
    explanation = "close, but typo: Vanadzor≈Vanadzro; qualifier 'Armenia'"
    with translation.override("ru"):
        shown = explanation_display(explanation)
    assert shown == "похоже, но: опечатка: Vanadzor≈Vanadzro; уточнение 'Armenia'"
    with translation.override("hy"):
        assert "Vanadzor≈Vanadzro" in explanation_display(explanation)
        assert explanation_display(explanation) != explanation
    assert explanation_display(explanation) == explanation


def test_an_explanation_shared_by_several_organisations_uses_the_plural():
    with translation.override("ru"):
        shown = explanation_display("'ACN' could be an acronym, shared by 5 organisations")
    assert shown == "'ACN' может быть аббревиатурой; такая есть у 5 организаций"


def test_an_unknown_explanation_is_shown_as_written():
    with translation.override("ru"):
        assert explanation_display("a reason written later") == "a reason written later"


def test_the_import_preview_explains_matches_in_the_coordinators_language(
    admin_client, organization_factory
):
    organization_factory(name="Lori Civic Forum")
    page = "Residents demand clean air\n\n12 March 2024\n\nWe call on the ministry to act.\n\n"
    page += "Lori Civic Forum NGO\nAlaverdi Green Initiative\n"
    response = admin_client.post(
        "/ru/staff/import/", {"text": page, "language": "en", "preview": "1"}
    )
    html = response.content.decode()
    assert "то же название" in html
    assert "same name after" not in html
