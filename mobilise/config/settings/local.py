"""Settings for a developer's machine: the default for manage.py."""

from mobilise.config.env import env_list, env_str

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "local-development-key-not-secret-" + "x" * 30)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
MOBILISE_SHOW_DEMO_LOGIN = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
