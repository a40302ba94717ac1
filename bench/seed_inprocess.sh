#!/usr/bin/env bash
# Seed a PostgreSQL database for bench/inprocess_pages.py at the quick sizes of bench_pages.py
# (load_demo, 1,000 proposals in process "bench", 10,000 tax cases, 1,000 family cases, 3,000
# households), write the page ids to ids.json and collect the static files into STATIC_ROOT.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rathaus_perf STATIC_ROOT=var/bench/static \
#     bench/seed_inprocess.sh ids.json
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?the database to seed}" "${STATIC_ROOT:?where the production static files go}"
ids="${1:-ids.json}"
manage() { env -u STATIC_ROOT DJANGO_ENV=development .venv/bin/python manage.py "$@"; }
manage migrate -v0
manage collectstatic --noinput -v0
manage load_demo
manage participation_seed --slug bench --proposals 1000 --comments 10000 --supports 5000 --people 300
manage eservices_seed_cases --count 10000 --unit steueramt
manage eservices_seed_cases --count 1000 --unit familienkasse
manage dogtax_seed_households --count 3000
DJANGO_ENV=development .venv/bin/python bench/seed_pages.py > "$ids"
DJANGO_ENV=production SECRET_KEY="bench-$(printf 'x%.0s' {1..50})" ALLOWED_HOSTS=testserver \
  .venv/bin/python manage.py collectstatic --noinput -v0
