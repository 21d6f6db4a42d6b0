import pytest


@pytest.mark.parametrize("language", ["en", "hy", "ru"])
def test_home_archive_and_statement_pages_render_in_each_language(
    client, language, signatory_factory
):
    slug = signatory_factory().statement.slug
    for path in ["", "statements/", f"statements/{slug}/"]:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200
        assert response["Content-Language"] == language
