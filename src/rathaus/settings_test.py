"""Settings for the test suite: the test profile of `rathaus.settings`, chosen by environment."""

import os

os.environ.setdefault("DJANGO_ENV", "test")

from rathaus.settings import *  # noqa: F403
