"""A task for the worker tests: it needs no database, so any worker process can run it."""

from django_tasks import task


@task()
def add(first: int, second: int) -> int:
    return first + second
