"""The audit journal (issue 9, item 9): append-only everywhere — the admin offers no add, change or delete, not
even in bulk, and the ORM refuses — and sign-ins, failed sign-ins and password changes are recorded."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import AppendOnlyError, AuditEntry, User
from accounts.services import audit
from conftest import PASSWORD


@pytest.fixture
def entry(world):
    return audit(organization=world.school, actor=world.users["coordinator"], action="test.entry")


@pytest.fixture
def operator(client):
    user = User.objects.create_superuser("operator", "op@example.com", "x")
    client.force_login(user)
    return client


def test_the_admin_cannot_add_change_or_delete_entries(world, operator, entry):
    assert operator.get(reverse("admin:accounts_auditentry_add")).status_code == 403
    assert (
        operator.post(
            reverse("admin:accounts_auditentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    response = operator.post(
        reverse("admin:accounts_auditentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    page = operator.get(reverse("admin:accounts_auditentry_change", args=[entry.pk])).content.decode()
    assert 'name="action"' not in page  # read-only
    changelist = operator.get(reverse("admin:accounts_auditentry_changelist")).content.decode()
    assert "delete_selected" not in changelist
    assert AuditEntry.objects.filter(pk=entry.pk, action="test.entry").exists()


def test_the_orm_refuses_to_change_or_delete_entries(entry):
    entry.action = "forged"
    for attempt in (
        entry.save,
        entry.delete,
        lambda: AuditEntry.objects.filter(pk=entry.pk).update(action="forged"),
        lambda: AuditEntry.objects.filter(pk=entry.pk).delete(),
        lambda: AuditEntry._base_manager.filter(pk=entry.pk).delete(),
    ):
        with pytest.raises(AppendOnlyError):
            attempt()
    assert AuditEntry.objects.get(pk=entry.pk).action == "test.entry"


def test_sign_ins_and_failed_sign_ins_are_recorded(world, client):
    client.post(
        reverse("accounts:login"), {"username": "mentor", "password": "wrong"}, REMOTE_ADDR="192.0.2.7"
    )
    failed = AuditEntry.objects.get(action="auth.login_failed")
    assert failed.data["username"] == "mentor" and failed.data["ip"] == "192.0.2.7"
    assert "wrong" not in str(failed.data)
    client.post(reverse("accounts:login"), {"username": "mentor", "password": PASSWORD})
    login = AuditEntry.objects.get(action="auth.login")
    assert login.actor == world.users["mentor"] and login.organization == world.school


def test_password_changes_and_resets_are_recorded(world, client):
    world.client(client, "mentor").post(
        reverse("accounts:password.change"),
        {"old_password": PASSWORD, "new_password1": "Brand-new-987", "new_password2": "Brand-new-987"},
    )
    assert AuditEntry.objects.filter(action="auth.password_change", actor=world.users["mentor"]).exists()
    client.logout()
    user = world.users["curator"]
    confirm = reverse(
        "accounts:password.reset.confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    form_url = client.get(confirm)["Location"]
    client.post(form_url, {"new_password1": "Brand-new-987", "new_password2": "Brand-new-987"})
    assert AuditEntry.objects.filter(action="auth.password_reset", actor=user).exists()
