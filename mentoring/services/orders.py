"""Orders: drafts generated from data, the coordinator's edits, the director's approval or return.

order_approve is the one place an order gets its number: in one transaction it locks the
organisation's counter for the year, numbers the order, freezes its data and renders its PDF (kept
in the database with its SHA-256, so the file and the record commit or roll back together), and
carries out what the order decides (pairs approved, a mentor replaced)."""

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Person, Role
from accounts.services import audit
from mentoring.documents import orders as texts
from mentoring.documents.render import render_pdf, sha256
from mentoring.models import Order, OrderAcknowledgement, OrderCounter, Pair, ReplacementGround

from .consents import consent_blockers, missing_consents
from .pairs import pair_activate, pair_approve, pair_replace_mentor

Kind = Order.Kind
logger = logging.getLogger(__name__)


def _org_name(organization) -> str:
    return organization.short_name


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


NAMED_ASSIGNMENTS_MAX = 30


@transaction.atomic
def order_draft_pairs(*, programme, pairs, by) -> Order:
    """«Об утверждении наставнических пар (групп)» from agreed pairs, with the list as appendix № 1."""
    pairs = list(pairs)
    if not pairs:
        raise ValidationError("Выберите хотя бы одну согласованную пару.")
    problems = [f"{p}: статус «{p.get_status_display()}»" for p in pairs if p.status != Pair.Status.AGREED]
    if problems:
        raise ValidationError(["В приказ включают только согласованные пары."] + problems)
    rows = [(pair, _mentees(pair)) for pair in pairs]
    year = f"{programme.year}/{programme.year + 1}"
    organization = programme.organization
    if len(rows) <= NAMED_ASSIGNMENTS_MAX:
        assignments = "Назначить:\n" + ";\n".join(f"— {texts.pair_assignment(p, m)}" for p, m in rows) + "."
    else:  # a long list is read once, in the appendix, not twice
        assignments = "Назначить наставников наставляемым в соответствии с приложением № 1."
    plans_due = min(p.start_date for p in pairs) + timedelta(days=14)
    curators = sorted(
        p.short_name
        for p in organization.persons.filter(
            user__memberships__organization=organization, user__memberships__role=Role.CURATOR
        ).distinct()
    )
    items = [
        f"Утвердить состав наставнических пар (групп) на {year} учебный год (приложение № 1).",
        assignments,
        "Наставникам совместно с наставляемыми разработать индивидуальные планы развития наставляемых "
        f"и представить их куратору на утверждение в срок до {plans_due:%d.%m.%Y}.",
        "Кураторам программы наставничества"
        + (f" ({', '.join(curators)})" if curators else "")
        + " обеспечить организационное и методическое сопровождение наставнических пар (групп).",
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
        named=named,
        title=f"Об утверждении наставнических пар (групп) в {_org_name(organization)} на {year} учебный год",
        preamble="В соответствии с Положением о наставничестве, программой наставничества и на основании "
        "взаимного согласия наставников и наставляемых",
        items=items,
        appendices=[texts.pairs_appendix(rows)],
    )
    order.pairs.set(pairs)
    return order


@transaction.atomic
def order_draft_replacement(*, pair, new_mentor, ground, by) -> Order:
    """«О замене наставника»: the replacement itself happens when the director approves the order."""
    if ground not in ReplacementGround.values:
        raise ValidationError({"ground": "Выберите одно из пяти оснований замены наставника."})
    if not pair.is_open:
        raise ValidationError("Наставника заменяют только в действующей паре.")
    mentees = _mentees(pair)
    ground_label = ReplacementGround(ground).label.lower()
    whom = ", ".join(texts.fio(m, "genitive") for m in mentees)
    items = [
        f"Освободить {texts.fio(pair.mentor, 'accusative')} от обязанностей наставника {whom} "
        f"в связи с основанием: {ground_label}.",
        f"Назначить {texts.fio(new_mentor, 'accusative')}"
        + (f" ({new_mentor.position})" if new_mentor.position else "")
        + f" наставником {whom} с даты подписания настоящего приказа до {pair.end_date:%d.%m.%Y}.",
        "Новому наставнику в течение 10 рабочих дней актуализировать индивидуальный план наставляемого.",
        texts.CONTROL_ITEM,
    ]
    return _create(
        organization=pair.organization,
        programme=pair.programme,
        kind=Kind.REPLACEMENT,
        by=by,
        title="О замене наставника",
        named=[pair.mentor, new_mentor],
        preamble="В соответствии с п. 3.7 Положения о наставничестве",
        items=items,
        replacement_pair=pair,
        replacement_mentor=new_mentor,
        replacement_ground=ground,
    )


AWARDS = {
    "mentor_of_year": "присвоить звание «Наставник года»",
    "best_pair": "признать «Лучшей парой»",
    "certificate": "наградить Почётной грамотой",
    "thanks": "объявить благодарность (благодарственное письмо)",
}


@transaction.atomic
def order_draft_reward(*, programme, awards, by) -> Order:
    """awards: [(person, award code)] — «О поощрении участников наставнической деятельности»."""
    if not awards:
        raise ValidationError("Выберите хотя бы одного участника и вид поощрения.")
    unknown = {code for _, code in awards} - set(AWARDS)
    if unknown:
        raise ValidationError("Неизвестный вид поощрения.")
    year = f"{programme.year}/{programme.year + 1}"
    lines = [
        f"— {texts.fio(person, 'dative')}"
        + (f" ({person.description})" if person.description else "")
        + f": {AWARDS[code]}"
        for person, code in awards
    ]
    items = [
        f"За активное участие в реализации программы наставничества в {year} учебном году поощрить:\n"
        + ";\n".join(lines)
        + ".",
        "Заместителю директора подготовить грамоты и благодарственные письма к итоговому мероприятию.",
        texts.CONTROL_ITEM,
    ]
    return _create(
        organization=programme.organization,
        programme=programme,
        kind=Kind.REWARD,
        by=by,
        title="О поощрении участников наставнической деятельности",
        named=[p for p, _ in awards],
        preamble="По итогам реализации программы наставничества и на основании результатов мониторинга",
        items=items,
    )


def _programme_texts(programme) -> dict:
    organization = programme.organization
    name = _org_name(organization)
    year = f"{programme.year}/{programme.year + 1}"
    curators = list(programme.curators.select_related("curator", "form", "direction"))
    curator_lines = ";\n".join(
        f"— {area.curator.get_full_name() or area.curator.username} — {area.form or area.direction or 'программа в целом'}"
        for area in curators
    )
    return {
        Kind.TARGET_MODEL: {
            "title": f"О внедрении целевой модели наставничества в {name}",
            "preamble": "Во исполнение распоряжения Министерства просвещения Российской Федерации от 25.12.2019 "
            "№ Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся…» ",
            "items": [
                f"Внедрить с {programme.start_date:%d.%m.%Y} целевую модель наставничества в {name}.",
                f"Утвердить Положение о наставничестве в {name} (приложение № 1).",
                f"Утвердить программу наставничества на {year} учебный год (приложение № 2).",
                "Утвердить дорожную карту внедрения целевой модели наставничества (приложение № 3).",
                texts.CONTROL_ITEM,
            ],
            "appendices": [
                {
                    "title": "Положение о наставничестве",
                    "text": "Текст Положения прилагается (утверждается в редакции, принятой педагогическим советом).",
                },
                {
                    "title": f"Программа наставничества на {year} учебный год",
                    "text": "Формы наставничества: "
                    + ", ".join(f.name for f in programme.forms.all())
                    + ".\n"
                    f"Целевые показатели охвата: педагогов — не менее {programme.teachers_target_pct} %, "
                    f"обучающихся — не менее {programme.students_target_pct} %.",
                },
                {
                    "title": "Дорожная карта внедрения целевой модели наставничества",
                    "text": "Дорожная карта прилагается.",
                },
            ],
        },
        Kind.CURATORS: {
            "title": f"О назначении кураторов программы наставничества в {name}",
            "preamble": "В целях организации и сопровождения программы наставничества",
            "items": [
                f"Назначить кураторами программы наставничества на {year} учебный год:\n{curator_lines}."
                if curator_lines
                else f"Назначить кураторов программы наставничества на {year} учебный год.",
                "Кураторам обеспечить формирование баз наставников и наставляемых в срок до "
                f"{programme.bases_deadline:%d.%m.%Y}.",
                texts.CONTROL_ITEM,
            ],
            "named": [p for area in curators for p in area.curator.persons.filter(organization=organization)],
        },
        Kind.MENTOR_SCHOOL: {
            "title": "Об организации «Школы наставников»",
            "preamble": "В целях повышения профессиональной компетентности наставников",
            "items": [
                f"Организовать в {name} «Школу наставников» в {year} учебном году.",
                "Утвердить программу и график обучения наставников (приложение № 1).",
                "Кураторам обеспечить выдачу свидетельств об обучении.",
                texts.CONTROL_ITEM,
            ],
            "appendices": [{"title": "Программа и график обучения наставников", "text": ""}],
        },
        Kind.FINAL_EVENT: {
            "title": "О проведении итогового мероприятия в рамках реализации целевой модели наставничества",
            "preamble": "В целях подведения итогов реализации программы наставничества и популяризации её результатов",
            "items": [
                f"Провести итоговое мероприятие программы наставничества {year} учебного года "
                f"до {programme.end_date:%d.%m.%Y}.",
                "Кураторам подготовить презентацию лучших практик наставнических пар.",
                texts.CONTROL_ITEM,
            ],
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


@transaction.atomic
def order_draft_free(*, organization, title, by, amends=None, amendment="") -> Order:
    if amends is not None:
        if amends.organization_id != organization.pk or amends.status != Order.Status.APPROVED:
            raise ValidationError("Изменить или отменить можно только подписанный приказ своей организации.")
        if amendment not in Order.Amendment.values:
            raise ValidationError({"amendment": "Укажите, изменяет или отменяет новый приказ прежний."})
    return _create(
        organization=organization,
        kind=Kind.FREE,
        title=title,
        by=by,
        items=[texts.CONTROL_ITEM],
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


@transaction.atomic
def order_submit(*, order, by) -> Order:
    _check_editable(order)
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


def approval_blockers(order) -> list[str]:
    """Everything that stops the director from signing, each as a sentence naming who and what."""
    problems = []
    if order.kind == Kind.PAIRS:
        for pair in order.pairs.select_related("mentor", "form"):
            if pair.status != Pair.Status.AGREED:
                problems.append(f"Пара «{pair}» не согласована (статус «{pair.get_status_display()}»).")
        problems.extend(consent_blockers(order.pairs.select_related("mentor")))
    if order.kind == Kind.REPLACEMENT:
        if not order.replacement_pair.is_open:
            problems.append("Пара, в которой заменяют наставника, уже завершена.")
        problems.extend(
            f"{order.replacement_mentor.full_name}: нет действующего согласия — {', '.join(missing)}."
            for missing in [missing_consents(order.replacement_mentor)]
            if missing
        )
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
    order = Order.objects.select_for_update().select_related("organization").get(pk=order.pk)
    if order.status != Order.Status.SUBMITTED:
        raise ValidationError(
            f"Подписать можно только приказ, поданный на подпись (сейчас — «{order.get_status_display()}»)."
        )
    problems = approval_blockers(order)
    if problems:
        raise ValidationError(["Приказ нельзя подписать:"] + problems)
    today = timezone.localdate()
    order.seq, order.number = _next_number(order, today.year)
    order.year, order.approved_on = today.year, today
    order.frozen = texts.snapshot(order, number=order.number, day=today)
    try:
        order.pdf = render_pdf("documents/order.html", {"o": order.frozen})
    except Exception as error:  # WeasyPrint, fonts, the disk: the signature is undone, the director told why
        logger.exception("The PDF of order %s could not be rendered", order.pk)
        raise ValidationError(
            "Не удалось сформировать PDF приказа, поэтому приказ не подписан и номер не занят. "
            "Попробуйте подписать ещё раз; если ошибка повторится, сообщите администратору платформы."
        ) from error
    order.pdf_sha256 = sha256(order.pdf)
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
    audit(
        organization=order.organization,
        actor=by,
        action="order.approve",
        obj=order,
        number=order.number,
        sha256=order.pdf_sha256,
    )
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


def order_pdf(order) -> bytes:
    """The frozen PDF of a signed order; a draft is rendered live with «ПРОЕКТ» across it."""
    if order.status == Order.Status.APPROVED:
        return bytes(order.pdf)
    return render_pdf("documents/order.html", {"o": texts.snapshot(order), "draft": True})
