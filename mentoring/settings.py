"""Settings of «Наставничество». Every value that differs between machines comes from the
environment (or a `.env` file beside manage.py) through the typed helpers of mentoring.env.
The embedded default — SQLite, console e-mail, in-process tasks — needs no configuration."""

import os
import warnings
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_choice, env_database, env_int, env_list, env_s3_storage, env_str

BASE_DIR = Path(__file__).resolve().parent.parent


def _load_dotenv(path: Path) -> None:
    """KEY=VALUE lines; the real environment wins over the file."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


_load_dotenv(BASE_DIR / ".env")

# WeasyPrint warns on import when the system lacks libharfbuzz-subset (a DeprecationWarning about its future
# versions): the PDFs are made all the same, so a newcomer's `make run` should not open with it.
warnings.filterwarnings("ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning)

DEBUG = env_bool("DEBUG", True)
_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"
SECRET_KEY = env_str("SECRET_KEY", None if not DEBUG else _DEV_SECRET)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG=0.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG=0.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# `manage.py demo_data` (logins with one published password) runs only on a development copy (DEBUG=1).
DEMO_DATA_ALLOWED = DEBUG
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "post_office",
    "axes",
    "accounts",
    "mentoring",
    "roadmap",
    "monitoring",
]

MIDDLEWARE = [
    "accounts.views.request_id.RequestIdMiddleware",  # first: every log line of the request carries its id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.views.middleware.CurrentOrganizationMiddleware",
    "accounts.views.middleware.DownloadAuditMiddleware",
    "accounts.views.middleware.ConstraintErrorMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a refused sign-in into the lockout page
]

REDIS_URL = env_str("REDIS_URL")

# Sign-in throttling (django-axes) on every login form — the site's and /admin/login/ — through the
# authentication backend. The failure counters are shared by every worker process: in Redis when REDIS_URL is
# set, otherwise in the database (django-axes refuses a per-process or file cache for them).
AUTHENTICATION_BACKENDS = [
    "accounts.views.auth.ThrottledBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler" if REDIS_URL else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are in our audit journal
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
# Per login and address: a school behind one NAT address is not locked out by one forgetful teacher.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "accounts.views.web.client_ip"  # one rule for the proxy (TRUSTED_PROXIES)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Password reset: letters per address and requests per visitor (accounts.views.auth).
PASSWORD_RESET_PER_ADDRESS = env_int("PASSWORD_RESET_PER_ADDRESS", 3, minimum=1)  # an hour
PASSWORD_RESET_PER_VISITOR = env_int("PASSWORD_RESET_PER_VISITOR", 10, minimum=1)  # an hour

ROOT_URLCONF = "mentoring.urls"
WSGI_APPLICATION = "mentoring.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.views.context_processors.current",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", BASE_DIR / "db.sqlite3")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database holds a small school's real use (several people writing at once):
    # - every transaction starts with BEGIN IMMEDIATE, so a writer takes the write lock at its start and waits
    #   for it (the busy timeout) instead of failing with «database is locked» when a read turns into a write;
    # - WAL lets pages read while one transaction writes; synchronous=NORMAL is safe with WAL;
    # - the timeout exceeds the longest write (signing an order renders its PDF inside the transaction).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 60, minimum=1),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Uploaded scans and generated PDFs hold personal data: they are served only through views
# that check permissions, never from a public URL.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Admin exports: our resources escape formula-like cells themselves (accounts.infra.spreadsheets); the library's
# own escaping is kept on for any other resource, and characters .xlsx cannot hold are replaced, not a 500.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT = True

# Files on an S3-compatible object storage (MinIO, Yandex Object Storage, AWS S3…) when S3_BUCKET is set, so every
# app server and worker sees the same scans, order PDFs and packs. The bucket stays private: a file reaches a
# browser only through a view that checks permissions — streamed through the app, or, with
# S3_SIGNED_URL_SECONDS, redirected to a URL signed for that many seconds (the endpoint must then be reachable by
# the browsers). README «Масштабирование».
S3_SIGNED_URL_SECONDS = env_int("S3_SIGNED_URL_SECONDS", 0, minimum=0)
_s3 = env_s3_storage()
if _s3:
    STORAGES["default"] = _s3
else:
    S3_SIGNED_URL_SECONDS = 0  # local files are always streamed through the app

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Every letter goes into the outbox (django-post-office) and is delivered in the background with retries;
# the EMAIL_BACKEND variable chooses the real delivery behind it (the console by default).
EMAIL_BACKEND = "post_office.EmailBackend"
POST_OFFICE = {
    "BACKENDS": {"default": env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")},
    "DEFAULT_PRIORITY": "medium",
    "MAX_RETRIES": 5,
    "RETRY_INTERVAL": timedelta(minutes=10),
    "LOG_LEVEL": 1,  # failures only
    "MESSAGE_ID_ENABLED": True,
}
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Наставничество <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The cache holds the counters of the rate limits (link pages, password reset), so it must be shared by every
# worker process: Redis when configured, otherwise files on this machine (all gunicorn workers of one server
# see them; with several servers, configure Redis).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
    }
}

# Sessions in the database, read through Redis when several servers share it (a sign-in on one server holds on
# every other; the database keeps them over a Redis restart).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"
)

# Background work: on Celery workers when a broker is configured, in-process otherwise.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
# Without a broker, accounts.infra.background runs the tasks in a thread after the commit; the test suite
# sets TASKS_INLINE to run them in the caller instead.
TASKS_INLINE = False
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None  # a direct .delay() without a broker runs in-process
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# A task whose worker died is run again by another worker (every task is safe to run twice: the order PDF is
# stored once, a pack is rebuilt, reminders are sent once a day, the outbox under a shared lock); a worker takes
# one long pack at a time; it logs like the web process (LOG_FORMAT).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With a worker and `celery -A mentoring beat`: the daily jobs (without them, run the commands from cron).
CELERY_BEAT_SCHEDULE = {
    "review-reminders": {"task": "mentoring.tasks.send_review_reminders", "schedule": 24 * 3600},
    "consents-expire": {"task": "accounts.tasks.expire_consents", "schedule": 24 * 3600},
    "mail-outbox": {"task": "accounts.tasks.deliver_mail", "schedule": 10 * 60},  # retries of failed letters
    "roadmap-reminders": {"task": "roadmap.tasks.send_event_reminders", "schedule": 24 * 3600},
    "campaigns-close": {"task": "monitoring.tasks.close_campaigns", "schedule": 24 * 3600},
}

INVITATION_TTL_DAYS = env_int("INVITATION_TTL_DAYS", 14, minimum=1)
# A document pack still «собирается» this long after it was asked for has lost its worker: shown as failed.
PACK_STALE_MINUTES = env_int("PACK_STALE_MINUTES", 30, minimum=5)
# Uploads (scans of paper consents) are cut off while they stream in, not after they are stored.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 5 * 1024 * 1024, minimum=1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "accounts.views.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600, minimum=600)

# Behind a reverse proxy the client's address is the last one the proxy appended to X-Forwarded-For — read only
# when the request comes from one of TRUSTED_PROXIES (addresses or networks), never from anyone else.
BEHIND_PROXY = env_bool("BEHIND_HTTPS_PROXY", not DEBUG)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=300)
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles, fonts and images only from our own static files (the
# vendored Bootstrap, htmx, Chart.js; no CDN, no inline script, no eval). Style attributes stay allowed: the
# progress bars set their width inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^health/"]  # the load balancer probes the app servers over plain HTTP
    # SECURE_COOKIES=0 only for `make run` (DEBUG off over plain http on this computer): a browser would not
    # send a Secure cookie back over http, so nobody could sign in.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # WeasyPrint and fontTools narrate every step at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}
# post_office installs its own INFO handler unless its logger already has one («0 emails attempted» per delivery).
LOGGING["loggers"]["post_office"] = {"handlers": ["console"], "level": "WARNING", "propagate": False}

# JSON lines (LOG_FORMAT=json) for a log collector fed by several servers and workers: every record carries the
# id of its request (X-Request-ID from the proxy, else a new one), also in the background work that request
# started; one access line per request (accounts.views.request_id).
LOG_FORMAT = env_choice("LOG_FORMAT", "text", {"text", "json"})
LOGGING["filters"] = {"request_id": {"()": "accounts.infra.logs.RequestIdFilter"}}
LOGGING["handlers"]["console"]["filters"] = ["request_id"]
LOGGING["loggers"]["accounts.access"] = {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"}
if LOG_FORMAT == "json":
    LOGGING["formatters"] = {"json": {"()": "accounts.infra.logs.JsonFormatter"}}
    LOGGING["handlers"]["console"]["formatter"] = "json"
