"""Campaigns: the audience, the launch with its letters, reminders, printed invitations, closing and freezing,
the daily close, the roadmap facts."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import Guardianship
from conftest import delivered, give_consents, make_person
from mentoring import facts
from monitoring import services
from monitoring.models import Campaign
from monitoring.selectors import audience

from .conftest import answer_all, invitation_of, make_campaign, make_questionnaire

SIMPLE = [("Как дела?", "scale10", {})]


@pytest.fixture
def class_7b(world):
    """Three students of 7Б (with the world's child), one of them with an e-mail of their own; two mothers."""
    child = world.persons["child"]  # 7Б, the parent's child
    world.persons["parent"].email = "mother@example.com"
    world.persons["parent"].save()
    second = make_person(
        world.school, "Орлова", "Вера", "", kind="student", group="7 б", birth_date=date(2012, 3, 3)
    )
    mother = make_person(
        world.school, "Орлова", "Нина", "Ивановна", kind="external", email="orlova@example.com"
    )
    Guardianship.objects.create(guardian=mother, child=second, relation="mother")
    third = make_person(
        world.school, "Яковлев", "Олег", "", sex="M", kind="student", group="7Б", email="oleg@example.com"
    )
    make_person(world.school, "Другой", "Класс", "", kind="student", group="8А")
    return [child, second, third]


def test_a_class_is_everyone_of_the_class_whatever_the_spelling(world, programme, class_7b):
    questionnaire = make_questionnaire(world, SIMPLE, respondent="mentee")
    campaign = make_campaign(world, programme, questionnaire, launch=False, audience="group", group="7б")
    names = [invitee.person.last_name for invitee in audience(campaign)]
    assert sorted(names) == ["Кузнецов", "Орлова", "Сидоров", "Яковлев"]  # the stranger's child is in 7Б too
    assert {invitee.role for invitee in audience(campaign)} == {"mentee"}


def test_launch_invites_the_class_and_mails_the_parents_of_minors(world, programme, class_7b):
    questionnaire = make_questionnaire(world, SIMPLE, respondent="mentee")
    campaign = make_campaign(world, programme, questionnaire, launch=False, audience="group", group="7Б")
    report = services.campaign_launch(campaign=campaign, by=world.users["coordinator"])
    assert (report.invited, report.emailed, report.without_address) == (
        4,
        3,
        1,
    )  # the stranger's child has none
    letters = {tuple(mail.to): mail for mail in delivered()}
    assert set(letters) == {("mother@example.com",), ("orlova@example.com",), ("oleg@example.com",)}
    to_mother = letters[("mother@example.com",)]
    assert "Павел Сидоров" in to_mother.body and "отвечает он сам" in to_mother.body
    invitation = invitation_of(campaign, world.persons["child"])
    assert reverse("monitoring:answer", args=[invitation.link_token()]) in to_mother.body
    assert "Ссылка личная" in letters[("oleg@example.com",)].body
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.OPEN and campaign.launched_at is not None
    assert invitation.expires_at == campaign.links_expire_at
    with pytest.raises(ValidationError, match="уже запущен"):
        services.campaign_launch(campaign=campaign, by=world.users["coordinator"])


def test_the_link_is_stored_only_as_a_hash_and_is_the_same_in_every_letter(world, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    world.persons["mentor"].email = "mentor@example.com"
    world.persons["mentor"].save()
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    invitation = campaign.invitations.get()
    token = invitation.link_token()
    assert token not in str(invitation.__dict__.values()) and len(token) >= 43
    first = delivered()[-1].body
    services.campaign_remind(campaign=campaign, by=world.users["coordinator"])
    reminder = delivered()[-1]
    assert "Напоминание" in reminder.subject and token in reminder.body and token in first
    assert services.invitation_check(token).pk == invitation.pk


def test_reminders_go_to_those_who_have_not_answered_once_a_day(world, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    for key in ("mentor", "mentee"):
        world.persons[key].email = f"{key}@example.com"
        world.persons[key].save()
    campaign = make_campaign(
        world, programme, questionnaire, people=[world.persons["mentor"], world.persons["mentee"]]
    )
    answer_all(invitation_of(campaign, world.persons["mentor"]), {"Как дела?": services.Value(number=8)})
    before = len(delivered())
    assert services.campaign_remind(campaign=campaign, by=world.users["coordinator"]) == 1
    assert [mail.to for mail in delivered()[before:]] == [["mentee@example.com"]]
    assert services.campaign_remind(campaign=campaign, by=world.users["coordinator"]) == 0  # not twice a day
    invitation = invitation_of(campaign, world.persons["mentee"])
    invitation.last_reminded_at = timezone.now() - timedelta(days=1)
    invitation.save()
    assert services.campaign_remind(campaign=campaign, by=world.users["coordinator"]) == 1


def test_printed_invitations_carry_the_link_and_a_qr_code(world, client, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentee"]])  # no e-mail
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("monitoring:campaign.letters", args=[campaign.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    token = campaign.invitations.get().link_token()
    flat = " ".join(text.split())
    assert "«Проверочная анкета»" in flat and "Иван Сергеевич, здравствуйте!" in flat
    assert token in text.replace("\n", "")
    assert campaign.invitations.get().link_token() == token  # printing issues nothing new


def test_anonymous_is_refused_for_questionnaires_that_feed_the_bases(world, programme, standard):
    with pytest.raises(ValidationError) as error:
        make_campaign(
            world, programme, standard["mentor_intake"], launch=False, anonymous=True, audience="mentor_base"
        )
    assert "не бывают анонимными" in str(error.value.message_dict["anonymous"])


def test_audience_rules(world, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    with pytest.raises(ValidationError) as error:
        make_campaign(world, programme, questionnaire, launch=False, audience="group", group=" ")
    assert "group" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_campaign(world, programme, questionnaire, launch=False, people=[])
    assert "people" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_campaign(world, programme, questionnaire, launch=False, people=[world.persons["other_teacher"]])
    assert "вашей организации" in str(error.value)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        make_campaign(
            world,
            programme,
            questionnaire,
            launch=False,
            people=[world.persons["mentor"]],
            closes_on=today - timedelta(days=1),
        )
    assert "closes_on" in error.value.message_dict


def test_pairs_and_forms_ask_the_side_the_questionnaire_is_for(world, programme, active_pair, agreed_pair):
    mentees_only = make_questionnaire(world, SIMPLE, respondent="mentee", title="Для наставляемых")
    campaign = make_campaign(
        world, programme, mentees_only, launch=False, audience="form", form=active_pair.form
    )
    [invitee] = audience(campaign)
    assert (invitee.person, invitee.role, invitee.pair, invitee.form) == (
        world.persons["child"],
        "mentee",
        active_pair,
        active_pair.form,
    )
    both = make_questionnaire(world, SIMPLE, title="Для всех")
    chosen = make_campaign(world, programme, both, launch=False, audience="pairs", pairs=[agreed_pair])
    assert {(i.person.last_name, i.role) for i in audience(chosen)} == {
        ("Иванова", "mentor"),
        ("Петров", "mentee"),
    }


def test_bases_and_curators(world, programme, active_pair):
    questionnaire = make_questionnaire(world, SIMPLE)
    mentors = make_campaign(world, programme, questionnaire, launch=False, audience="mentor_base")
    assert [(i.person, i.role, i.pair) for i in audience(mentors)] == [
        (world.persons["mentor"], "mentor", active_pair)
    ]
    mentees = make_campaign(world, programme, questionnaire, launch=False, audience="mentee_base")
    assert {i.person.last_name for i in audience(mentees)} == {"Петров", "Сидоров", "Кузнецов"}
    curators = make_campaign(world, programme, questionnaire, launch=False, audience="curators")
    assert {(i.person.last_name, i.role) for i in audience(curators)} == {
        ("Зерщикова", "curator"),
        ("Лебедева", "curator"),
    }


def test_a_running_campaign_changes_only_its_name_and_closing_day(world, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    later = campaign.closes_on + timedelta(days=7)
    campaign.closes_on, campaign.anonymous, campaign.title = later, True, "Продлённый опрос"
    services.campaign_save(campaign=campaign, by=world.users["coordinator"])
    campaign.refresh_from_db()
    assert (campaign.title, campaign.closes_on, campaign.anonymous) == ("Продлённый опрос", later, False)
    assert campaign.invitations.get().expires_at == campaign.links_expire_at  # the links follow the new day


def test_closing_freezes_the_results_and_stops_answers(world, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    people = [world.persons["mentor"], world.persons["mentee"]]
    give_consents(*people)
    campaign = make_campaign(world, programme, questionnaire, people=people)
    answer_all(invitation_of(campaign, world.persons["mentor"]), {"Как дела?": services.Value(number=8)})
    campaign = services.campaign_close(campaign=campaign, by=world.users["coordinator"])
    assert campaign.results["respondents"] == 1
    frozen = campaign.results["sections"][0]["questions"][0]
    assert frozen["average"] == 8.0
    late = invitation_of(campaign, world.persons["mentee"])
    with pytest.raises(services.answers.LinkError):
        services.invitation_check(late.link_token())
    with pytest.raises(services.answers.LinkError):
        answer_all(late, {"Как дела?": services.Value(number=1)})
    # What happens to the data afterwards does not change the frozen results.
    from monitoring.models import Answer

    Answer.objects.filter(response__campaign=campaign).update(number=2)
    from monitoring.selectors import results_of

    assert results_of(campaign)["sections"][0]["questions"][0]["average"] == 8.0
    with pytest.raises(ValidationError, match="завершён"):
        services.campaign_save(campaign=campaign, by=world.users["coordinator"])


def test_campaigns_past_their_day_are_closed_daily(world, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    assert services.campaigns_close_due(today=campaign.closes_on) == 0
    assert services.campaigns_close_due(today=campaign.closes_on + timedelta(days=1)) == 1
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED and campaign.results is not None


def test_the_close_command(world, programme):
    from django.core.management import call_command

    questionnaire = make_questionnaire(world, SIMPLE)
    campaign = make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    yesterday = timezone.localdate() - timedelta(days=1)
    Campaign.objects.filter(pk=campaign.pk).update(opens_on=yesterday, closes_on=yesterday)
    call_command("close_campaigns", stdout=open("/dev/null", "w"))
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.CLOSED


def test_closed_campaigns_are_roadmap_facts(world, programme, standard):
    keys = {fact.key for fact in facts.all_facts()}
    assert {
        "campaign_closed:satisfaction",
        "campaign_closed:entry",
        "campaign_closed:exit",
        "campaign_closed:intake",
        "campaign_closed:curator",
    } <= keys
    assert facts.evidence("campaign_closed:intake", programme) is None
    campaign = make_campaign(
        world, programme, standard["mentor_intake"], audience="people", people=[world.persons["mentor"]]
    )
    assert facts.evidence("campaign_closed:intake", programme) is None  # running is not closed
    services.campaign_close(campaign=campaign, by=world.users["coordinator"])
    evidence = facts.evidence("campaign_closed:intake", programme)
    assert evidence.on == timezone.localdate() and "ответили 0 из 1" in evidence.text
    assert evidence.url == reverse("monitoring:campaign.results", args=[campaign.pk])
    assert facts.evidence("campaign_closed:mentor_intake", programme) == evidence
    assert facts.evidence("campaign_closed:satisfaction", programme) is None


def test_the_campaign_page_shows_the_live_response_rate(world, client, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    people = [world.persons["mentor"], world.persons["mentee"]]
    campaign = make_campaign(world, programme, questionnaire, people=people)
    answer_all(invitation_of(campaign, world.persons["mentor"]), {"Как дела?": services.Value(number=8)})
    client.force_login(world.users["coordinator"])
    url = reverse("monitoring:campaign.detail", args=[campaign.pk])
    page = client.get(url).content.decode()
    assert "Ответили <strong>1</strong> из 2" in page and 'hx-trigger="every 15s"' in page
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert partial.strip().startswith('<div id="campaign-progress"') and "50%" in partial


def test_coordinator_prepares_and_launches_a_class_campaign_through_the_pages(
    world, client, programme, class_7b, standard
):
    client.force_login(world.users["coordinator"])
    questionnaire = standard["mentee_intake_students"]
    today = timezone.localdate()
    response = client.post(
        reverse("monitoring:campaign.create"),
        {
            "questionnaire": questionnaire.pk,
            "programme": programme.pk,
            "title": "",
            "audience": "group",
            "group": "7Б",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=7)).isoformat(),
        },
    )
    campaign = world.school.campaigns.get()
    assert response.status_code == 302 and campaign.title == questionnaire.title
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Кого пригласим: 4" in page and "Орлова Вера" in page
    response = client.post(reverse("monitoring:campaign.launch", args=[campaign.pk]), follow=True)
    assert "Опрос запущен: приглашено 4, писем отправлено 3" in response.content.decode()
    bad = client.post(
        reverse("monitoring:campaign.create"),
        {
            "questionnaire": questionnaire.pk,
            "programme": programme.pk,
            "audience": "group",
            "opens_on": today.isoformat(),
            "closes_on": (today - timedelta(days=1)).isoformat(),
        },
    )
    assert "Опрос не может закончиться раньше, чем начнётся." in bad.content.decode()
    no_class = client.post(
        reverse("monitoring:campaign.create"),
        {
            "questionnaire": questionnaire.pk,
            "programme": programme.pk,
            "audience": "group",
            "opens_on": today.isoformat(),
            "closes_on": today.isoformat(),
        },
    )
    assert "Укажите класс" in no_class.content.decode()


def test_campaign_list_queries_do_not_grow(world, client, programme, django_assert_max_num_queries):
    questionnaire = make_questionnaire(world, SIMPLE)
    make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    client.force_login(world.users["coordinator"])
    url = reverse("monitoring:campaign.list")
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    for _ in range(5):
        make_campaign(
            world, programme, questionnaire, people=[world.persons["mentor"], world.persons["mentee"]]
        )
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).content.decode().count("Проверочная анкета") >= 6


def test_a_campaign_still_being_prepared_is_deleted_a_launched_one_is_not(world, client, programme):
    questionnaire = make_questionnaire(world, SIMPLE)
    draft = make_campaign(world, programme, questionnaire, launch=False, people=[world.persons["mentor"]])
    coordinator = world.client(client, "coordinator")
    assert "Удалить опрос" in coordinator.get(draft.get_absolute_url()).content.decode()
    response = coordinator.post(reverse("monitoring:campaign.delete", args=[draft.pk]), follow=True)
    assert f"Опрос «{draft.title}» удалён." in response.content.decode()
    assert not Campaign.objects.filter(pk=draft.pk).exists()

    running = make_campaign(world, programme, questionnaire, people=[world.persons["mentor"]])
    assert "Удалить опрос" not in coordinator.get(running.get_absolute_url()).content.decode()
    response = coordinator.post(reverse("monitoring:campaign.delete", args=[running.pk]), follow=True)
    assert "Его можно завершить, но не удалить" in response.content.decode()
    assert Campaign.objects.filter(pk=running.pk).exists() and running.invitations.exists()
