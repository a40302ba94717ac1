"""Staff pages under /backoffice/services/ (every view checks staff, TOTP and permission)."""

from django.urls import path

from rathaus.eservices.views.backoffice import archive, builder, cases, inbox, payments, stuck

app_name = "eservices"

urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("stuck/", stuck.stuck_list, name="stuck"),
    path("stuck/<str:reference>/retry/", stuck.stuck_retry, name="stuck_retry"),
    path("archive/", archive.archive_list, name="archive"),
    path("archive/<uuid:process_id>/again/", archive.archive_restart, name="archive_restart"),
    path("cases/<str:reference>/", cases.case_detail, name="case"),
    path("cases/<str:reference>/status/", cases.case_status, name="case_status"),
    path("cases/<str:reference>/assign/", cases.case_assign_view, name="case_assign"),
    path("cases/<str:reference>/note/", cases.case_note, name="case_note"),
    path("cases/<str:reference>/deadline/", cases.case_deadline, name="case_deadline"),
    path("cases/<str:reference>/ask/", cases.case_ask, name="case_ask"),
    path("cases/<str:reference>/inform/", cases.case_inform, name="case_inform"),
    path("cases/<str:reference>/decide/", cases.case_decide_view, name="case_decide"),
    path(
        "cases/<str:reference>/deliveries/<int:delivery_id>/retry/",
        cases.case_delivery_retry,
        name="case_delivery_retry",
    ),
    path("cases/<str:reference>/receipt.pdf", cases.case_receipt, name="case_receipt"),
    path(
        "cases/<str:reference>/notices/<int:notice_id>.pdf", cases.case_notice, name="case_notice"
    ),
    path("cases/<str:reference>/files/<uuid:upload_id>/", cases.case_file, name="case_file"),
    path("catalogue/", builder.service_list, name="services"),
    path("catalogue/new/", builder.service_new, name="service_new"),
    path("catalogue/<slug:slug>/", builder.service_edit, name="service_edit"),
    path("catalogue/<slug:slug>/form/", builder.form_editor, name="form_editor"),
    path("catalogue/<slug:slug>/form/preview/", builder.form_preview, name="form_preview"),
    path("catalogue/<slug:slug>/form/publish/", builder.form_publish_view, name="form_publish"),
    path("catalogue/<slug:slug>/form/new-step/", builder.step_edit, name="step_new"),
    path("catalogue/<slug:slug>/form/steps/<slug:step_key>/", builder.step_edit, name="step_edit"),
    path(
        "catalogue/<slug:slug>/form/steps/<slug:step_key>/new-field/",
        builder.field_edit,
        name="field_new",
    ),
    path(
        "catalogue/<slug:slug>/form/steps/<slug:step_key>/fields/<slug:key>/",
        builder.field_edit,
        name="field_edit",
    ),
    path(
        "catalogue/<slug:slug>/form/steps/<slug:step_key>/fields/<slug:key>/<str:action>/",
        builder.field_change,
        name="field_change",
    ),
    # After the field paths: its <action> would otherwise swallow new-field.
    path(
        "catalogue/<slug:slug>/form/steps/<slug:step_key>/<str:action>/",
        builder.step_change,
        name="step_change",
    ),
    path("catalogue/<slug:slug>/form/new-rule/", builder.rule_add, name="rule_new"),
    path(
        "catalogue/<slug:slug>/form/rules/<int:index>/remove/",
        builder.rule_remove,
        name="rule_remove",
    ),
    path("payments/", payments.payments, name="payments"),
    path("payments/export/", payments.export, name="payments_export"),
    path("payments/exports/<int:export_id>.xml", payments.export_file, name="payments_export_file"),
    path("payments/import/", payments.import_statement, name="payments_import"),
]
