"""Serving stored files: only through views that have checked who is asking."""

from django.http import FileResponse, Http404


def file_response(
    stored, *, filename: str, content_type: str, inline: bool = False
) -> FileResponse:
    if not stored:
        raise Http404
    response = FileResponse(
        stored.open("rb"), content_type=content_type, as_attachment=not inline, filename=filename
    )
    response["Cache-Control"] = "private, no-store"
    return response
