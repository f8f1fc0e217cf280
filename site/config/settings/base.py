"""Settings shared by every environment.

Every environment variable the project reads is read here, in one place, through django-environ, and listed
in `.env.example`. `dev`, `test` and `production` only choose values; they never read the environment.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

from django.core.exceptions import ImproperlyConfigured

from config.email_url import parse_email_url
from geodata.maps.assets import VENDOR_DIRS

SITE_DIR = Path(__file__).resolve().parents[2]  # <root>/site
BASE_DIR = SITE_DIR.parent  # the repository root

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

# --- environment -------------------------------------------------------------------------------------------
SECRET_KEY = env.str("SECRET_KEY", default=None)  # production refuses to start without it
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: write-ahead logging lets readers run beside the scan counter's writes, and
    # IMMEDIATE transactions take the write lock up front instead of failing half-way (bench/README.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", transaction_mode="IMMEDIATE"
    )
    # Seconds a statement waits for another process's write lock before "database is locked". Nothing
    # retries on top of it, so it bounds a request's wait: keep it well under gunicorn's worker timeout
    # (site/gunicorn.conf.py; tests/qr/test_qr_wait_budget.py checks both). `?timeout=` in DATABASE_URL wins.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 5)
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://malang-heritage")}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # Redis down must not take the site down: a failed cache call is a miss, and after one failure Redis is
    # left alone for a while, the outage logged once (config/cache_outage.py).
    CACHES["default"]["BACKEND"] = "config.cache_outage.RedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        IGNORE_EXCEPTIONS=True, SOCKET_CONNECT_TIMEOUT=0.5, SOCKET_TIMEOUT=0.5
    )
# Public pages as an anonymous visitor gets them (home/page_cache.py), beside the site's cache: on Redis the same
# server under a prefix of their own; otherwise files under PAGE_CACHE_DIR, shared by the workers of one machine,
# so that a publication through one worker clears the page for all of them (a cache in each worker's memory would
# keep serving the old page from the others).
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": "pages"}
    if CACHES["default"]["BACKEND"] == "config.cache_outage.RedisCache"
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env.str("PAGE_CACHE_DIR", default="") or str(BASE_DIR / "var" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 5_000},
    }
)
# Drawn maps (the HTML and script folium writes for a set of places), keyed by what they show: built when a page
# is published (home/invalidation.py) and read by every app server, which then never loads folium. On Redis the
# same server; otherwise files under MAP_CACHE_DIR, shared by the workers of one machine and kept over restarts.
CACHES["maps"] = (
    {**CACHES["default"], "KEY_PREFIX": "maps", "TIMEOUT": 30 * 24 * 3600}
    if CACHES["default"]["BACKEND"] == "config.cache_outage.RedisCache"
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env.str("MAP_CACHE_DIR", default="") or str(BASE_DIR / "var" / "maps"),
        "TIMEOUT": 30 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
)
# Who scanned which plaque lately (keyed hashes, for SCAN_DEDUP_WINDOW) sits beside the site's cache: on Redis
# the same server; in local memory a cache of its own, so that a busy day's entries never push out the site's.
# What every public page asks of the published tree (heritage/published.py): shared by every worker, so that a
# change made through one is seen by all: Redis, or files on this machine.
CACHES["published"] = (
    {**CACHES["default"], "KEY_PREFIX": "published"}
    if CACHES["default"]["BACKEND"] == "config.cache_outage.RedisCache"
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env.str("PUBLISHED_CACHE_DIR", default="") or str(BASE_DIR / "var" / "published"),
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
)
CACHES["scans"] = (
    CACHES["default"]
    if CACHES["default"]["BACKEND"] == "config.cache_outage.RedisCache"
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "malang-heritage-scans",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
)
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
# The discovery index (heritage/discovery): one index per language named "<prefix>-places-<lang>".
DISCOVERY_INDEX_PREFIX = env.str("DISCOVERY_INDEX_PREFIX", default="malang-heritage")
# Seconds an Elasticsearch request may take before the database answers: well under gunicorn's worker
# timeout (30 s), so a cluster that accepts connections and never answers cannot hold a worker.
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=2.0)
# After a failure, seconds during which the database answers without asking the cluster (search/cluster.py).
ELASTICSEARCH_RETRY_AFTER = env.float("ELASTICSEARCH_RETRY_AFTER", default=30.0)
# The public address printed on QR plaques: it must outlive any reorganisation of the site. Production
# refuses to start unless it is a public https:// address; the default is the development server.
QR_BASE_URL = env.str("QR_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The site's one public address: sitemap, canonical links, the open-data catalogue and the default Site
# record (set from it at each migrate) all use it. By default the address printed on the plaques.
CANONICAL_URL = env.str("CANONICAL_URL", default=QR_BASE_URL).rstrip("/")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=CANONICAL_URL)
# Who publishes the open data (the DCAT catalogue, the feeds' attribution).
OPEN_DATA_PUBLISHER = {
    "name": env.str(
        "OPEN_DATA_PUBLISHER_NAME", default="Dinas Kepemudaan, Olahraga dan Pariwisata Kota Malang"
    ),
    "url": env.str("OPEN_DATA_PUBLISHER_URL", default="https://disporapar.malangkota.go.id/"),
    "email": env.str("OPEN_DATA_CONTACT_EMAIL", default=""),
}
# Plaque scans (plaques/scan_counter.py) are never written to the database in the request: each process (or
# Redis, with CACHE_URL=redis://…) holds them and writes them every SCAN_FLUSH_SECONDS in one transaction.
# Scans a process cannot write when it exits wait as JSON lines in SCAN_SPOOL_DIR for the next flush.
# Repeated scans of one code by one phone within SCAN_DEDUP_WINDOW seconds count once (0: count every scan).
SCAN_FLUSH_SECONDS = env.float("SCAN_FLUSH_SECONDS", default=5.0)
SCAN_SPOOL_DIR = Path(env.str("SCAN_SPOOL_DIR", default="") or BASE_DIR / "var" / "scans")
SCAN_DEDUP_WINDOW = env.int("SCAN_DEDUP_WINDOW", default=1800)
if SCAN_FLUSH_SECONDS <= 0 or SCAN_DEDUP_WINDOW < 0:
    raise ImproperlyConfigured(
        "SCAN_FLUSH_SECONDS must be above 0 and SCAN_DEDUP_WINDOW 0 or more (seconds)."
    )
# Map tiles are the one external resource a map may name; empty means maps without a tile layer.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="&copy; OpenStreetMap contributors")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Seconds a browser, a CDN or the front cache may keep a public page or feed (home/public_cache.py for pages,
# heritage.open_data.cacheable for feeds).
CACHE_MAX_AGE = env.int("CACHE_MAX_AGE", default=300)
# Seconds a visitor's browser may show a page without asking again: no purge reaches a browser, so an editor's
# published change would wait this long on a phone that saw the page before.
CACHE_BROWSER_MAX_AGE = env.int("CACHE_BROWSER_MAX_AGE", default=0)
# Seconds the page cache keeps a page; publishing clears what it changes at once (home/invalidation.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=CACHE_MAX_AGE)
# Unset: on in production, off elsewhere. Set false only where the proxy in front already redirects.
SECURE_SSL_REDIRECT_ENV = env.bool("SECURE_SSL_REDIRECT", default=None)
SECURE_SSL_REDIRECT = bool(SECURE_SSL_REDIRECT_ENV)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
# True only behind a proxy we control that strips and sets X-Forwarded-Proto, -Host and -For: then production
# believes them for HTTPS and the host, and the login lockout counts the client address they name.
TRUST_PROXY_HEADERS = env.bool("TRUST_PROXY_HEADERS", default=False)
AXES_COOLOFF_MINUTES = env.int("AXES_COOLOFF_MINUTES", default=15)
# Outgoing mail (moderation notifications, password resets), parsed by config/email_url.py:
# smtp://user:password@host:587?tls, smtps://…:465 or console://. Production refuses to start without it.
EMAIL_URL = env.str("EMAIL_URL", default="")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="") or "webmaster@localhost"  # Django's default
SERVER_EMAIL = env.str("SERVER_EMAIL", default="") or DEFAULT_FROM_EMAIL  # the sender of error mail to ADMINS
FRONTEND_CACHE_PURGE_URL = env.str("FRONTEND_CACHE_PURGE_URL", default="")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")

# --- applications ------------------------------------------------------------------------------------------
INSTALLED_APPS = [
    "home",
    "opendata",
    "products",
    "plaques",
    "search",
    "itineraries",
    "heritage",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales (ECOSYSTEM.md §16)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An ETag on every answer, and 304 for a browser that already holds it (a cached page included).
    "django.middleware.http.ConditionalGetMiddleware",
    # A cached public page is answered here, before sessions, locale and Wagtail (home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    # Outside the session and CSRF middleware, so it sees (and may drop) the Vary: Cookie they add.
    "home.public_cache.PublicCacheMiddleware",
    # The request's Wagtail site, from the published-tree cache (heritage/published.py): no query to route.
    "heritage.published.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.locale_paths.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.content_security.SiteCSPMiddleware",
    "config.content_security.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_context",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- logins ------------------------------------------------------------------------------------------------
# django-axes on both admins (they both log in through authenticate()): AXES_FAILURE_LIMIT failures lock
# that username, and separately that client address, until AXES_COOLOFF_MINUTES have passed since the last
# attempt. `manage.py axes_reset` (or axes_reset_username / axes_reset_ip) unlocks. See config/lockout.py.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out attempt before any password check
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE = [*MIDDLEWARE, "axes.middleware.AxesMiddleware"]  # last: turns a lockout into the 429 page
if AXES_COOLOFF_MINUTES < 1:
    raise ImproperlyConfigured("AXES_COOLOFF_MINUTES must be a whole number of minutes, at least 1.")
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one locks
AXES_RESET_ON_SUCCESS = True  # a successful login clears the failures counted against that user (and address)
AXES_CLIENT_IP_CALLABLE = "config.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"

# --- languages and time ------------------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A page sent for translation starts as a draft in the other language and goes through the office's
# moderation like any page (wagtail-localize would otherwise publish it at once, still untranslated).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [
    Path(__file__).resolve().parents[1] / "locale"
]  # one catalogue for the project, shipped with config
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- static and media --------------------------------------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
# Leaflet, jQuery and markercluster come from the XStatic packages, served as our own static files: no CDN.
STATICFILES_DIRS = [*VENDOR_DIRS]  # our own assets live in each app's static/
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Wagtail -----------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Malang Heritage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if ELASTICSEARCH_URL:
    # Wagtail's elasticsearch8 backend that answers from the database while the cluster fails
    # (search/backends.py); the database entry is its fallback, indexed on every save so it stays current.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{DISCOVERY_INDEX_PREFIX}-",  # e.g. malang-heritage-wagtailcore_page
            "TIMEOUT": ELASTICSEARCH_TIMEOUT,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "FALLBACK": "database",
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "gpkg", "geojson", "pdf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# --- browser security policies (config/content_security.py) ------------------------------------------------
# Wagtail's live preview shows our own pages in an iframe of the admin: SAMEORIGIN, and frame-ancestors to match.
X_FRAME_OPTIONS = "SAMEORIGIN"
_SHARED_DIRECTIVES = {
    "default-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "img-src": [SELF, "data:", "blob:"],  # plus the origin of MAP_TILE_URL, added per response
    # Leaflet's markers carry style attributes; scripts are what the policy is strict about.
    "style-src": [SELF, "'unsafe-inline'"],
    "manifest-src": [SELF],
    "worker-src": [SELF],
}
# Public pages and previews: scripts from our origin only, inline map scripts allowed by their hash.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**_SHARED_DIRECTIVES, "script-src": [SELF]}}
# Wagtail's and Django's admins write some inline scripts of their own (InlinePanel, date choosers).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_SHARED_DIRECTIVES, "script-src": [SELF, "'unsafe-inline'"], "frame-src": [SELF]}
}
PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()"
)
# The admin's avatars would otherwise load from gravatar.com: no outside requests, and none under the CSP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin must not call releases.wagtail.org (no network at run time; the CSP refuses it).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- mail --------------------------------------------------------------------------------------------------
# Moderation notifications and password resets. Production refuses to start without EMAIL_URL; without it
# elsewhere Django's defaults stand (dev prints mail on the console, tests keep it in memory).
if EMAIL_URL:
    _mail = parse_email_url(EMAIL_URL)  # lower case: not itself a setting
    EMAIL_BACKEND = _mail.backend
    EMAIL_HOST = _mail.host
    EMAIL_PORT = _mail.port
    EMAIL_HOST_USER = _mail.user
    EMAIL_HOST_PASSWORD = _mail.password
    EMAIL_USE_TLS = _mail.use_tls
    EMAIL_USE_SSL = _mail.use_ssl
EMAIL_TIMEOUT = 10  # seconds: a stuck mail server must not hold a publish or a password reset forever

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Wagtail 8 logs every background task and page action at INFO: too chatty for a console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}

# The content API for apps (/api/v2/, config/api.py): JSON only (no browsable pages with their own scripts).
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
WAGTAILAPI_BASE_URL = CANONICAL_URL
WAGTAILAPI_LIMIT_MAX = 100
