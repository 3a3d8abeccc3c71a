"""«Импорт из Excel»: upload a school's list, check the preview row by row, confirm the columns, import.

The upload keeps the file on the server (PeopleImport) under a name the server chose; the preview and the
commit read it from there, never from the client. The size is checked before the upload is read."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accounts.infra.forms import apply_errors
from accounts.views.web import file_response, rule_required
from mentoring import rules
from mentoring.documents.spreadsheets import XLSX
from mentoring.forms.imports import MappingForm, UploadForm
from mentoring.imports.preview import STATUS_LABELS, Status
from mentoring.imports.readers import MAX_BYTES
from mentoring.imports.template import template_xlsx
from mentoring.models import ImportBase
from mentoring.services import imports as service

ROWS_PER_PAGE = 100
SHOWN_ERRORS = 200
MULTIPART_SLACK = 64 * 1024  # the form's other fields and the multipart boundaries around the file
TOO_BIG = f"Файл больше {MAX_BYTES // (1024 * 1024)} МБ — разделите список на части."


class _SizeLimit(FileUploadHandler):
    """Stops reading an upload as soon as it passes the limit (a client may not send Content-Length)."""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > MAX_BYTES:
            self.request.upload_too_big = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


@csrf_exempt  # the CSRF check would read the whole body first; it runs below, once the size is known
@rule_required(rules.can_manage_bases)
def import_start(request):
    if request.method == "POST":
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > MAX_BYTES + MULTIPART_SLACK:
            return _start_page(request, UploadForm(), error=TOO_BIG, status=413)
        request.upload_handlers.insert(0, _SizeLimit(request))
    return csrf_protect(_import_start)(request)


def _import_start(request):
    form = UploadForm(request.POST or None, request.FILES or None, initial={"base": request.GET.get("base")})
    if getattr(request, "upload_too_big", False):
        return _start_page(request, UploadForm(), error=TOO_BIG, status=413)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            upload = service.upload_create(
                organization=request.organization,
                base=form.cleaned_data["base"],
                data=uploaded.read(),
                filename=uploaded.name,
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("mentoring:import.preview", upload.pk)
    return _start_page(request, form)


def _start_page(request, form, *, error: str = "", status: int = 200):
    context = {"form": form, "bases": ImportBase.choices, "error": error}
    return render(request, "mentoring/imports/start.html", context, status=status)


@rule_required(rules.can_manage_bases)
def import_template(request, base):
    if base not in ImportBase.values:
        raise Http404
    name = "Шаблон — " + ImportBase(base).label.lower() + ".xlsx"
    return file_response(template_xlsx(base), name, content_type=XLSX, inline=False)


def _upload(request, pk):
    return get_object_or_404(request.organization.people_imports, pk=pk)


@rule_required(rules.can_manage_bases)
def import_preview(request, pk):
    """The preview; a POST confirms which column is which (and, for mentees, one request for all rows)."""
    upload = _upload(request, pk)
    if upload.committed_at is not None or upload.is_expired or not upload.file:
        return render(request, "mentoring/imports/done.html", {"upload": upload})
    preview = service.preview_file(
        organization=request.organization,
        base=upload.base,
        data=service.upload_data(upload),
        filename=upload.original_name,
        mapping=upload.mapping,
        default_request=upload.default_request,
    )
    mapping_form = MappingForm(request.POST or None, upload=upload, headers=preview.headers)
    if request.method == "POST" and mapping_form.is_valid():
        try:
            service.upload_set_mapping(
                upload=upload,
                mapping=mapping_form.mapping(),
                default_request=mapping_form.cleaned_data.get("default_request", ""),
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(mapping_form, error)
        else:
            messages.success(request, "Столбцы подтверждены, проверка обновлена.")
            return redirect("mentoring:import.preview", upload.pk)
    shown = request.GET.get("status", "")
    rows = [row for row in preview.rows if not shown or row.status == shown]
    errors = preview.errors
    context = {
        "upload": upload,
        "preview": preview,
        "mapping_form": mapping_form,
        "counts": [(status, STATUS_LABELS[status], preview.counts[status]) for status in Status],
        "shown": shown,
        "page": Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page")),
        "errors": errors[:SHOWN_ERRORS],
        "more_errors": max(0, len(errors) - SHOWN_ERRORS),
        "upload_form": UploadForm(initial={"base": upload.base}),
        "list_url": _list_url(upload.base),
    }
    return render(request, "mentoring/imports/preview.html", context)


def _list_url(base: str) -> str:
    return "mentoring:mentor_base.list" if base == ImportBase.MENTORS else "mentoring:mentee_base.list"


@require_POST
@rule_required(rules.can_manage_bases)
def import_commit(request, pk):
    upload = _upload(request, pk)
    try:
        outcome = service.upload_commit(upload=upload, by=request.user)
    except ValidationError as error:
        for message in error.messages[:10]:
            messages.error(request, message)
        return redirect("mentoring:import.preview", upload.pk)
    messages.success(request, f"Импорт из «{upload.original_name}» завершён: {outcome.summary()}.")
    return redirect(_list_url(upload.base))
