"""Single-purpose links: a 256-bit random token goes to the person, only its SHA-256 is stored, so a leaked
database holds no usable link. Invitations, consent links (and later answer links and calendar feeds) are
models of this one kind."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def absolute_url(viewname: str, *args) -> str:
    """The full address of a page for a letter, a printed QR code or a calendar app (SITE_URL + path)."""
    return settings.SITE_URL + reverse(viewname, args=args)


def new_token() -> tuple[str, str]:
    """(the raw token — shown or sent once, never stored —, its hash)."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


class LinkError(Exception):
    """A link that cannot be used; `title` and `message` are shown to the visitor as they are."""

    def __init__(self, title: str, message: str):
        super().__init__(message)
        self.title = title
        self.message = message


class TokenQuerySet(models.QuerySet):
    def by_token(self, token: str):
        return self.filter(token_hash=hash_token(token))


class TokenLink(models.Model):
    """A link that works until it expires, is used once, or is revoked. Subclasses say in MESSAGES what the
    visitor is told in each case (keys: missing, used, revoked, expired)."""

    MESSAGES: dict[str, tuple[str, str]] = {}

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("создано", auto_now_add=True)
    expires_at = models.DateTimeField("действует до")
    used_at = models.DateTimeField("использовано", null=True, blank=True)
    revoked_at = models.DateTimeField("отозвано", null=True, blank=True)

    objects = TokenQuerySet.as_manager()

    class Meta:
        abstract = True

    def issue(self, ttl: timedelta) -> str:
        """A fresh token (the old one, if any, stops working) valid for `ttl`; returns the raw token."""
        token, self.token_hash = new_token()
        self.expires_at = timezone.now() + ttl
        return token

    @classmethod
    def check_token(cls, token: str, *, queryset=None, lock: bool = False):
        """The link behind a token, or LinkError saying in Russian why it cannot be used."""
        queryset = cls.objects.all() if queryset is None else queryset
        if lock:
            queryset = queryset.select_for_update()
        link = queryset.by_token(token).first()
        if link is None:
            problem = "missing"
        elif link.used_at:
            problem = "used"
        elif link.revoked_at:
            problem = "revoked"
        elif link.expires_at <= timezone.now():
            problem = "expired"
        else:
            return link
        raise LinkError(*cls.MESSAGES[problem])

    @property
    def state(self) -> str:
        if self.used_at:
            return "использовано"
        if self.revoked_at:
            return "отозвано"
        if self.expires_at <= timezone.now():
            return "истекло"
        return "действует"
