"""Background tasks of the participation platform (django-tasks): e-mails to followers.

Services enqueue them after their transaction commits; each takes plain ids and reads the
current state when it runs.
"""

from django_tasks import task

from rathaus.participation import notifications


@task()
def notify_phase(phase_id: int) -> int:
    return notifications.phase_started(phase_id)


@task()
def notify_answer(proposal_id: int) -> int:
    return notifications.answer_given(proposal_id)


@task()
def notify_reply(comment_id: int, replied_to_id: int) -> int:
    return notifications.reply_written(comment_id, replied_to_id)


@task()
def notify_project_status(project_id: int) -> int:
    return notifications.project_status_changed(project_id)
