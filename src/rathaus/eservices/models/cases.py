"""Cases: a submitted application, its status, the people on it, its timeline and messages."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rathaus.eservices import workflow
from rathaus.eservices.models.catalogue import Service
from rathaus.eservices.models.forms import FormVersion
from rathaus.organization.models import OrgUnit


class CaseStatus(models.TextChoices):
    # A context of their own: Django's catalogues are global, other apps word "closed" differently.
    SUBMITTED = workflow.SUBMITTED, pgettext_lazy("case status", "submitted")
    IN_REVIEW = workflow.IN_REVIEW, pgettext_lazy("case status", "in review")
    WAITING = workflow.WAITING, pgettext_lazy("case status", "waiting for your answer")
    DECIDED = workflow.DECIDED, pgettext_lazy("case status", "decided")
    CLOSED = workflow.CLOSED, pgettext_lazy("case status", "closed")
    WITHDRAWN = workflow.WITHDRAWN, pgettext_lazy("case status", "withdrawn")


class ReferenceCounter(models.Model):
    """The last reference number given in a year; locked while a case takes the next one."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Case(models.Model):
    reference = models.CharField(_("reference"), max_length=24, unique=True)
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.PROTECT, related_name="cases"
    )
    form_version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="cases")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("department"), on_delete=models.PROTECT, related_name="cases"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eservice_cases",
    )
    applicant_name = models.CharField(_("applicant"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2, default="de")
    answers = models.JSONField(_("answers"), default=dict)
    status = models.CharField(
        pgettext_lazy("case", "status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.SUBMITTED,
    )
    outcome = models.CharField(_("outcome"), max_length=20, blank=True)
    outcome_amounts = models.JSONField(_("amounts of the outcome"), default=list, blank=True)
    """[{"amount": "1813.00", "label": {"de": ..., "en": ...}}], from the handler at the decision
    (`eservices.outcomes`); shown with the outcome in the mailbox and the timeline."""
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_eservice_cases",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    due_on = models.DateField(_("due"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    processed_at = models.DateTimeField(
        _("processed"),
        null=True,
        blank=True,
        help_text=_("When the processing after submission (mail, receipt, checks) finished."),
    )
    finished_at = models.DateTimeField(
        _("closed or withdrawn"), null=True, blank=True, db_index=True
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    idempotency_key = models.UUIDField(unique=True, editable=False)
    receipt = models.FileField(upload_to="eservices/receipts/%Y/", blank=True)
    receipt_sha256 = models.CharField(max_length=64, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "-submitted_at", "-id"], name="case_inbox_newest"),
            models.Index(fields=["unit", "status", "-submitted_at"], name="case_inbox_status"),
            models.Index(fields=["unit", "due_on"], name="case_inbox_due"),
            models.Index(fields=["assignee", "status"], name="case_assignee_status"),
            models.Index(fields=["applicant", "-submitted_at"], name="case_mailbox"),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("eservices:case", args=[self.reference])

    def get_backoffice_url(self) -> str:
        return reverse("backoffice:eservices:case", args=[self.reference])

    def is_overdue(self, today=None) -> bool:
        return workflow.is_overdue(self.status, self.due_on, today or timezone.localdate())

    @property
    def is_open(self) -> bool:
        return self.status in workflow.OPEN


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Application submitted")
    STATUS = "status", _("Status changed")
    ASSIGNED = "assigned", _("Assigned")
    MESSAGE = "message", _("Message")
    NOTICE = "notice", _("Notice issued")
    PAYMENT = "payment", _("Payment")
    DEADLINE = "deadline", _("Deadline changed")
    DELIVERED = "delivered", _("Handed over to a specialist system")
    ARCHIVED = "archived", _("Taken over by the archive")


class CaseEvent(models.Model):
    """One entry of a case's timeline; citizens see the entries marked visible to them.

    Entries hold statuses and references only, never answers, so the timeline of an
    anonymised case tells nothing about the person.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, blank=True, choices=CaseStatus.choices)
    to_status = models.CharField(max_length=20, blank=True, choices=CaseStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visible_to_citizen = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"], name="case_event_timeline")]

    def __str__(self) -> str:
        return f"{self.case} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class CaseNote(models.Model):
    """An internal note by staff; never shown to the citizen."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"note on {self.case}"


class MessageKind(models.TextChoices):
    QUESTION = "question", pgettext_lazy("message kind", "Question")
    REPLY = "reply", pgettext_lazy("message kind", "Reply")
    INFORMATION = "information", pgettext_lazy("message kind", "Information")


class Message(models.Model):
    """A message in the case's mailbox, from staff to the citizen or back."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=20, choices=MessageKind.choices)
    from_staff = models.BooleanField()
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["case", "created_at"], name="case_message_order")]

    def __str__(self) -> str:
        return f"message on {self.case}"
