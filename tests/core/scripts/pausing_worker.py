"""`manage.py run_worker` that stops in the middle of deciding a case (for the SIGKILL test).

When the notice of a decision has been written (inside the deciding transaction, not yet
committed) it touches the file named by PAUSE_MARKER and sleeps, so the test can kill it there.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rathaus.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from rathaus.eservices.services import decisions  # noqa: E402

original = decisions.notice_issue


def pausing_notice_issue(**kwargs):
    notice = original(**kwargs)
    Path(os.environ["PAUSE_MARKER"]).write_text(str(notice.pk))
    time.sleep(600)
    return notice


decisions.notice_issue = pausing_notice_issue
call_command("run_worker", *sys.argv[1:])
