"""The platform's own pages against the trivial health check, on a real server."""

from lib import bench_server, report, wrk

with bench_server() as server:
    server.manage("load_demo")
    trivial = wrk(server.url("/healthz"))
    report("start page (German)", wrk(server.url("/")), trivial)
    report("start page (English)", wrk(server.url("/en/")), trivial)
