"""Uploads are cut off while they stream in: a file over UPLOAD_MAX_BYTES is skipped at the first chunk past the
limit — never stored in memory or on disk whole — and the page says so in Russian (`upload_refused`)."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeLimitUploadHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: sees every chunk before the handlers that keep it."""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.UPLOAD_MAX_BYTES:
            refused = getattr(self.request, "uploads_refused", [])
            self.request.uploads_refused = [*refused, self.field_name]
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler makes the file


def upload_refused(request, field: str) -> bool:
    """Whether the file of `field` was dropped for its size (the form then sees no file at all)."""
    return field in getattr(request, "uploads_refused", [])
