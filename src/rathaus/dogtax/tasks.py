"""Background work of the dog tax (django-tasks). Tasks take ids only and call services;
services enqueue them by name (``enqueue_after_commit("dogtax.assessment", run.pk)``)."""

from __future__ import annotations

from django_tasks import task

from rathaus.core.taskruntime import background
from rathaus.dogtax.models import AssessmentRun
from rathaus.dogtax.services.assessment import assessment_process


@background("dogtax.assessment")
@task()
def assessment_task(run_id: int) -> str:
    """Process (or continue) an annual assessment run until no household is left."""
    run = AssessmentRun.objects.filter(pk=run_id).first()
    if run is None:
        return "gone"
    return assessment_process(run=run).state
