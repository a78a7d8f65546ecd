"""Settings for the test suite: the normal settings, read with test defaults."""

import os

os.environ.setdefault("TESTING", "1")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
# Playwright's sync API runs an event loop in the test thread, and the ORM
# calls that tests make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from ectm.settings import *  # noqa: E402,F403
