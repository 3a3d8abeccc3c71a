"""The preview of an import: a pure function of the file's rows and of what the school already has (Known).

Each row becomes new / update / duplicate / error with every problem named by the spreadsheet's row and
column, in Russian («Строка 12, «Дата рождения»: такой даты нет — 30.02.2013»). Nothing here writes: the
commit (mentoring.services.imports) builds the same preview inside its transaction and saves only when no
row has an error."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from accounts.models import Guardianship, Person, normalise_search
from mentoring.models import Audience, ImportBase, MenteeProfile, MentorProfile
from mentoring.models.catalogue_data import MENTOR_CATEGORIES

from . import normalise as n
from .categories import FITS, Catalogue
from .columns import BY_CODE, IGNORED, MENTORS, guess_mapping, header_score, mapping_problems
from .normalise import Problem
from .readers import HEADER_SEARCH_ROWS, Sheet

STUDENT, STAFF, EXTERNAL = Person.Kind.STUDENT, Person.Kind.STAFF, Person.Kind.EXTERNAL
# Who a mentor category's people are (catalogue_data «population»): the person's kind when nothing else says.
POPULATION_KIND = {
    "student": STUDENT,
    "staff": STAFF,
    "parent": EXTERNAL,
    "graduate": EXTERNAL,
    "external": EXTERNAL,
}
MENTOR_CATEGORY_KIND = {item["code"]: POPULATION_KIND[item["population"]] for item in MENTOR_CATEGORIES}
PERSON_LABELS = {
    "last_name": "фамилия",
    "first_name": "имя",
    "middle_name": "отчество",
    "sex": "пол",
    "birth_date": "дата рождения",
    "kind": "категория участника",
    "group": "класс",
    "position": "должность",
    "email": "e-mail",
    "phone": "телефон",
}
PROFILE_LABELS = {
    "category": "категория",
    "main_request": "основной запрос",
    "competencies": "компетенции",
    "achievements": "достижения",
    "interests": "интересы",
    "interests_other": "интересы",
    "desired_mentee_age": "желаемый возраст",
    "time_available": "ресурс времени",
    "external_workplace": "место работы",
    "experience_years": "стаж",
    "training_status": "обучение",
    "trained_on": "дата обучения",
    "entered_on": "дата вхождения",
}
MAX_LENGTHS = {"last_name": 100, "first_name": 100, "middle_name": 100, "position": 200, "phone": 50}


class Status(StrEnum):
    NEW = "new"
    UPDATE = "update"
    DUPLICATE = "duplicate"
    ERROR = "error"


STATUS_LABELS = {
    Status.NEW: "новая запись",
    Status.UPDATE: "обновление",
    Status.DUPLICATE: "повтор",
    Status.ERROR: "ошибка",
}


@dataclass
class Known:
    """What the school already has, as the preview needs it (selectors.imports.known_people loads it)."""

    school: bool  # classes 1–11 (a college keeps its group codes)
    catalogue: Catalogue
    people: list[Person]
    profiles: dict  # person id → the base's entry
    guardians: dict  # child id → ids of their legal representatives
    today: date

    def __post_init__(self):
        self.by_name = defaultdict(list)
        self.by_email = defaultdict(list)
        self.by_id = {}
        for person in self.people:
            self.by_id[person.pk] = person
            self.by_name[normalise_search(person.full_name)].append(person)
            if person.email:
                self.by_email[person.email.lower()].append(person)


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        where = f"Строка {self.row}, «{self.column}»" if self.column else f"Строка {self.row}"
        return f"{where}: {self.message}"


@dataclass
class Row:
    number: int
    cells: dict  # field → raw cell
    columns: dict  # field → the file's header of its column
    person_values: dict = field(default_factory=dict)
    profile_values: dict = field(default_factory=dict)
    parent: dict | None = None
    person: Person | None = None  # the school's person this row updates
    profile: object = None  # their entry in the base, if any
    match: str = ""
    changes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicate_of: int | None = None
    status: Status = Status.NEW

    def error(self, code: str, message: str) -> None:
        column = self.columns.get(code, BY_CODE[code].label if code in BY_CODE else "")
        self.errors.append(RowError(self.number, column, message))

    def raw(self, code: str):
        return self.cells.get(code)

    def has(self, code: str) -> bool:
        return n.text(self.cells.get(code)) != ""

    @property
    def full_name(self) -> str:
        values = self.person_values
        return " ".join(
            p for p in (values.get("last_name"), values.get("first_name"), values.get("middle_name")) if p
        )

    @property
    def description(self) -> str:
        values = {**self._current(), **self.person_values}
        return values.get("group") or values.get("position") or ""

    def _current(self) -> dict:
        if self.person is None:
            return {}
        return {"group": self.person.group, "position": self.person.position}

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Preview:
    base: str
    headers: list[str]
    mapping: list[str]
    header_row: int
    rows: list[Row]
    problems: list[str]  # about the file or the mapping as a whole

    @property
    def unknown(self) -> list[str]:
        return [h for h, code in zip(self.headers, self.mapping, strict=True) if h and not code]

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Status, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def can_commit(self) -> bool:
        return (
            not self.problems
            and not self.errors
            and any(r.status in (Status.NEW, Status.UPDATE) for r in self.rows)
        )

    def to_save(self) -> list[Row]:
        return [row for row in self.rows if row.status in (Status.NEW, Status.UPDATE)]


# The file → headers and rows ------------------------------------------------------------------------------


NO_HEADER = (
    "Не нашли строку заголовков: над списком должна быть строка с названиями столбцов, например "
    "«ФИО», «Дата рождения», «Класс». Скачайте шаблон — в нём все столбцы подписаны."
)


def find_header(sheet: Sheet, base: str) -> int | None:
    """Index in sheet.rows of the header: the first of the top rows naming two or more of our columns."""
    for index, (_, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if header_score(cells, base) >= 2:
            return index
    return None


def headers_of(sheet: Sheet, base: str) -> tuple[int | None, list[str]]:
    index = find_header(sheet, base)
    if index is None:
        return None, []
    return index, [n.text(cell) for cell in sheet.rows[index][1]]


def build_preview(
    sheet: Sheet, *, base: str, known: Known, mapping=None, default_request: str = ""
) -> Preview:
    index, headers = headers_of(sheet, base)
    if index is None:
        return Preview(base, [], [], 0, [], [NO_HEADER])
    if mapping is None or len(mapping) != len(headers):
        mapping = guess_mapping(headers, base)
    preview = Preview(base, headers, list(mapping), sheet.rows[index][0], [], mapping_problems(mapping, base))
    if preview.problems:
        return preview
    columns = {
        code: headers[i] or BY_CODE[code].label for i, code in enumerate(mapping) if code and code != IGNORED
    }
    reader = _RowReader(base=base, known=known, default_request=default_request.strip())
    for number, cells in sheet.rows[index + 1 :]:
        values = {
            code: cells[i] for i, code in enumerate(mapping) if code and code != IGNORED and i < len(cells)
        }
        if all(n.text(value) == "" for value in values.values()):
            continue  # an empty line between classes
        preview.rows.append(reader.read(Row(number, values, columns)))
    reader.mark_duplicates(preview.rows)
    return preview


# One row --------------------------------------------------------------------------------------------------


class _RowReader:
    def __init__(self, *, base, known: Known, default_request: str):
        self.base, self.known, self.default_request = base, known, default_request
        self.profile_model = MentorProfile if base == MENTORS else MenteeProfile

    def read(self, row: Row) -> Row:
        self._person(row)
        if row.errors and not row.person_values.get("last_name"):
            return self._finish(row)
        self._match(row)
        self._kind(row)
        self._category(row)
        if self.base == ImportBase.MENTORS:
            self._mentor(row)
        else:
            self._mentee(row)
        self._parent(row)
        return self._finish(row)

    def _value(self, row: Row, code: str, parse, **kwargs):
        """A parsed cell, or None (and an error on the row) when it cannot be read."""
        if not row.has(code):
            return None
        try:
            return parse(row.raw(code), **kwargs)
        except Problem as problem:
            row.error(code, str(problem))
            return None

    # The person ---------------------------------------------------------------------------------------

    def _person(self, row: Row) -> None:
        values = row.person_values
        if row.has("full_name"):
            parts = self._value(row, "full_name", n.split_full_name)
            if parts:
                values["last_name"], values["first_name"], values["middle_name"] = parts
        else:
            for code, what in (("last_name", "фамилию"), ("first_name", "имя"), ("middle_name", "отчество")):
                part = self._value(row, code, n.name_part, what=what)
                if part:
                    values[code] = part
        name_column = "full_name" if "full_name" in row.columns else "last_name"
        if not values.get("last_name") and not row.errors:
            row.error(name_column, "не указаны фамилия и имя")
        elif values.get("last_name") and not values.get("first_name") and not row.errors:
            row.error("first_name" if "first_name" in row.columns else name_column, "не указано имя")
        for code, limit in MAX_LENGTHS.items():
            if len(values.get(code) or "") > limit:
                row.error(name_column, f"слишком длинное значение — «{values[code]}»")
        if row.has("sex"):
            sex = self._value(row, "sex", n.parse_sex)
            if sex:
                values["sex"] = sex
        birth = self._value(row, "birth_date", n.parse_date, today=self.known.today)
        if birth is not None:
            if birth > self.known.today:
                row.error("birth_date", f"дата рождения в будущем — {birth:%d.%m.%Y}")
            elif birth.year < self.known.today.year - 100:
                row.error("birth_date", f"не похоже на дату рождения — {birth:%d.%m.%Y}")
            else:
                values["birth_date"] = birth
        group = self._value(row, "group", n.parse_class, school=self.known.school)
        if group:
            values["group"] = group
        if row.has("position"):
            values["position"] = n.text(row.raw("position"))
            if len(values["position"]) > 200:
                row.error("position", "слишком длинное название должности (больше 200 знаков)")
        email = self._value(row, "email", n.parse_email)
        phone = self._value(row, "phone", n.parse_phone)
        contacts = self._value(row, "contacts", n.split_contacts)
        if contacts:
            email, phone = email or contacts[0], phone or contacts[1]
        if email:
            values["email"] = email
        if phone:
            values["phone"] = phone

    def _match(self, row: Row) -> None:
        """The school's person this row is: same ФИО and birth date, or same e-mail (and first name)."""
        values = row.person_values
        name = normalise_search(row.full_name)
        birth = values.get("birth_date")
        named = self.known.by_name.get(name, [])
        if birth is not None:
            same = [p for p in named if p.birth_date == birth] or [p for p in named if p.birth_date is None]
        else:
            same = named
        by_mail = self.known.by_email.get(values.get("email", ""), [])
        first = n.key(values.get("first_name", ""))
        mail_same_first = [p for p in by_mail if n.key(p.first_name) == first]
        if by_mail and not mail_same_first:
            other = by_mail[0]
            row.error(
                "email" if "email" in row.columns else "contacts",
                f"этот e-mail уже записан у другого участника — {other.full_name}; у разных людей разные адреса "
                "(для ребёнка укажите e-mail родителя в столбце «E-mail родителя»)",
            )
            return
        if len(same) > 1 and not set(same) & set(mail_same_first):
            row.error(
                "birth_date" if "birth_date" in row.columns else "full_name",
                f"в школе несколько участников «{row.full_name}» — укажите дату рождения или e-mail, чтобы понять, кто это",
            )
            return
        both = set(same) & set(mail_same_first)
        if same and mail_same_first and not both:
            row.error(
                "email" if "email" in row.columns else "contacts",
                f"ФИО и дата рождения совпадают с одним участником, а e-mail — с другим ({mail_same_first[0].full_name})",
            )
            return
        if both:
            person, how = both.pop(), "по ФИО и e-mail"
        elif same:
            person, how = same[0], "по ФИО и дате рождения" if birth and same[0].birth_date else "по ФИО"
        elif mail_same_first:
            person, how = mail_same_first[0], f"по e-mail (в школе: {mail_same_first[0].full_name})"
        else:
            return
        row.person, row.match = person, how
        row.profile = self.known.profiles.get(person.pk)

    def _kind(self, row: Row) -> None:
        values, person = row.person_values, row.person
        category = n.key(n.text(row.raw("category")))
        if values.get("position"):
            kind = STAFF
        elif self.base == MENTORS and row.has("workplace"):
            kind = EXTERNAL
        elif values.get("group"):
            kind = STUDENT
        elif person is not None:
            kind = person.kind
        elif self.base == MENTORS and category:
            kind = self._mentor_kind_by_category(row)
        else:
            kind = None
        if kind is None:
            where = "group" if "group" in row.columns else ("position" if "position" in row.columns else "")
            if self.base == MENTORS:
                message = (
                    "укажите должность (работник школы), класс (ученик) или место работы (внешний наставник)"
                )
            else:
                message = "укажите класс (для обучающегося) или должность (для педагога)"
            row.errors.append(RowError(row.number, row.columns.get(where, ""), message))
            return
        if person is not None and (person.kind == STUDENT) != (kind == STUDENT):
            was = "обучающийся" if person.kind == STUDENT else "работник или внешний участник"
            row.error(
                "group" if kind == STUDENT else "position",
                f"в школе «{person.full_name}» записан(а) как {was} — проверьте класс и должность",
            )
            return
        # A member of staff with an outside workplace stays staff; otherwise the file says who the person is.
        values["kind"] = STAFF if person is not None and person.kind == STAFF and kind == EXTERNAL else kind
        current_group = values.get("group") or (person.group if person else "")
        current_position = values.get("position") or (person.position if person else "")
        if kind == STUDENT and not current_group:
            row.error("group", "для обучающегося нужен класс")
        if kind == STAFF and not current_position:
            row.error("position", "для педагога нужна должность, например «учитель математики»")
        if "sex" not in values:
            sex = (
                person.sex
                if person is not None
                else n.sex_from_name(values["first_name"], values.get("middle_name", ""))
            )
            if sex is None:
                row.error(
                    "full_name" if "full_name" in row.columns else "first_name",
                    f"не удалось понять пол по имени «{values['first_name']}» — добавьте столбец «Пол» (м/ж)",
                )
            else:
                values["sex"] = sex

    def _mentor_kind_by_category(self, row: Row):
        try:
            category = self.known.catalogue.match(n.text(row.raw("category")))
        except Problem:
            return None
        return MENTOR_CATEGORY_KIND.get(category.code) if category else None

    def _category(self, row: Row) -> None:
        kind = row.person_values.get("kind")
        if not row.has("category") or kind is None:
            return
        fits = FITS["student" if kind == STUDENT else "staff"] if self.base != MENTORS else None
        category = self._value(row, "category", self.known.catalogue.match, fits=fits)
        if category is None:
            return
        if self.base == MENTORS:
            expected = MENTOR_CATEGORY_KIND.get(category.code)
            if expected is not None and (expected == STUDENT) != (kind == STUDENT):
                who = "обучающихся" if expected == STUDENT else "взрослых"
                row.error(
                    "category", f"категория «{category.name}» — для {who}, а в строке {self._who(kind)}"
                )
                return
        elif category.audience not in FITS["student" if kind == STUDENT else "staff"]:
            who = "педагогов" if category.audience == Audience.TEACHERS else "обучающихся"
            row.error("category", f"категория «{category.name}» — для {who}, а в строке {self._who(kind)}")
            return
        row.profile_values["category"] = category

    @staticmethod
    def _who(kind) -> str:
        return "указан класс (обучающийся)" if kind == STUDENT else "указана должность (педагог)"

    # The base entry ----------------------------------------------------------------------------------

    def _entered_on(self, row: Row) -> None:
        entered = self._value(row, "entered_on", n.parse_date, today=self.known.today)
        if entered is not None:
            row.profile_values["entered_on"] = entered

    def _mentor(self, row: Row) -> None:
        values, current = row.profile_values, row.profile
        for code in ("competencies", "achievements"):
            if row.has(code):
                values[code] = n.long_text(row.raw(code))
        for code, limit in (("desired_mentee_age", 100), ("time_available", 200), ("workplace", 300)):
            if row.has(code):
                text = n.text(row.raw(code))
                if len(text) > limit:
                    row.error(code, f"слишком длинный текст (больше {limit} знаков)")
                values["external_workplace" if code == "workplace" else code] = text
        if row.has("interests"):
            values["interests"], values["interests_other"] = n.parse_interests(row.raw("interests"))
        years = self._value(row, "experience_years", n.parse_years)
        if years is not None:
            if row.person_values.get("kind") == STUDENT:
                row.error("experience_years", "педагогический стаж указывают только для педагогов")
            values["experience_years"] = years
        training = self._value(row, "training", n.parse_training)
        if training is not None:
            values["training_status"] = training
        trained_on = self._value(row, "trained_on", n.parse_date, today=self.known.today)
        if trained_on is not None:
            values["trained_on"] = trained_on
        status = values.get("training_status") or (current.training_status if current else None)
        has_date = values.get("trained_on") or (current.trained_on if current else None)
        if status == MentorProfile.Training.TRAINED and not has_date:
            row.error(
                "training" if "training" in row.columns else "trained_on",
                "для отметки об обучении в «Школе наставников» нужна дата обучения (столбец «Дата обучения»)",
            )
        self._entered_on(row)

    def _mentee(self, row: Row) -> None:
        values, current = row.profile_values, row.profile
        if row.has("main_request"):
            values["main_request"] = n.long_text(row.raw("main_request"))
        elif not (current and current.main_request) and self.default_request:
            values["main_request"] = self.default_request
        if not values.get("main_request") and not (current and current.main_request):
            row.error(
                "main_request",
                "не указан основной запрос — для чего наставляемый участвует в программе "
                "(его можно задать сразу для всех строк над таблицей)",
            )
        self._entered_on(row)

    # The parent ---------------------------------------------------------------------------------------

    def _parent(self, row: Row) -> None:
        codes = ("parent_name", "parent_email", "parent_phone", "parent_contacts", "parent_relation")
        if self.base == MENTORS or not any(row.has(code) for code in codes):
            self._warn_no_parent(row)
            return
        kind = row.person_values.get("kind")
        if kind is not None and kind != STUDENT:
            row.error("parent_name", "родителя (законного представителя) указывают только для обучающегося")
            return
        if not row.has("parent_name"):
            row.error("parent_name", "указаны контакты родителя, но не его ФИО")
            return
        parts = self._value(row, "parent_name", n.split_full_name)
        if not parts:
            return
        last, first, middle = parts
        relation = self._value(row, "parent_relation", n.parse_relation)
        sex = n.sex_from_name(first, middle)
        if sex is None and relation in (Guardianship.Relation.MOTHER, Guardianship.Relation.FATHER):
            sex = Person.Sex.FEMALE if relation == Guardianship.Relation.MOTHER else Person.Sex.MALE
        if sex is None:
            row.error("parent_name", f"не удалось понять пол родителя по имени «{first}» — укажите отчество")
            return
        if relation is None:
            relation = (
                Guardianship.Relation.MOTHER if sex == Person.Sex.FEMALE else Guardianship.Relation.FATHER
            )
        email = self._value(row, "parent_email", n.parse_email) or ""
        phone = self._value(row, "parent_phone", n.parse_phone) or ""
        contacts = self._value(row, "parent_contacts", n.split_contacts)
        if contacts:
            email, phone = email or contacts[0], phone or contacts[1]
        parent = {
            "last_name": last,
            "first_name": first,
            "middle_name": middle,
            "sex": sex,
            "email": email,
            "phone": phone,
            "relation": relation,
            "person": None,
        }
        parent["person"] = self._known_parent(row, parent)
        if row.person is not None and parent["person"] is not None and parent["person"].pk == row.person.pk:
            row.error("parent_name", "ребёнок не может быть своим законным представителем")
        row.parent = parent

    def _known_parent(self, row: Row, parent: dict):
        name = normalise_search(f"{parent['last_name']} {parent['first_name']} {parent['middle_name']}")
        adults = [p for p in self.known.by_name.get(name, []) if p.kind != STUDENT]
        if row.person is not None:
            linked = [p for p in adults if p.pk in self.known.guardians.get(row.person.pk, ())]
            if linked:
                return linked[0]
        if parent["email"]:
            by_mail = [p for p in adults if p.email.lower() == parent["email"]]
            if by_mail:
                return by_mail[0]
        if len(adults) > 1:
            row.error("parent_name", f"в школе несколько взрослых «{name.title()}» — укажите e-mail родителя")
        return adults[0] if len(adults) == 1 else None

    def _warn_no_parent(self, row: Row) -> None:
        values, person = row.person_values, row.person
        if self.base == MENTORS or values.get("kind") != STUDENT:
            return
        birth = values.get("birth_date") or (person.birth_date if person else None)
        adult = birth is not None and Person(birth_date=birth).age_on(self.known.today) >= 18
        if not adult and not (person and self.known.guardians.get(person.pk)):
            row.warnings.append(
                "нет родителя (законного представителя): согласие на участие подписать будет некому"
            )

    # Status -------------------------------------------------------------------------------------------

    def _finish(self, row: Row) -> Row:
        if row.errors:
            row.status = Status.ERROR
            return row
        if row.person is not None:
            row.status = Status.UPDATE
            row.changes = self._changes(row)
            if row.profile is None:
                row.changes.append("добавляется в базу")
            elif row.profile.left_on:
                row.warnings.append(
                    f"выбыл(а) из базы {row.profile.left_on:%d.%m.%Y} — запись остаётся выбывшей"
                )
        return row

    def _changes(self, row: Row) -> list[str]:
        person, profile = row.person, row.profile
        changed = [
            PERSON_LABELS[code]
            for code, value in row.person_values.items()
            if code in PERSON_LABELS and getattr(person, code) != value
        ]
        if profile is not None:
            changed += [
                PROFILE_LABELS[code]
                for code, value in row.profile_values.items()
                if code in PROFILE_LABELS and code != "entered_on" and getattr(profile, code) != value
            ]
        if row.parent and row.parent["person"] is None:
            changed.append("новый родитель")
        return list(dict.fromkeys(changed))

    def mark_duplicates(self, rows: list[Row]) -> None:
        """The same person twice in the file (same ФИО and birth date, or same e-mail), or two rows for one
        person of the school: an identical repeat is skipped, a differing one is an error."""
        seen: dict = {}
        for row in rows:
            if row.status == Status.ERROR:
                continue
            values = row.person_values
            keys = [("name", normalise_search(row.full_name), values.get("birth_date"))]
            if values.get("email"):
                keys.append(("email", values["email"], n.key(values.get("first_name", ""))))
            if row.person is not None:
                keys.append(("person", row.person.pk))
            earlier = next((seen[k] for k in keys if k in seen), None)
            if earlier is None:
                for k in keys:
                    seen[k] = row
                continue
            if self._same(row, earlier):
                row.status, row.duplicate_of = Status.DUPLICATE, earlier.number
                continue
            differ = self._differences(row, earlier)
            row.errors.append(
                RowError(
                    row.number,
                    "",
                    f"тот же человек, что в строке {earlier.number} ({row.full_name}), но данные различаются"
                    + (f": {', '.join(differ)}" if differ else "")
                    + " — оставьте одну строку",
                )
            )
            row.status = Status.ERROR

    @staticmethod
    def _comparable(row: Row) -> tuple:
        parent = dict(row.parent or {}, person=None)
        profile = {k: getattr(v, "pk", v) for k, v in row.profile_values.items()}
        return row.person_values, profile, parent

    def _same(self, row: Row, earlier: Row) -> bool:
        return self._comparable(row) == self._comparable(earlier)

    def _differences(self, row: Row, earlier: Row) -> list[str]:
        labels = {**PERSON_LABELS, **PROFILE_LABELS}
        mine, theirs = self._comparable(row), self._comparable(earlier)
        differ = []
        for a, b in zip(mine[:2], theirs[:2], strict=True):
            differ += [labels.get(k, k) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        if mine[2] != theirs[2]:
            differ.append("родитель")
        return list(dict.fromkeys(differ))
