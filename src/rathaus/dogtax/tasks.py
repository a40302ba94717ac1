"""Background work of the dog tax (django-tasks). Tasks take ids only."""

from __future__ import annotations

from django_tasks import task


@task()
def assessment_task(run_id: int) -> str:
    """Process (or continue) an annual assessment run until no household is left."""
    from rathaus.dogtax.models import AssessmentRun
    from rathaus.dogtax.services.assessment import assessment_process

    run = AssessmentRun.objects.filter(pk=run_id).first()
    if run is None:
        return "gone"
    return assessment_process(run=run).state
