"""Back office: the city manages its participation processes (with their schedule) and the
Vorhabenliste (projects, timeline, documents). Every change goes through the services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rathaus.core.backoffice import staff_view
from rathaus.participation.forms import apply_service_errors
from rathaus.participation.forms_backoffice import (
    DocumentForm,
    ProcessForm,
    ProjectForm,
    TimelineEntryForm,
)
from rathaus.participation.models import Process, Project
from rathaus.participation.services.processes import (
    PROCESS_FIELDS,
    process_save,
    process_set_schedule,
)
from rathaus.participation.services.projects import (
    PROJECT_FIELDS,
    project_document_add,
    project_save,
    timeline_entry_add,
)
from rathaus.participation.views.common import form_data

MANAGE = "participation.manage_projects"


@staff_view(MANAGE)
def overview(request):
    return render(
        request,
        "participation/backoffice/manage.html",
        {
            "processes": Process.objects.prefetch_related("phases"),
            "projects": Project.objects.select_related("responsible_unit"),
        },
    )


@staff_view(MANAGE)
def process_edit(request, pk: int | None = None):
    process = get_object_or_404(Process, pk=pk) if pk else None
    form = ProcessForm(form_data(request), instance=process)
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] for field in PROCESS_FIELDS}
        try:
            with transaction.atomic():
                saved = process_save(
                    actor=request.user,
                    process=process,
                    slug=form.cleaned_data.get("slug", ""),
                    **values,
                )
                process_set_schedule(actor=request.user, process=saved, spans=form.spans())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The process is saved."))
            return redirect("backoffice:participation:manage")
    return render(
        request,
        "participation/backoffice/process_form.html",
        {"form": form, "process": process},
        status=422 if form.errors else 200,
    )


@staff_view(MANAGE)
def project_edit(request, pk: int | None = None):
    project = get_object_or_404(Project, pk=pk) if pk else None
    form = ProjectForm(form_data(request), instance=project, prefix="project")
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] for field in PROJECT_FIELDS}
        try:
            saved = project_save(
                actor=request.user,
                project=project,
                slug=form.cleaned_data.get("slug", ""),
                **values,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The project is saved."))
            return redirect("backoffice:participation:project_edit", pk=saved.pk)
    return _project_page(request, project, form=form, status=422 if form.errors else 200)


@staff_view(MANAGE)
def project_add(request, pk: int, part: str):
    """Add a timeline entry or a document to a project (the forms below the project form)."""
    if part not in ("timeline", "document"):
        raise Http404
    project = get_object_or_404(Project, pk=pk)
    if part == "timeline":
        form = TimelineEntryForm(request.POST, prefix="timeline")
    else:
        form = DocumentForm(request.POST, request.FILES, prefix="document")
    if form.is_valid():
        data = form.cleaned_data
        try:
            if part == "timeline":
                timeline_entry_add(actor=request.user, project=project, **data)
            else:
                project_document_add(
                    actor=request.user,
                    project=project,
                    content=data["file"].read(),
                    filename=data["file"].name,
                    title_de=data["title_de"],
                    title_en=data["title_en"],
                )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Added to the project."))
            return redirect("backoffice:participation:project_edit", pk=project.pk)
    return _project_page(request, project, status=422, **{f"{part}_form": form})


def _project_page(request, project, *, status, form=None, timeline_form=None, document_form=None):
    """The project form with the forms to add a timeline step and a document below it."""
    return render(
        request,
        "participation/backoffice/project_form.html",
        {
            "form": form or ProjectForm(instance=project, prefix="project"),
            "project": project,
            "timeline_form": timeline_form or TimelineEntryForm(prefix="timeline"),
            "document_form": document_form or DocumentForm(prefix="document"),
        },
        status=status,
    )
