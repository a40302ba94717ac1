"""Factories for the participation tests: processes in a given phase, proposals, comments."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from rathaus.participation import phases
from rathaus.participation.models import (
    Category,
    Comment,
    ParticipantProfile,
    Phase,
    Process,
    Project,
    ProjectStatus,
    Proposal,
    Topic,
)
from tests.factories import OrgUnitFactory, UserFactory

ORDER = [t.key for t in phases.phase_types()]


class ProcessFactory(factory.django.DjangoModelFactory):
    """A process whose phase `running` (a kind, or None for "between phases") runs now; the
    other phases of ORDER lie before and after it, each 10 days long."""

    class Meta:
        model = Process
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"process-{n}")
    title_de = factory.Sequence(lambda n: f"Beteiligung {n}")
    title_en = factory.Sequence(lambda n: f"Participation {n}")
    summary_de = "Worum es geht"

    @factory.post_generation
    def running(self, create, extracted, **kwargs):
        """`running=<kind>`: that phase runs now; `running=None`: every phase is over."""
        if not create:
            return
        now = timezone.now()
        length = datetime.timedelta(days=10)
        position = ORDER.index(extracted) if extracted else len(ORDER)
        for index, kind in enumerate(ORDER):
            starts_at = now + (index - position) * length - datetime.timedelta(days=1)
            Phase.objects.create(
                process=self,
                kind=kind,
                starts_at=starts_at,
                ends_at=starts_at + length,
                announced_at=starts_at if starts_at <= now else None,
            )


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    process = factory.SubFactory(ProcessFactory, running=phases.PROPOSALS)
    slug = factory.Sequence(lambda n: f"category-{n}")
    name_de = factory.Sequence(lambda n: f"Kategorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipantProfile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    pseudonym = factory.Sequence(lambda n: f"Teilnehmer-{n}")


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    process = factory.SubFactory(ProcessFactory, running=phases.PROPOSALS)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Vorschlag {n}")
    text = "Mehr Bänke im Park."

    @factory.post_generation
    def profile(self, create, extracted, **kwargs):
        if create and self.author is not None:
            ProfileFactory(user=self.author)

    class Params:
        hidden = factory.Trait(hidden_at=factory.LazyFunction(timezone.now), hidden_reason="Spam")


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment
        skip_postgeneration_save = True

    proposal = factory.SubFactory(ProposalFactory)
    author = factory.SubFactory(UserFactory)
    text = "Dem stimme ich zu."

    @factory.post_generation
    def profile(self, create, extracted, **kwargs):
        if create and self.author is not None:
            ProfileFactory(user=self.author)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    title_de = factory.Sequence(lambda n: f"Vorhaben {n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    description_de = "Beschreibung"
    description_en = "Description"
    responsible_unit = factory.SubFactory(OrgUnitFactory)
    status = ProjectStatus.PLANNED
    topic = Topic.MOBILITY
    district = "Innenstadt"
