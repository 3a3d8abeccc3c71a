"""Russian error pages (wired as handler400/403/404/500 in mentoring.urls; a failed CSRF check renders
templates/403_csrf.html through Django's own view)."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors and no database: the error may come from either.
    return HttpResponseServerError(loader.get_template("500.html").render())
