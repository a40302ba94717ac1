"""Citizen pages under /services/ (German) and /en/services/ (English)."""

from django.urls import path

from rathaus.eservices.views import apply, catalogue, files, mailbox, payments

app_name = "eservices"

urlpatterns = [
    path("", catalogue.catalogue, name="catalogue"),
    path("apply/<slug:slug>/", apply.apply_start, name="apply"),
    path("drafts/<uuid:public_id>/", apply.draft_continue, name="draft"),
    path("drafts/<uuid:public_id>/step/<slug:step_key>/", apply.draft_step, name="step"),
    path("drafts/<uuid:public_id>/review/", apply.draft_review, name="review"),
    path("drafts/<uuid:public_id>/delete/", apply.draft_discard, name="draft_delete"),
    path("drafts/<uuid:public_id>/files/<uuid:upload_id>/", files.draft_upload, name="draft_file"),
    path("resume/<str:token>/", apply.resume, name="resume"),
    path("mailbox/", mailbox.mailbox, name="mailbox"),
    path("mailbox/letters/<int:letter_id>.pdf", files.letter, name="letter"),
    path("cases/<str:reference>/", mailbox.case_detail, name="case"),
    path("cases/<str:reference>/reply/", mailbox.case_reply, name="case_reply"),
    path("cases/<str:reference>/withdraw/", mailbox.case_withdraw_view, name="case_withdraw"),
    path("cases/<str:reference>/receipt.pdf", files.receipt, name="receipt"),
    path("cases/<str:reference>/notices/<int:notice_id>.pdf", files.notice, name="notice"),
    path("cases/<str:reference>/files/<uuid:upload_id>/", files.case_upload, name="case_file"),
    path(
        "cases/<str:reference>/payments/<int:payment_id>/mandate/",
        payments.mandate,
        name="mandate",
    ),
    # Last: a service's address name (models.catalogue.RESERVED_SLUGS keeps the paths above free).
    path("<slug:slug>/", catalogue.service_detail, name="service"),
]
