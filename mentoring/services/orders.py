"""Orders: drafts generated from data, the coordinator's edits, the director's approval or return.

order_approve is the one place an order gets its number: in one transaction it locks the organisation's counter
for the year, numbers the order, freezes its data (appendices included) and carries out what the order decides
(pairs approved, a mentor replaced). Its PDF is rendered from the frozen data right after the commit, in the
background (the task mentoring.tasks.render_order_pdf), so the director never waits for a long appendix to
be laid out; order_render_pdf stores it once with its SHA-256, and a failed attempt is retried."""

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.infra.background import run_after_commit
from accounts.models import Person, Role
from accounts.services import audit
from mentoring.documents import orders as texts
from mentoring.documents.programme import curators_of, mentor_school_end, mentor_school_trainers
from mentoring.documents.render import render_pdf, sha256
from mentoring.models import (
    Order,
    OrderAcknowledgement,
    OrderCounter,
    OrderPair,
    Pair,
    PairMentee,
    ReplacementGround,
)

from .consents import consent_blockers, missing_consents
from .pairs import pair_activate, pair_approve, pair_replace_mentor

logger = logging.getLogger(__name__)
Kind = Order.Kind
PLANS_DUE_DAYS = 14  # «в течение двух недель после утверждения пары» (the default Положение, п. 4.6)


def _create(
    *, organization, kind, title, by, programme=None, preamble="", items=(), appendices=(), named=(), **fields
) -> Order:
    order = Order.objects.create(
        organization=organization,
        programme=programme,
        kind=kind,
        title=title,
        preamble=preamble,
        items=list(items),
        appendices=list(appendices),
        created_by=by,
        **fields,
    )
    for person in {p.pk: p for p in named}.values():
        OrderAcknowledgement.objects.create(order=order, person=person)
    audit(organization=organization, actor=by, action="order.draft", obj=order, kind=kind)
    return order


def _mentees(pair) -> list[Person]:
    return [place.mentee for place in pair.memberships.filter(is_open=True).select_related("mentee")]


def _coordinators(organization) -> list[Person]:
    """The people who run the programme: the coordinators' cards in the organisation."""
    return list(
        organization.persons.filter(
            user__memberships__organization=organization, user__memberships__role=Role.COORDINATOR
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def _curators(programme) -> list[Person]:
    """The programme's curators (areas on the programme page), else its coordinators: the named executors."""
    people = [entry["person"] for entry in curators_of(programme) if entry["person"] is not None]
    return people or _coordinators(programme.organization)


def _executors(people: list[Person], action: str, fallback: str) -> str:
    """«Зерщиковой Анне Николаевне, заместителю директора по УВР, обеспечить …»: the executors by name, in the
    dative with their positions; the role word only while nobody is known."""
    if not people:
        return f"{fallback} {action}"
    named = texts.people_with_descriptions(people, "dative")
    return f"{named}{',' if ', ' in named else ''} {action}"


NAMED_ASSIGNMENTS_MAX = 30
OPEN_ORDER_STATUSES = (Order.Status.DRAFT, Order.Status.SUBMITTED, Order.Status.RETURNED)


def pair_label(pair) -> str:
    """A pair as a picker and a refusal name it: mentor, mentees and form («Иванова М.П. → Сидоров П.И.,
    Кузнецов А. — Учитель – ученик»). Mentees from the prefetched `all_places`, or one query."""
    places = getattr(pair, "all_places", None)
    if places is None:
        places = list(pair.memberships.filter(is_open=True).select_related("mentee"))
    mentees = ", ".join(p.mentee.short_name for p in places if p.is_open) or "без наставляемых"
    return f"{pair.mentor.short_name} → {mentees} — {pair.form}"


def pairs_in_open_orders(organization):
    """Pairs already in an unsigned pairs order (a draft, on signature, or returned)."""
    return organization.pairs.filter(orders__kind=Kind.PAIRS, orders__status__in=OPEN_ORDER_STATUSES)


@transaction.atomic
def order_draft_pairs(*, programme, pairs, by) -> Order:
    """«Об утверждении наставнических пар (групп)» from agreed pairs, with the list as appendix № 1."""
    pairs = list(pairs)
    if not pairs:
        raise ValidationError("Выберите хотя бы одну согласованную пару.")
    problems = [f"{p}: статус «{p.get_status_display()}»" for p in pairs if p.status != Pair.Status.AGREED]
    if problems:
        raise ValidationError(["В приказ включают только согласованные пары."] + problems)
    # One open pairs order per pair: lock the pairs, then look for another unsigned order holding them.
    locked = list(
        Pair.objects.select_for_update().filter(pk__in=[p.pk for p in pairs]).values_list("pk", flat=True)
    )
    busy = OrderPair.objects.filter(
        pair_id__in=locked, order__kind=Kind.PAIRS, order__status__in=OPEN_ORDER_STATUSES
    ).select_related("order", "pair__mentor", "pair__form")
    if busy:
        raise ValidationError(
            ["Пара может быть только в одном неподписанном приказе об утверждении пар."]
            + [
                f"{pair_label(row.pair)}: уже в проекте приказа от {timezone.localtime(row.order.created_at):%d.%m.%Y} "
                f"(«{row.order.get_status_display()}»)."
                for row in busy
            ]
        )
    rows = [(pair, _mentees(pair)) for pair in pairs]
    year = programme.academic_year
    organization = programme.organization
    if len(rows) <= NAMED_ASSIGNMENTS_MAX:
        assignments = "Назначить:\n" + ";\n".join(f"— {texts.pair_assignment(p, m)}" for p, m in rows) + "."
    else:  # a long list is read once, in the appendix, not twice
        assignments = "Назначить наставников наставляемым в соответствии с приложением № 1."
    curators = _curators(programme)
    items = [
        f"Утвердить состав наставнических пар (групп) на {year} учебный год (приложение № 1).",
        assignments,
        "Наставникам совместно с наставляемыми разработать индивидуальные планы и представить их куратору "
        f"на утверждение в срок до {texts.relative(PLANS_DUE_DAYS)}.",
        _executors(
            curators,
            "обеспечить организационное и методическое сопровождение наставнических пар (групп), "
            "контроль выполнения индивидуальных планов и сбор отзывов наставников.",
            "Куратору программы наставничества",
        ),
        texts.CONTROL_ITEM,
    ]
    named = [pair.mentor for pair, _ in rows] + [
        m for _, mentees in rows for m in mentees if not m.is_minor()
    ]
    order = _create(
        organization=organization,
        programme=programme,
        kind=Kind.PAIRS,
        by=by,
        named=named + curators,
        title=f"Об утверждении наставнических пар (групп) в {organization.short_name} на {year} учебный год",
        preamble="В соответствии с Положением о наставничестве, программой наставничества и на основании "
        "взаимного согласия наставников и наставляемых",
        items=items,
        appendices=[texts.pairs_appendix(rows)],
    )
    order.pairs.set(pairs)
    return order


REPLACEMENT_GROUNDS = {
    ReplacementGround.DISMISSAL: "в связи с увольнением",
    ReplacementGround.TRANSFER: "в связи с переводом на другую работу",
    ReplacementGround.DISCIPLINARY: "в связи с привлечением к дисциплинарной ответственности",
    ReplacementGround.NO_RAPPORT: "в связи с невозможностью установления межличностных взаимоотношений "
    "с наставляемым",
    ReplacementGround.INCOMPATIBILITY: "в связи с психологической несовместимостью наставника и наставляемого",
}


@transaction.atomic
def order_draft_replacement(*, pair, new_mentor, ground, by) -> Order:
    """«О замене наставника»: the replacement itself happens when the director approves the order."""
    if ground not in ReplacementGround.values:
        raise ValidationError({"ground": "Выберите одно из пяти оснований замены наставника."})
    if not pair.is_open:
        raise ValidationError("Наставника заменяют только в действующей паре.")
    mentees = _mentees(pair)
    whom = texts.people_with_descriptions(mentees, "genitive")
    whom += "," if ", " in whom else ""  # the apposition closes before what follows
    old, new = texts.named(pair.mentor, "accusative"), texts.named(new_mentor, "accusative")
    curators = _curators(pair.programme)
    items = [
        f"Освободить {old}{',' if ', ' in old else ''} от обязанностей наставника {whom} "
        f"{REPLACEMENT_GROUNDS[ground]} со дня подписания настоящего приказа.",
        f"Назначить {new}{',' if ', ' in new else ''} наставником {whom} со дня подписания настоящего приказа "
        f"по {pair.end_date:%d.%m.%Y}.",
        _executors(
            [new_mentor],
            "совместно с наставляемым актуализировать индивидуальный план и представить его куратору "
            f"в срок до {texts.relative(10)}.",
            "Новому наставнику",
        ),
        _executors(
            curators,
            "внести изменения в базы наставников и наставляемых.",
            "Куратору программы наставничества",
        ),
        texts.CONTROL_ITEM,
    ]
    return _create(
        organization=pair.organization,
        programme=pair.programme,
        kind=Kind.REPLACEMENT,
        by=by,
        title="О замене наставника",
        named=[pair.mentor, new_mentor, *curators],
        preamble="В соответствии с Положением о наставничестве",
        items=items,
        replacement_pair=pair,
        replacement_mentor=new_mentor,
        replacement_ground=ground,
    )


# Each reward with the verb that governs the name: (the verb phrase, the case of the name).
AWARDS = {
    "mentor_of_year": ("Присвоить звание «Наставник года»", "dative"),
    "best_pair": ("Признать победителем в номинации «Лучшая пара»", "accusative"),
    "certificate": ("Наградить Почётной грамотой", "accusative"),
    "thanks": ("Объявить благодарность", "dative"),
}


@transaction.atomic
def order_draft_reward(*, programme, awards, by) -> Order:
    """awards: [(person, award code)] — «О поощрении участников наставнической деятельности»: one point per kind
    of reward, each name in the case its verb governs («наградить … Сидорова Павла Игоревича», «объявить
    благодарность Смирнову Илье Андреевичу»)."""
    if not awards:
        raise ValidationError("Выберите хотя бы одного участника и вид поощрения.")
    unknown = {code for _, code in awards} - set(AWARDS)
    if unknown:
        raise ValidationError("Неизвестный вид поощрения.")
    year = programme.academic_year
    items = []
    for code, (verb, case) in AWARDS.items():
        people = list({p.pk: p for p, c in awards if c == code}.values())
        if people:
            items.append(f"{verb} {texts.people_with_descriptions(people, case)}.")
    curators = _curators(programme)
    items += [
        _executors(
            curators,
            "подготовить грамоты и благодарственные письма и вручить их на итоговом мероприятии программы "
            f"наставничества в срок до {texts.relative(14)}.",
            "Куратору программы наставничества",
        ),
        texts.CONTROL_ITEM,
    ]
    return _create(
        organization=programme.organization,
        programme=programme,
        kind=Kind.REWARD,
        by=by,
        title="О поощрении участников наставнической деятельности",
        named=[p for p, _ in awards] + curators,
        preamble=f"По итогам реализации программы наставничества в {year} учебном году, на основании "
        "результатов мониторинга и отзывов кураторов",
        items=items,
    )


def _areas_line(entry) -> str:
    from mentoring.documents.programme import areas_text

    person = entry["person"]
    who = texts.named(person, "accusative") if person else entry["user"].get_full_name()
    return f"— {who}{',' if ', ' in who else ''} — {areas_text(entry)}"


def _deadline(day, *, today, fallback_days: int) -> str:
    """A date from the data while it is still ahead, else N days after the signature."""
    return f"{day:%d.%m.%Y}" if day and day > today else texts.relative(fallback_days)


def _programme_texts(programme) -> dict:
    organization = programme.organization
    name = organization.short_name
    year = programme.academic_year
    today = timezone.localdate()
    coordinators = _coordinators(organization)
    curator_entries = [entry for entry in curators_of(programme) if entry["person"] is not None]
    curators = [entry["person"] for entry in curator_entries] or coordinators
    trainers = mentor_school_trainers(programme)
    school_end = mentor_school_end(programme)
    return {
        Kind.TARGET_MODEL: {
            "title": f"О внедрении целевой модели наставничества в {name}",
            "preamble": "Во исполнение распоряжения Министерства просвещения Российской Федерации от 25.12.2019 "
            "№ Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, "
            "осуществляющих образовательную деятельность по общеобразовательным, дополнительным "
            "общеобразовательным и программам среднего профессионального образования, в том числе с "
            "применением лучших практик обмена опытом между обучающимися» и в целях создания в "
            f"{name} системы наставничества",
            "items": [
                f"Внедрить целевую модель наставничества в {name} с {programme.start_date:%d.%m.%Y}.",
                f"Утвердить Положение о наставничестве в {name} (приложение № 1).",
                f"Утвердить программу наставничества {name} на {year} учебный год (приложение № 2).",
                f"Утвердить дорожную карту внедрения целевой модели наставничества на {year} учебный год "
                "(приложение № 3).",
                _executors(
                    coordinators,
                    "обеспечить реализацию программы наставничества и дорожной карты в установленные ею сроки "
                    "и разместить настоящий приказ, Положение о наставничестве и программу наставничества на "
                    f"официальном сайте {name} в разделе «Наставничество» в срок до {texts.relative(10)}.",
                    "Координатору программы наставничества",
                ),
                texts.CONTROL_ITEM,
            ],
            "appendices": [
                {"title": "Положение о наставничестве", "provider": "regulation"},
                {"title": f"Программа наставничества на {year} учебный год", "provider": "programme"},
                {
                    "title": f"Дорожная карта внедрения целевой модели наставничества на {year} учебный год",
                    "provider": "roadmap",
                },
            ],
            "named": coordinators,
        },
        Kind.CURATORS: {
            "title": f"О назначении кураторов программы наставничества в {name}",
            "preamble": "В соответствии с Положением о наставничестве, в целях организации и сопровождения "
            f"программы наставничества на {year} учебный год",
            "items": [
                f"Назначить кураторами программы наставничества на {year} учебный год:\n"
                + ";\n".join(_areas_line(entry) for entry in curator_entries)
                + "."
                if curator_entries
                else f"Назначить куратором программы наставничества на {year} учебный год:",
                _executors(
                    curators,
                    "обеспечить формирование баз наставников и наставляемых в срок до "
                    f"{_deadline(programme.bases_deadline, today=today, fallback_days=14)}, готовить проекты "
                    "приказов о составе наставнических пар (групп), утверждать индивидуальные планы и проводить "
                    "мониторинг программы наставничества.",
                    "Кураторам",
                ),
                texts.CONTROL_ITEM,
            ],
            "named": curators,
        },
        Kind.MENTOR_SCHOOL: {
            "title": f"Об организации «Школы наставников» в {name} в {year} учебном году",
            "preamble": "В соответствии с Положением о наставничестве, в целях подготовки наставников к работе "
            "с наставляемыми",
            "items": [
                f"Организовать в {name} «Школу наставников» для участников, включённых в базу наставников, "
                f"в {year} учебном году.",
                "Утвердить программу и график обучения наставников (приложение № 1).",
                *(
                    [
                        _executors(
                            trainers,
                            "провести занятия в соответствии с графиком обучения (приложение № 1).",
                            "Ведущим",
                        )
                    ]
                    if trainers
                    else []
                ),
                _executors(
                    coordinators,
                    "обеспечить участие наставников в занятиях, выдать свидетельства об обучении слушателям, "
                    "прошедшим все занятия, и внести отметку об обучении в базу наставников в срок до "
                    f"{_deadline(school_end, today=today, fallback_days=30)}.",
                    "Координатору программы наставничества",
                ),
                texts.CONTROL_ITEM,
            ],
            "appendices": [
                {"title": "Программа и график обучения наставников", "provider": "mentor_school"},
            ],
            "named": [*coordinators, *trainers],
        },
        Kind.FINAL_EVENT: {
            "title": "О проведении итогового мероприятия в рамках реализации целевой модели наставничества",
            "preamble": "В целях подведения итогов реализации программы наставничества и популяризации её "
            "результатов",
            "items": [
                f"Провести итоговое мероприятие программы наставничества {year} учебного года в срок до "
                f"{_deadline(programme.end_date, today=today, fallback_days=30)}.",
                _executors(
                    curators,
                    "подготовить программу итогового мероприятия и презентацию лучших практик наставнических "
                    "пар (групп) в срок до "
                    f"{_deadline(programme.end_date - timedelta(days=14), today=today, fallback_days=14)}.",
                    "Кураторам",
                ),
                texts.CONTROL_ITEM,
            ],
            "named": curators,
        },
    }


@transaction.atomic
def order_draft_from_programme(*, programme, kind, by) -> Order:
    options = _programme_texts(programme)
    if kind not in options:
        raise ValidationError("Этот вид приказа составляется из других данных.")
    data = options[kind]
    return _create(
        organization=programme.organization,
        programme=programme,
        kind=kind,
        by=by,
        title=data["title"],
        preamble=data["preamble"],
        items=data["items"],
        appendices=data.get("appendices", []),
        named=data.get("named", []),
    )


def _amendment_texts(amends, amendment) -> tuple[str, str]:
    """(title, first point) of an order that amends or cancels `amends`, which both name it fully."""
    reference = f"{texts.order_reference(amends)} «{amends.title}»"
    if amendment == Order.Amendment.CANCELS:
        return (
            f"О признании утратившим силу приказа {reference}",
            f"Признать утратившим силу приказ {reference}.",
        )
    return (
        f"О внесении изменений в приказ {reference}",
        f"Внести в приказ {reference} следующие изменения:",
    )


@transaction.atomic
def order_draft_free(*, organization, title, by, amends=None, amendment="", changes: str = "") -> Order:
    """A free-form order; one that amends or cancels a signed order names it (date, number, title) in its title
    and carries the change as its first point: «Внести в приказ от … № … следующие изменения: …» (`changes`, or
    written by the coordinator before submitting — an unfinished point blocks submission) or «Признать
    утратившим силу приказ от … № …»."""
    items = [texts.CONTROL_ITEM]
    if amends is not None:
        if amends.organization_id != organization.pk or amends.status != Order.Status.APPROVED:
            raise ValidationError("Изменить или отменить можно только подписанный приказ своей организации.")
        if amendment not in Order.Amendment.values:
            raise ValidationError({"amendment": "Укажите, изменяет или отменяет новый приказ прежний."})
        generated_title, first = _amendment_texts(amends, amendment)
        if amends.number not in title:
            title = generated_title
        if changes.strip():
            first = f"{first}\n{changes.strip()}"
        items = [first, texts.CONTROL_ITEM]
    return _create(
        organization=organization,
        kind=Kind.FREE,
        title=title,
        by=by,
        items=items,
        amends=amends,
        amendment=amendment if amends else "",
    )


def _check_editable(order) -> None:
    if not order.is_editable:
        raise ValidationError(f"Приказ в статусе «{order.get_status_display()}» не редактируется.")


@transaction.atomic
def order_update(*, order, title: str, preamble: str, items: list[str], by) -> Order:
    _check_editable(order)
    items = [item.strip() for item in items if item.strip()]
    if not title.strip():
        raise ValidationError({"title": "Укажите заголовок приказа."})
    if not items:
        raise ValidationError({"items": "В приказе должен быть хотя бы один пункт."})
    order.title, order.preamble, order.items = title.strip(), preamble.strip(), items
    order.save()
    audit(organization=order.organization, actor=by, action="order.update", obj=order)
    return order


def submission_blockers(order, day=None) -> list[str]:
    """What stops the coordinator from submitting: the text is not a text to sign (no real point, an
    unfinished point, an appendix with no content) or a deadline has already passed."""
    day = day or timezone.localdate()
    return texts.content_problems(order) + texts.deadline_problems(order.items, day)


@transaction.atomic
def order_submit(*, order, by) -> Order:
    _check_editable(order)
    problems = submission_blockers(order)
    if problems:
        raise ValidationError(["Приказ нельзя подать на подпись:"] + problems)
    order.status = Order.Status.SUBMITTED
    order.save(update_fields=["status", "updated_at"])
    audit(organization=order.organization, actor=by, action="order.submit", obj=order)
    return order


@transaction.atomic
def order_return(*, order, comment: str, by) -> Order:
    if order.status != Order.Status.SUBMITTED:
        raise ValidationError("Вернуть можно только приказ, поданный на подпись.")
    if not comment.strip():
        raise ValidationError({"comment": "Напишите, что нужно исправить."})
    order.status, order.director_comment = Order.Status.RETURNED, comment.strip()
    order.save(update_fields=["status", "director_comment", "updated_at"])
    audit(organization=order.organization, actor=by, action="order.return", obj=order)
    return order


def _pairs_lacking_consent(pairs: list[Pair]) -> list[Pair]:
    """The pairs with a participant lacking a valid blocking consent, found in two queries however many pairs
    (a 200-pair order is signed in well under a second); consent_blockers then words each problem."""
    from accounts.models import Consent

    from .consents import BLOCKING_KINDS

    people = {pair.pk: {pair.mentor_id} for pair in pairs}
    for pair_id, mentee_id in PairMentee.objects.filter(pair__in=pairs, is_open=True).values_list(
        "pair_id", "mentee_id"
    ):
        people[pair_id].add(mentee_id)
    everyone = set().union(*people.values()) if people else set()
    valid = set(
        Consent.objects.valid()
        .filter(subject__in=everyone, kind__in=BLOCKING_KINDS)
        .values_list("subject_id", "kind")
    )
    complete = {pk for pk in everyone if all((pk, kind) in valid for kind in BLOCKING_KINDS)}
    return [pair for pair in pairs if not people[pair.pk] <= complete]


def approval_blockers(order, day=None) -> list[str]:
    """Everything that stops the director from signing on `day` (today), each as a sentence naming who and
    what: the text and its appendices, the deadlines against the signing date, the pairs and the consents."""
    problems = submission_blockers(order, day)
    if order.kind == Kind.PAIRS:
        pairs = list(order.pairs.select_related("mentor", "form"))
        for pair in pairs:
            if pair.status != Pair.Status.AGREED:
                problems.append(f"Пара «{pair}» не согласована (статус «{pair.get_status_display()}»).")
        problems.extend(consent_blockers(_pairs_lacking_consent(pairs)))
    if order.kind == Kind.REPLACEMENT:
        if not order.replacement_pair.is_open:
            problems.append("Пара, в которой заменяют наставника, уже завершена.")
        problems.extend(
            f"{order.replacement_mentor.full_name}: нет действующего согласия — {', '.join(missing)}."
            for missing in [missing_consents(order.replacement_mentor)]
            if missing
        )
    if order.amends_id and order.amends.status != Order.Status.APPROVED:
        problems.append("Изменяемый приказ не подписан.")
    return problems


def _next_number(order, year: int) -> tuple[int, str]:
    counter, _ = OrderCounter.objects.get_or_create(organization=order.organization, year=year)
    # The lock serialises concurrent approvals of one organisation: each waits for the previous number.
    counter = OrderCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    number = order.organization.format_order_number(counter.last)
    counter.save(update_fields=["last"])
    return counter.last, number


@transaction.atomic
def order_approve(*, order, by) -> Order:
    """Sign: number, freeze, carry out; the PDF is rendered from the frozen data once this commits."""
    order = Order.objects.select_for_update().select_related("organization").get(pk=order.pk)
    if order.status != Order.Status.SUBMITTED:
        raise ValidationError(
            f"Подписать можно только приказ, поданный на подпись (сейчас — «{order.get_status_display()}»)."
        )
    today = timezone.localdate()
    problems = approval_blockers(order, today)
    if problems:
        raise ValidationError(["Приказ нельзя подписать:"] + problems)
    order.seq, order.number = _next_number(order, today.year)
    order.year, order.approved_on = today.year, today
    order.frozen = texts.snapshot(order, number=order.number, day=today)
    order.pdf_file, order.pdf_sha256, order.pdf_attempts, order.pdf_error = "", "", 0, ""
    order.status, order.approved_by, order.approved_at = Order.Status.APPROVED, by, timezone.now()
    order.director_comment = ""
    order.save()
    if order.kind == Kind.PAIRS:
        for pair in order.pairs.all():
            pair_approve(pair=pair, order=order, by=by)
            if pair.start_date <= today:
                pair_activate(pair=pair, by=by)
    if order.kind == Kind.REPLACEMENT:
        pair_replace_mentor(
            pair=order.replacement_pair,
            new_mentor=order.replacement_mentor,
            ground=order.replacement_ground,
            by=by,
            comment=f"приказ № {order.number}",
        )
    audit(organization=order.organization, actor=by, action="order.approve", obj=order, number=order.number)
    run_after_commit("mentoring.tasks.render_order_pdf", order.pk)
    return order


@transaction.atomic
def order_acknowledge(*, order, person, by) -> OrderAcknowledgement:
    if order.status != Order.Status.APPROVED:
        raise ValidationError("Ознакомиться можно с подписанным приказом.")
    ack = OrderAcknowledgement.objects.select_for_update().filter(order=order, person=person).first()
    if ack is None:
        raise ValidationError("Вас нет в списке ознакомления с этим приказом.")
    if ack.acknowledged_on is None:
        ack.acknowledged_on = timezone.localdate()
        ack.save(update_fields=["acknowledged_on"])
        audit(
            organization=order.organization, actor=by, action="order.acknowledge", obj=order, person=person.pk
        )
    return ack


ORDER_TEMPLATE = "documents/order.html"
RENDER_ATTEMPTS = 3


def render_frozen(frozen: dict) -> bytes:
    return render_pdf(ORDER_TEMPLATE, {"o": frozen})


def order_render_pdf(order_id: int) -> Order:
    """Render a signed order's PDF from its frozen data and store it once with its SHA-256 (the background job
    after the signature, and the download while the job has not finished). The signed data never changes: only
    the rendering columns are written, and only while no PDF is stored; a failure is recorded and re-raised."""
    order = Order.objects.get(pk=order_id)
    if order.status != Order.Status.APPROVED or order.pdf_sha256:
        return order
    try:
        data = render_frozen(order.frozen)
    except Exception as error:
        Order.objects.filter(pk=order_id, pdf_sha256="").update_rendering(
            pdf_attempts=order.pdf_attempts + 1, pdf_error=str(error)[:2000] or error.__class__.__name__
        )
        raise
    order_store_pdf(order, data)
    return Order.objects.get(pk=order_id)


def order_store_pdf(order, data: bytes) -> bool:
    """Keep `data` as the signed order's PDF unless another renderer (a second worker, a download on another
    server) stored one first: that one stands and this file is removed. True if this one was kept."""
    digest = sha256(data)
    order.pdf_file.save(f"{order.pk}-{digest[:16]}.pdf", ContentFile(data), save=False)
    stored = Order.objects.filter(pk=order.pk, pdf_sha256="").update_rendering(
        pdf_file=order.pdf_file.name, pdf_sha256=digest, pdf_attempts=order.pdf_attempts + 1, pdf_error=""
    )
    if not stored:
        order.pdf_file.delete(save=False)
        return False
    audit(organization=order.organization, actor=None, action="order.pdf", obj=order, sha256=digest)
    return True


def order_render_with_retries(order_id: int, *, attempts: int = RENDER_ATTEMPTS, pause: float = 2.0) -> None:
    """The background job: a failed render is retried (a passing fault — memory, a restarted worker)."""
    import time

    for attempt in range(1, attempts + 1):
        try:
            order_render_pdf(order_id)
            return
        except Exception:
            logger.exception("Order %s: PDF attempt %s of %s failed", order_id, attempt, attempts)
            if attempt < attempts:
                time.sleep(pause * attempt)


def order_pdf(order) -> bytes:
    """The frozen PDF of a signed order (rendered now from its frozen data if the background job has not stored
    it yet); a draft is rendered live with the «ПРОЕКТ» mark across it."""
    if order.status == Order.Status.APPROVED:
        if not order.pdf_sha256:
            order = order_render_pdf(order.pk)
        return order.stored_pdf()
    return render_pdf(ORDER_TEMPLATE, {"o": texts.snapshot(order), "draft": True})
