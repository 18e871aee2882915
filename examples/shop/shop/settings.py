"""A small shop: an example project for async-bench, unlike its reference app.

Its own database settings point at SQLite; async-bench's generated settings module
replaces them with its PostgreSQL, as it does for any project.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "example-only"
DEBUG = True
ALLOWED_HOSTS = ["localhost"]
INSTALLED_APPS = ["django.contrib.contenttypes", "catalog"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "shop.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"level": "WARNING", "handlers": ["console"]},
}

# A planted N+1 for async-bench's own tests: the product list reads each row's category with a
# query of its own instead of a join (SHOP_PLANT_N_PLUS_ONE=1 in the environment, or set here
# in a commit, so a head and its base can differ).
SHOP_PLANT_N_PLUS_ONE = os.environ.get("SHOP_PLANT_N_PLUS_ONE") == "1"
