"""Russian error pages (wired as handler403/404/500 in mentoring.urls)."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors and no database: the error may come from either.
    return HttpResponseServerError(loader.get_template("500.html").render())
