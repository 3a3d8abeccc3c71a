"""Import of a school's list into a base, all or nothing.

The file is kept between the preview and the commit under a name the server chose (PeopleImport); the commit
reads it again and builds the same preview inside its transaction: it saves only when no row has an error,
through the same write paths as the forms (person_save, guardianship_add, mentor_profile_save /
mentee_profile_save), and leaves one audit entry saying who imported what."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Organization, Person, normalise_search
from accounts.services import audit, guardianship_add, person_save
from mentoring.imports.columns import IGNORED, fields_for, mapping_problems
from mentoring.imports.preview import Preview, Row, build_preview
from mentoring.imports.readers import read_sheet
from mentoring.models import ImportBase, MenteeProfile, MentorProfile, PeopleImport
from mentoring.models.imports import IMPORT_TTL
from mentoring.selectors.imports import known_people

from .bases import mentee_profile_save, mentor_profile_save

SHOWN_ERRORS = 30  # a ValidationError lists this many row errors, then how many more


@dataclass
class ImportOutcome:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)
    links: int = 0

    def summary(self) -> str:
        parts = [f"новых участников: {len(self.created)}", f"обновлено: {len(self.updated)}"]
        if self.unchanged:
            parts.append(f"без изменений: {len(self.unchanged)}")
        if self.parents:
            parts.append(f"новых родителей: {len(self.parents)}")
        return ", ".join(parts)


def preview_file(
    *, organization, base: str, data: bytes, filename: str, mapping=None, default_request=""
) -> Preview:
    """The preview of a file against the school as it is now (reads only)."""
    return build_preview(
        read_sheet(data, filename),
        base=base,
        known=known_people(organization, base),
        mapping=mapping,
        default_request=default_request,
    )


def refusal(preview: Preview) -> ValidationError | None:
    """Why the preview cannot be saved, as one ValidationError (None when it can)."""
    if preview.problems:
        return ValidationError(preview.problems)
    errors = [str(error) for error in preview.errors]
    if errors:
        more = len(errors) - SHOWN_ERRORS
        shown = errors[:SHOWN_ERRORS] + ([f"…и ещё ошибок: {more}."] if more > 0 else [])
        return ValidationError([f"Ничего не сохранено: исправьте ошибки в файле ({len(errors)}).", *shown])
    if not preview.to_save():
        return ValidationError("В файле нет ни одной новой или изменённой записи.")
    return None


@transaction.atomic
def people_import(
    *, organization, base: str, data: bytes, filename: str, by, mapping=None, default_request: str = ""
) -> ImportOutcome:
    """Create or update the people of a file and their entries in the base — every row or none."""
    Organization.objects.select_for_update().filter(pk=organization.pk).exists()  # one import at a time
    known = known_people(organization, base)
    preview = build_preview(
        read_sheet(data, filename), base=base, known=known, mapping=mapping, default_request=default_request
    )
    error = refusal(preview)
    if error is not None:
        raise error
    outcome, parents = ImportOutcome(), {}
    for row in preview.to_save():
        person, person_changed = _save_person(row, organization, by)
        profile_changed = _save_profile(row, person, organization, base, by, known.today)
        if row.parent:
            _save_parent(row, person, organization, by, known, parents, outcome)
        if row.person is None:
            outcome.created.append(person.pk)
        elif person_changed or profile_changed:
            outcome.updated.append(person.pk)
        else:
            outcome.unchanged.append(person.pk)
    audit(
        organization=organization,
        actor=by,
        action="people.import",
        base=base,
        file=filename,
        created=outcome.created,
        updated=outcome.updated,
        parents=outcome.parents,
        links=outcome.links,
    )
    return outcome


def _save_person(row: Row, organization, by) -> tuple[Person, bool]:
    person = row.person or Person(organization=organization)
    changed = [code for code, value in row.person_values.items() if getattr(person, code) != value]
    for code in changed:
        setattr(person, code, row.person_values[code])
    if row.person is None or changed:
        person_save(person=person, by=by, changed=changed)
    return person, bool(changed)


def _save_profile(row: Row, person, organization, base, by, today) -> bool:
    model, save = (
        (MentorProfile, mentor_profile_save)
        if base == ImportBase.MENTORS
        else (MenteeProfile, mentee_profile_save)
    )
    profile = row.profile
    if profile is None:
        profile = model(organization=organization, person=person, entered_on=today)
    changed = [code for code, value in row.profile_values.items() if getattr(profile, code) != value]
    for code in changed:
        setattr(profile, code, row.profile_values[code])
    if row.profile is None or changed:
        save(profile=profile, by=by)
    return row.profile is None or bool(changed)


def _save_parent(row: Row, child, organization, by, known, parents: dict, outcome: ImportOutcome) -> None:
    """The child's legal representative: a person of the school found by the preview, one created earlier in
    this file (a parent of brothers and sisters), or a new one; then the link, unless it exists."""
    data = row.parent
    name = normalise_search(f"{data['last_name']} {data['first_name']} {data['middle_name']}")
    guardian = data["person"]
    if guardian is None:
        guardian = next(
            (
                p
                for p in parents.get(name, [])
                if not data["email"] or not p.email or p.email == data["email"]
            ),
            None,
        )
    if guardian is None:
        guardian = Person(
            organization=organization,
            kind=Person.Kind.EXTERNAL,
            **{k: data[k] for k in ("last_name", "first_name", "middle_name", "sex", "email", "phone")},
        )
        person_save(person=guardian, by=by, changed=[])
        parents.setdefault(name, []).append(guardian)
        outcome.parents.append(guardian.pk)
    else:
        filled = [code for code in ("email", "phone") if data[code] and not getattr(guardian, code)]
        for code in filled:
            setattr(guardian, code, data[code])
        if filled:
            person_save(person=guardian, by=by, changed=filled)
    linked = known.guardians.setdefault(child.pk, set())
    if guardian.pk not in linked:
        guardianship_add(guardian=guardian, child=child, relation=data["relation"], by=by)
        linked.add(guardian.pk)
        outcome.links += 1


# The upload kept between the preview and the commit -------------------------------------------------------


def _clean_expired(organization) -> None:
    for old in PeopleImport.objects.filter(
        organization=organization, created_at__lt=timezone.now() - IMPORT_TTL
    ):
        if old.file:
            old.file.delete(save=False)
        old.delete()


@transaction.atomic
def upload_create(*, organization, base: str, data: bytes, filename: str, by) -> PeopleImport:
    """Keep an uploaded list for its preview; a file that cannot be read, or has no header, is refused."""
    preview = preview_file(organization=organization, base=base, data=data, filename=filename)
    if not preview.headers:
        raise ValidationError(preview.problems)
    _clean_expired(organization)
    upload = PeopleImport(
        organization=organization,
        base=base,
        original_name=filename[-255:],
        mapping=preview.mapping,
        created_by=by if by is not None and by.is_authenticated else None,
    )
    upload.file.save(filename, ContentFile(data), save=False)
    try:
        upload.save()
    except Exception:
        upload.file.delete(save=False)
        raise
    audit(organization=organization, actor=by, action="people.import_upload", obj=upload, file=filename)
    return upload


def upload_data(upload: PeopleImport) -> bytes:
    with upload.file.open("rb") as stored:
        return stored.read()


@transaction.atomic
def upload_set_mapping(*, upload: PeopleImport, mapping: list[str], default_request: str, by) -> PeopleImport:
    upload = PeopleImport.objects.select_for_update().get(pk=upload.pk)
    allowed = {f.code for f in fields_for(upload.base)} | {"", IGNORED}
    if len(mapping) != len(upload.mapping) or not set(mapping) <= allowed:
        raise ValidationError("Сопоставление столбцов не подходит к этому файлу. Загрузите файл заново.")
    problems = mapping_problems(mapping, upload.base)
    if problems:
        raise ValidationError(problems)
    upload.mapping, upload.default_request = mapping, default_request.strip()
    upload.save(update_fields=["mapping", "default_request"])
    audit(organization=upload.organization, actor=by, action="people.import_mapping", obj=upload)
    return upload


@transaction.atomic
def upload_commit(*, upload: PeopleImport, by) -> ImportOutcome:
    """Import the kept file with its confirmed columns, then forget the file (it holds personal data)."""
    upload = PeopleImport.objects.select_for_update().get(pk=upload.pk)
    if upload.committed_at is not None:
        raise ValidationError("Этот файл уже импортирован.")
    if upload.is_expired or not upload.file:
        raise ValidationError("Файл больше не хранится: загрузите его ещё раз.")
    outcome = people_import(
        organization=upload.organization,
        base=upload.base,
        data=upload_data(upload),
        filename=upload.original_name,
        mapping=upload.mapping,
        default_request=upload.default_request,
        by=by,
    )
    upload.committed_at = timezone.now()
    upload.result = {
        "created": len(outcome.created),
        "updated": len(outcome.updated),
        "unchanged": len(outcome.unchanged),
        "parents": len(outcome.parents),
    }
    upload.save(update_fields=["committed_at", "result"])
    stored = upload.file.name
    transaction.on_commit(lambda: upload.file.storage.delete(stored))
    PeopleImport.objects.filter(pk=upload.pk).update(file="")
    return outcome
