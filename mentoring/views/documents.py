"""Placeholder views: being written (see the issue note)."""

from django.http import Http404


def mentee_base_pdf(request, *args, **kwargs):
    raise Http404


def mentor_base_pdf(request, *args, **kwargs):
    raise Http404


def pack_create(request, *args, **kwargs):
    raise Http404


def pack_detail(request, *args, **kwargs):
    raise Http404


def pack_download(request, *args, **kwargs):
    raise Http404


def plan_pdf(request, *args, **kwargs):
    raise Http404


def review_pdf(request, *args, **kwargs):
    raise Http404
