"""Organisations, users, people, their roles and families.

A Person is anyone the school keeps records of (most students never sign in); a User is
a login. Roles are per organisation (Membership), so one teacher can be a mentor in one
school and a curator in another.
"""

import re
from datetime import date

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .infra.tokens import TokenLink
from .infra.validation import birth_date_problem, text_problem


class Organization(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "school", "Школа"
        COLLEGE = "college", "Колледж (техникум)"
        MUNICIPALITY = "municipality", "Муниципальный орган управления образованием"
        REGION = "region", "Региональный орган управления образованием"

    full_name = models.CharField(
        "полное наименование", max_length=500, help_text="Как в бланке приказа: «Муниципальное бюджетное …»"
    )
    short_name = models.CharField("краткое наименование", max_length=200)
    kind = models.CharField("вид", max_length=20, choices=Kind.choices, default=Kind.SCHOOL)
    parent = models.ForeignKey(
        "self",
        verbose_name="вышестоящая организация",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    city = models.CharField("населённый пункт", max_length=200, blank=True)
    director_position = models.CharField("должность руководителя", max_length=200, default="Директор")
    director_name = models.CharField("ФИО руководителя", max_length=200, blank=True)
    inn = models.CharField("ИНН", max_length=12, blank=True)
    ogrn = models.CharField("ОГРН", max_length=15, blank=True)
    address = models.CharField("адрес", max_length=500, blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    website = models.URLField("сайт", blank=True)
    order_number_format = models.CharField(
        "формат номера приказа",
        max_length=30,
        default="{n}",
        help_text="{n} — порядковый номер приказа в календарном году, например «{n}» или «{n}-ОД»",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "образовательная организация"
        verbose_name_plural = "образовательные организации"
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name

    def clean(self):
        problem = order_number_format_problem(self.order_number_format)
        if problem:
            raise ValidationError({"order_number_format": problem})

    def format_order_number(self, seq: int) -> str:
        """The order's number in the organisation's format; ValidationError (Russian) if the format is bad."""
        problem = order_number_format_problem(self.order_number_format)
        if problem:
            raise ValidationError(f"Формат номера приказа в реквизитах организации неверен: {problem}")
        return self.order_number_format.format(n=seq)


ORDER_NUMBER_MAX = 40  # Order.number's length


def order_number_format_problem(fmt: str) -> str:
    """'' when the format makes a number for every sequence value, else a Russian sentence why not: the format
    is tried, not parsed («{n}{», «{0}{n}» and too long results all fail here, not at the signature)."""
    if "{n}" not in fmt:
        return "Формат номера должен содержать {n} — порядковый номер."
    try:
        samples = [fmt.format(n=n) for n in (1, 2, 99999)]
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return "В формате номера ошибка: используйте только {n} и обычные символы, например «{n}-ОД»."
    if len(set(samples)) < 3:
        return "Номера разных приказов по этому формату совпадали бы: оставьте {n} без изменений."
    if max(len(sample) for sample in samples) > ORDER_NUMBER_MAX:
        return f"Номер приказа по этому формату длиннее {ORDER_NUMBER_MAX} символов."
    if any(not ch.isprintable() for ch in fmt):
        return "В формате номера есть непечатаемые символы."
    return ""


class User(AbstractUser):
    """A login. Personal data lives on Person; the user is linked to one Person per organisation."""

    # How this user likes their screens (not personal data): e.g. {"base_view:mentors": {"hidden": [...],
    # "compact": true}} — the columns hidden and the compact mode of a base table. Written by
    # accounts.services.preferences only.
    preferences = models.JSONField("настройки экранов", default=dict, blank=True)

    class Meta:
        verbose_name = "пользователь"
        verbose_name_plural = "пользователи"

    def __str__(self):
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "Координатор"
    CURATOR = "curator", "Куратор"
    DIRECTOR = "director", "Директор"
    MENTOR = "mentor", "Наставник"
    MENTEE = "mentee", "Наставляемый"
    PARENT = "parent", "Родитель (законный представитель)"
    OBSERVER = "observer", "Наблюдатель (муниципалитет, регион)"


class Membership(models.Model):
    user = models.ForeignKey(
        User, verbose_name="пользователь", on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, verbose_name="организация", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("роль", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "роль в организации"
        verbose_name_plural = "роли в организациях"
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="membership_unique_role"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} ({self.organization})"


def normalise_search(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def search_q(query: str, prefix: str = "") -> Q:
    """Every word of the query in the person's name or class, whatever the case: «сидоров 7б»."""
    condition = Q()
    for word in normalise_search(query).split():
        condition &= Q(**{f"{prefix}search_text__contains": word})
    return condition


class Person(models.Model):
    class Sex(models.TextChoices):
        MALE = "M", "Мужской"
        FEMALE = "F", "Женский"

    class Kind(models.TextChoices):
        STAFF = "staff", "Работник ОО"
        STUDENT = "student", "Обучающийся"
        EXTERNAL = "external", "Внешний участник"

    organization = models.ForeignKey(
        Organization, verbose_name="организация", on_delete=models.CASCADE, related_name="persons"
    )
    user = models.ForeignKey(
        User,
        verbose_name="пользователь",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persons",
    )
    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    middle_name = models.CharField("отчество", max_length=100, blank=True)
    sex = models.CharField("пол", max_length=1, choices=Sex.choices)
    birth_date = models.DateField("дата рождения", null=True, blank=True)
    kind = models.CharField("категория", max_length=10, choices=Kind.choices)
    position = models.CharField(
        "должность / место работы",
        max_length=200,
        blank=True,
        help_text="Для работников и внешних участников",
    )
    group = models.CharField("класс / группа", max_length=20, blank=True, help_text="Например, «7Б»")
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    # Lower-cased name and class: SQLite's LIKE and lower() ignore case only in ASCII, so searching
    # «сидоров» for «Сидоров» needs a column already in lower case (see search_q).
    search_text = models.CharField(max_length=400, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the person's data was erased (152-ФЗ): the card stays only as the school's records refer to it.
    anonymised_at = models.DateTimeField("обезличен(а)", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "участник"
        verbose_name_plural = "участники"
        ordering = ["last_name", "first_name", "middle_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=Q(user__isnull=False),
                name="person_one_per_user_and_org",
            ),
        ]
        indexes = [models.Index(fields=["organization", "kind", "group"])]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_text = normalise_search(f"{self.full_name} {self.group}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        for field in ("last_name", "first_name", "middle_name", "group", "position"):
            problem = text_problem(getattr(self, field))
            if problem:
                errors[field] = problem
        problem = birth_date_problem(self.birth_date, timezone.localdate())
        if problem:
            errors["birth_date"] = problem
        if errors:
            raise ValidationError(errors)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name) if part)

    @property
    def short_name(self) -> str:
        """«Иванова М.П.» — the usual form in lists and signatures."""
        initials = "".join(f"{part[0]}." for part in (self.first_name, self.middle_name) if part)
        return f"{self.last_name} {initials}".strip()

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def is_minor(self, day: date | None = None) -> bool:
        """Unknown birth date counts as a minor for students: consent rules must err on the safe side."""
        age = self.age_on(day or timezone.localdate())
        if age is None:
            return self.kind == self.Kind.STUDENT
        return age < 18

    @property
    def description(self) -> str:
        """Position for staff; for pupils «обучающаяся 7Б класса» / «обучающийся 7Б класса» (a group that is
        not a school class: «обучающийся группы ИС-21») — as every document names them."""
        if self.kind == self.Kind.STUDENT:
            word = "обучающаяся" if self.sex == self.Sex.FEMALE else "обучающийся"
            group = self.group.strip()
            if not group:
                return word
            is_class = re.fullmatch(r"\d{1,2}\s*[А-ЯЁA-Z]?", group)
            return f"{word} {group} класса" if is_class else f"{word} группы {group}"
        return self.position


class Guardianship(models.Model):
    class Relation(models.TextChoices):
        MOTHER = "mother", "Мать"
        FATHER = "father", "Отец"
        GUARDIAN = "guardian", "Опекун"
        TRUSTEE = "trustee", "Попечитель"
        OTHER = "other", "Иной законный представитель"

    guardian = models.ForeignKey(
        Person,
        verbose_name="родитель (законный представитель)",
        on_delete=models.CASCADE,
        related_name="wards",
    )
    child = models.ForeignKey(
        Person, verbose_name="ребёнок", on_delete=models.CASCADE, related_name="guardianships"
    )
    relation = models.CharField("кем приходится", max_length=10, choices=Relation.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "законное представительство"
        verbose_name_plural = "законные представители"
        constraints = [
            models.UniqueConstraint(fields=["guardian", "child"], name="guardianship_unique"),
            models.CheckConstraint(condition=~Q(guardian=models.F("child")), name="guardianship_not_self"),
        ]

    def __str__(self):
        return f"{self.guardian} — {self.get_relation_display().lower()} ({self.child})"


class Invitation(TokenLink):
    """A single-use link through which a person of the organisation gets a login and a role."""

    INVITABLE_ROLES = (Role.MENTOR, Role.MENTEE, Role.PARENT, Role.CURATOR, Role.DIRECTOR)
    MESSAGES = {
        "missing": (
            "Ссылка недействительна",
            "Такой ссылки-приглашения нет. Проверьте, что ссылка скопирована полностью, "
            "или попросите координатора прислать новое приглашение.",
        ),
        "used": (
            "Приглашение уже использовано",
            "По этой ссылке уже создана учётная запись. Войдите со своим логином и паролем; "
            "если вы забыли пароль, воспользуйтесь восстановлением пароля.",
        ),
        "revoked": ("Приглашение отозвано", "Координатор отозвал это приглашение. Обратитесь к нему."),
        "expired": (
            "Срок действия приглашения истёк",
            "Ссылка больше не действует. Попросите координатора прислать новое приглашение.",
        ),
        "pending": (
            "Приглашение ждёт подтверждения",
            "Роль директора предоставляется только после подтверждения действующим директором "
            "(или оператором платформы). Откройте ссылку снова, когда вам сообщат о подтверждении.",
        ),
    }

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        Person, verbose_name="участник", on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField("роль", max_length=20, choices=Role.choices)
    email = models.EmailField("e-mail", blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # An invitation into a role its author may not grant alone (the director's) works only once confirmed.
    requires_confirmation = models.BooleanField("требует подтверждения директора", default=False)
    confirmed_at = models.DateTimeField("подтверждено", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        User,
        verbose_name="кем подтверждено",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "приглашение"
        verbose_name_plural = "приглашения"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}"

    @property
    def awaits_confirmation(self) -> bool:
        return self.requires_confirmation and self.confirmed_at is None

    @property
    def state(self) -> str:
        state = super().state
        return "ждёт подтверждения директора" if state == "действует" and self.awaits_confirmation else state


class AppendOnlyError(Exception):
    """The audit journal is only ever added to."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Журнал действий не изменяется.")

    def delete(self):
        raise AppendOnlyError("Записи журнала действий не удаляются.")


class AuditEntry(models.Model):
    """Who did what and when: every service that changes data leaves one, and the web layer records sign-ins,
    downloads of personal data and the opening of sensitive pages. Append-only: an entry is never changed or
    deleted, through the admin or the ORM."""

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="audit_entries"
    )
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField("действие", max_length=100)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "запись журнала"
        verbose_name_plural = "журнал действий"
        ordering = ["-created_at"]
        base_manager_name = "objects"

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Журнал действий не изменяется.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Записи журнала действий не удаляются.")


class ConsentKind(models.TextChoices):
    PARTICIPATION = "participation", "Участие в программе наставничества"
    PERSONAL_DATA = "personal_data", "Обработка персональных данных (152-ФЗ)"
    PUBLICATION = "publication", "Публикация фото и кейса на сайте организации"


class ConsentQuerySet(models.QuerySet):
    def valid(self, day: date | None = None):
        day = day or timezone.localdate()
        return self.filter(status=Consent.Status.GIVEN).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=day)
        )


class Proof(models.TextChoices):
    """How the signer of an online consent proved to be the signer, not whoever holds the link."""

    EMAIL_CODE = "email_code", "одноразовый код на e-mail подписанта"
    ACCOUNT = "account", "вход в личный кабинет подписанта"


class Consent(models.Model):
    """One kind of consent for one person (the subject), signed by the subject if 18 or older on the
    day of signing, otherwise by a legal representative linked by Guardianship. The exact text that
    was signed is frozen in `text`."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Запрошено"
        GIVEN = "given", "Дано"
        WITHDRAWN = "withdrawn", "Отозвано"
        EXPIRED = "expired", "Истёк срок"

    class Method(models.TextChoices):
        ONLINE = "online", "Онлайн"
        PAPER = "paper", "На бумаге (скан)"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="consents")
    subject = models.ForeignKey(
        Person, verbose_name="чьё согласие", on_delete=models.CASCADE, related_name="consents"
    )
    signer = models.ForeignKey(
        Person,
        verbose_name="кто подписал",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_consents",
    )
    kind = models.CharField("вид", max_length=20, choices=ConsentKind.choices)
    status = models.CharField("статус", max_length=20, choices=Status.choices, default=Status.REQUESTED)
    method = models.CharField("способ", max_length=10, choices=Method.choices, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    given_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    expires_on = models.DateField("действует до", null=True, blank=True)
    text_version = models.CharField("версия текста", max_length=20, blank=True)
    text = models.TextField("подписанный текст", blank=True)
    signed_name = models.CharField("ФИО, введённые при подписании", max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    scan = models.FileField("скан бумажного согласия", upload_to="consents/%Y/", blank=True)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Online: the link it was signed through (who made it, whether it travelled in a letter printed by the
    # school) and how the signer proved they are the signer.
    link = models.ForeignKey(
        "ConsentRequest",
        verbose_name="ссылка",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
    )
    proof = models.CharField("подтверждение личности", max_length=20, choices=Proof.choices, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = "согласие"
        verbose_name_plural = "согласия"
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "kind"],
                condition=Q(status__in=["requested", "given"]),
                name="one_live_consent_per_kind",
            ),
            models.CheckConstraint(
                condition=~Q(status="given")
                | (Q(signer__isnull=False) & ~Q(method="") & Q(given_at__isnull=False)),
                name="given_consent_is_signed",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject} ({self.get_status_display().lower()})"

    def is_valid(self, day: date | None = None) -> bool:
        """The same test as Consent.objects.valid(), for consents already loaded."""
        day = day or timezone.localdate()
        return self.status == self.Status.GIVEN and (self.expires_on is None or self.expires_on >= day)


class ConsentRequest(TokenLink):
    """A single-purpose link to sign the consents of one subject (a child, or an adult for themself). Holding
    the link is not enough to sign: the signer proves who they are with a code sent to their e-mail, or signs
    from their own account."""

    class Channel(models.TextChoices):
        EMAIL = "email", "письмо на e-mail"
        LETTER = "letter", "распечатанное школой письмо"
        ACCOUNT = "account", "личный кабинет"

    MESSAGES = {
        "missing": (
            "Ссылка недействительна",
            "Такой ссылки нет или её заменили новой. Проверьте, что ссылка скопирована полностью, "
            "или попросите в школе прислать новую.",
        ),
        "used": (
            "Согласие уже подписано",
            "По этой ссылке согласие уже подписано. Скачать его или отозвать можно в личном кабинете или в школе.",
        ),
        "revoked": ("Ссылка отозвана", "Школа отозвала эту ссылку. Попросите прислать новую."),
        "expired": ("Срок действия ссылки истёк", "Попросите в школе прислать новую ссылку."),
    }

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="consent_requests")
    subject = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consent_requests")
    signer = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consent_requests_to_sign")
    created_by = models.ForeignKey(
        User, verbose_name="кто создал ссылку", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField("как передана", max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # The one-time code e-mailed to the signer (only its hash is kept), and when it was confirmed.
    code_hash = models.CharField(max_length=64, blank=True, editable=False)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    codes_sent = models.PositiveSmallIntegerField(default=0)
    code_verified_at = models.DateTimeField("код подтверждён", null=True, blank=True)

    class Meta:
        verbose_name = "ссылка на согласие"
        verbose_name_plural = "ссылки на согласия"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.signer} → {self.subject}"
