"""Consents and letters as documents: 152-ФЗ art. 9 part 4 on paper, art. 10.1 for publication, the right cases,
a blank form for a child without a recorded representative, a withdrawn consent marked, letters by sex."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from accounts.models import ConsentKind
from accounts.services import consents
from conftest import make_person
from mentoring.documents.consents import consent_documents, paper_text, render_consents
from mentoring.documents.letters import letter_signers, render_consent_letters
from mentoring.services import consent_withdraw
from mentoring.tests.test_documents_orders import text_of


def sign_online(subject, *, publication=False):
    """The signer proves who they are with the e-mailed code, then signs by the link."""
    link, token = consents.consent_request(subject=subject, by=None, send_email=False)[0]
    consents.consent_code_verify(link=link, code=consents.consent_code_issue(link=link))
    consents.consent_sign_online(
        token=token,
        signed_name=link.signer.full_name,
        agree=True,
        publication=publication,
        ip=None,
        user_agent="",
    )
    return link.signer


def test_a_girls_consent_names_her_in_the_genitive_as_obuchayushchayasya(world, girl):
    mother = sign_online(girl, publication=True)
    text = text_of(render_consents(girl))
    assert (
        "Я, Фёдорова Наталья Викторовна, являясь матерью и законным представителем несовершеннолетней Фёдоровой "
        "Дарьи Алексеевны, 12.09.2012 года рождения, обучающейся 7Б класса, даю согласие на участие моей дочери"
        in text
    )
    assert "ребёнок станет наставником" in text and "стану" not in text
    assert "статьёй 10.1 Федерального закона" in text and "Условия и запреты" in text
    assert "официальный сайт оператора" in text and "Специальные категории и биометрические" in text
    assert f"Подписано онлайн: {mother.full_name}" in text


def test_the_paper_form_has_the_fill_in_lines_of_article_9_part_4(world):
    child = world.persons["child"]
    text = paper_text(
        ConsentKind.PERSONAL_DATA, subject=child, signer=world.persons["parent"], day=date(2026, 9, 1)
    )
    for line in (
        "[[адрес места жительства]]",
        "[[свидетельство о рождении или паспорт: серия, номер, кем и когда выдан]]",
        "[[паспорт: серия, номер, кем и когда выдан]]",
        "документ, подтверждающий полномочия законного представителя",
    ):
        assert line in text
    assert "Сведения о субъекте персональных данных (Сидоров Павел Игоревич)" in text
    assert "Сведения о законном представителе (Сидорова Елена Андреевна)" in text
    assert "Оператор: Муниципальное бюджетное общеобразовательное учреждение" in text
    pdf_text = text_of(render_consents(child))
    assert "(адрес места жительства)" in pdf_text and "[[" not in pdf_text and "(подпись)" in pdf_text


def test_a_minor_without_a_representative_gets_a_form_with_blank_lines(world):
    orphan = world.persons["stranger_child"]
    documents = consent_documents(orphan)
    assert len(documents) == 3 and all(d["consent"] is None for d in documents)
    text = text_of(render_consents(orphan))
    assert (
        "Я, (фамилия, имя, отчество полностью), являясь законным представителем несовершеннолетнего Кузнецова Артёма"
        in text
    )
    assert "Сведения о законном представителе:" in text


def test_a_withdrawn_consent_prints_as_withdrawn_with_the_date(world, girl):
    sign_online(girl)
    consent_withdraw(subject=girl, kinds=[ConsentKind.PARTICIPATION], by=world.users["coordinator"])
    text = text_of(render_consents(girl))
    assert f"СОГЛАСИЕ ОТОЗВАНО {timezone.localdate():%d.%m.%Y}: с этой даты оно не действует" in text
    assert text.count("СОГЛАСИЕ ОТОЗВАНО") == 1  # the personal-data consent is still in force


def test_letters_greet_by_sex_with_a_capital_vy_and_skip_a_parent_who_withdrew(world, girl):
    teacher = make_person(
        world.school, "Орехов", "Денис", "Павлович", sex="M", position="учитель физкультуры"
    )
    links, _ = consents.consent_request_many(
        subjects=[girl, teacher], by=world.users["coordinator"], send_email=False
    )
    text = text_of(render_consent_letters(links, world.school))
    assert "Уважаемая Наталья Викторовна!" in text and "Уважаемый Денис Павлович!" in text
    assert "Приглашаем Фёдорову Дарью Алексеевну, обучающуюся 7Б класса, принять участие" in text
    assert "только с Вашего согласия" in text and "Приглашаем Вас принять участие" in text
    assert "попросите бланк у классного руководителя" in text and "бланк можно взять у координатора" in text
    assert "Фёдоровой Наталье Викторовне" in text  # the addressee
    assert (
        "С уважением" in text
        and "В.П. Терешкова" in text
        and timezone.localdate().strftime("%d.%m.%Y") in text
    )
    assert "вас" not in text.replace("Вас", "")
    # A mother who withdrew her consent is not pressed by letter.
    sign_online(girl)
    consent_withdraw(subject=girl, kinds=[ConsentKind.PARTICIPATION, ConsentKind.PERSONAL_DATA], by=None)
    assert letter_signers(girl) == [] and letter_signers(teacher) == [teacher]


def test_the_letters_view_serves_the_letters(world, client, girl):
    from mentoring.models import MenteeProfile

    MenteeProfile.objects.create(organization=world.school, person=girl, entered_on=date(2025, 9, 1))
    response = world.client(client, "coordinator").post(reverse("mentoring:consent.letters"), {})
    assert response["Content-Type"] == "application/pdf"
    assert "Уважаемая Наталья Викторовна!" in text_of(response.content)
