"""gunicorn settings for production (the Procfile's `web`), see docs/platform.md "API".

Threads let a worker answer `/healthz` and a citizen's page while other threads of it wait
on the database or on a slow client; the bounds on every request (rathaus.core.guard and the
API schemas) keep the work of any one request small, so that no request holds a CPU for long.
"""

import os

wsgi_app = "rathaus.wsgi"
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "3"))
threads = int(os.environ.get("WEB_THREADS", "8"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Request line and header bounds (413/400 from gunicorn before Django runs).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
# Load Django once in the master: workers start ready, and share its memory.
preload_app = True
# No control socket: several instances on one machine would share its default path.
control_socket_disable = True


def post_fork(server, worker):
    """Hand the GIL over every millisecond (default 5 ms): a thread answering /healthz or a page
    then waits less behind a thread that computes."""
    import sys

    sys.setswitchinterval(0.001)
