"""152-ФЗ for the coordinator: a person's data export (JSON and a readable PDF) and the anonymisation of a
person. The data themselves come from every app through accounts.personal_data."""

import json

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts import rules, services
from accounts.infra.pdf import render_pdf
from accounts.personal_data import person_sections

from .web import file_response, post_action, rule_required


@rule_required(rules.can_manage_personal_data)
def person_data_export(request, pk):
    """Everything the system holds about the person: ?format=pdf for the readable document, JSON otherwise."""
    person = get_object_or_404(request.organization.persons.select_related("user", "organization"), pk=pk)
    sections = person_sections(person)
    made = timezone.localtime()
    services.audit(
        organization=request.organization, actor=request.user, action="person.data_export", obj=person
    )
    name = f"Сведения об участнике № {person.pk} ({made:%d.%m.%Y})"
    if request.GET.get("format") == "pdf":
        pdf = render_pdf(
            "documents/personal_data.html",
            {"person": person, "sections": sections, "made": made, "organization": request.organization},
        )
        return file_response(pdf, f"{name}.pdf", inline=False)
    data = {
        "organization": request.organization.full_name,
        "person_id": person.pk,
        "made_at": made.isoformat(),
        "sections": [section.as_json() for section in sections],
    }
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()
    return file_response(body, f"{name}.json", content_type="application/json", inline=False)


@require_POST
@rule_required(rules.can_manage_personal_data)
def person_anonymise(request, pk):
    person = get_object_or_404(request.organization.persons, pk=pk)
    post_action(
        request,
        lambda: services.person_anonymise(person=person, by=request.user),
        success="Данные участника обезличены. Подписанные согласия и приказы сохранены без изменений.",
        then="accounts:person.list",
    )
    return redirect("accounts:person.detail", pk=person.pk)
