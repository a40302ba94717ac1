"""Factories for the online-services tests: services with a published form, and cases in a
given state of the workflow, made through the real services (draft, submit, process, decide,
pay)."""

from __future__ import annotations

from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from rathaus.eservices import workflow
from rathaus.eservices.demo_forms import DEMO_REQUEST
from rathaus.eservices.formschema import evaluate
from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.models import Case, FormVersion, Service
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.drafts import draft_attach_file, draft_save_step, draft_start
from rathaus.eservices.services.payments import statement_import
from rathaus.eservices.services.submission import draft_submit
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d494844520000000100000001080600000000") + b"\x00" * 40
DEBTOR_IBAN = "DE89370400440532013000"
FEE = Decimal("30.70")

ANSWERS = {
    "given_name": "Clara",
    "family_name": "Citizen",
    "address": {"street": "Marktstraße 1", "postal_code": "67655", "city": "Kaiserslautern"},
    "topic": "proof",
    "details": "Here is my proof.",
}


class ServiceFactory(factory.django.DjangoModelFactory):
    """An open service whose form (``schema``, the demo request by default) is published as
    version 1."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    class Params:
        schema = DEMO_REQUEST

    slug = factory.Sequence(lambda n: f"nachweis-{n}")
    leika = "99000000000001"
    name_de = "Nachweis einreichen"
    name_en = "Submit a proof"
    unit = factory.SubFactory(OrgUnitFactory, slug="steueramt")
    is_open = True
    form_working_copy = factory.LazyAttribute(lambda service: service.schema)

    @factory.post_generation
    def published(self, create, extracted, **kwargs):
        if create:
            FormVersion.objects.create(
                service=self, number=1, schema=self.form_working_copy, published_at=self.created_at
            )


def attach(draft, *, field_key="proof", name="proof.pdf", content=PDF):
    return draft_attach_file(
        draft=draft,
        field_key=field_key,
        uploaded=SimpleUploadedFile(name, content, content_type="application/pdf"),
        accept=("pdf", "jpg", "png"),
        max_size_mb=5,
    )


def submitted_case(service, applicant, *, defaults=ANSWERS, processed=False, **answers):
    """A case made the way a citizen makes one: draft, answers (``defaults`` with ``answers``
    over them), a PDF for every file field the answers show, submit. ``processed`` runs what
    the submission left for after its commit (the worker's task: the service's handler decides
    the case or leaves it for a clerk), as a worker would."""
    draft = draft_start(user=applicant, service=service)
    values = {**defaults, **answers}
    steps = draft.form_version.form.steps
    for item in (item for step in steps for item in step.fields):
        if item.type == "file" and evaluate(item.show_if, values):
            values[item.key] = attach(draft, field_key=item.key, name=f"{item.key}.pdf")
    draft_save_step(draft=draft, step_key=steps[-1].key, values=values, next_step="review")
    if not processed:
        return draft_submit(draft=draft, user=applicant)
    with TestCase.captureOnCommitCallbacks(execute=True):
        case = draft_submit(draft=draft, user=applicant)
    case.refresh_from_db()
    return case


def statement(*entries: tuple[str, str, str]) -> bytes:
    """A camt.053.001.02 day statement with one booked credit per (amount, remittance, e2e)."""
    booked = "".join(
        f"""<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-03-03</Dt></BookgDt><ValDt><Dt>2026-03-03</Dt></ValDt>
        <AcctSvcrRef>REF{index}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls><Refs><EndToEndId>{e2e or "NOTPROVIDED"}</EndToEndId></Refs>
        <AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>
        <RltdPties><Dbtr><Nm>Clara Citizen</Nm></Dbtr>
        <DbtrAcct><Id><IBAN>{DEBTOR_IBAN}</IBAN></Id></DbtrAcct></RltdPties>
        <RmtInf><Ustrd>{remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"""
        for index, (amount, remittance, e2e) in enumerate(entries)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-03T18:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-03-03T18:00:00+01:00</CreDtTm>
<Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
{booked}</Stmt></BkToCstmrStmt></Document>""".encode()


class CaseFactory(factory.Factory):
    """A case submitted through the citizen's way (``submitted_case``: ``answers`` over the
    form's usual ``defaults``, ANSWERS for the demo request), then moved on by the workflow's
    services. ``processed=True`` lets the worker's task run after the submission (the handler
    of the service decides). Traits: ``submitted`` (the default), ``in_review`` (by a clerk of
    the service's department), ``decided`` (granted by ``case_decide``), ``paid`` (decided with
    a fee of FEE, paid by a booked bank statement) and ``closed`` (decided, then closed)."""

    class Meta:
        model = Case

    service = factory.SubFactory(ServiceFactory)
    applicant = factory.SubFactory(UserFactory)
    defaults = factory.Dict(ANSWERS)
    answers = factory.Dict({})
    processed = False
    target = workflow.SUBMITTED
    fee = None
    pay = False

    class Params:
        submitted = factory.Trait(target=workflow.SUBMITTED)
        in_review = factory.Trait(target=workflow.IN_REVIEW)
        decided = factory.Trait(target=workflow.DECIDED)
        paid = factory.Trait(target=workflow.DECIDED, fee=FEE, pay=True)
        closed = factory.Trait(target=workflow.CLOSED)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("Cases are made through the services; use CaseFactory().")

    @classmethod
    def _create(
        cls, model_class, *, service, applicant, defaults, answers, processed, target, fee, pay
    ):
        case = submitted_case(service, applicant, defaults=defaults, processed=processed, **answers)
        if target == workflow.SUBMITTED:
            return case
        clerk = StaffFactory(unit=service.unit)
        if target == workflow.IN_REVIEW:
            case = case_transition(
                case=case, to=workflow.IN_REVIEW, actor=clerk, actor_kind=workflow.STAFF
            )
        if target in (workflow.DECIDED, workflow.CLOSED):
            decision = Decision(outcome=Outcome.GRANTED, text="Granted.", amount=fee)
            case_decide(case=case, decision=decision, actor=clerk)
        if pay:
            payment = case.payments.get()
            statement_import(
                content=statement((str(payment.amount), payment.remittance, "")), actor=clerk
            )
        if target == workflow.CLOSED:
            case_transition(case=case, to=workflow.CLOSED, actor=clerk, actor_kind=workflow.STAFF)
        case.refresh_from_db()
        return case
