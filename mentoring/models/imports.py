"""A school's list uploaded for import: kept between the preview and the commit under a name the server
chose (MEDIA_ROOT/imports/), never trusted from the client, and deleted once imported or expired."""

import uuid
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.models import Organization

IMPORT_TTL = timedelta(hours=6)


class ImportBase(models.TextChoices):
    MENTORS = "mentors", "База наставников"
    MENTEES = "mentees", "База наставляемых"


def _stored_name(upload, filename: str) -> str:
    return f"imports/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:5]}"


class PeopleImport(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="people_imports")
    base = models.CharField("база", max_length=10, choices=ImportBase.choices)
    file = models.FileField(upload_to=_stored_name, blank=True)
    original_name = models.CharField("файл", max_length=255)
    # Per column of the file, the field it holds ('' — not loaded): guessed, then confirmed by the coordinator.
    mapping = models.JSONField(default=list, blank=True)
    default_request = models.TextField("основной запрос для строк без запроса", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    committed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "импорт списка"
        verbose_name_plural = "импорт списков"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} → {self.get_base_display()}"

    @property
    def expires_at(self):
        return self.created_at + IMPORT_TTL

    @property
    def is_expired(self) -> bool:
        return self.committed_at is None and timezone.now() > self.expires_at
