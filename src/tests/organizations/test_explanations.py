"""The name matcher's reasons: codes with parameters, shown to coordinators in their language."""

import itertools
import json
from pathlib import Path

from django.utils import translation

from undersigned.organizations.explanations import explanation_display
from undersigned.organizations.matching import (
    NameIndex,
    Reason,
    ReasonCode,
    compare,
    reason,
    reasons_from_json,
)
from undersigned.organizations.matching.reasons import MESSAGES, PLURAL_MESSAGES

NAMES = Path(__file__).resolve().parents[3] / "eval" / "names-tuning.tsv"


def labelled_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for line in NAMES.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            label, name = line.split("\t", 1)
            names.setdefault(label, []).append(name.strip())
    return names


def reasons_on_the_labelled_names() -> set[tuple[Reason, ...]]:
    groups = list(labelled_names().values())
    pairs = [pair for names in groups for pair in itertools.combinations(names, 2)][:2000]
    # Names of different organisations, for the "close, but" and "different words" reasons.
    pairs += list(zip([g[0] for g in groups], [g[0] for g in groups[1:]], strict=False))
    found = {compare(a, b).reasons for a, b in pairs}
    index = NameIndex([(n, [names[0]]) for n, names in enumerate(groups)])
    for names in groups[::3]:
        for query in (names[-1], names[-1][:8]):
            found |= {m.reasons for m in index.search(query, limit=5, prefix=True)}
    return found


def test_scores_come_with_reasons_as_codes_and_parameters():
    result = compare("Counsil of Europe", "Council of Europe")
    assert result.reasons == (
        reason(ReasonCode.SAME_AFTER),
        reason(ReasonCode.TYPO, first="counsil", second="council"),
    )
    assert result.explanation == "same name after typo: counsil≈council"


def test_every_reason_the_matcher_gives_has_a_message_in_every_language():
    every = reasons_on_the_labelled_names()
    codes = {r.code for reasons in every for r in reasons}
    assert len(every) > 100
    assert len(codes) >= 15
    for language in ("hy", "ru"):
        with translation.override(language):
            for reasons in every:
                shown = explanation_display(reasons)
                assert shown
                # Every message is translated: no English verdict is left on the page.
                for english in ("same name after", "close, but", "different words", "only in"):
                    assert english not in shown, (language, shown)


def test_every_message_is_in_the_catalogues():
    for language in ("hy", "ru"):
        with translation.override(language):
            for message in MESSAGES.values():
                assert translation.gettext(message) != message, (language, message)
            for singular, plural in PLURAL_MESSAGES.values():
                assert translation.ngettext(singular, plural, 5) != plural, language


def test_a_reason_about_different_words_names_the_candidate_it_compares_with():
    result = compare("Democracy Development Foundation", "Berd Women's Council")
    (why,) = result.reasons
    assert why.code == ReasonCode.DIFFERENT_WORDS
    assert why.args["second_name"] == "Berd Women's Council"
    assert "Berd Women's Council" in result.explanation
    with translation.override("ru"):
        assert "Berd Women's Council" in explanation_display(result.reasons)
    lone = compare("Green Lane NGO", "Green Lane Agricultural Assistance NGO")
    assert lone.reasons[0].code == ReasonCode.ONLY_IN
    assert lone.reasons[0].args["name"] == "Green Lane Agricultural Assistance NGO"


def test_an_explanation_is_translated_keeping_the_names_it_quotes():
    reasons = (
        reason(ReasonCode.CLOSE_BUT),
        reason(ReasonCode.TYPO, first="Vanadzor", second="Vanadzro"),
        reason(ReasonCode.QUALIFIER, words=("Armenia",)),
    )
    with translation.override("ru"):
        shown = explanation_display(reasons)
    assert shown == "похоже, но: опечатка: Vanadzor≈Vanadzro; уточнение 'Armenia'"
    with translation.override("hy"):
        assert "Vanadzor≈Vanadzro" in explanation_display(reasons)
        assert (
            explanation_display(reasons)
            != "close, but typo: Vanadzor≈Vanadzro; qualifier 'Armenia'"
        )
    with translation.override("en"):
        assert explanation_display(reasons) == (
            "close, but typo: Vanadzor≈Vanadzro; qualifier 'Armenia'"
        )


def test_an_acronym_shared_by_several_organisations_uses_the_plural():
    reasons = (reason(ReasonCode.SHARED_ACRONYM, acronym="ACN", count=5),)
    with translation.override("ru"):
        shown = explanation_display(reasons)
    assert shown == "'ACN' может быть аббревиатурой; такая есть у 5 организаций"


def test_reasons_survive_a_round_trip_through_json():
    reasons = compare("Democracy Development Foundation", "Berd Women's Council").reasons
    stored = json.loads(json.dumps([r.as_json() for r in reasons]))
    assert reasons_from_json(stored) == reasons
    with translation.override("hy"):
        assert explanation_display(stored) == explanation_display(reasons)


def test_an_unknown_code_is_left_out_and_a_written_reason_shown_as_written():
    stored = [
        {"code": "from_a_later_version", "params": {}},
        {"code": "written", "params": {"text": "an explanation from before"}},
    ]
    with translation.override("ru"):
        assert explanation_display(stored) == "an explanation from before"


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
