import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

APPS = ["accounts", "mentoring"]
INTERNAL = {"OrderCounter", "ReminderLog"}  # bookkeeping rows nobody edits by hand


def test_every_model_is_in_the_admin():
    inlines = {
        inline.model for model_admin in admin.site._registry.values() for inline in model_admin.inlines
    }
    missing = [
        m.__name__
        for a in APPS
        for m in apps.get_app_config(a).get_models()
        if m.__name__ not in INTERNAL and not admin.site.is_registered(m) and m not in inlines
    ]
    assert missing == []


@pytest.mark.parametrize(
    "model",
    [m for a in APPS for m in apps.get_app_config(a).get_models() if admin.site.is_registered(m)],
    ids=lambda m: m.__name__,
)
def test_changelists_search_and_filter(world, client, model, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.com", "x")
    client.force_login(root)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = client.get(url, {"q": "Иван"})
    assert response.status_code == 200
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields, f"{model.__name__} has no search"
