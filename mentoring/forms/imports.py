"""Forms of the import: the upload, and the confirmation of which column of the file is which."""

from django import forms

from accounts.infra.forms import CrispyMixin
from mentoring.imports.columns import IGNORED, fields_for
from mentoring.imports.readers import EXTENSIONS, MAX_BYTES
from mentoring.models import ImportBase


class UploadForm(CrispyMixin, forms.Form):
    submit_label = "Загрузить и проверить"
    base = forms.ChoiceField(
        label="Куда загружаем",
        choices=ImportBase.choices,
        initial=ImportBase.MENTEES,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label="Файл со списком",
        help_text=f"Таблица .xlsx, .xls или .csv до {MAX_BYTES // (1024 * 1024)} МБ. Пока вы не подтвердите "
        "импорт, ничего не сохраняется.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )


class MappingForm(forms.Form):
    """One choice per column of the file (prefilled with the guess); for mentees, a request for rows without one."""

    def __init__(self, *args, upload, headers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.count = len(upload.mapping)
        choices = [("", "— не загружать —"), (IGNORED, "№ по порядку (не загружается)")]
        choices += [(field.code, field.label) for field in fields_for(upload.base)]
        for index in range(self.count):
            header = headers[index] if index < len(headers) else ""
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header or f"Столбец {index + 1} (без заголовка)",
                choices=choices,
                required=False,
                initial=upload.mapping[index],
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
        if upload.base == ImportBase.MENTEES:
            self.fields["default_request"] = forms.CharField(
                label="Основной запрос для строк, где он не указан",
                required=False,
                initial=upload.default_request,
                help_text="Например, для списка класса: «адаптация в новом коллективе». Пусто — запрос обязателен "
                "в каждой строке.",
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )

    def column_fields(self):
        return [self[f"column_{index}"] for index in range(self.count)]

    def mapping(self) -> list[str]:
        return [self.cleaned_data[f"column_{index}"] for index in range(self.count)]
