"""Django settings for Undersigned, read from the environment (see README, Configuration)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from undersigned import __version__
from undersigned.core.files import private_directory, sqlite_files_private
from undersigned.core.mail import mailers_from_url
from undersigned.env import env_bool, env_int, env_list, env_str, production_refusal

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env_str("UNDERSIGNED_VAR_DIR", str(PROJECT_DIR / "var")))
# The database, the cache and the admin's password live here: the site's user alone reads it.
private_directory(VAR_DIR)

DEBUG = env_bool("DEBUG", False)
# Production refuses to start without a real secret; local runs and tests get a fixed one.
PRODUCTION = env_bool("UNDERSIGNED_PRODUCTION", False)
SECRET_KEY = env_str(
    "SECRET_KEY", None if PRODUCTION else "insecure-local-key-never-use-in-production"
)
if PRODUCTION and (refusal := production_refusal(secret_key=SECRET_KEY, debug=DEBUG)):
    # Fail at import, before any process serves a request: a guessable key forges sessions.
    raise ImproperlyConfigured(refusal)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Without SITE_URL, links in mail, feeds and canonical addresses point where `make run` serves
# (HOST and PORT), so `PORT=18800 make run` mails links that work.
_SERVED_HOST = env_str("HOST", "127.0.0.1")
if _SERVED_HOST in ("", "0.0.0.0", "::"):  # noqa: S104 (every interface: name loopback in links)
    _SERVED_HOST = "127.0.0.1"
elif ":" in _SERVED_HOST:
    _SERVED_HOST = f"[{_SERVED_HOST}]"
SITE_URL = env_str("SITE_URL", f"http://{_SERVED_HOST}:{env_int('PORT', 8000)}").rstrip("/")
SITE_NAME = env_str("SITE_NAME", "Undersigned")

INSTALLED_APPS = [
    "undersigned.core",
    "undersigned.organizations",
    "undersigned.statements",
    "undersigned.signatures",
    "undersigned.importer",
    "undersigned.engagement",
    "undersigned.publishing",
    "undersigned.review",
    "undersigned.demo",
    "undersigned.operations",
    "undersigned.insights",
    "undersigned.api",
    "undersigned.embeds",
    "undersigned.staff.admin_apps.StaffAdminConfig",  # django.contrib.admin, with its own site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_tasks_db",
    "corsheaders",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    # Last: its post_migrate keeps the Coordinator group in step with every app's permissions.
    "undersigned.staff",
]

MIDDLEWARE = [
    # First: a request id for every line logged, and the time and status the client sees.
    "undersigned.operations.middleware.RequestObservationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session is read: a NUL in a cookie or a parameter never reaches the database.
    "undersigned.core.inputguard.InputGuardMiddleware",
    # Before CommonMiddleware, so that its redirects carry the CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout raised by the backend into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "undersigned.urls"
WSGI_APPLICATION = "undersigned.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "undersigned.core.context_processors.site",
                "undersigned.core.pagecache.csrf_placeholder",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'undersigned.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# WAL and a busy timeout let the web server and the worker share one file safely.
# synchronous=FULL: a confirmed signature survives a power cut once its commit returned
# (NORMAL may lose the last commits; bench/bench_sqlite_sync.py measures the cost).
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    sqlite_files_private(Path(DATABASES["default"]["NAME"]))
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "undersigned"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Without Redis, the processes of one machine (web workers and the task worker) share one
    # cache: diskcache's Django backend, SQLite files under var/ whose add() and incr() are
    # atomic between processes and whose incr() keeps a key's expiry.
    CACHES = {
        "default": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": str(VAR_DIR / "cache"),
            # diskcache drops the least recently stored entries past this size.
            "OPTIONS": {"size_limit": env_int("CACHE_SIZE_MB", 1024) * 2**20},
        }
    }

# Scale: many readers at once, several app servers (docs/deployment.md, bench/bench_web.py).
if REDIS_URL:
    # django-redis keeps one Redis client per process and increments in one round trip;
    # Django's own backend builds a new client object for every call, which on a cached page
    # costs more than the page itself.
    CACHES["default"]["BACKEND"] = "django_redis.cache.RedisCache"
# While one request renders a changed page again, others get the page from before the change
# for at most this long after it (0: everyone renders at once).
PAGE_CACHE_STALE_MS = env_int("PAGE_CACHE_STALE_MS", 500)
# --- end Scale ---

# The archive's organisation filter offers this many, those that signed most; the registry has all.
ARCHIVE_FILTER_ORGANIZATIONS = env_int("ARCHIVE_FILTER_ORGANIZATIONS", 100)

# Insights: the overview's figures and the networks' maps are computed this many seconds after
# the first change that makes them out of date, once for all the changes made meanwhile
# (0: at once, each time).
INSIGHTS_DEBOUNCE_SECONDS = env_int("INSIGHTS_DEBOUNCE_SECONDS", 30)

# Whole pages for anonymous readers, invalidated precisely (see core/pagecache.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
# A new release renders pages anew: templates may have changed.
RELEASE = env_str("RELEASE", __version__)
PAGE_CACHE_CONTROL = env_str(
    "PAGE_CACHE_CONTROL",
    "public, max-age=0, must-revalidate, s-maxage=1, stale-while-revalidate=30",
)

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# A task claimed by a worker that neither finished it nor renewed its claim for this long is
# put back in the queue (core/worker.py); sooner when its worker's process is seen gone.
TASKS_LEASE_SECONDS = env_int("TASKS_LEASE_SECONDS", 300)
# Tasks the worker books itself every so many seconds (core/periodic.py): no cron is needed.
PERIODIC_TASKS = {
    # Unconfirmed subscriptions and comments past their link's expiry; friends' addresses.
    "undersigned.engagement.tasks.readers_data_expire_task": env_int(
        "READERS_CLEANUP_SECONDS", 24 * 3600
    ),
    # Supporters whose count's batch was missed (the worker was down, say).
    "undersigned.signatures.tasks.supporter_tallies_update_task": env_int(
        "SUPPORTERS_RECOUNT_SECONDS", 3600
    ),
    # Views left in the cache when no later view booked a flush.
    "undersigned.engagement.tasks.view_counts_flush_task": env_int("VIEWS_FLUSH_SECONDS", 600),
    # The queue's records of finished tasks, past the days below.
    "undersigned.core.tasks.task_results_prune": 24 * 3600,
}
# Behind nginx, the view image is answered by nginx and written to this log, which the worker
# reads every VIEWS_LOG_SECONDS (engagement/viewlog.py, deploy/nginx-views.conf); empty: the app
# counts the views itself (`make run`).
VIEWS_LOG = env_str("VIEWS_LOG", "")
if VIEWS_LOG:
    PERIODIC_TASKS["undersigned.engagement.tasks.views_log_read_task"] = env_int(
        "VIEWS_LOG_SECONDS", 5
    )
# Finished tasks' records are kept this many days (failed ones longer, to look into).
TASKS_KEEP_DAYS = env_int("TASKS_KEEP_DAYS", 14)
TASKS_KEEP_FAILED_DAYS = env_int("TASKS_KEEP_FAILED_DAYS", 60)

# Mail: EMAIL_URL such as smtp://user:pass@host:587?tls=1; the default prints to the console.
MAILERS = mailers_from_url(env_str("EMAIL_URL", ""))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Undersigned <no-reply@undersigned.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every mail goes through core/outbox.py. One mailbox (v@, V@, v+1@… count as one: see
# core/addresses.py) gets at most this many mails an hour that strangers' forms ask for; past
# it the mail is recorded as refused and the person at the form is told.
MAIL_PER_RECIPIENT_PER_HOUR = env_int("MAIL_PER_RECIPIENT_PER_HOUR", 6)
# A mail server that fails is tried again this many times in all, after 2, 4, 8… minutes.
MAIL_ATTEMPTS = env_int("MAIL_ATTEMPTS", env_int("SIGNON_MAIL_ATTEMPTS", 5))
# Staff can read a copy of every mail; with console mail (no EMAIL_URL) the copy keeps its links.
MAIL_FULL_COPIES = env_bool(
    "MAIL_FULL_COPIES", env_bool("SIGNON_MAIL_FULL_COPIES", not env_str("EMAIL_URL", ""))
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("hy", _("Armenian")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Yerevan")
# Our own Armenian (Django has none) and English formats; Russian is Django's.
FORMAT_MODULE_PATH = ["undersigned.formats"]

# Set them outside var/ (which is 700) when another user, such as nginx's, serves them from disk.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("UNDERSIGNED_MANIFEST_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True

# --- Headers and cookies (docs/security.md) ---
# Production runs behind a TLS proxy that sets X-Forwarded-Proto (deploy/, docs/deployment.md).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it: the language is in every URL
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Every script and style comes from the site's own static files: no inline code, no nonces
# (a nonce would be frozen into the page cache and shared by every reader). A view framed by
# other sites overrides one directive with core.headers.csp_frame_ancestors(...).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
# Browser features the site never uses are switched off for it and for anything it frames.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# --- Staff accounts (docs/security.md): permissions, lockout, second factor, sessions ---
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: it refuses a locked-out login before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A TOTP code from an enrolled device is asked for at the staff login: on by default in
# production; `make run` (local) lets a developer in with the password alone unless set.
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = SITE_NAME
# Only staff sign in, so every session is a staff session: a working day, not two weeks.
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_HOURS", 8) * 3600
# After this many wrong passwords for one username from one address, that pair is locked out
# for AXES_COOLOFF_HOURS; the attempts are kept in the database (both engines).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "undersigned.staff.views.lockout"
AXES_HTTP_RESPONSE_CODE = 429
# The same client address as the rate limits (the proxy header when SIGNON_CLIENT_IP_HEADER is set).
AXES_CLIENT_IP_CALLABLE = "undersigned.core.ratelimit.client_ip"
AXES_VERBOSE = False

# Operations (operations/): logs, error reports, health checks and metrics.
# LOG_FORMAT=json: one JSON object a line (for journald, Loki, …); else plain text. Both carry
# the request id and hide email addresses and phone numbers.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "undersigned.operations.logs.RequestIdFilter"},
        "quiet_task_progress": {"()": "undersigned.operations.logs.QuietTaskProgressFilter"},
    },
    "formatters": {
        "text": {
            "()": "undersigned.operations.logs.PlainFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
        "json": {
            "()": "undersigned.operations.logs.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "quiet_task_progress"],
            "formatter": LOG_FORMAT,
        },
        "mail_admins": {
            "class": "undersigned.operations.errors.OutboxAdminEmailHandler",
            "level": "ERROR",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console", "mail_admins"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Django's own handlers (console when DEBUG, its direct mail to ADMINS) give way to
        # the root's: every line through one formatter, error mail through the outbox.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # gunicorn's own lines (start, workers) through the same formatter.
        "gunicorn.error": {"handlers": [], "propagate": True},
        # Failed logins and lockouts are warnings; every successful login would be noise.
        "axes": {"level": "WARNING"},
    },
}
# Errors: to Sentry when SENTRY_DSN is set; else mailed to ADMINS (comma-separated addresses)
# through the outbox, one mail per distinct error per ERROR_MAIL_INTERVAL_MINUTES.
ADMINS = env_list("ADMINS", [])
ERROR_MAIL_INTERVAL_MINUTES = env_int("ERROR_MAIL_INTERVAL_MINUTES", 30)
EMAIL_SUBJECT_PREFIX = env_str("EMAIL_SUBJECT_PREFIX", f"[{SITE_NAME}] ")
SENTRY_DSN = env_str("SENTRY_DSN", "")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "production" if PRODUCTION else "local")
try:
    SENTRY_TRACES_SAMPLE_RATE = float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0"))
except ValueError as error:
    raise ImproperlyConfigured("SENTRY_TRACES_SAMPLE_RATE must be a number from 0 to 1.") from error
# /readyz: the worker's heartbeat may be this old, a mail or a due task may wait this long.
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 60)
OUTBOX_STUCK_MINUTES = env_int("OUTBOX_STUCK_MINUTES", 15)
# /metrics: readable by staff, or with "Authorization: Bearer <METRICS_TOKEN>" (empty: staff only).
METRICS_TOKEN = env_str("METRICS_TOKEN", "")

ARCHIVE_PAGE_SIZE = env_int("ARCHIVE_PAGE_SIZE", 10)

# Sign-on: confirmation links, rate limits and mail copies (see signatures/).
SIGNON_TOKEN_DAYS = env_int("SIGNON_TOKEN_DAYS", 7)
# "count/period" (period s, m, h or d), counted in the shared cache: Redis when REDIS_URL is set.
SIGNON_RATE_LIMIT_IP = env_str("SIGNON_RATE_LIMIT_IP", "20/h")
SIGNON_RATE_LIMIT_EMAIL = env_str("SIGNON_RATE_LIMIT_EMAIL", "5/h")
SIGNON_RATE_LIMIT_SEARCH = env_str("SIGNON_RATE_LIMIT_SEARCH", "120/m")
# Behind a reverse proxy: the header that carries the client's address (e.g. X-Forwarded-For).
SIGNON_CLIENT_IP_HEADER = env_str("SIGNON_CLIENT_IP_HEADER", "")
# Versioned text: links asking earlier signers to re-confirm a new text work this many days.
SIGNON_RECONFIRM_DAYS = env_int("SIGNON_RECONFIRM_DAYS", 30)
# Signers hear of a new text this many minutes after the edit, so that a run of quick fixes
# makes one mail (naming the latest version), and the coordinator can first ask for re-confirmation.
SIGNON_VERSION_MAIL_DELAY_MINUTES = env_int("SIGNON_VERSION_MAIL_DELAY_MINUTES", 10)
# Individual supporters: rate limits ("count/period"); many people may share one address (NAT).
SUPPORTERS_RATE_LIMIT_IP = env_str("SUPPORTERS_RATE_LIMIT_IP", "60/h")
SUPPORTERS_RATE_LIMIT_EMAIL = env_str("SUPPORTERS_RATE_LIMIT_EMAIL", "5/h")
# The count on a statement's page lags confirmations by at most about this many seconds.
SUPPORTERS_COUNT_SECONDS = env_int("SUPPORTERS_COUNT_SECONDS", 5)
# Supporters' confirmation mails go out in batches, one a statement every so many seconds
# (0: a batch for each sign-up).
SUPPORTERS_MAIL_SECONDS = env_int("SUPPORTERS_MAIL_SECONDS", 1)
SUPPORTERS_PAGE_SIZE = env_int("SUPPORTERS_PAGE_SIZE", 100)
# The PDF letter's fonts (Debian: fonts-dejavu-core for Latin and Cyrillic, fonts-noto-core
# for Armenian). Missing fonts make the letter answer with a clear error, not a broken PDF.
SIGNON_LETTER_FONT = env_str(
    "SIGNON_LETTER_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)
SIGNON_LETTER_FONT_BOLD = env_str(
    "SIGNON_LETTER_FONT_BOLD", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)
SIGNON_LETTER_FONT_ARMENIAN = env_str(
    "SIGNON_LETTER_FONT_ARMENIAN", "/usr/share/fonts/truetype/noto/NotoSansArmenian-Regular.ttf"
)
SIGNON_LETTER_FONT_ARMENIAN_BOLD = env_str(
    "SIGNON_LETTER_FONT_ARMENIAN_BOLD", "/usr/share/fonts/truetype/noto/NotoSansArmenian-Bold.ttf"
)

# Readers (engagement app): view counts, comments, newsletter, sharing. Rates are "count/period".
# One address is one reader per statement and day (engagement/viewcount.py).
# Buffered views reach the database this many seconds after the first of a batch, or at once
# when this many are waiting (`undersigned flush_views` does it by hand).
VIEW_COUNT_FLUSH_SECONDS = env_int("VIEW_COUNT_FLUSH_SECONDS", 300)
VIEW_COUNT_FLUSH_THRESHOLD = env_int("VIEW_COUNT_FLUSH_THRESHOLD", 500)
COMMENTS_ENABLED = env_bool("COMMENTS_ENABLED", True)
# "first": a confirmed address's comments appear at once after a moderator approved one of them;
# "all": every comment waits for a moderator.
COMMENTS_MODERATION = env_str("COMMENTS_MODERATION", "first")
COMMENTS_MAX_LENGTH = env_int("COMMENTS_MAX_LENGTH", 5000)
COMMENTS_RATE_LIMIT_IP = env_str("COMMENTS_RATE_LIMIT_IP", "5/10m")
COMMENTS_RATE_LIMIT_EMAIL = env_str("COMMENTS_RATE_LIMIT_EMAIL", "10/d")
COMMENTS_TOKEN_DAYS = env_int("COMMENTS_TOKEN_DAYS", 7)
# Set when a commenter confirms their address: proves later comments from that browser are theirs.
COMMENTS_COOKIE_NAME = "undersigned_commenter"
COMMENTS_COOKIE_DAYS = env_int("COMMENTS_COOKIE_DAYS", 365)
# Who hears of new comments; empty: every active staff account with an email address.
COMMENTS_NOTIFY_EMAILS = env_list("COMMENTS_NOTIFY_EMAILS", [])
# Review before opening (review/): how long a review link works unless the coordinator says
# otherwise, the longest they may choose, and the limits on reviewers' comments.
REVIEW_LINK_DAYS = env_int("REVIEW_LINK_DAYS", 14)
REVIEW_LINK_MAX_DAYS = env_int("REVIEW_LINK_MAX_DAYS", 90)
REVIEW_COMMENT_MAX_LENGTH = env_int("REVIEW_COMMENT_MAX_LENGTH", 5000)
REVIEW_RATE_LIMIT_IP = env_str("REVIEW_RATE_LIMIT_IP", "20/h")
REVIEW_RATE_LIMIT_LINK = env_str("REVIEW_RATE_LIMIT_LINK", "200/d")
NEWSLETTER_TOKEN_DAYS = env_int("NEWSLETTER_TOKEN_DAYS", 7)
NEWSLETTER_RATE_LIMIT_IP = env_str("NEWSLETTER_RATE_LIMIT_IP", "10/h")
NEWSLETTER_RATE_LIMIT_EMAIL = env_str("NEWSLETTER_RATE_LIMIT_EMAIL", "3/d")
# Statements published longer ago than this (an imported archive) are not mailed to subscribers.
NEWSLETTER_ANNOUNCE_WITHIN_DAYS = env_int("NEWSLETTER_ANNOUNCE_WITHIN_DAYS", 3)
FRIEND_RATE_LIMIT_IP = env_str("FRIEND_RATE_LIMIT_IP", "5/h")
FRIEND_RATE_LIMIT_RECIPIENT = env_str("FRIEND_RATE_LIMIT_RECIPIENT", "2/d")
# Open data (api and embeds apps): the public API, oEmbed, embeds and the bulk dump.
# Any site may read the API and oEmbed from a browser; nothing else is shared across origins.
CORS_URLS_REGEX = r"^/(api|oembed)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
# Requests per client address to the API, oEmbed and the dump ("count/period").
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "300/m")
# The licence the data is published under (an SPDX identifier), printed in the API and the dump.
DATA_LICENSE = env_str("DATA_LICENSE", "CC-BY-4.0")
# Where the worker writes the bulk dump (JSON Lines, gzip), served at /api/dump/.
DATA_DUMP_DIR = Path(env_str("DATA_DUMP_DIR", str(VAR_DIR / "dumps")))
# The dump is written again this many seconds after the first change of a batch.
DATA_DUMP_DELAY_SECONDS = env_int("DATA_DUMP_DELAY_SECONDS", 60)
