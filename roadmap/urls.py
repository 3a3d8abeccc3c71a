"""The roadmap's pages (namespace «roadmap»); included by the wiring (mentoring/urls.py). Each named URL has its
rows in roadmap/tests/grid_rows.py."""

from django.urls import path

from .views import calendar, roadmaps

app_name = "roadmap"

urlpatterns = [
    path("", roadmaps.roadmap_list, name="list"),
    path("programmes/<int:pk>/", roadmaps.detail, name="detail"),
    path("programmes/<int:pk>/create/", roadmaps.create, name="create"),
    path("programmes/<int:pk>/edit/", roadmaps.update, name="update"),
    path("programmes/<int:pk>/timeline/", roadmaps.timeline, name="timeline"),
    path("programmes/<int:pk>/pdf/", roadmaps.pdf, name="pdf"),
    path("programmes/<int:pk>/stages/new/", roadmaps.stage_create, name="stage.create"),
    path("programmes/<int:pk>/stages/<int:stage_pk>/", roadmaps.stage_update, name="stage.update"),
    path("programmes/<int:pk>/stages/<int:stage_pk>/delete/", roadmaps.stage_delete, name="stage.delete"),
    path("programmes/<int:pk>/stages/<int:stage_pk>/events/new/", roadmaps.event_create, name="event.create"),
    path("programmes/<int:pk>/events/<int:event_pk>/", roadmaps.event_update, name="event.update"),
    path("programmes/<int:pk>/events/<int:event_pk>/delete/", roadmaps.event_delete, name="event.delete"),
    path(
        "programmes/<int:pk>/events/<int:event_pk>/complete/", roadmaps.event_complete, name="event.complete"
    ),
    path("programmes/<int:pk>/events/<int:event_pk>/reopen/", roadmaps.event_reopen, name="event.reopen"),
    path("tasks/", roadmaps.tasks, name="tasks"),
    path("calendar/", calendar.feed, name="feed"),
    path("calendar/revoke/", calendar.feed_revoke, name="feed.revoke"),
    path("calendar/<str:token>/roadmap.ics", calendar.ical, name="ical"),
]
