"""Placeholder views: being written (see the issue note)."""

from django.http import Http404


def order_acknowledge(request, *args, **kwargs):
    raise Http404


def order_approve(request, *args, **kwargs):
    raise Http404


def order_create(request, *args, **kwargs):
    raise Http404


def order_detail(request, *args, **kwargs):
    raise Http404


def order_list(request, *args, **kwargs):
    raise Http404


def order_pdf(request, *args, **kwargs):
    raise Http404


def order_return(request, *args, **kwargs):
    raise Http404


def order_submit(request, *args, **kwargs):
    raise Http404


def order_update(request, *args, **kwargs):
    raise Http404
