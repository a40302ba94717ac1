"""Services and their forms, built by staff: metadata, steps, fields, conditions, rules, publish."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.core.backoffice import staff_view
from rathaus.eservices.builder_forms import FieldEditForm, RuleForm, ServiceForm, StepEditForm
from rathaus.eservices.formschema import (
    FormSchema,
    SchemaError,
    editing,
    parse_schema,
    schema_problems,
)
from rathaus.eservices.messages import problem_message
from rathaus.eservices.models import Service
from rathaus.eservices.services.formbuilder import (
    NotPublishable,
    form_edit,
    form_publish,
    service_create,
    service_update,
)
from rathaus.eservices.stepforms import StepForm
from rathaus.organization.models import OrgUnit, Role
from rathaus.organization.predicates import is_administrator, unit_ids


def editable_units(user) -> list[int]:
    if is_administrator(user):
        return list(OrgUnit.objects.filter(handles_cases=True).values_list("pk", flat=True))
    return sorted(unit_ids(user, Role.LEAD))


def service_view(view):
    """A builder page of one service, for those who may change it."""

    @staff_view("eservices.manage_services")
    @wraps(view)
    def wrapped(request, slug: str, *args, **kwargs):
        service = get_object_or_404(Service.objects.select_related("unit"), slug=slug)
        if not request.user.has_perm("eservices.change_service", service):
            raise PermissionDenied
        return view(request, service, *args, **kwargs)

    return wrapped


def _editor_url(service: Service) -> str:
    return reverse("backoffice:eservices:form_editor", args=[service.slug])


@staff_view("eservices.manage_services")
def service_list(request):
    services = (
        Service.objects.filter(unit_id__in=editable_units(request.user))
        .select_related("unit")
        .order_by("name_de")
    )
    return render(request, "eservices/backoffice/builder/services.html", {"services": services})


def _service_values(form: ServiceForm) -> tuple[dict, list]:
    values = dict(form.cleaned_data)
    return values, list(values.pop("life_situations", []))


@staff_view("eservices.manage_services")
def service_new(request):
    units = editable_units(request.user)
    form = ServiceForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        values, situations = _service_values(form)
        service = service_create(actor=request.user, life_situations=situations, **values)
        messages.success(request, _("The service has been created. Now build its form."))
        return redirect(_editor_url(service))
    return render(request, "eservices/backoffice/builder/service_form.html", {"form": form})


@service_view
def service_edit(request, service):
    form = ServiceForm(request.POST or None, instance=service, units=editable_units(request.user))
    if request.method == "POST" and form.is_valid():
        values, situations = _service_values(form)
        service_update(service=service, actor=request.user, life_situations=situations, **values)
        messages.success(request, _("The service has been saved."))
        return redirect("backoffice:eservices:service_edit", service.slug)
    return render(
        request,
        "eservices/backoffice/builder/service_form.html",
        {
            "form": form,
            "service": service,
            "versions": service.versions.select_related("published_by"),
        },
    )


def _keys_before(
    schema: dict, step_key: str | None, *, include_step: bool
) -> list[tuple[str, str]]:
    """(key, label) of the fields a condition may look at: earlier steps (and this one)."""
    keys = []
    for step in schema.get("steps", []):
        if step.get("key") == step_key and not include_step:
            break
        for field in step.get("fields", []):
            label = field.get("label", {}).get("de") or field.get("key")
            keys.append((field["key"], f"{label} ({field['key']})"))
        if step.get("key") == step_key:
            break
    return keys


@service_view
def form_editor(request, service):
    schema = service.form_working_copy
    return render(
        request,
        "eservices/backoffice/builder/editor.html",
        {
            "service": service,
            "schema": schema,
            "problems": [
                (problem.where, problem_message(problem)) for problem in schema_problems(schema)
            ],
            "step_form": StepEditForm(prefix="step"),
            "rule_form": RuleForm(
                keys=_keys_before(schema, None, include_step=True), prefix="rule"
            ),
        },
    )


def _save(request, service, change):
    try:
        schema = change(service.form_working_copy)
    except KeyError:
        raise Http404 from None
    form_edit(service=service, schema=schema, actor=request.user)
    return redirect(_editor_url(service))


@service_view
def step_edit(request, service, step_key: str | None = None):
    schema = service.form_working_copy
    existing = next((s for s in schema.get("steps", []) if s.get("key") == step_key), None)
    if step_key and existing is None:
        raise Http404
    form = StepEditForm(
        request.POST or None, initial=StepEditForm.initial_from(existing) if existing else None
    )
    form.set_condition_fields(_keys_before(schema, step_key, include_step=False))
    if existing:
        form.fields["key"].disabled = True
    if request.method == "POST" and form.is_valid():
        step = form.to_schema(existing)
        if existing:
            step.pop("key")
            return _save(request, service, lambda s: editing.step_update(s, step_key, step))
        return _save(request, service, lambda s: editing.step_add(s, step))
    return render(
        request,
        "eservices/backoffice/builder/step_form.html",
        {"service": service, "form": form, "step": existing},
    )


@service_view
@require_POST
def step_change(request, service, step_key: str, action: str):
    if action == "remove":
        return _save(request, service, lambda s: editing.step_remove(s, step_key))
    if action in ("up", "down"):
        offset = -1 if action == "up" else 1
        return _save(request, service, lambda s: editing.step_move(s, step_key, offset))
    raise Http404


def _field_in(schema: dict, step_key: str, key: str | None, group: str | None) -> dict | None:
    for step in schema.get("steps", []):
        if step.get("key") != step_key:
            continue
        fields = step.get("fields", [])
        if group:
            parent = next((f for f in fields if f.get("key") == group), None)
            fields = parent.get("fields", []) if parent else []
        return next((f for f in fields if f.get("key") == key), None) if key else {}
    return None


@service_view
def field_edit(request, service, step_key: str, key: str | None = None):
    schema = service.form_working_copy
    group = request.GET.get("group") or None
    existing = _field_in(schema, step_key, key, group)
    if existing is None:
        raise Http404
    form = FieldEditForm(
        request.POST or None,
        initial=FieldEditForm.initial_from(existing) if key else {"type": "text"},
        in_group=bool(group),
    )
    form.set_condition_fields(_keys_before(schema, step_key, include_step=True))
    if key:
        form.fields["key"].disabled = True
    if request.method == "POST" and form.is_valid():
        field = form.to_schema(existing)
        if key:
            return _save(
                request,
                service,
                lambda s: editing.field_replace(s, step_key, key, field, group=group),
            )
        return _save(request, service, lambda s: editing.field_add(s, step_key, field, group=group))
    return render(
        request,
        "eservices/backoffice/builder/field_form.html",
        {"service": service, "form": form, "step_key": step_key, "field": existing, "group": group},
    )


@service_view
@require_POST
def field_change(request, service, step_key: str, key: str, action: str):
    group = request.GET.get("group") or None
    if action == "remove":
        return _save(
            request, service, lambda s: editing.field_remove(s, step_key, key, group=group)
        )
    if action in ("up", "down"):
        offset = -1 if action == "up" else 1
        return _save(
            request, service, lambda s: editing.field_move(s, step_key, key, offset, group=group)
        )
    raise Http404


@service_view
@require_POST
def rule_add(request, service):
    schema = service.form_working_copy
    form = RuleForm(request.POST, keys=_keys_before(schema, None, include_step=True), prefix="rule")
    if not form.is_valid():
        messages.error(request, _("The rule is incomplete: compare with a field or a value."))
        return redirect(_editor_url(service))
    rule = form.to_schema()
    return _save(request, service, lambda s: editing.rule_add(s, rule))


@service_view
@require_POST
def rule_remove(request, service, index: int):
    return _save(request, service, lambda s: editing.rule_remove(s, index))


@service_view
def form_preview(request, service):
    try:
        schema: FormSchema = parse_schema(service.form_working_copy)
    except SchemaError:
        messages.error(request, _("The form cannot be shown yet; please fix the problems listed."))
        return redirect(_editor_url(service))
    steps = [(step, StepForm(schema=schema, step=step, answers={})) for step in schema.steps]
    return render(
        request,
        "eservices/backoffice/builder/preview.html",
        {"service": service, "steps": steps},
    )


@service_view
@require_POST
def form_publish_view(request, service):
    try:
        version = form_publish(service=service, actor=request.user)
    except NotPublishable as refused:
        messages.error(request, _("The form has problems and cannot be published yet."))
        for problem in refused.problems:
            messages.error(request, problem_message(problem))
        return redirect(_editor_url(service))
    messages.success(
        request,
        _("Version %(number)s has been published. New applications use it.")
        % {"number": version.number},
    )
    return redirect(_editor_url(service))
