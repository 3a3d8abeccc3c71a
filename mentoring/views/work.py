"""Placeholder views: being written (see the issue note)."""

from django.http import Http404


def meeting_create(request, *args, **kwargs):
    raise Http404


def plan_approve(request, *args, **kwargs):
    raise Http404


def plan_create(request, *args, **kwargs):
    raise Http404


def plan_detail(request, *args, **kwargs):
    raise Http404


def plan_item_create(request, *args, **kwargs):
    raise Http404


def plan_item_delete(request, *args, **kwargs):
    raise Http404


def plan_item_update(request, *args, **kwargs):
    raise Http404


def plan_mark(request, *args, **kwargs):
    raise Http404


def plan_submit(request, *args, **kwargs):
    raise Http404


def plan_update(request, *args, **kwargs):
    raise Http404


def review_acknowledge(request, *args, **kwargs):
    raise Http404


def review_edit(request, *args, **kwargs):
    raise Http404


def review_list(request, *args, **kwargs):
    raise Http404


def safeguarding_create(request, *args, **kwargs):
    raise Http404


def safeguarding_detail(request, *args, **kwargs):
    raise Http404


def safeguarding_list(request, *args, **kwargs):
    raise Http404
