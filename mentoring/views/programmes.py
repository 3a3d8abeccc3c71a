"""Placeholder views: being written (see the issue note)."""

from django.http import Http404


def catalogue(request, *args, **kwargs):
    raise Http404


def curator_add(request, *args, **kwargs):
    raise Http404


def curator_delete(request, *args, **kwargs):
    raise Http404


def programme_detail(request, *args, **kwargs):
    raise Http404


def programme_edit(request, *args, **kwargs):
    raise Http404


def programme_list(request, *args, **kwargs):
    raise Http404
