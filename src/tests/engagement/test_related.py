import pytest

from undersigned.engagement.selectors import related_statements
from undersigned.statements.models import Statement

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def network(organization_factory):
    return [organization_factory() for _ in range(4)]


def sign(statement, organizations, signatory_factory):
    for organization in organizations:
        signatory_factory(statement=statement, organization=organization)


def test_related_statements_rank_shared_categories_signatories_and_words(
    statement_factory,
    category_factory,
    signatory_factory,
    network,
    django_capture_on_commit_callbacks,
):
    rights, ecology = category_factory(), category_factory()
    body = "Peaceful assembly demonstrators police detention Yerevan protest"
    with django_capture_on_commit_callbacks(execute=True):  # builds the search index: the words
        main = statement_factory(
            translation__title="Police detained peaceful protesters", translation__body=body
        )
        close = statement_factory(
            translation__title="Detention of protesters", translation__body=body
        )
        same_signers = statement_factory(
            translation__title="Budget hearing", translation__body="Budget."
        )
        same_words = statement_factory(
            translation__title="Protest in Gyumri", translation__body=body
        )
        unrelated = statement_factory(
            translation__title="Mining licence", translation__body="Mine."
        )
        statement_factory(status="draft", published_at=None, translation__body=body)
    main.categories.set([rights])
    close.categories.set([rights])
    unrelated.categories.set([ecology])
    sign(main, network, signatory_factory)
    sign(close, network[:3], signatory_factory)
    sign(same_signers, network[:2], signatory_factory)

    ranked = [r.statement for r in related_statements(statement=main, language="en", limit=5)]
    assert ranked[0] == close
    assert set(ranked) == {close, same_signers, same_words}
    assert unrelated not in ranked


def test_related_statements_are_titled_in_the_readers_language(
    client, statement_factory, statement_translation_factory, category_factory
):
    rights = category_factory()
    main = statement_factory(translation__title="On assembly")
    other = statement_factory(translation__title="On detention")
    statement_translation_factory(statement=other, language="hy", title="Կալանքի մասին")
    for statement in (main, other):
        statement.categories.set([rights])
    (related,) = related_statements(statement=main, language="hy")
    assert related.statement == other
    page = client.get(f"/hy/statements/{main.slug}/").content.decode()
    section = page[page.index('id="related-heading"') :]
    assert "Կալանքի մասին" in section
    assert "On detention" not in section
    assert Statement.objects.count() == 2
