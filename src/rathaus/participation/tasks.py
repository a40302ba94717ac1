"""Background tasks of the participation platform (django-tasks): e-mails to followers.

Services enqueue them by name (`enqueue_after_commit("participation.notify_…", …)`); each takes
plain ids and reads the current state when it runs. Each e-mail is keyed by the task's id and its
recipient, so a task that runs again after its worker died sends nobody a second e-mail.
"""

from django_tasks import TaskContext, task

from rathaus.core.taskruntime import background
from rathaus.participation import notifications


def _key(context: TaskContext) -> str:
    return f"participation:{context.task_result.id}"


@background("participation.notify_phase")
@task(takes_context=True)
def notify_phase(context: TaskContext, phase_id: int) -> int:
    return notifications.phase_started(phase_id, key=_key(context))


@background("participation.notify_answer")
@task(takes_context=True)
def notify_answer(context: TaskContext, proposal_id: int) -> int:
    return notifications.answer_given(proposal_id, key=_key(context))


@background("participation.notify_reply")
@task(takes_context=True)
def notify_reply(context: TaskContext, comment_id: int, replied_to_id: int) -> int:
    return notifications.reply_written(comment_id, replied_to_id, key=_key(context))


@background("participation.notify_project_status")
@task(takes_context=True)
def notify_project_status(context: TaskContext, project_id: int) -> int:
    return notifications.project_status_changed(project_id, key=_key(context))
