"""Fixtures for the whole suite: factories, browsers, mail servers."""

import os
from pathlib import Path

import pytest

from tests import factories

SAMPLES_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(condition: bool, reason: str) -> None:
    """Skip when something optional is missing, but fail where CI demands everything."""
    if condition:
        return
    if os.environ.get("UNDERSIGNED_REQUIRE_ALL") or os.environ.get("CI"):
        pytest.fail(f"{reason} (CI requires it)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Give every test an empty cache of its own: pages, generations and rate limits alike."""
    from django.core.cache import cache

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "undersigned-tests",
        }
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def samples_dir() -> Path:
    require(SAMPLES_DIR.is_dir(), f"the samples folder {SAMPLES_DIR} is absent")
    return SAMPLES_DIR


@pytest.fixture
def organization_factory(db):
    return factories.OrganizationFactory


@pytest.fixture
def alias_factory(db):
    return factories.AliasFactory


@pytest.fixture
def membership_factory(db):
    return factories.MembershipFactory


@pytest.fixture
def category_factory(db):
    return factories.CategoryFactory


@pytest.fixture
def statement_factory(db):
    return factories.StatementFactory


@pytest.fixture
def statement_translation_factory(db):
    return factories.StatementTranslationFactory


@pytest.fixture
def signatory_factory(db):
    return factories.SignatoryFactory


@pytest.fixture(scope="session")
def chromium():
    """Start Debian's Chromium through Playwright once for the session."""
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM must be allowed beside it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """Open a fresh browser page; `page.base_url` is the live server's address."""
    context = chromium.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
