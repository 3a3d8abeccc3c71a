"""Sign-in pages beside Django's own: the password reset that cannot be used to flood a mailbox, password
changes recorded in the audit journal, and the journal's entries for sign-ins and failed sign-ins (receivers of
Django's auth signals, connected in AccountsConfig.ready). Failed sign-ins are throttled by django-axes through
the authentication backend (ThrottledBackend, see settings)."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render

from accounts.services import audit

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


def _organization_of(user):
    membership = user.memberships.select_related("organization").order_by("organization_id").first()
    return membership.organization if membership else None


def _visitor(request) -> dict:
    if request is None:
        return {}
    return {"ip": client_ip(request), "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200]}


def on_logged_in(sender, request, user, **kwargs):
    audit(organization=_organization_of(user), actor=user, action="auth.login", obj=user, **_visitor(request))


def on_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password in `credentials` by asterisks; only the login typed is kept.
    audit(
        organization=None,
        actor=None,
        action="auth.login_failed",
        username=str(credentials.get("username", ""))[:150],
        **_visitor(request),
    )


class AuditedPasswordFormMixin:
    """A password set through one of Django's views goes into the audit journal as `audit_action`."""

    audit_action = ""

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.user
        audit(
            organization=_organization_of(user),
            actor=user,
            action=self.audit_action,
            obj=user,
            **_visitor(self.request),
        )
        return response


class AuditedPasswordChangeView(AuditedPasswordFormMixin, auth_views.PasswordChangeView):
    audit_action = "auth.password_change"


class AuditedPasswordResetConfirmView(AuditedPasswordFormMixin, auth_views.PasswordResetConfirmView):
    audit_action = "auth.password_reset"
