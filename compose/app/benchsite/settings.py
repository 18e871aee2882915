"""Settings of the async-bench reference app.

Close to the Asynchronize-Django study's project (same installed apps and middleware,
CsrfViewMiddleware left out as there), with the deviations a benchmark needs:
DEBUG off and no SQL/debug logging (the study logged every query at DEBUG level),
ALLOWED_HOSTS '*' (the app is reached as "app" or "toxiproxy"), and psycopg 3.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# A throwaway key: this app only ever runs on a private compose network for a benchmark.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "async-bench-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["*"]

# Which view module serves /posts/*: "sync" (def views, sync ORM) or "async"
# (async def views, async ORM). URLs are the same either way.
ASYNC_BENCH_VIEWS = os.environ.get("ASYNC_BENCH_VIEWS") or "sync"
if ASYNC_BENCH_VIEWS not in ("sync", "async"):
    raise ImproperlyConfigured(f"ASYNC_BENCH_VIEWS must be 'sync' or 'async', not {ASYNC_BENCH_VIEWS!r}")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "posts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "benchsite.urls"

TEMPLATES = [
    {
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

WSGI_APPLICATION = "benchsite.wsgi.application"
ASGI_APPLICATION = "benchsite.asgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "bench"),
        "USER": os.environ.get("POSTGRES_USER", "postgres"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", "postgres"),
        "HOST": os.environ.get("POSTGRES_HOST", "db"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
        # Django's default, as in the study: a new connection per request.
        "CONN_MAX_AGE": int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Errors (500 tracebacks, DB refusals) go to stderr -> app.log; nothing per request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"simple": {"format": "%(levelname)s %(asctime)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "simple"}},
    "root": {"level": "WARNING", "handlers": ["console"]},
}
