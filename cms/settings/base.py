"""Base settings: secure by default. ``dev`` and ``test`` relax them; ``production`` only reads env vars.

Every environment variable is read here once, with a type and a default.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .environment import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Core -------------------------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "pages",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales; never list both
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_headless_preview",
    "modelcluster",
    "taggit",
    "grapple",
    "graphene_django",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",  # locks out repeated failed logins to the admin (see AXES_* below)
    "django_tasks_db",  # the queue of the "publishing" task backend (see TASKS)
    "register",  # after "pages": register records use the page image model and GeoLocated
    "cms",  # last: its ready() and hooks adjust what grapple registered
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database outage raised by a view becomes a 503 with Retry-After, not a 500 (cms/middleware.py).
    "cms.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before CommonMiddleware, as wagtail-localize asks; Django's, without
    # Vary: Accept-Language on the API, whose answers never depend on it (cms/translation/locale_middleware.py).
    "cms.translation.locale_middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: it turns a lockout signalled by the backend into the lockout response.
    "axes.middleware.AxesMiddleware",
]

# AxesStandaloneBackend first: it refuses credentials from a locked-out username+IP before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

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
            ],
        },
    },
]

# --- Storage ----------------------------------------------------------------
# SQLite needs no setup; DATABASE_URL (postgres://…) selects the production database.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# On PostgreSQL the server cancels any statement running longer than this, so one runaway query cannot hold
# a worker (and its connection) indefinitely. 0 disables the limit. SQLite has no such setting.
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 30_000)
if DATABASE_STATEMENT_TIMEOUT_MS < 0:
    raise ImproperlyConfigured("DATABASE_STATEMENT_TIMEOUT_MS must be 0 (no limit) or a number of milliseconds.")
# Seconds to wait for a new PostgreSQL connection. While the database restarts, a request fails at once with
# a 503 (cms/middleware.py) instead of holding its worker; kept connections are checked before reuse
# (conn_health_checks above), so the service recovers by itself as soon as the database is back.
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}", connect_timeout=DATABASE_CONNECT_TIMEOUT
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis in production: one cache for every process, so a publish invalidates the API responses of all of them.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Per process: fine for one process (development); room for the API's responses and persisted queries.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}
# Wagtail keeps the renditions it serves in the cache named "renditions" (else the default one) and writes each
# back on every use: kept per process, serving an image costs no round trip to Redis. A rendition row does not
# change under its key (image id, file hash, focal point, filter); a copy is kept ten minutes at most.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# --- Internationalisation -----------------------------------------------------
_LANGUAGE_NAMES = {"en": "English", "fr": "Français", "nl": "Nederlands", "de": "Deutsch"}
_language_codes = env_list("CMS_LANGUAGES", ["en", "fr", "nl"])
_unknown = [code for code in _language_codes if code not in _LANGUAGE_NAMES]
if _unknown or not _language_codes:
    raise ImproperlyConfigured(
        f"CMS_LANGUAGES must list codes among {sorted(_LANGUAGE_NAMES)}; got {_language_codes!r}."
    )

LANGUAGE_CODE = _language_codes[0]  # the source language of the content
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(code, _LANGUAGE_NAMES[code]) for code in _language_codes]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
TIME_ZONE = "Europe/Brussels"  # ceremonies are entered and shown in Belgian time
USE_TZ = True

# Machine translation for the translation editor: "deepl" (DEEPL_AUTH_KEY), "libretranslate"
# (LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY), "dummy" (reverses words; for tests) or "" for none.
MACHINE_TRANSLATOR = env_str("MACHINE_TRANSLATOR", "").lower()
_machine_translators = {
    "": None,
    "deepl": {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env_str("DEEPL_AUTH_KEY")},
    },
    "libretranslate": {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env_str("LIBRETRANSLATE_URL"),
            "API_KEY": env_str("LIBRETRANSLATE_API_KEY"),
        },
    },
    "dummy": {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"},
}
if MACHINE_TRANSLATOR not in _machine_translators:
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR must be one of deepl, libretranslate, dummy or empty; got {MACHINE_TRANSLATOR!r}."
    )
if MACHINE_TRANSLATOR == "deepl" and not env_str("DEEPL_AUTH_KEY"):
    raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_AUTH_KEY.")
if MACHINE_TRANSLATOR == "libretranslate" and not env_str("LIBRETRANSLATE_URL"):
    raise ImproperlyConfigured("MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL.")
if _machine_translators[MACHINE_TRANSLATOR]:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translators[MACHINE_TRANSLATOR]

# Translator groups: may members of "Translators (<language>)" publish in their language?
TRANSLATORS_CAN_PUBLISH = env_bool("TRANSLATORS_CAN_PUBLISH", False)

# Largest PO file a translator may upload (the web server should cap request bodies too).
TRANSLATION_PO_MAX_BYTES = env_int("TRANSLATION_PO_MAX_BYTES", 2_000_000)

# --- Static and media -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)

# Image uploads: Wagtail's image form enforces both limits (wagtail/images/fields.py) with its own messages;
# pages/image_validation.py sets Pillow's decompression-bomb limit to the same pixel count, so renditions of
# images that got in some other way (API, shell, older uploads) stop at the same size.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)  # bytes
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)  # width x height

# --- Security (relaxed only in dev/test) ------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is a promise, hard to take back, that every subdomain of the registered domain serves HTTPS;
# only the domain's owner can make it (and submit it to hstspreload.org), so it is opt-in.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # the Wagtail admin previews in a same-origin iframe

# Deliberate decisions that `check --deploy` would otherwise warn about:
# - security.W019: X_FRAME_OPTIONS is SAMEORIGIN, not DENY, because Wagtail's admin shows previews (and some
#   choosers) in same-origin iframes; other sites still cannot frame us (CSP frame-ancestors says the same).
# - security.W021: HSTS preload is the domain owner's opt-in (SECURE_HSTS_PRELOAD); silenced only while off.
SILENCED_SYSTEM_CHECKS = ["security.W019"] + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])

# Content security policy (django-csp 4), on every response: the admin is the only HTML we serve; the API
# returns JSON. Wagtail 8's admin still has inline <script> blocks (InlinePanel, MultipleChooserPanel and the
# date/time widgets call their initialisers inline) and inline style attributes, and its templates carry no
# nonce, so both script-src and style-src need 'unsafe-inline' or page editing breaks. Everything else is
# locked to our own origin: no plugins, no <base> hijacking, forms post only to us, only we may frame us.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # data:/blob: for upload previews and inline SVG icons; https: for user avatars (Gravatar) and
        # embed thumbnails shown in the editor.
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        # Wagtail's upgrade notice fetches https://releases.wagtail.org/latest.txt from the browser.
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        # Headless previews open the frontend (its origin is added below) in the admin's preview panel;
        # embeds (video players) show in the editor.
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# --- Admin login lockout (django-axes) ------------------------------------------------
# After AXES_FAILURE_LIMIT failed logins for one username from one IP address, that pair is refused (even with
# the right password) until AXES_COOLOFF_MINUTES have passed; a successful login resets the count. Attempts are
# kept in the database (axes' default handler), so every worker sees them.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # its start-up banner would print on every manage.py command
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_COOLOFF_MESSAGE = (
    f"Too many failed login attempts: this account is locked for {AXES_COOLOFF_MINUTES} minutes "
    "from your address. Try again later, or ask an administrator to unlock it."
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Wagtail ----------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "The Belgians Remember Them")
# No avatars from gravatar.com: our CSP blocks them anyway, and they would tell a third party who edits.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "pages.CustomImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

# The configured frontend: Wagtail's page URLs redirect there and previews open there.
FRONTEND_URL = env_str("FRONTEND_URL", "http://localhost:3000")
CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"].append(
    "{0.scheme}://{0.netloc}".format(urlsplit(FRONTEND_URL))  # may be http:// in development
)
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": FRONTEND_URL},
    "SERVE_BASE_URL": FRONTEND_URL,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}

# --- Preview and publish notifications ------------------------------------------------
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 3600)  # seconds a preview link keeps working
FRONTEND_WEBHOOK_URLS = env_list("FRONTEND_WEBHOOK_URLS", [])
FRONTEND_WEBHOOK_SECRET = env_str("FRONTEND_WEBHOOK_SECRET")
FRONTEND_WEBHOOK_TIMEOUT = env_int("FRONTEND_WEBHOOK_TIMEOUT", 5)
FRONTEND_WEBHOOK_MAX_ATTEMPTS = env_int("FRONTEND_WEBHOOK_MAX_ATTEMPTS", 6)
# Unsigned notifications would let anyone who learns a frontend's webhook URL make it revalidate at will,
# so a URL without a secret is a configuration error everywhere (test.py clears the URLs before this runs).
if FRONTEND_WEBHOOK_URLS and not FRONTEND_WEBHOOK_SECRET:
    raise ImproperlyConfigured(
        "FRONTEND_WEBHOOK_URLS is set but FRONTEND_WEBHOOK_SECRET is empty: set the shared secret the frontends "
        "verify signatures with (e.g. python -c 'import secrets; print(secrets.token_hex(32))'), or unset the URLs."
    )
if _bad_webhook_urls := [url for url in FRONTEND_WEBHOOK_URLS if not url.startswith(("https://", "http://"))]:
    raise ImproperlyConfigured(f"FRONTEND_WEBHOOK_URLS must be http(s) URLs; got {_bad_webhook_urls!r}.")
if FRONTEND_WEBHOOK_TIMEOUT < 1 or FRONTEND_WEBHOOK_MAX_ATTEMPTS < 1:
    raise ImproperlyConfigured("FRONTEND_WEBHOOK_TIMEOUT and FRONTEND_WEBHOOK_MAX_ATTEMPTS must be at least 1.")

# --- Background tasks (django-tasks) ------------------------------------------------------
# Wagtail's own tasks (search index, reference index) keep running in the request, as before.
# Publish notifications have their own backend: tasks stored in the database and run by a worker,
# `manage.py db_worker --backend publishing`, so publishing never waits for a frontend.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "publishing": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# --- GraphQL ------------------------------------------------------------------------
# Responsive images: the only renditions a client may ask for. Widths serve `srcSet`;
# the fills serve cards and social previews.
IMAGE_WIDTHS = [320, 640, 960, 1280, 1920]
IMAGE_FILLS = ["fill-400x300", "fill-800x600", "fill-1200x630"]
_image_filters = [f"width-{w}" for w in IMAGE_WIDTHS] + IMAGE_FILLS
GRAPHQL_MAX_PAGE_SIZE = env_int("GRAPHQL_MAX_PAGE_SIZE", 100)
GRAPHQL_MAX_SEARCH_LENGTH = env_int("GRAPHQL_MAX_SEARCH_LENGTH", 200)
# Document limits, checked before anything runs (cms/graphql/validation.py); our own documents
# in frontend-contract/queries/ stay under half of each.
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 12)
GRAPHQL_MAX_TOKENS = env_int("GRAPHQL_MAX_TOKENS", 2000)
GRAPHQL_MAX_QUERY_BYTES = env_int("GRAPHQL_MAX_QUERY_BYTES", 20_000)
GRAPHQL_MAX_ALIASES = env_int("GRAPHQL_MAX_ALIASES", 30)
GRAPHQL_MAX_FIELDS = env_int("GRAPHQL_MAX_FIELDS", 500)
# Schema introspection; production.py forces it off (frontends use frontend-contract/schema.graphql).
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
# Response caching (cms/graphql/response_cache.py): complete answers to anonymous requests are kept in CACHES
# until the next publish (or this many seconds); anonymous GETs tell browsers and CDNs how long they may keep them.
GRAPHQL_RESPONSE_CACHE = env_bool("GRAPHQL_RESPONSE_CACHE", True)
GRAPHQL_RESPONSE_CACHE_TIMEOUT = env_int("GRAPHQL_RESPONSE_CACHE_TIMEOUT", 3600)
GRAPHQL_CACHE_MAX_AGE = env_int("GRAPHQL_CACHE_MAX_AGE", 30)
GRAPHQL_CACHE_S_MAXAGE = env_int("GRAPHQL_CACHE_S_MAXAGE", 60)
GRAPHQL_CACHE_STALE_WHILE_REVALIDATE = env_int("GRAPHQL_CACHE_STALE_WHILE_REVALIDATE", 300)
# Automatic persisted queries (cms/graphql/persisted_queries.py) stay registered this long (default 30 days).
GRAPHQL_PERSISTED_QUERY_TIMEOUT = env_int("GRAPHQL_PERSISTED_QUERY_TIMEOUT", 30 * 24 * 3600)
# Parsed and validated documents kept per process (cms/graphql/documents.py).
GRAPHQL_DOCUMENT_CACHE_SIZE = env_int("GRAPHQL_DOCUMENT_CACHE_SIZE", 500)
# Every allowlisted rendition is made in the background when an image is saved or a page published
# (cms/publishing/renditions.py), so API requests find them ready.
RENDITIONS_PREGENERATE = env_bool("RENDITIONS_PREGENERATE", True)

# --- Register: CSV import and corrections from the public ---------------------------------------
# Largest CSV file the admin import view accepts (bytes); the file is kept in the cache between the
# dry run and the import, so this also bounds what one import puts there. 2 MB is about 10,000 people,
# whose dry run fits in one web request within gunicorn's timeout; larger files go through import_register.
REGISTER_IMPORT_MAX_BYTES = env_int("REGISTER_IMPORT_MAX_BYTES", 2_000_000)
# Proposals one client IP address may send per hour (counted in the cache, so every worker shares it).
REGISTER_CORRECTIONS_PER_HOUR = env_int("REGISTER_CORRECTIONS_PER_HOUR", 5)
# IP addresses of proxies whose X-Forwarded-For is believed (e.g. the frontend's server, which calls the API
# for its visitors); without them every proposal would count against the proxy's own address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
# Spam rules for a proposal's text: at least this many characters, at most this many links.
REGISTER_CORRECTION_MIN_LENGTH = env_int("REGISTER_CORRECTION_MIN_LENGTH", 20)
REGISTER_CORRECTION_MAX_LINKS = env_int("REGISTER_CORRECTION_MAX_LINKS", 2)

GRAPPLE = {
    "APPS": {"pages": ""},
    "AUTO_CAMELCASE": True,
    "EXPOSE_GRAPHIQL": env_bool("GRAPHIQL_ENABLED", False),
    "PAGE_SIZE": env_int("GRAPHQL_PAGE_SIZE", 10),
    "MAX_PAGE_SIZE": GRAPHQL_MAX_PAGE_SIZE,
    "ALLOWED_IMAGE_FILTERS": _image_filters
    + [f"{spec}|format-{fmt}" for spec in _image_filters for fmt in ("webp", "avif", "jpeg")],
    "RICHTEXT_FORMAT": "html",
    "PAGE_INTERFACE": "cms.graphql.interfaces.PageInterface",
}
GRAPHENE = {
    "SCHEMA": "grapple.schema.schema",
    "MIDDLEWARE": [
        "grapple.middleware.GrappleMiddleware",  # without it grapple's per-field middleware never runs
        "cms.graphql.limits.LimitsMiddleware",
        "cms.graphql.arguments.ArgumentsMiddleware",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
