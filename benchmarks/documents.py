"""How long the director waits when signing, and how much the document machinery adds to WeasyPrint (issues #4,
#13). Not a test: run it by hand,

    .venv/bin/python benchmarks/documents.py

(0) the director signs the 200-pair order: order_approve (numbering, the frozen snapshot, 200 pairs approved,
    the audit) — the PDF is not rendered in it any more but right after the commit, in the background; then that
    background render of the frozen snapshot;
(a) the pairs order with a 200-pair appendix, rendered as order_approve renders it (texts.snapshot +
    render_pdf: the snapshot queries, the Django template, the declined names, WeasyPrint), against WeasyPrint
    alone on the same HTML string;
(b) a pack of 100 individual plans of ~10 rows each built by the pack builder (queries, templates, WeasyPrint
    per plan, progress saved after every plan, the merge into one PDF, the file), against WeasyPrint alone on
    the same 100 HTML strings.
Each is measured 3 times, in turns with its WeasyPrint-only twin, and the medians are printed. The data live in a temporary SQLite database, migrated
here and filled through the services, as a school would fill it."""

import statistics
import time
from datetime import date

from bench_setup import temporary_django  # noqa: E402

TMP = temporary_django("bench-documents-")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from weasyprint import HTML  # noqa: E402

from accounts.models import Membership, Organization, Person, Role, User  # noqa: E402
from mentoring import services  # noqa: E402
from mentoring.demo.names import SUBJECTS, demo_name  # noqa: E402
from mentoring.documents import orders as texts  # noqa: E402
from mentoring.documents.packs import build_pack  # noqa: E402
from mentoring.documents.plan import TEMPLATE as PLAN_TEMPLATE  # noqa: E402
from mentoring.documents.plan import plan_context, plans_for_documents  # noqa: E402
from mentoring.documents.render import render_html, render_pdf  # noqa: E402
from mentoring.management.commands.render_samples import give_consents  # noqa: E402
from mentoring.models import (  # noqa: E402
    DocumentPack,
    IndividualPlan,
    MenteeProfile,
    MentoringForm,
    MentorProfile,
    PlanItem,
    Programme,
)
from mentoring.services.orders import render_frozen  # noqa: E402

PAIRS, PLANS, ROWS, REPEAT = 200, 100, 10, 3
START, END = date(2025, 10, 1), date(2026, 5, 29)


def person(school, index, sex, **fields) -> Person:
    last, first, middle = demo_name(index, sex)
    return Person.objects.create(
        organization=school,
        last_name=last,
        first_name=first,
        middle_name=middle,
        sex=sex,
        kind=Person.Kind.STAFF,
        **fields,
    )


def user(username, school, role, who: Person) -> User:
    login = User.objects.create_user(username=username, first_name=who.first_name, last_name=who.last_name)
    who.user = login
    who.save(update_fields=["user"])
    Membership.objects.create(user=login, organization=school, role=role)
    return login


def build_data():
    """200 agreed pairs of «Учитель – учитель» with consents, their pairs order submitted, 100 plans of 10 rows."""
    school = Organization.objects.create(
        full_name="Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
        short_name="МБОУ «СОШ № 1»",
        city="г. Энск",
        director_name="Терешкова Валентина Петровна",
    )
    coordinator = user(
        "coordinator", school, Role.COORDINATOR, person(school, 0, "F", position="зам. директора")
    )
    form = MentoringForm.objects.get(code="teacher_teacher")
    programme = services.programme_save(
        programme=Programme(
            organization=school, year=2025, start_date=date(2025, 9, 1), end_date=date(2026, 6, 30)
        ),
        forms=[form],
        directions=[],
        by=coordinator,
    )
    pairs = []
    for i in range(PAIRS):
        mentor = person(school, 2 * i, "F" if i % 3 else "M", position=SUBJECTS[i % len(SUBJECTS)])
        mentee = person(
            school,
            2 * i + 1,
            "M" if i % 2 else "F",
            position=SUBJECTS[(i + 5) % len(SUBJECTS)],
            birth_date=date(2000, 1, 1),
        )
        services.mentor_profile_save(
            profile=MentorProfile(organization=school, person=mentor, entered_on=START), by=coordinator
        )
        services.mentee_profile_save(
            profile=MenteeProfile(
                organization=school,
                person=mentee,
                entered_on=START,
                main_request="адаптация молодого специалиста",
            ),
            by=coordinator,
        )
        give_consents([mentor, mentee], by=coordinator)
        pair = services.pair_create(
            programme=programme,
            form=form,
            mentor=mentor,
            mentees=[mentee],
            start_date=START,
            end_date=END,
            by=coordinator,
        )
        for who in (mentor, mentee):
            services.pair_record_agreement(pair=pair, person=who, by=coordinator)
        pair.refresh_from_db()
        pairs.append(pair)
    order = services.order_draft_pairs(programme=programme, pairs=pairs, by=coordinator)
    services.order_submit(order=order, by=coordinator)
    for pair in pairs[:PLANS]:
        plan = services.plan_save(
            plan=IndividualPlan(
                pair=pair,
                mentee=pair.mentees.get(),
                start_date=START,
                end_date=END,
                goal="Адаптация в коллективе, освоение методики урока",
                recommendations="Посещать уроки коллег.",
                methodical_help="Разбор конспектов уроков, подборка методической литературы.",
            ),
            by=coordinator,
        )
        for row in range(ROWS):
            services.plan_item_save(
                item=PlanItem(
                    plan=plan,
                    activity=f"Мероприятие {row + 1}: посещение и анализ урока",
                    content="Посещение урока наставника, анализ по схеме, обсуждение",
                    period="октябрь – ноябрь 2025",
                    responsible="Наставник, наставляемый",
                    is_done=row < 4,
                    done_on=date(2025, 11, 1) if row < 4 else None,
                ),
                by=coordinator,
            )
    return school, programme, order, coordinator


def seconds(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def compare(app, plain) -> tuple[float, float]:
    """Medians of REPEAT rounds; the two run in turns, so a busy moment of the machine hits both alike."""
    rounds = [(seconds(app), seconds(plain)) for _ in range(REPEAT)]
    return statistics.median(a for a, _ in rounds), statistics.median(p for _, p in rounds)


def weasyprint_alone(html: str) -> bytes:
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    school, programme, order, coordinator = build_data()
    print(
        f"Данные: {PAIRS} пар, {PLANS} планов по {ROWS} строк — {time.perf_counter() - started:.1f} с "
        f"(SQLite во временной папке {TMP})\n"
    )
    day = date.today()

    def order_path() -> bytes:  # what order_approve does to render (inside its transaction)
        return render_pdf("documents/order.html", {"o": texts.snapshot(order, number="1", day=day)})

    order_html = render_html("documents/order.html", {"o": texts.snapshot(order, number="1", day=day)})
    director = user("director", school, Role.DIRECTOR, person(school, 9999, "F", position="директор"))

    def sign_once() -> float:
        """order_approve as the director's request runs it; rolled back so that each round signs anew."""
        with transaction.atomic():
            took = seconds(lambda: services.order_approve(order=order, by=director))
            transaction.set_rollback(True)
        return took

    signing = statistics.median(sign_once() for _ in range(REPEAT))
    frozen = texts.snapshot(order, number="1", day=day)
    background = statistics.median(seconds(lambda: render_frozen(frozen)) for _ in range(REPEAT))
    print(
        f"Подпись приказа о {PAIRS} парах (order_approve, ответ директору): {signing:.2f} с — цель меньше 1 с"
    )
    print(f"PDF этого приказа из замороженных данных, в фоне после подписи: {background:.2f} с\n")
    plans = list(plans_for_documents(IndividualPlan.objects.filter(pair__programme=programme)))
    plan_htmls = [render_html(PLAN_TEMPLATE, plan_context(plan)) for plan in plans]

    def pack_path() -> None:
        pack = DocumentPack.objects.create(
            organization=school,
            programme=programme,
            kind=DocumentPack.Kind.PLANS,
            format=DocumentPack.Format.PDF,
            created_by=coordinator,
            include_drafts=True,  # the plans here are drafts: a pack holds them only when asked
        )
        assert build_pack(pack.pk).status == DocumentPack.Status.DONE

    rows = [
        (
            f"Приказ о парах, приложение {PAIRS} пар",
            *compare(order_path, lambda: weasyprint_alone(order_html)),
        ),
        (
            f"Пакет из {PLANS} планов (один PDF)",
            *compare(pack_path, lambda: [weasyprint_alone(html) for html in plan_htmls]),
        ),
    ]
    print(f"{'что':<38} {'приложение, с':>14} {'WeasyPrint, с':>14} {'отношение':>10} {'накладные':>10}")
    for name, app, plain in rows:
        print(
            f"{name:<38} {app:>14.2f} {plain:>14.2f} {app / plain:>10.2f} {100 * (app / plain - 1):>9.1f} %"
        )
    print(f"\nМедиана из {REPEAT} замеров. Накладные расходы — цель меньше 15 %.")


if __name__ == "__main__":
    main()
