"""Production settings plus the ceiling endpoint, for bench/live_session.py's servers."""

from mobilise.config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.ceiling"
