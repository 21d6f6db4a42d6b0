"""Fixtures for the whole suite: factories, browsers, mail servers; the session's set-up."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import factories

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "undersigned"
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


def catalogues_stale(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Return the .po catalogues whose compiled .mo is missing or older."""
    stale = []
    for po in sorted(package_dir.glob("locale/*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(po)
    return stale


def catalogues_compile(package_dir: Path = PACKAGE_DIR) -> None:
    """Compile the stale catalogues under package_dir/locale, as `make messages` does."""
    if not catalogues_stale(package_dir):
        return
    # django-admin's compilemessages in the package folder; a child process, so that it needs
    # no settings and leaves this session's Django untouched.
    done = subprocess.run(
        [sys.executable, "-m", "django", "compilemessages", "-v0"],
        cwd=package_dir,
        env={key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or catalogues_stale(package_dir):
        raise pytest.UsageError(
            f"Could not compile the translations (is GNU gettext installed?):\n{done.stderr}"
        )


def pytest_configure(config: pytest.Config) -> None:
    """Compile the translations when a catalogue changed: a fresh checkout needs no make step."""
    catalogues_compile()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the tests marked postgres_only to the PostgreSQL pass (CI runs both passes)."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    elsewhere = [item for item in items if item.get_closest_marker("postgres_only")]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if not item.get_closest_marker("postgres_only")]


def require(condition: bool, reason: str) -> None:
    """Skip when something optional is missing, but fail where CI demands everything."""
    if condition:
        return
    if os.environ.get("UNDERSIGNED_REQUIRE_ALL") or os.environ.get("CI"):
        pytest.fail(f"{reason} (CI requires it)")
    pytest.skip(reason)


def subprocess_database_url() -> str:
    """Return a DATABASE_URL for a child process to work on this test session's database."""
    from django.db import connection

    database = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(database["NAME"])
        require(
            name != ":memory:" and "mode=memory" not in name,
            "a child process needs the SQLite test database in a file",
        )
        return f"sqlite:///{Path(name).resolve()}"
    require(
        connection.vendor == "postgresql", f"no DATABASE_URL for a {connection.vendor} database"
    )
    return (
        f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


def subprocess_env(**settings: str) -> dict[str, str]:
    """Return this process's environment without the site's settings, plus `settings`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "TASKS_", "GUNICORN_"))
    }
    return env | settings


class WorkerProcesses:
    """Start `undersigned worker` processes on the test database, each logging to var_dir."""

    def __init__(self, var_dir: Path, **settings: str) -> None:
        self.var_dir = var_dir
        self.env = subprocess_env(
            DATABASE_URL=subprocess_database_url(),
            UNDERSIGNED_VAR_DIR=str(var_dir),
            DEBUG="0",
            LOG_LEVEL="INFO",
            **settings,
        )
        self.started: list[subprocess.Popen] = []

    def __call__(self, *arguments: str, **settings: str) -> subprocess.Popen:
        """Start one more worker with these arguments and settings; return its process."""
        log = (self.var_dir / f"worker-{len(self.started) + 1}.log").open("wb")
        worker = subprocess.Popen(
            [
                Path(sys.executable).parent / "undersigned",
                "worker",
                "--no-startup-delay",
                "--interval",
                "0.1",
                *arguments,
            ],
            env=self.env | settings,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.started.append(worker)
        return worker

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text()}"
            for path in sorted(self.var_dir.glob("worker-*.log"))
        )

    def kill_all(self) -> None:
        import signal

        for worker in self.started:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(timeout=10)


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
    # What a process remembers of the cache's batch clocks goes with the cache.
    from undersigned.signatures import supporters

    supporters._clocks_seen.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Start every test in the site's default language; a request may leave another active."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


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


# --- Sign-on (signatures app): factories, an in-process SMTP server, mail through it ---


def _version_seen(request_stub):
    from undersigned.statements.versions import statement_version_current

    return statement_version_current(statement=request_stub.statement)


_factory = factories.factory  # the section adds no import at the top of this file


class SignOnRequestFactory(_factory.django.DjangoModelFactory):
    """A confirmed request awaiting the coordinator, for an organisation in the registry."""

    class Meta:
        model = "signatures.SignOnRequest"

    statement = _factory.SubFactory(factories.StatementFactory, status="open", published_at=None)
    version = _factory.LazyAttribute(_version_seen)
    organization = _factory.SubFactory(factories.OrganizationFactory)
    organization_name = _factory.LazyAttribute(
        lambda o: o.organization.name if o.organization else "Syunik Green Valley"
    )
    contact_name = "Anahit Petrosyan"
    contact_role = "Director"
    contact_email = _factory.Sequence(lambda n: f"signer{n}@mail.example.am")
    contact_phone = "+374 10 123456"
    declared_at = _factory.LazyFunction(factories.timezone.now)
    confirmed_at = _factory.LazyFunction(factories.timezone.now)
    language = "en"
    status = "pending"


@pytest.fixture
def sign_on_factory(db):
    return SignOnRequestFactory


@pytest.fixture
def open_statement(statement_factory):
    """A statement open for signature, not yet published."""
    return statement_factory(
        status="open", published_at=None, translation__title="On the right to protest"
    )


def mail_text(message) -> str:
    """Return the plain-text part of a received message."""
    return message.get_body(preferencelist=("plain",)).get_content()


# The confirmation link a supporter is mailed: the statement's page, the token in the query.
SUPPORTER_LINK = re.compile(r"https?://[^/\s]+(/\S+/support/confirm/\?token=[\w-]+)")


def supporter_link(text: str) -> str:
    """Return the path and query of the confirmation link in a supporter's mail."""
    return SUPPORTER_LINK.search(text).group(1)


def mail_parts(message) -> tuple[str, str]:
    """Return the plain-text and HTML parts of a received message."""
    return mail_text(message), message.get_body(preferencelist=("html",)).get_content()


class SMTPCollector:
    """Messages an aiosmtpd server received, parsed."""

    def __init__(self):
        import threading

        self.messages: list = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy

        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int = 1, timeout: float = 10.0) -> list:
        """Return the messages once at least `count` have arrived; fail after the timeout."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self.messages) >= count, timeout):
                pytest.fail(f"expected {count} message(s) by SMTP, got {len(self.messages)}")
            return list(self.messages)


@pytest.fixture
def smtp_server():
    """Run a real SMTP server (aiosmtpd) on a free local port; `.messages` holds what came."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    collector = SMTPCollector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    collector.host, collector.port = "127.0.0.1", port
    yield collector
    controller.stop()


@pytest.fixture
def mail_over_smtp(settings, smtp_server):
    """Send the site's mail to the in-process SMTP server, with tasks run at once."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "undersigned.core.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port, "timeout": 10},
        }
    }
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    return smtp_server


@pytest.fixture
def mail(db, mail_over_smtp, django_capture_on_commit_callbacks):
    """Mail through the in-process SMTP server; `mail.commit()` runs what waits for the commit."""
    mail_over_smtp.commit = lambda: django_capture_on_commit_callbacks(execute=True)
    return mail_over_smtp


@pytest.fixture
def tasks_do_nothing(settings):
    """Queue tasks nowhere: the test checks what a service does, not what it queues."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def coordinator(db):
    """A staff member of the network in the Coordinator group, with an address to be told of
    new comments."""
    return factories.coordinator_create("coordinator", "coordinator@network.example.am")


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client


def run_at_once(work, arguments):
    """Run work(argument) in one thread per argument, each with its own connection."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(arguments))
    errors: list[BaseException] = []

    def worker(argument):
        try:
            barrier.wait(timeout=30)
            work(argument)
        except BaseException as error:  # collected and re-raised in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(a,)) for a in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    if errors:
        raise errors[0]


# --- end Sign-on ---


# --- Readers (engagement): axe-core in the browser (mail goes through Sign-on's smtp_server) ---

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def axe_source() -> Path:
    require(AXE_JS.exists(), f"axe-core not found at {AXE_JS} (run npm install)")
    return AXE_JS


@pytest.fixture
def axe_audit(axe_source):
    """Return a function that runs axe-core (WCAG 2.2 A and AA) on a page; it returns violations."""

    def audit(page) -> list[dict]:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated by the browser's DevTools protocol, not as a <script> the page's
            # Content-Security-Policy (scripts from the site only) would refuse.
            page.evaluate(axe_source.read_text() + "\n;true")
            # Pages opened later in this context get axe-core without another transfer.
            page.context.add_init_script(path=str(axe_source))
        return page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))",
            AXE_TAGS,
        )

    return audit


@pytest.fixture
def english():
    """Start in English: a request in another language leaves it active in this thread."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def fast_password_hashing(settings):
    """Hash test accounts' passwords cheaply: PBKDF2 costs half a second per account."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- end Readers ---


# --- Open data (api, embeds): a small archive with every kind of public and private data ---


@pytest.fixture
def open_data_archive(db, sign_on_factory):
    """Statements in three languages, organisations with names in three languages, memberships,
    categories, versions, and sign-on requests carrying contact data that must never leak."""
    from datetime import timedelta

    from django.contrib.auth.models import User
    from django.utils import timezone

    from undersigned.signatures.services import sign_on_approve

    now = timezone.now()
    network = factories.OrganizationFactory(
        name="Civic Solidarity Network",
        slug="civic-network",
        kind="network",
        name_ru="Сеть гражданской солидарности",
    )
    ngo = factories.OrganizationFactory(
        name="Helsinki Committee",
        slug="helsinki-committee",
        name_hy="Հելսինկյան կոմիտե",
        name_ru="Хельсинкский комитет",
    )
    # Another spelling, for matching: not a name shown to readers.
    factories.AliasFactory(organization=ngo, name="Helsinki Citizens Committee", language="en")
    factories.MembershipFactory(network=network, member=ngo, role="board")
    others = [
        factories.OrganizationFactory(name=f"Signatory Group {n}", slug=f"signatory-{n}")
        for n in range(4)
    ]
    rights = factories.CategoryFactory(slug="human-rights", name_en="Human rights")
    published = factories.StatementFactory(
        slug="on-free-elections",
        published_at=now - timedelta(days=3),
        translation__title="On free elections",
        translation__body="We call for free elections [1].\n\n[1] OSCE report, 2025.",
    )
    factories.StatementTranslationFactory(
        statement=published, language="hy", title="Ազատ ընտրությունների մասին", body="Մենք [1]."
    )
    factories.StatementTranslationFactory(
        statement=published, language="ru", title="О свободных выборах", body="Мы призываем."
    )
    published.publishers.add(network)
    published.categories.add(rights)
    for position, organization in enumerate([ngo, *others], start=1):
        factories.SignatoryFactory(
            statement=published, organization=organization, position=position
        )
    open_statement = factories.StatementFactory(
        slug="on-the-right-to-protest",
        status="open",
        published_at=None,
        translation__title="On the right to protest",
    )
    # Real sign-on requests: the contact data the public must never see.
    approved = sign_on_factory(
        statement=open_statement,
        organization=ngo,
        contact_name="Anahit Petrosyan",
        contact_email="anahit.private@mail.example.am",
        contact_phone="+374 91 555 777",
    )
    coordinator = User.objects.create(username="coordinator", is_staff=True)
    sign_on_approve(sign_on=approved, by=coordinator)
    sign_on_factory(
        statement=open_statement,
        organization=None,
        organization_name="Unlisted Initiative",
        contact_name="Gor Sargsyan",
        contact_email="gor.pending@mail.example.am",
        contact_phone="+374 77 000 111",
    )
    factories.StatementFactory(slug="a-draft", status="draft", published_at=None)
    withdrawn = factories.StatementFactory(
        slug="withdrawn-one", status="withdrawn", published_at=now - timedelta(days=400)
    )
    withdrawn.publishers.add(ngo)
    from undersigned.statements.search import search_rebuild

    search_rebuild()
    return {
        "published": published,
        "open": open_statement,
        "network": network,
        "ngo": ngo,
        "category": rights,
        "contacts": [
            "anahit.private@mail.example.am",
            "+374 91 555 777",
            "Anahit Petrosyan",
            "gor.pending@mail.example.am",
            "+374 77 000 111",
            "Gor Sargsyan",
            "mail.example.am",
        ],
    }


# --- end Open data ---
