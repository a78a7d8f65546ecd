"""Settings for ECT Manager, read from environment variables.

Every value has a default that suits a local demo on SQLite. In production set
at least DEBUG=0 (the default), SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SITE_NAME = os.environ.get("SITE_NAME", "ECT Manager")
# The address used in links inside emails, without a trailing slash.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def read_secret_key() -> str:
    """Return SECRET_KEY from the environment, or a key kept in var/ for local use."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if not DEBUG and not env_bool("ALLOW_LOCAL_SECRET_KEY"):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = read_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

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
    "crispy_forms_gds",
    "django_tasks",
    "ectm",
    "accounts",
    "organisations",
    "messaging",
    "ects",
    "schedule",
    "signatures",
    "reviews",
    "axes",
    "django_otp",
    "security",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.ActiveMembershipMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ectm.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ectm" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ectm.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "ectm.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a lock rather than fail at once when the server and a
    # management command write at the same moment.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "accounts:sign_in"

AUTHENTICATION_BACKENDS = [
    # Refuses a locked account before the password is checked.
    "security.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in lockout by django-axes, with counters in the database. 5 failures
# for an account lock it from every address, which includes the address they
# came from. A lock lasts 30 minutes from the failure that set it. The
# per-address spraying limit is kept by security.lockout, because axes applies
# one failure limit to every lockout parameter.
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_LOCK_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "security.lockout.axes_username"
AXES_CLIENT_IP_CALLABLE = "ectm.net.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Failures from one address, across all accounts, that lock the address.
ADDRESS_FAILURE_LIMIT = int(os.environ.get("ADDRESS_FAILURE_LIMIT", "50"))

# Two-factor sign-in codes: 6 digits, valid 5 minutes, one resend a minute.
SIGN_IN_CODE_VALID_SECONDS = int(os.environ.get("SIGN_IN_CODE_VALID_SECONDS", "300"))
SIGN_IN_CODE_RESEND_SECONDS = 60
# The sender that delivers text messages. With NOTIFY_API_KEY set, GOV.UK
# Notify sends them through the template NOTIFY_SMS_TEMPLATE_ID, whose whole
# content is ((body)). Otherwise they stay in the text outbox, which
# /account/texts/ lists when DEBUG is on.
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
# A Notify email template whose subject is ((subject)) and body ((body)).
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")
TEXT_SENDER = os.environ.get(
    "TEXT_SENDER", "security.texts.NotifySender" if NOTIFY_API_KEY else "security.texts.OutboxSender"
)
# Account recovery requests allowed in an hour, per address and per account.
RECOVERY_REQUESTS_PER_ADDRESS = int(os.environ.get("RECOVERY_REQUESTS_PER_ADDRESS", "20"))
RECOVERY_REQUESTS_PER_ACCOUNT = int(os.environ.get("RECOVERY_REQUESTS_PER_ACCOUNT", "3"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(60 * 60)))
# New staff get longer to set their first password than a reset link lasts.
ACCOUNT_INVITATION_TIMEOUT = int(os.environ.get("ACCOUNT_INVITATION_TIMEOUT", str(7 * 24 * 60 * 60)))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("TESTING")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded files live outside any public URL and are served only by views
# that check permission.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "uploads"))

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Email. `make run` sets EMAIL_BACKEND to the file backend writing to var/mail.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# With a Notify key and email template, emails go through Notify unless EMAIL_BACKEND is set.
if NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID and not os.environ.get("EMAIL_BACKEND"):
    EMAIL_BACKEND = "security.notify_email.NotifyEmailBackend"
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ECT Manager <no-reply@ectmanager.invalid>")
# How many times the outbox tries one email before it stops and leaves it failed.
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "5"))

# The Teaching Record System API. Without both, an offline directory of demo
# teacher records answers instead (see ects/trs_demo.py).
TRS_API_URL = os.environ.get("TRS_API_URL", "")
TRS_API_KEY = os.environ.get("TRS_API_KEY", "")
TRS_TIMEOUT_SECONDS = float(os.environ.get("TRS_TIMEOUT_SECONDS", "10"))

TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

# Sessions and cookies.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(2 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG and not env_bool("INSECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# How many reverse proxies in front of the application set X-Forwarded-For.
# With 0, the client address is REMOTE_ADDR and the header is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The test suite sets TESTING: a fast password hasher, because the tests
# create many users and hashing strength is not what they check.
TESTING = env_bool("TESTING")
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
