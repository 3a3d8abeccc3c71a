"""Import of a school's list into a base, all or nothing.

The file is kept between the preview and the commit under a name the server chose (PeopleImport); the commit
reads it again and builds the same preview inside its transaction: it saves only when no row has an error,
under the same rules as the forms (the base's checks of mentoring.services.bases, the person's field checks,
the guardian link's rules), in bulk, and leaves one audit entry saying who imported what."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Guardianship, Organization, Person, normalise_search
from accounts.services import audit
from mentoring.imports.columns import IGNORED, fields_for, guess_mapping, mapping_problems
from mentoring.imports.preview import NO_HEADER, Preview, Row, build_preview, headers_of
from mentoring.imports.readers import read_sheet
from mentoring.models import ImportBase, MenteeProfile, MentorProfile, PeopleImport
from mentoring.models.imports import IMPORT_TTL
from mentoring.selectors.imports import known_people

from .bases import check_mentee_profile, check_mentor_profile

SHOWN_ERRORS = 30  # a ValidationError lists this many row errors, then how many more
BATCH = 500


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
    outcome = _Writer(organization, base, known).write(preview.to_save())
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


class _Writer:
    """Writes the rows of a checked preview in a few bulk statements per kind of record, so the queries do
    not grow with each row (5,000 rows in seconds). Bulk writes skip save(): the rules that the services
    apply one record at a time run here as well — Person.clean_fields, check_mentor_profile /
    check_mentee_profile, guardianship_add's checks in the preview — and so does Person.save's search text."""

    def __init__(self, organization, base, known):
        self.organization, self.base, self.known = organization, base, known
        self.model, self.check = (
            (MentorProfile, check_mentor_profile)
            if base == ImportBase.MENTORS
            else (MenteeProfile, check_mentee_profile)
        )
        self.now = timezone.now()

    def _ready(self, person: Person, row: Row) -> None:
        person.search_text = normalise_search(f"{person.full_name} {person.group}")  # as Person.save does
        person.updated_at = self.now
        try:
            person.clean_fields(exclude=["organization", "user"])
        except ValidationError as error:
            raise ValidationError(f"Строка {row.number}: {' '.join(error.messages)}") from None

    def write(self, rows: list[Row]) -> ImportOutcome:
        outcome = ImportOutcome()
        people, new_people, changed_people, person_fields = [], [], [], set()
        for row in rows:
            person = row.person or Person(organization=self.organization)
            changed = [code for code, value in row.person_values.items() if getattr(person, code) != value]
            for code in changed:
                setattr(person, code, row.person_values[code])
            self._ready(person, row)
            people.append((row, person, bool(changed)))
            if row.person is None:
                new_people.append(person)
            elif changed:
                changed_people.append(person)
                person_fields.update(changed)
        Person.objects.bulk_create(new_people, batch_size=BATCH)
        if changed_people:
            fields = sorted(person_fields | {"search_text", "updated_at"})
            Person.objects.bulk_update(changed_people, fields, batch_size=BATCH)
        profiles_changed = self._profiles(people)
        self._parents(people, outcome)
        for (row, person, person_changed), profile_changed in zip(people, profiles_changed, strict=True):
            if row.person is None:
                outcome.created.append(person.pk)
            elif person_changed or profile_changed:
                outcome.updated.append(person.pk)
            else:
                outcome.unchanged.append(person.pk)
        return outcome

    def _profiles(self, people) -> list[bool]:
        new, changed_profiles, fields, changed_flags = [], [], set(), []
        for row, person, _ in people:
            profile = row.profile or self.model(
                organization=self.organization, person=person, entered_on=self.known.today
            )
            changed = [code for code, value in row.profile_values.items() if getattr(profile, code) != value]
            for code in changed:
                setattr(profile, code, row.profile_values[code])
            try:
                self.check(profile)
            except ValidationError as error:
                raise ValidationError(f"Строка {row.number}: {' '.join(error.messages)}") from None
            if row.profile is None:
                new.append(profile)
            elif changed:
                changed_profiles.append(profile)
                fields.update(changed)
            changed_flags.append(row.profile is None or bool(changed))
        self.model.objects.bulk_create(new, batch_size=BATCH)
        if changed_profiles:
            self.model.objects.bulk_update(changed_profiles, sorted(fields), batch_size=BATCH)
        return changed_flags

    def _parents(self, people, outcome: ImportOutcome) -> None:
        """Each child's legal representative: a person of the school found by the preview, one met earlier in
        this file (the parent of brothers and sisters), or a new one; then the link, unless it exists."""
        created: dict[str, list[Person]] = {}
        new_parents, filled_parents, links = [], {}, []
        for row, child, _ in people:
            data = row.parent
            if not data:
                continue
            name = normalise_search(f"{data['last_name']} {data['first_name']} {data['middle_name']}")
            guardian = data["person"] or next(
                (
                    p
                    for p in created.get(name, [])
                    if not data["email"] or not p.email or p.email == data["email"]
                ),
                None,
            )
            if guardian is None:
                guardian = Person(
                    organization=self.organization,
                    kind=Person.Kind.EXTERNAL,
                    **{
                        k: data[k]
                        for k in ("last_name", "first_name", "middle_name", "sex", "email", "phone")
                    },
                )
                self._ready(guardian, row)
                created.setdefault(name, []).append(guardian)
                new_parents.append(guardian)
            else:
                for code in ("email", "phone"):
                    if data[code] and not getattr(guardian, code):
                        setattr(guardian, code, data[code])
                        if guardian.pk is not None:
                            filled_parents[guardian.pk] = guardian
            links.append((guardian, child, data["relation"]))
        Person.objects.bulk_create(new_parents, batch_size=BATCH)
        if filled_parents:
            for guardian in filled_parents.values():
                guardian.updated_at = self.now
            Person.objects.bulk_update(
                list(filled_parents.values()), ["email", "phone", "updated_at"], batch_size=BATCH
            )
        outcome.parents = [p.pk for p in new_parents]
        new_links = []
        for guardian, child, relation in links:
            linked = self.known.guardians.setdefault(child.pk, set())
            if guardian.pk not in linked and guardian.pk != child.pk:
                linked.add(guardian.pk)
                new_links.append(Guardianship(guardian=guardian, child=child, relation=relation))
        Guardianship.objects.bulk_create(new_links, batch_size=BATCH)
        outcome.links = len(new_links)


# The upload kept between the preview and the commit -------------------------------------------------------


def _clean_expired() -> None:
    """Files kept for a preview hold personal data: each new upload removes every expired one."""
    for old in PeopleImport.objects.filter(created_at__lt=timezone.now() - IMPORT_TTL):
        if old.file:
            old.file.delete(save=False)
        old.delete()


@transaction.atomic
def upload_create(*, organization, base: str, data: bytes, filename: str, by) -> PeopleImport:
    """Keep an uploaded list for its preview; a file that cannot be read, or has no header, is refused."""
    index, headers = headers_of(read_sheet(data, filename), base)  # the rows are checked by the preview
    if index is None:
        raise ValidationError(NO_HEADER)
    _clean_expired()
    upload = PeopleImport(
        organization=organization,
        base=base,
        original_name=filename[-255:],
        mapping=guess_mapping(headers, base),
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
