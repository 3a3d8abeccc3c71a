"""What the system holds about a person (152-ФЗ, art. 14: the subject's right to know it), and how it is
erased. Each app registers here, in its AppConfig.ready, the sections it holds (`register_section`) and what it
erases when a person is anonymised (`register_eraser`): accounts never imports the apps above it.

A section is a title and rows; a row is a list of (label, value) pairs — the same data becomes the JSON file
and the readable PDF of accounts:person.data_export."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from .models import Consent, ConsentKind, Person


@dataclass
class Section:
    title: str
    rows: list[list[tuple[str, object]]] = field(default_factory=list)
    note: str = ""

    def as_json(self) -> dict:
        return {"title": self.title, "note": self.note, "rows": [dict(row) for row in self.rows]}


SECTIONS: list[Callable[[Person], list[Section]]] = []
ERASERS: list[Callable[[Person, object], None]] = []


def register_section(collect: Callable[[Person], list[Section]]) -> None:
    if collect not in SECTIONS:
        SECTIONS.append(collect)


def register_eraser(erase: Callable[[Person, object], None]) -> None:
    """`erase(person, by)` runs inside the anonymisation's transaction; it may refuse with a ValidationError."""
    if erase not in ERASERS:
        ERASERS.append(erase)


def person_sections(person: Person) -> list[Section]:
    return [section for collect in SECTIONS for section in collect(person)]


def data_consent_withdrawn(outer: str = "pk") -> Q:
    """The person (OuterRef `outer`) withdrew their consent to the processing of personal data and has given or
    been asked for none since. Such a person leaves the bases, their exports and the lists."""
    data = Consent.objects.filter(subject=OuterRef(outer), kind=ConsentKind.PERSONAL_DATA)
    return Q(Exists(data.filter(status=Consent.Status.WITHDRAWN))) & ~Q(
        Exists(data.filter(status__in=[Consent.Status.REQUESTED, Consent.Status.GIVEN]))
    )


def processing_allowed_q(outer: str = "pk") -> Q:
    return ~data_consent_withdrawn(outer)


# The sections accounts holds ----------------------------------------------------------------------------------


def _value(value):
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y %H:%M") if hasattr(value, "hour") else value.strftime("%d.%m.%Y")
    return value


def row(*pairs) -> list[tuple[str, object]]:
    return [(label, _value(value)) for label, value in pairs]


def accounts_sections(person: Person) -> list[Section]:
    card = Section(
        "Карточка участника",
        [
            row(
                ("Фамилия", person.last_name),
                ("Имя", person.first_name),
                ("Отчество", person.middle_name),
                ("Пол", person.get_sex_display()),
                ("Дата рождения", person.birth_date),
                ("Категория", person.get_kind_display()),
                ("Должность / место работы", person.position),
                ("Класс / группа", person.group),
                ("E-mail", person.email),
                ("Телефон", person.phone),
                ("Организация", person.organization.full_name),
                ("Внесён(а)", person.created_at),
                ("Изменён(а)", person.updated_at),
            )
        ],
    )
    sections = [card]
    if person.user_id:
        user = person.user
        roles = ", ".join(
            m.get_role_display() for m in user.memberships.filter(organization=person.organization)
        )
        sections.append(
            Section(
                "Учётная запись",
                [
                    row(
                        ("Логин", user.username),
                        ("E-mail", user.email),
                        ("Создана", user.date_joined),
                        ("Последний вход", user.last_login),
                        ("Роли", roles),
                    )
                ],
            )
        )
    family = [
        row(("Ребёнок", g.child.full_name), ("Кем приходится", g.get_relation_display()))
        for g in person.wards.select_related("child")
    ] + [
        row(("Законный представитель", g.guardian.full_name), ("Кем приходится", g.get_relation_display()))
        for g in person.guardianships.select_related("guardian")
    ]
    if family:
        sections.append(Section("Законное представительство", family))
    consents = [
        row(
            ("Вид", c.get_kind_display()),
            ("Статус", c.get_status_display()),
            ("Кто подписал", c.signer.full_name if c.signer else ""),
            ("Способ", c.get_method_display() if c.method else ""),
            ("Подтверждение личности", c.get_proof_display() if c.proof else ""),
            ("Дано", c.given_at),
            ("Действует до", c.expires_on),
            ("Отозвано", c.withdrawn_at),
            ("IP-адрес при подписании", c.ip_address),
            ("Браузер", c.user_agent),
            ("Текст согласия", c.text),
        )
        for c in Consent.objects.filter(Q(subject=person) | Q(signer=person)).select_related("signer")
    ]
    if consents:
        sections.append(Section("Согласия", consents))
    links = [
        row(
            ("Чьё согласие", link.subject.full_name),
            ("Создана", link.created_at),
            ("Кто создал", link.created_by),
            ("Как передана", link.get_channel_display()),
            ("Использована", link.used_at),
        )
        for link in person.consent_requests_to_sign.select_related("subject", "created_by")
    ]
    if links:
        sections.append(Section("Ссылки на подписание согласий", links))
    invitations = [
        row(
            ("Роль", inv.get_role_display()),
            ("E-mail", inv.email),
            ("Создано", inv.created_at),
            ("Использовано", inv.used_at),
            ("Отозвано", inv.revoked_at),
        )
        for inv in person.invitations.all()
    ]
    if invitations:
        sections.append(Section("Приглашения", invitations))
    return sections


register_section(accounts_sections)
