"""Demo data of the participation platform (idempotent; all of it fictitious and marked demo).

Three processes (one taking proposals now, one past its proposals with the city's answers, one
still informing), the Vorhabenliste, demo participants with pseudonyms, proposals with comments,
replies and supports, a hidden comment and an open report. Phase dates are counted from the day
a process was first loaded, so loading again keeps the schedule.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.db.models import Count
from django.utils import timezone

from rathaus.accounts.models import User
from rathaus.organization.models import OrgUnit
from rathaus.participation.demo.projects import load_projects, load_units
from rathaus.participation.demo.proposals import (
    COMMENTS,
    INNENSTADT,
    INNENSTADT_ANSWERS,
    PARTICIPANTS,
    RADVERKEHR,
    RADVERKEHR_ANSWERS,
    REPLIES,
)
from rathaus.participation.models import (
    Category,
    Comment,
    Follow,
    OfficialAnswer,
    ParticipantProfile,
    Phase,
    Process,
    Proposal,
    Report,
    ReportReason,
    Support,
)

PROCESSES = [
    {
        "slug": "lebenswerte-innenstadt",
        "title_de": "Lebenswerte Innenstadt: Ihre Ideen",
        "title_en": "A liveable city centre: your ideas",
        "summary_de": "Was macht die Innenstadt lebenswerter? Schlagen Sie vor, diskutieren "
        "Sie und unterstützen Sie die besten Ideen.",
        "summary_en": "What would make the city centre more liveable? Propose, discuss and "
        "support the best ideas.",
        "description_de": "Die Stadt gestaltet in den nächsten Jahren Plätze und Straßen der "
        "Innenstadt neu. Bevor geplant wird, möchten wir wissen, was Ihnen wichtig ist.\n\n"
        "Nach der Vorschlagsphase antwortet die Verwaltung auf die meistunterstützten "
        "Vorschläge; über eine Auswahl können Sie anschließend abstimmen.",
        "description_en": "Over the coming years the city will redesign squares and streets in "
        "the city centre. Before planning starts, we would like to know what matters to you.\n\n"
        "After the proposal phase the administration answers the most supported proposals; you "
        "can then vote on a selection.",
        "unit": "stadtentwicklung",
        "district": "Innenstadt",
        "phases": [
            ("information", -45, -30),
            ("proposals", -30, 21),
            ("discussion", 21, 42),
            ("voting", 42, 56),
            ("results", 56, 70),
            ("implementation", 70, 400),
        ],
        "categories": [
            ("gruen", "Grün und Klima", "Green spaces and climate"),
            ("verkehr", "Verkehr", "Transport"),
            ("aufenthalt", "Aufenthalt und Sitzen", "Places to stay"),
            ("kultur", "Kultur und Leben", "Culture and city life"),
        ],
    },
    {
        "slug": "radverkehr-2030",
        "title_de": "Radverkehrskonzept 2030",
        "title_en": "Cycling plan 2030",
        "summary_de": "Wo fehlen Radwege, Abstellplätze und sichere Kreuzungen? Die Ergebnisse "
        "liegen vor.",
        "summary_en": "Where are cycle paths, parking and safe junctions missing? The results "
        "are in.",
        "description_de": "Bürgerinnen und Bürger haben Vorschläge für das Radverkehrskonzept "
        "eingebracht. Die Verwaltung hat jeden Vorschlag beantwortet.",
        "description_en": "Citizens contributed proposals for the cycling plan. The "
        "administration has answered each of them.",
        "unit": "tiefbau",
        "district": "",
        "phases": [
            ("information", -200, -180),
            ("proposals", -180, -120),
            ("discussion", -120, -90),
            ("results", -90, 30),
            ("implementation", 30, 700),
        ],
        "categories": [],
    },
    {
        "slug": "spielplatz-erzhuetten",
        "title_de": "Spielplatz Erzhütten: Kinder planen mit",
        "title_en": "Erzhütten playground: children plan along",
        "summary_de": "Bald können Familien Wünsche für den neuen Spielplatz einbringen.",
        "summary_en": "Families will soon be able to contribute wishes for the new playground.",
        "description_de": "Die Stadt stellt die Fläche und den Zeitplan vor. Ab der "
        "Vorschlagsphase können Sie Ideen einreichen.",
        "description_en": "The city presents the site and the schedule. From the proposal phase "
        "on you can submit ideas.",
        "unit": "gruenflaechen",
        "district": "Erzhütten / Wiesenthalerhof",
        "phases": [("information", -5, 20), ("proposals", 20, 50), ("results", 50, 80)],
        "categories": [],
    },
]


def _participant(email: str, pseudonym: str, *, first_name: str = "", last_name: str = ""):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"first_name": first_name, "last_name": last_name, "display_name": first_name},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    ParticipantProfile.objects.get_or_create(user=user, defaults={"pseudonym": pseudonym})
    return user


def _people() -> list[User]:
    people = [
        _participant("anna.schmidt@example.org", "Anna-KL"),
        _participant("john.miller@example.org", "JohnM"),
    ]
    for number, pseudonym in enumerate(PARTICIPANTS, start=1):
        people.append(_participant(f"demo.participant{number:02d}@example.org", pseudonym))
    return people


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _process(data: dict) -> Process:
    process, _ = Process.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **{key: data[key] for key in ("title_de", "title_en", "summary_de", "summary_en")},
            "description_de": data["description_de"],
            "description_en": data["description_en"],
            "responsible_unit": OrgUnit.objects.get(slug=data["unit"]),
            "district": data["district"],
            "is_demo": True,
        },
    )
    anchor = timezone.localtime(process.created_at).date()
    for kind, start, end in data["phases"]:
        starts_at = _midnight(anchor + datetime.timedelta(days=start))
        Phase.objects.update_or_create(
            process=process,
            kind=kind,
            defaults={
                "starts_at": starts_at,
                "ends_at": _midnight(anchor + datetime.timedelta(days=end)),
                # Demo phases that have begun count as announced: loading sends no e-mails.
                "announced_at": starts_at if starts_at <= timezone.now() else None,
            },
        )
    for slug, name_de, name_en in data["categories"]:
        Category.objects.update_or_create(
            process=process, slug=slug, defaults={"name_de": name_de, "name_en": name_en}
        )
    return process


def _proposals(process: Process, rows: list, people: list[User]) -> list[Proposal]:
    proposals = []
    for title, text, category, district, point, place, author, days_ago in rows:
        created = process.created_at - datetime.timedelta(days=days_ago)
        proposal, _ = Proposal.objects.update_or_create(
            process=process,
            title=title,
            defaults={
                "text": text,
                "category": Category.objects.filter(process=process, slug=category).first(),
                "district": district,
                "latitude": Decimal(point[0]) if point else None,
                "longitude": Decimal(point[1]) if point else None,
                "location_text": place,
                "author": people[author],
                "created_at": created,
                "updated_at": created,
            },
        )
        Follow.objects.get_or_create(user=people[author], proposal=proposal)
        proposals.append(proposal)
    return proposals


def _discussion(proposals: list[Proposal], people: list[User]) -> None:
    for index, proposal in enumerate(proposals):
        for offset in range(2 + index % 4):
            commenter = people[(index + offset + 1) % len(people)]
            comment, _ = Comment.objects.get_or_create(
                proposal=proposal,
                author=commenter,
                parent=None,
                text=COMMENTS[(index + offset) % len(COMMENTS)],
                defaults={"created_at": proposal.created_at + datetime.timedelta(hours=offset + 1)},
            )
            if offset == 0 and index % 2 == 0:
                Comment.objects.get_or_create(
                    proposal=proposal,
                    parent=comment,
                    author=proposal.author,
                    text=REPLIES[index % len(REPLIES)],
                    defaults={"created_at": comment.created_at + datetime.timedelta(hours=2)},
                )
        for supporter in people[: (index * 5) % len(people) + 1]:
            if supporter != proposal.author:
                Support.objects.get_or_create(proposal=proposal, user=supporter)


def _answers(proposals: list[Proposal], answers: list, unit_slug: str) -> None:
    moderator = User.objects.filter(email="moderator@example.org").first()
    unit = OrgUnit.objects.get(slug=unit_slug)
    for index, status, text in answers:
        OfficialAnswer.objects.update_or_create(
            proposal=proposals[index],
            defaults={"status": status, "text": text, "unit": unit, "answered_by": moderator},
        )


def _moderation(proposals: list[Proposal], people: list[User]) -> None:
    moderator = User.objects.filter(email="moderator@example.org").first()
    rude, _ = Comment.objects.get_or_create(
        proposal=proposals[0],
        author=people[13],
        parent=None,
        text="Wer so einen Unsinn vorschlägt, hat keine Ahnung.",
        defaults={"created_at": proposals[0].created_at + datetime.timedelta(days=1)},
    )
    if not rude.is_hidden:
        rude.hidden_at = timezone.now()
        rude.hidden_reason = "Beleidigend; bitte bleiben Sie sachlich (Netiquette Nr. 2)."
        rude.hidden_by = moderator
        rude.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    doubtful = Comment.objects.filter(proposal=proposals[4], parent=None).first()
    Report.objects.get_or_create(
        reporter=people[0],
        comment=doubtful,
        defaults={"reason": ReportReason.OFF_TOPIC, "explanation": "Passt nicht zum Vorschlag."},
    )


def _recount() -> None:
    for proposal in Proposal.objects.filter(process__is_demo=True).annotate(
        supports_now=Count("supports", distinct=True), comments_now=Count("comments", distinct=True)
    ):
        if (proposal.support_count, proposal.comment_count) != (
            proposal.supports_now,
            proposal.comments_now,
        ):
            Proposal.objects.filter(pk=proposal.pk).update(
                support_count=proposal.supports_now, comment_count=proposal.comments_now
            )


def load(stdout=None) -> None:
    load_units()
    people = _people()
    processes = {data["slug"]: _process(data) for data in PROCESSES}
    innenstadt = _proposals(processes["lebenswerte-innenstadt"], INNENSTADT, people)
    radverkehr = _proposals(processes["radverkehr-2030"], RADVERKEHR, people)
    _discussion(innenstadt + radverkehr, people)
    _answers(innenstadt, INNENSTADT_ANSWERS, "stadtentwicklung")
    _answers(radverkehr, RADVERKEHR_ANSWERS, "tiefbau")
    _moderation(innenstadt, people)
    _recount()
    Follow.objects.get_or_create(user=people[0], process=processes["lebenswerte-innenstadt"])
    Follow.objects.get_or_create(user=people[1], process=processes["radverkehr-2030"])
    projects = load_projects()
    if stdout:
        stdout.write(
            f"  participation: {len(PROCESSES)} processes, "
            f"{len(innenstadt) + len(radverkehr)} proposals, {projects} planned projects"
        )
