"""The Vorhabenliste: list with filters, a project's page, its documents, and an Atom feed."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from rathaus.core.municipality import municipality
from rathaus.core.paging import paginate_lazily, plain_page
from rathaus.participation.forms import ProjectFilterForm
from rathaus.participation.models import Project, ProjectDocument
from rathaus.participation.selectors import (
    ProjectFilter,
    follow_of,
    project_for_page,
    projects_for_list,
)
from rathaus.participation.views.common import layer_map_url, map_points


def _filters(request) -> tuple[ProjectFilterForm, ProjectFilter]:
    if plain_page(request) is not None:
        # The plain list: no filter to validate, the form only built when it is rendered.
        return SimpleLazyObject(ProjectFilterForm), ProjectFilter()
    form = ProjectFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_valid() else {}
    return form, ProjectFilter(
        district=values.get("district", ""),
        status=values.get("status", ""),
        topic=values.get("topic", ""),
    )


def project_list(request):
    """The list, its filter form and map: the plain list's pages are cached fragments (topic
    "participation"), so their queries run only when a fragment is rendered afresh."""
    form, filters = _filters(request)
    projects = projects_for_list(request.user, filters)
    paging = paginate_lazily(request, projects, per_page=20)
    return render(
        request,
        "participation/project_list.html",
        {
            "form": form,
            "cached_page": plain_page(request),
            "filtered": filters != ProjectFilter(),
            "feed_query": request.GET.urlencode(),
            "paging": paging,
            "map_points": SimpleLazyObject(lambda: map_points(paging["page_obj"].object_list)),
            "all_on_map_url": layer_map_url(
                "projects", district=filters.district, status=filters.status, topic=filters.topic
            ),
        },
    )


def project_detail(request, slug: str):
    project = project_for_page(request.user, slug)
    return render(
        request,
        "participation/project_detail.html",
        {
            "project": project,
            "follow": follow_of(request.user, project),
            "may_follow": request.user.has_perm("participation.follow", project),
            "map_points": map_points([project]),
        },
    )


def project_document(request, slug: str, pk: int):
    project = project_for_page(request.user, slug)
    document = get_object_or_404(ProjectDocument, pk=pk, project=project)
    return FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=document.content_type != "application/pdf",
        filename=document.filename,
    )


class ProjectFeed(Feed):
    """The Vorhabenliste as an Atom feed (newest changes first), with the list's filters."""

    feed_type = Atom1Feed

    def get_object(self, request):
        # One Feed instance serves every request: keep the request's data in `obj`, not on self.
        return request.user, _filters(request)[1]

    def title(self, obj):
        return _("Planned projects of %(city)s") % {"city": municipality().name}

    def subtitle(self, obj):
        return _("What the city plans, its status, and how citizens can take part.")

    def link(self, obj):
        return reverse("participation:projects")

    def items(self, obj):
        user, filters = obj
        return projects_for_list(user, filters).order_by("-updated_at")[:50]

    def item_title(self, item: Project):
        return f"{item.title} ({item.get_status_display()})"

    def item_description(self, item: Project):
        return item.description

    def item_updateddate(self, item: Project):
        return item.updated_at

    def item_pubdate(self, item: Project):
        return item.created_at

    def item_categories(self, item: Project):
        return [item.get_topic_display(), *([item.district] if item.district else [])]
