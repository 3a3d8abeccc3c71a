"""Stored files (consent scans, packs) to the browser, once a view has checked who may have them: read through the
storage API, so the same code serves the local MEDIA_ROOT and an S3-compatible bucket shared by several servers."""

import mimetypes

from django.conf import settings
from django.http import FileResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header


def stored_file_response(file, filename: str, *, content_type: str = "", inline: bool = False):
    """`file` (a FieldFile) under a Russian file name. Streamed through this server — or, with S3_SIGNED_URL_SECONDS,
    a redirect to the private bucket by a URL signed for that many seconds that names the file the same way. No
    browser or proxy keeps a copy."""
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    disposition = content_disposition_header(not inline, filename)
    if settings.S3_SIGNED_URL_SECONDS:
        url = file.storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
                "ResponseCacheControl": "no-store",
            },
            expire=settings.S3_SIGNED_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(file.open("rb"), content_type=content_type)
        response["Content-Disposition"] = disposition
    add_never_cache_headers(response)
    return response
