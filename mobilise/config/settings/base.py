"""Settings shared by every environment.

Environment-specific modules (local, test, production) import everything from here and
override what differs. Configuration that varies between deployments is read from the
environment, never edited into these files.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from mobilise.config.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[3]
PACKAGE_DIR = BASE_DIR / "mobilise"
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "ninja",
    "mobilise.core",
    "mobilise.audit",
    "mobilise.framework",
    "mobilise.accounts",
    "mobilise.assessments",
    "mobilise.plans",
    "mobilise.portfolio",
    "mobilise.benchmarking",
    "mobilise.reports",
    "mobilise.api",
    "mobilise.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mobilise.core.middleware.RefuseNulCharacters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Answers with an organisation's or a participant's data are never cached.
    "mobilise.core.middleware.PrivateResponses",
    # Before any view or CSRF check reads the body; after sign-in, for the page it shows.
    "mobilise.core.middleware.RefuseOversizedBodies",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as its documentation asks: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mobilise.config.urls"
WSGI_APPLICATION = "mobilise.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "mobilise.config.jinja2.environment",
            "context_processors": ["mobilise.config.context_processors.layout"],
        },
    },
    {
        # The Django admin and its forms still render with Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mobilise.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if not env_str("DATABASE_URL", ""):
        VAR_DIR.mkdir(exist_ok=True)
    # Many participants submit at once: wait for the write lock rather than fail, take it at
    # the start of each transaction (no deadlocks on upgrade), and let readers carry on.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "mobilise.accounts.sso.SingleSignOnBackend",
]

# Single sign-on with OpenID Connect (mozilla-django-oidc), for example Microsoft Entra ID,
# which NHSmail uses. It is on when OIDC_RP_CLIENT_ID is set; local passwords stay available
# for organisations without it. docs/deployment.md lists the variables.
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_VERIFY_KID = env_bool("OIDC_VERIFY_KID", True)
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso-callback"
LOGIN_REDIRECT_URL_FAILURE = "/accounts/sso/failed/"
MOBILISE_SSO_LABEL = env_str("MOBILISE_SSO_LABEL", "NHS account")
# Sign-in protection: after 5 failures for one username from one address, that pair is
# locked out for 15 minutes; a successful sign-in clears the count. The address is the
# client's, read behind MOBILISE_PROXY_COUNT proxies. One address that fails
# MOBILISE_SIGN_IN_ADDRESS_LIMIT times in 15 minutes, across any user names, is locked out
# whatever name it tries (mobilise.accounts.lockout).
AXES_HANDLER = "mobilise.accounts.lockout.SignInHandler"
AXES_CLIENT_IP_CALLABLE = "mobilise.accounts.lockout.sign_in_address"
MOBILISE_SIGN_IN_ADDRESS_LIMIT = int(env_str("MOBILISE_SIGN_IN_ADDRESS_LIMIT", "20"))
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "mobilise.accounts.views.sign_in.locked_out"
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
# Built by `make install`: our compiled stylesheet and the design system's script and images.
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
# Evidence files behind agreed ratings: a private folder outside every served URL (no
# base_url), or object storage in a deployment that replaces this alias. Files are only
# ever read back through a view that checks the reader's organisation.
EVIDENCE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": env_str("MOBILISE_EVIDENCE_DIR", str(VAR_DIR / "evidence")),
        "base_url": None,
        "file_permissions_mode": 0o600,
    },
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "mobilise.core.staticfiles.StaticFilesStorage"},
    "evidence": EVIDENCE_STORAGE,
}
# The largest evidence file taken (bigger answers 413 from the API, an error on pages).
MOBILISE_MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

# Request bodies: 1 MB at most (a whole response with every comment at its longest is a
# few hundred KB), except imports of whole assessments, which come in one body of up to
# 10 MB (the import page says so). Larger bodies answer 413 (core.middleware).
MOBILISE_MAX_BODY_BYTES = 1024 * 1024
MOBILISE_MAX_IMPORT_BYTES = 10 * 1024 * 1024
MOBILISE_IMPORT_PATHS = ["/api/v1/assessments/import", "/assessments/import/"]
# Django's own limit stays as a backstop, a little above ours.
DATA_UPLOAD_MAX_MEMORY_SIZE = MOBILISE_MAX_IMPORT_BYTES + 128 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy: our own scripts, styles and images only; nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mobilise <no-reply@localhost>")
MOBILISE_SERVICE_NAME = "Mobilise"
MOBILISE_PHASE = env_str("MOBILISE_PHASE", "beta")
MOBILISE_API_TOKEN_DAYS = int(env_str("MOBILISE_API_TOKEN_DAYS", "365"))
MOBILISE_INVITATION_DAYS = int(env_str("MOBILISE_INVITATION_DAYS", "7"))
MOBILISE_SHOW_DEMO_LOGIN = env_bool("MOBILISE_SHOW_DEMO_LOGIN", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No participant's resume key in any line (mobilise.config.participant_logs).
    "filters": {"participants": {"()": "mobilise.config.participant_logs.BlankResumeKeys"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["participants"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every step of every PDF at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
# How many proxies (TLS terminator, load balancer) stand in front of the service: the
# client's address is then read from X-Forwarded-For that many places from the right
# (mobilise.core.clients). 0 (the default) ignores the header, which anyone can forge.
MOBILISE_PROXY_COUNT = int(env_str("MOBILISE_PROXY_COUNT", "0"))
# Where the Django admin is served; empty switches it off.
MOBILISE_ADMIN_URL = env_str("MOBILISE_ADMIN_URL", "django-admin/")
MOBILISE_MIN_RESPONSES_TO_SHOW = int(env_str("MOBILISE_MIN_RESPONSES_TO_SHOW", "3"))
MOBILISE_BENCHMARK_MINIMUM_GROUP = int(env_str("MOBILISE_BENCHMARK_MINIMUM_GROUP", "5"))

# Django's cache holds the flood counters (mobilise.core.limits), so it must be shared by
# every worker and server: a table in the database by default (a migration runs
# `createcachetable`, so `migrate` makes it), or Redis when MOBILISE_REDIS_URL is set
# (for example redis://cache.internal:6379/0). docs/deployment.md says more.
MOBILISE_REDIS_URL = env_str("MOBILISE_REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": MOBILISE_REDIS_URL}
        if MOBILISE_REDIS_URL
        else {
            "BACKEND": "mobilise.core.cache.DatabaseCache",
            "LOCATION": "mobilise_cache",
            # Every write counts the table's rows, and only a cull (when the count passes
            # MAX_ENTRIES) deletes expired ones: a bound of 1,000,000 let the table, and the
            # count on every submission, grow for days. At 20,000 a cull removes the expired
            # tokens (each lives about a minute); only more than 20,000 live tokens at once
            # (a flood from hundreds of addresses in the same minute) would cull live ones.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    )
}
MOBILISE_FLOOD_CACHE = "default"
# Flood limits: one address may start (or send) this many responses to one assessment at
# once, then one more every interval. A room of 60 behind one address sends at once.
MOBILISE_FLOOD_BURST = int(env_str("MOBILISE_FLOOD_BURST", "60"))
MOBILISE_FLOOD_INTERVAL_SECONDS = float(env_str("MOBILISE_FLOOD_INTERVAL_SECONDS", "1"))
