from django.core import mail
from django.urls import reverse


def test_404_page_is_russian(world, client):
    response = world.client(client, "coordinator").get("/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_403_page_is_russian(world, client):
    response = world.client(client, "mentor").get(reverse("accounts:person.list"))
    assert response.status_code == 403
    assert "Доступ запрещён" in response.content.decode()


def test_login_page_and_sign_in(world, client):
    page = client.get(reverse("accounts:login"))
    assert "Вход" in page.content.decode()
    response = client.post(reverse("accounts:login"), {"username": "mentor", "password": "wrong"})
    assert "Пожалуйста, введите правильные имя пользователя и пароль" in response.content.decode()
    response = client.post(reverse("accounts:login"), {"username": "mentor", "password": "Test-pass-12345"})
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_password_reset_sends_a_russian_email_through_the_outbox(
    world, client, django_capture_on_commit_callbacks
):
    from post_office.models import Email

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password.reset"), {"email": "mentor@example.com"})
    assert Email.objects.get().status == 0  # post_office's STATUS.sent
    assert len(mail.outbox) == 1
    assert "Восстановление пароля" in mail.outbox[0].subject
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_organization_switcher_changes_the_current_school(world, client):
    from accounts.models import Membership, Role

    user = world.users["coordinator"]
    Membership.objects.create(user=user, organization=world.other, role=Role.OBSERVER)
    client.force_login(user)
    assert "Гимназия № 2" in client.get(reverse("home")).content.decode()  # the switcher lists both
    client.post(reverse("accounts:organization.switch"), {"organization": world.other.pk})
    assert client.get(reverse("accounts:person.list")).status_code == 403  # an observer there
    # a school the user is not a member of cannot be switched to
    stranger = world.other.__class__.objects.create(full_name="Чужая школа", short_name="Чужая")
    assert (
        client.post(reverse("accounts:organization.switch"), {"organization": stranger.pk}).status_code == 404
    )


def test_coordinator_adds_a_student_with_validation(world, client):
    client = world.client(client, "coordinator")
    response = client.post(
        reverse("accounts:person.create"),
        {"last_name": "Новиков", "first_name": "Илья", "sex": "M", "kind": "student", "group": ""},
    )
    assert "Укажите класс" in response.content.decode()
    assert not world.school.persons.filter(last_name="Новиков").exists()
    response = client.post(
        reverse("accounts:person.create"),
        {"last_name": "Новиков", "first_name": "Илья", "sex": "M", "kind": "student", "group": "8 а"},
    )
    person = world.school.persons.get(last_name="Новиков")
    assert person.group == "8А"
    assert response["Location"] == reverse("accounts:person.detail", args=[person.pk])


def test_guardian_of_another_family_cannot_be_added_twice(world, client):
    client = world.client(client, "coordinator")
    child, parent = world.persons["child"], world.persons["parent"]
    response = client.post(
        reverse("accounts:guardianship.add", args=[child.pk]), {"guardian": parent.pk, "relation": "mother"}
    )
    assert "уже указан" in response.content.decode()
    assert child.guardianships.count() == 1


def test_organization_form_rejects_a_bad_inn(world, client):
    client = world.client(client, "director")
    data = {
        "full_name": "Полное",
        "short_name": "Краткое",
        "kind": "school",
        "director_position": "Директор",
        "inn": "12345",
        "ogrn": "",
    }
    response = client.post(reverse("accounts:organization.update"), data)
    assert "ИНН состоит из 10 цифр" in response.content.decode()
    world.school.refresh_from_db()
    assert world.school.short_name == "МБОУ «СОШ № 1»"


def test_500_page_is_russian_and_needs_no_database(rf):
    from mentoring.views.errors import error_500

    response = error_500(rf.get("/"))
    assert response.status_code == 500
    assert "Произошла ошибка на сервере" in response.content.decode()
