"""The operators' admin lists every monitoring model, with search."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

MODELS = list(apps.get_app_config("monitoring").get_models())


def test_every_monitoring_model_is_in_the_admin():
    inlines = {
        inline.model for model_admin in admin.site._registry.values() for inline in model_admin.inlines
    }
    assert [m.__name__ for m in MODELS if not admin.site.is_registered(m) and m not in inlines] == []


@pytest.mark.parametrize(
    "model", [m for m in MODELS if admin.site.is_registered(m)], ids=lambda m: m.__name__
)
def test_changelists_search(world, client, model, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.com", "x")
    client.force_login(root)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url, {"q": "Иван"}).status_code == 200
    assert admin.site._registry[model].search_fields
