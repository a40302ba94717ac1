"""The seeding command for benchmarks fills a process with consistent counters."""

import io

import pytest
from django.core.management import call_command

from rathaus.participation.models import Process

pytestmark = pytest.mark.django_db


def test_seeding_creates_rows_with_matching_counters():
    call_command(
        "participation_seed",
        "--proposals",
        "30",
        "--comments",
        "200",
        "--supports",
        "90",
        "--people",
        "12",
        stdout=io.StringIO(),
    )

    process = Process.objects.get(slug="bench")
    proposals = process.proposals.all()
    assert proposals.count() == 30
    assert sum(p.comment_count for p in proposals) == 200
    for proposal in proposals:
        assert proposal.support_count == proposal.supports.count()
        assert proposal.comment_count == proposal.comments.count()
    assert process.current_phase.kind == "proposals"
