"""Sign-in pages beside Django's own: the password reset that cannot be used to flood a mailbox. (Failed
sign-ins are throttled by django-axes through the authentication backend, see settings.)"""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render

from .web import client_ip, count_hit

HOUR = 3600


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """At most PASSWORD_RESET_PER_VISITOR requests an hour from one visitor (then a Russian 429 page) and
    PASSWORD_RESET_PER_ADDRESS letters an hour to one address; beyond that the visitor sees the usual «sent»
    page — whether an address is known is never told — but no letter goes out."""

    def post(self, request, *args, **kwargs):
        if count_hit("password_reset", client_ip(request), HOUR) > settings.PASSWORD_RESET_PER_VISITOR:
            return render(request, "429.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        address = form.cleaned_data["email"].strip().lower()
        if count_hit("password_reset_address", address, HOUR) > settings.PASSWORD_RESET_PER_ADDRESS:
            return redirect(self.get_success_url())
        return super().form_valid(form)


class ThrottledBackend(AxesStandaloneBackend):
    """django-axes' check before the password backend. A sign-in without a request (a management command, the
    test client's login()) has no visitor to throttle: it is left to the password backend alone."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
