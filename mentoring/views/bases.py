"""Placeholder views: being written (see the issue note)."""

from django.http import Http404


def mentee_edit(request, *args, **kwargs):
    raise Http404


def mentee_list(request, *args, **kwargs):
    raise Http404


def mentor_edit(request, *args, **kwargs):
    raise Http404


def mentor_list(request, *args, **kwargs):
    raise Http404


def unpaired_list(request, *args, **kwargs):
    raise Http404
