"""Settings of the Rathaus platform, read only from the environment.

Every variable is documented in `.env.example`. `DJANGO_ENV` selects the profile:
`production` (the default, strict), `development` (local `make run`) or `test`.
"""

import copy
import ipaddress
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from rathaus.release import fingerprint

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="production")
if DJANGO_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured("DJANGO_ENV must be production, development or test.")
PRODUCTION = DJANGO_ENV == "production"
TESTING = DJANGO_ENV == "test"

DEBUG = env.bool("DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must not be switched on in production.")

if PRODUCTION:
    try:
        SECRET_KEY = env.str("SECRET_KEY")
    except ImproperlyConfigured as error:
        raise ImproperlyConfigured(
            "Set SECRET_KEY in production (or DJANGO_ENV=development for local use)."
        ) from error
else:
    SECRET_KEY = env.str("SECRET_KEY", default="development-only-secret-never-use-in-production")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[]
    if PRODUCTION
    else ["127.0.0.1", "localhost", "[::1]", *(["testserver"] if TESTING else [])],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Reverse proxies (addresses or CIDR networks) whose X-Forwarded-For names the real client;
# empty: the peer address is the client (rathaus.core.client.client_ip).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        message = f"TRUSTED_PROXIES: {_proxy} is no address or network."
        raise ImproperlyConfigured(message) from error
# Links in e-mails: by default the address `make run` serves on (gunicorn binds 127.0.0.1:$PORT).
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}")

INSTALLED_APPS = [
    "rathaus.core",
    "rathaus.accounts",
    "rathaus.accounts.bundid",
    "rathaus.organization",
    "rathaus.eservices",
    "rathaus.dogtax",
    "rathaus.childbenefit",
    "rathaus.fitconnect",
    "rathaus.participation",
    "rathaus.voting",
    "rathaus.geodata",
    "rathaus.opendata",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "ninja",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "django_prometheus",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "rathaus.core.request_log.RequestLogMiddleware",
    "rathaus.core.guard.RequestGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "rathaus.geodata.middleware.MapSourcesCspMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "rathaus.core.middleware.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rathaus.accounts.middleware.StaffMfaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "rathaus.urls"
WSGI_APPLICATION = "rathaus.wsgi.application"

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
                "rathaus.core.context_processors.platform",
            ],
        },
    },
]

# Database: an SQLite file by default, PostgreSQL (or any Django database) via DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'rathaus.sqlite3'}")}
# Persistent connections (seconds; checked before reuse): a request no longer pays for a new
# PostgreSQL connection. Tests open and close theirs.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if TESTING else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (login throttling, TOTP replay protection): shared between processes by default.
CACHES = {
    "default": env.cache(
        "CACHE_URL",
        default="locmemcache://" if TESTING else f"filecache://{VAR_DIR / 'cache'}",
    )
}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    # Cached page fragments (ADR 0371) outnumber Django's default of 300 entries; every write
    # lists the directory to cull it, so the bound stays moderate (Redis for more, ADR 0161).
    CACHES["default"].setdefault("OPTIONS", {}).setdefault(
        "MAX_ENTRIES", env.int("CACHE_MAX_ENTRIES", default=5000)
    )
# Cached page fragments ({% cache %}, ADR 0371) under this release's fingerprint, so an update
# never shows a fragment of the previous release's templates; same store as the default cache.
CACHES["template_fragments"] = {
    **copy.deepcopy(CACHES["default"]),
    "KEY_PREFIX": "fragments-" + (env.str("RELEASE", default="") or fingerprint()),
}
# Sessions: in the database; with a shared cache (CACHE_URL=redis://...) read through it.
SESSION_ENGINE = env.str(
    "SESSION_ENGINE",
    default="django.contrib.sessions.backends.cached_db"
    if CACHES["default"]["BACKEND"].endswith("RedisCache")
    else "django.contrib.sessions.backends.db",
)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# django-allauth: e-mail login with mandatory verification, TOTP for staff, OpenID Connect.
ACCOUNT_ADAPTER = "rathaus.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "rathaus.accounts.adapters.SocialAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = env.str("EMAIL_SUBJECT_PREFIX", default="[Rathaus] ")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# Sign-in locks: failed attempts lock the account (per key = e-mail address); a client address
# is locked only when it fails for many different accounts within a window (rathaus.accounts.
# signin_locks). Sign-up and password reset are limited per client address and per address.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("LOGIN_RATE_LIMIT", default="5/5m/key"),
    "login": env.str("LOGIN_ATTEMPTS_RATE_LIMIT", default="30/m/ip"),
    "signup": env.str("SIGNUP_RATE_LIMIT", default="10/h/ip"),
    "reset_password": env.str("PASSWORD_RESET_RATE_LIMIT", default="20/h/ip,5/h/key"),
    "reset_password_from_key": env.str("PASSWORD_RESET_KEY_RATE_LIMIT", default="20/h/ip"),
}
# Rate limits per client (rathaus.core.ratelimit, django-ratelimit; "count/period" with period
# s, m, h, d or e.g. 10m; empty = unlimited). Computing endpoints per client address, proposals
# and comments per account. Far above what a citizen does; counters live in the cache.
RATE_LIMITS = {
    "quote": env.str("RATE_LIMIT_QUOTE", default="60/m"),
    "geodata": env.str("RATE_LIMIT_GEODATA", default="300/m"),
    "voting_code": env.str("RATE_LIMIT_VOTING_CODE", default="60/10m"),
    "proposal": env.str("RATE_LIMIT_PROPOSAL", default="20/h"),
    "comment": env.str("RATE_LIMIT_COMMENT", default="60/h"),
}
RATELIMIT_IP_META_KEY = "rathaus.core.ratelimit.counted_address"
# Where the counters live: "cache" (the default cache: Redis, or in memory for tests) or
# "database" (rathaus.core.ratecounters: shared by all processes, atomic). Default: the database
# on PostgreSQL unless the cache is Redis; the file cache writes a file per request and races.
RATE_LIMIT_COUNTERS = env.str(
    "RATE_LIMIT_COUNTERS",
    default="database"
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and CACHES["default"]["BACKEND"].endswith("FileBasedCache")
    else "cache",
)
if RATE_LIMIT_COUNTERS == "database":
    CACHES["ratelimit"] = {"BACKEND": "rathaus.core.ratecounters.DatabaseCounters"}
    RATELIMIT_USE_CACHE = "ratelimit"
# Scopes whose counts each process adds to the shared counter in batches (core.ratebatch,
# ADR 0451): the limit holds to within a fiftieth of it (at most 49) per process and window.
RATE_LIMIT_BATCHED = env.list("RATE_LIMIT_BATCHED", default=["geodata"])
RATELIMIT_FAIL_OPEN = True  # a cache outage must not lock every citizen out
LOGIN_FAILED_ACCOUNTS_PER_CLIENT = env.int("LOGIN_FAILED_ACCOUNTS_PER_CLIENT", default=30)
LOGIN_FAILED_CLIENT_WINDOW = env.int("LOGIN_FAILED_CLIENT_WINDOW", default=3600)
# API tokens: how many days a new token works (staff tokens also need TOTP on the account).
API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=90)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Rathaus")
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_ONLY = False

# OpenID Connect (BundID, an eID service or the city's Keycloak), see rathaus.accounts.oidc.
OIDC = {
    "ENABLED": env.bool("OIDC_ENABLED", default=False),
    "PROVIDER_ID": env.str("OIDC_PROVIDER_ID", default="city"),
    "NAME": env.str("OIDC_NAME", default="BundID"),
    "ISSUER": env.str("OIDC_ISSUER", default=""),
    "CLIENT_ID": env.str("OIDC_CLIENT_ID", default=""),
    "CLIENT_SECRET": env.str("OIDC_CLIENT_SECRET", default=""),
    "SCOPES": env.list("OIDC_SCOPES", default=["openid", "email", "profile", "address"]),
    "CLAIMS": env.dict("OIDC_CLAIMS", default={}),
    "ASSURANCE_LEVEL": env.str("OIDC_ASSURANCE_LEVEL", default="substantial"),
    "ACR_LEVELS": env.dict("OIDC_ACR_LEVELS", default={}),
}
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": []}}
if OIDC["ENABLED"]:
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"].append(
        {
            "provider_id": OIDC["PROVIDER_ID"],
            "name": OIDC["NAME"],
            "client_id": OIDC["CLIENT_ID"],
            "secret": OIDC["CLIENT_SECRET"],
            "settings": {"server_url": OIDC["ISSUER"], "scope": OIDC["SCOPES"]},
        }
    )

# DeutschlandID / BundID over SAML 2.0 (docs/bundid.md, rathaus.accounts.bundid). Off unless the
# IdP's metadata (URL or file) and the platform's entity ID are configured.
BUNDID = {
    "NAME": env.str("BUNDID_NAME", default="BundID"),
    "IDP_METADATA_URL": env.str("BUNDID_IDP_METADATA_URL", default=""),
    "IDP_METADATA_FILE": env.str("BUNDID_IDP_METADATA_FILE", default=""),
    "IDP_METADATA_CERT": env.str("BUNDID_IDP_METADATA_CERT", default=""),
    "SP_ENTITY_ID": env.str("BUNDID_SP_ENTITY_ID", default=""),
    "SP_SIGNING_KEY": env.str("BUNDID_SP_SIGNING_KEY", default=""),
    "SP_SIGNING_CERT": env.str("BUNDID_SP_SIGNING_CERT", default=""),
    "SP_ENCRYPTION_KEY": env.str("BUNDID_SP_ENCRYPTION_KEY", default=""),
    "SP_ENCRYPTION_CERT": env.str("BUNDID_SP_ENCRYPTION_CERT", default=""),
    "REQUESTED_LEVEL": env.str("BUNDID_REQUESTED_LEVEL", default="low"),
    "RESPONSE_SIGNED": env.bool("BUNDID_RESPONSE_SIGNED", default=False),
    "CLOCK_SKEW": env.int("BUNDID_CLOCK_SKEW", default=60),
    "ONLINE_SERVICE_ID": env.str("BUNDID_ONLINE_SERVICE_ID", default=""),
    "ORGANIZATION_DISPLAY_NAME": env.str("BUNDID_ORGANIZATION_DISPLAY_NAME", default=""),
}
BUNDID["ENABLED"] = bool(
    (BUNDID["IDP_METADATA_URL"] or BUNDID["IDP_METADATA_FILE"]) and BUNDID["SP_ENTITY_ID"]
)
if BUNDID["ENABLED"]:
    SOCIALACCOUNT_PROVIDERS["bundid"] = {"APPS": [{"client_id": "bundid", "name": BUNDID["NAME"]}]}

# Internationalisation: German first, English complete.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Project-level wording that takes precedence over dependencies' catalogues (formal German).
LOCALE_PATHS = [BASE_DIR / "src" / "rathaus" / "locale"]
LANGUAGE_COOKIE_NAME = "rathaus_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Static files and front-end assets from npm, served by WhiteNoise (no CDN anywhere).
STATIC_URL = "/static/"
STATIC_ROOT = None if TESTING else env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/kern", NODE_MODULES / "@kern-ux" / "native" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("vendor/protomaps-leaflet", NODE_MODULES / "protomaps-leaflet" / "dist"),
]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served publicly: uploads go through permission-checked views
# Uploads, notices and exports: MEDIA_ROOT by default, an S3-compatible object store (MinIO,
# Ceph, a cloud) when S3_BUCKET is set, so that several machines share them.
S3_BUCKET = env.str("S3_BUCKET", default="")
STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("S3_PREFIX", default=""),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "zip",
    "gz",
    "tgz",
    "bz2",
    "tbz",
    "xz",
    "br",
    "swf",
    "flv",
    "woff",
    "woff2",
    "3gp",
    "3gpp",
    "asf",
    "avi",
    "m4v",
    "mov",
    "mp4",
    "mpeg",
    "mpg",
    "webm",
    "wmv",
    "map",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Larger bodies are refused with 413 before they are read (rathaus.core.guard); the API takes
# JSON only, and its largest real request (a quote for 20 children) stays far below 64 KiB.
MAX_REQUEST_BODY_BYTES = env.int("MAX_REQUEST_BODY_BYTES", default=60 * 1024 * 1024)
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=64 * 1024)
# Computing endpoints (quotes, point-in-district, OGC items) running at once per worker process;
# one more is answered 503 with Retry-After (rathaus.core.guard.compute_slot).
COMPUTE_SLOTS = env.int("COMPUTE_SLOTS", default=1)
# Seconds a process answers geodata requests (OGC, map data, point in district) from the data
# version it read last before asking the database again; 0 asks on every request (tests).
GEODATA_VERSION_TTL = env.float("GEODATA_VERSION_TTL", default=0.0 if TESTING else 1.0)

# E-mail: the console in development, memory in tests, SMTP (EMAIL_URL) in production.
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if not PRODUCTION else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Rathaus <rathaus@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: one interface (django-tasks); the database by default, no broker needed.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND",
            default="django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}
# At scale: the queue in Redis (RQ), run by `manage.py run_worker` on any number of machines.
TASKS_URL = env.str("TASKS_URL", default="")
if TASKS_URL:
    TASKS["default"] = {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    RQ_QUEUES = {"default": {"URL": TASKS_URL, "DEFAULT_TIMEOUT": 900}}
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
# A running task whose worker has not beaten for this long runs again (at most N times).
TASKS_LEASE_SECONDS = env.int("TASKS_LEASE_SECONDS", default=120)
TASKS_MAX_ATTEMPTS = env.int("TASKS_MAX_ATTEMPTS", default=5)
# Scheduled jobs: a job that is not finished after this long may be started again elsewhere.
SCHEDULE_LEASE_SECONDS = env.int("SCHEDULE_LEASE_SECONDS", default=3600)

# Security: Django's protections on; strict transport and cookies in production.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    if env.bool("BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The platform's own base map (a PMTiles archive built by `manage.py build_basemap`, served
# with range requests at /maps/basemap.pmtiles); used when the municipality profile's base map
# is "archive" and the file exists. Empty: none. Tests configure their own.
_basemap_archive = env.str(
    "BASEMAP_ARCHIVE", default="" if TESTING else str(VAR_DIR / "basemap.pmtiles")
)
BASEMAP_ARCHIVE = Path(_basemap_archive) if _basemap_archive else None
# The deepest zoom level the archive is cut to; the browser enlarges its tiles beyond.
BASEMAP_MAX_ZOOM = env.int("BASEMAP_MAX_ZOOM", default=14)
# Open data: the contributor id GovData assigned to the city, and the default licence.
DCATDE_CONTRIBUTOR_ID = env.str("DCATDE_CONTRIBUTOR_ID", default="")
OPENDATA_LICENCE = env.str(
    "OPENDATA_LICENCE", default="http://dcat-ap.de/def/licenses/dl-by-de/2.0"
)
_csp_img = [SELF, "data:"]
_csp_form_action = [SELF]
# Map pages add the hosts of the profile's tile service and of the registered WMS/WMTS layers
# to img-src for themselves (rathaus.geodata.middleware.MapSourcesCspMiddleware).
if OIDC["ENABLED"] and OIDC["ISSUER"]:
    _csp_form_action.append(OIDC["ISSUER"].rstrip("/") + "/")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _csp_img,
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": _csp_form_action,
        "frame-ancestors": [NONE],
    }
}

# The city's departments on day one (JSON in the format of organization/definitions/units.json);
# empty: Kaiserslautern's.
ORGANIZATION_UNITS = env.str("ORGANIZATION_UNITS", default="")

# The municipality this installation serves; the defaults are Kaiserslautern's.
MUNICIPALITY_PROFILE = env.str(
    "MUNICIPALITY_PROFILE",
    default=str(BASE_DIR / "src" / "rathaus" / "core" / "profiles" / "kaiserslautern.toml"),
)
# Online services: case references (KL-2026-000123), resume links, uploads, hand-off, closing.
# Empty: the municipality profile's abbreviation (KL in Kaiserslautern).
ESERVICES_REFERENCE_PREFIX = env.str("ESERVICES_REFERENCE_PREFIX", default="")
ESERVICES_RESUME_LINK_DAYS = env.int("ESERVICES_RESUME_LINK_DAYS", default=30)
ESERVICES_UPLOAD_MAX_MB = env.int("ESERVICES_UPLOAD_MAX_MB", default=10)
ESERVICES_OUTBOX_DIR = env.str("ESERVICES_OUTBOX_DIR", default=str(VAR_DIR / "outbox"))
ESERVICES_DELIVERY_ATTEMPTS = env.int("ESERVICES_DELIVERY_ATTEMPTS", default=8)
ESERVICES_CLOSE_DECIDED_AFTER_DAYS = env.int("ESERVICES_CLOSE_DECIDED_AFTER_DAYS", default=42)
# A submission whose processing (mail, receipt, automatic decision) has not finished after this
# many minutes is "stuck": listed in the back office with a retry button, and counted as a metric.
ESERVICES_STUCK_AFTER_MINUTES = env.int("ESERVICES_STUCK_AFTER_MINUTES", default=30)
# Archive hand-over (xdomea Aussonderung, docs/xdomea.md): off unless the city has agreed it with
# its archive. On, a case past its retention period is anonymised only after the archive's import
# acknowledgement.
XDOMEA_ARCHIVE_ENABLED = env.bool("XDOMEA_ARCHIVE_ENABLED", default=False)
XDOMEA_SENDER_AUTHORITY = env.str("XDOMEA_SENDER_AUTHORITY", default="")
XDOMEA_SENDER_NAME = env.str("XDOMEA_SENDER_NAME", default="")
XDOMEA_ARCHIVE_AUTHORITY = env.str("XDOMEA_ARCHIVE_AUTHORITY", default="")
XDOMEA_ARCHIVE_NAME = env.str("XDOMEA_ARCHIVE_NAME", default="")
XDOMEA_OUTBOX = env.str("XDOMEA_OUTBOX", default="xdomea.folder")
XDOMEA_DROP_DIR = env.str("XDOMEA_DROP_DIR", default=str(VAR_DIR / "xdomea" / "outbox"))
XDOMEA_INBOX_DIR = env.str("XDOMEA_INBOX_DIR", default=str(VAR_DIR / "xdomea" / "inbox"))
XDOMEA_SERVICES = env.list("XDOMEA_SERVICES", default=[])
XDOMEA_FILE_FORMAT_LIST_VERSION = env.str("XDOMEA_FILE_FORMAT_LIST_VERSION", default="2.0")
# The dog-tax statute the tax office starts from: a bundled name or a path to a TOML file.
DOGTAX_STATUTE_DEFAULTS = env.str("DOGTAX_STATUTE_DEFAULTS", default="kaiserslautern")
# Child benefit in the hand-over role: who decides, and the outbox that receives the package.
CHILDBENEFIT_HANDOVER_AUTHORITY = env.str(
    "CHILDBENEFIT_HANDOVER_AUTHORITY", default="Familienkasse der Bundesagentur für Arbeit"
)
CHILDBENEFIT_HANDOVER_OUTBOX = env.str("CHILDBENEFIT_HANDOVER_OUTBOX", default="folder")
# FIT-Connect hand-off (docs/fit-connect.md): off unless the city switches it on.
FIT_CONNECT_ENABLED = env.bool("FIT_CONNECT_ENABLED", default=False)
FIT_CONNECT_TOKEN_URL = env.str("FIT_CONNECT_TOKEN_URL", default="")
FIT_CONNECT_CLIENT_ID = env.str("FIT_CONNECT_CLIENT_ID", default="")
FIT_CONNECT_CLIENT_SECRET = env.str("FIT_CONNECT_CLIENT_SECRET", default="")
FIT_CONNECT_SCOPE = env.str("FIT_CONNECT_SCOPE", default="")
FIT_CONNECT_SUBMISSION_URL = env.str("FIT_CONNECT_SUBMISSION_URL", default="")
FIT_CONNECT_ROUTING_URL = env.str("FIT_CONNECT_ROUTING_URL", default="")
FIT_CONNECT_ARS = env.str("FIT_CONNECT_ARS", default="")
FIT_CONNECT_DESTINATIONS = env.dict("FIT_CONNECT_DESTINATIONS", default={})
FIT_CONNECT_TRUST_ANCHORS = env.str("FIT_CONNECT_TRUST_ANCHORS", default="")
FIT_CONNECT_REQUIRE_CERTIFICATE = env.bool("FIT_CONNECT_REQUIRE_CERTIFICATE", default=True)
FIT_CONNECT_TIMEOUT = env.float("FIT_CONNECT_TIMEOUT", default=20.0)
FIT_CONNECT_CHECK_MINUTES = env.int("FIT_CONNECT_CHECK_MINUTES", default=5)
# Voting: new polls get a sealed ballot box (trustees open the count, ADR 171) in production.
VOTING_SEAL_NEW_POLLS = env.bool("VOTING_SEAL_NEW_POLLS", default=PRODUCTION)
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="Rathaus-Demo-2026")
DEMO_TOTP_SECRET = env.str("DEMO_TOTP_SECRET", default="KRATHAUSDEMOSECRETKLAUTERN234567")

# Logs: JSON lines in production (one object per line, with the request id), text otherwise.
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "rathaus.core.request_log.RequestContextFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        },
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
# Request ids: taken from the proxy's header when it sends one, made up otherwise.
REQUEST_ID_HEADER = env.str("REQUEST_ID_HEADER", default="X-Request-ID")

# Monitoring: Prometheus metrics at /metrics for a bearer token or from the listed networks;
# not found without either. Error reports to Sentry (or a compatible service) when a DSN is set.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
METRICS_NETWORKS = env.list("METRICS_NETWORKS", default=[])
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default=DJANGO_ENV),
        send_default_pii=False,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

FORM_RENDERER = "rathaus.core.forms.KernFormRenderer"
