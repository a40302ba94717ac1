"""Fill one process with many proposals, comments and supports (benchmarks, load tests).

    manage.py participation_seed --proposals 10000 --comments 100000 --supports 50000

Creates (or refills) the process `--slug` (default `bench`) with a running proposal phase and
bulk-inserts rows with consistent counters. Deterministic for a given `--seed`.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from rathaus.accounts.models import User
from rathaus.core.fragments import changed
from rathaus.participation.districts import district_names
from rathaus.participation.models import (
    Category,
    Comment,
    ParticipantProfile,
    Phase,
    PhaseKind,
    Process,
    Proposal,
    Support,
)
from rathaus.participation.selectors import PROPOSALS_TOPIC

WORDS = [
    "Bäume",
    "Radweg",
    "Spielplatz",
    "Bank",
    "Brunnen",
    "Beleuchtung",
    "Bus",
    "Markt",
    "Kultur",
    "Schule",
    "Park",
    "Platz",
    "Straße",
    "Kita",
    "Sport",
    "Grün",
    "Wasser",
    "Sicherheit",
    "Lärm",
    "Parken",
    "Treffpunkt",
    "Jugend",
    "Senioren",
]


class Command(BaseCommand):
    help = "Seed a process with many proposals, comments and supports (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--slug", default="bench")
        parser.add_argument("--proposals", type=int, default=10_000)
        parser.add_argument("--comments", type=int, default=100_000)
        parser.add_argument("--supports", type=int, default=50_000)
        parser.add_argument("--people", type=int, default=1_000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, slug, proposals, comments, supports, people, seed, **options):
        if people < 1 or proposals < 1:
            raise CommandError("Need at least one person and one proposal.")
        rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        with transaction.atomic():
            process = self._process(slug)
            users = self._people(slug, people)
            made = self._proposals(process, users, proposals, comments, supports, rng)
            changed(PROPOSALS_TOPIC)  # bulk inserts send no signals
        self.stdout.write(
            f"Seeded process {process.slug} (id {process.pk}): {made[0]} proposals, "
            f"{made[1]} comments, {made[2]} supports."
        )

    def _process(self, slug: str) -> Process:
        Process.objects.filter(slug=slug).delete()
        process = Process.objects.create(
            slug=slug, title_de=f"Lasttest {slug}", title_en=f"Load test {slug}"
        )
        now = timezone.now()
        Phase.objects.create(
            process=process,
            kind=PhaseKind.PROPOSALS,
            starts_at=now - datetime.timedelta(days=30),
            ends_at=now + datetime.timedelta(days=30),
            announced_at=now,
        )
        for number in range(1, 6):
            Category.objects.create(
                process=process, slug=f"c{number}", name_de=f"Kategorie {number}"
            )
        return process

    def _people(self, slug: str, count: int) -> list[User]:
        emails = [f"seed.{slug}.{number}@example.org" for number in range(count)]
        existing = {user.email: user for user in User.objects.filter(email__in=emails)}
        User.objects.bulk_create(
            [
                User(email=email, password=make_password(None))
                for email in emails
                if email not in existing
            ],
            batch_size=1000,
        )
        users = list(User.objects.filter(email__in=emails).order_by("pk"))
        have = set(ParticipantProfile.objects.filter(user__in=users).values_list("user", flat=True))
        ParticipantProfile.objects.bulk_create(
            [
                ParticipantProfile(user=user, pseudonym=f"Seed-{slug}-{user.pk}")
                for user in users
                if user.pk not in have
            ],
            batch_size=1000,
        )
        return users

    def _proposals(self, process, users, count, comment_total, support_total, rng):
        districts = district_names() or ("",)  # the whole city until boundaries are imported
        categories = list(process.categories.all())
        now = timezone.now()
        comment_owner = [rng.randrange(count) for _ in range(comment_total)]
        comments_per = [0] * count
        for index in comment_owner:
            comments_per[index] += 1
        supporters = [set() for _ in range(count)]
        for _ in range(support_total):
            supporters[rng.randrange(count)].add(rng.randrange(len(users)))
        proposals = []
        for index in range(count):
            words = rng.sample(WORDS, 4)
            located = rng.random() < 0.6
            proposals.append(
                Proposal(
                    process=process,
                    author=users[rng.randrange(len(users))],
                    title=f"{words[0]} und {words[1]} ({index + 1})",
                    text=" ".join(rng.choice(WORDS) for _ in range(60)),
                    category=rng.choice(categories),
                    district=rng.choice(districts),
                    latitude=round(49.40 + rng.random() * 0.08, 6) if located else None,
                    longitude=round(7.70 + rng.random() * 0.12, 6) if located else None,
                    created_at=now - datetime.timedelta(minutes=index),
                    updated_at=now - datetime.timedelta(minutes=index),
                    support_count=len(supporters[index]),
                    comment_count=comments_per[index],
                )
            )
        proposals = Proposal.objects.bulk_create(proposals, batch_size=2000)
        Support.objects.bulk_create(
            (
                Support(proposal=proposal, user=users[supporter])
                for proposal, chosen in zip(proposals, supporters, strict=True)
                for supporter in chosen
            ),
            batch_size=5000,
        )
        Comment.objects.bulk_create(
            (
                Comment(
                    proposal=proposals[index],
                    author=users[rng.randrange(len(users))],
                    text=" ".join(rng.choice(WORDS) for _ in range(25)),
                    created_at=now - datetime.timedelta(seconds=number),
                )
                for number, index in enumerate(comment_owner)
            ),
            batch_size=5000,
        )
        return count, comment_total, sum(len(chosen) for chosen in supporters)
