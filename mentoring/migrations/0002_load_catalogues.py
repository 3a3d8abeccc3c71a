"""Load the catalogues of the target model (forms with role models, directions, categories) from
mentoring.catalogue_data. Rows are matched by code, so editing a text in the admin is kept; the
reverse removes only rows that no pair or profile uses."""

from django.db import migrations
from django.db.models import ProtectedError


def load(apps, schema_editor):
    from mentoring.models import catalogue_data as data

    MentoringForm = apps.get_model("mentoring", "MentoringForm")
    RoleModel = apps.get_model("mentoring", "RoleModel")
    Direction = apps.get_model("mentoring", "Direction")
    MenteeCategory = apps.get_model("mentoring", "MenteeCategory")
    MentorCategory = apps.get_model("mentoring", "MentorCategory")
    for position, item in enumerate(data.MENTORING_FORMS):
        form, _ = MentoringForm.objects.get_or_create(
            code=item["code"],
            defaults={
                "name": item["name"],
                "audience": item["audience"],
                "definition": item.get("definition", ""),
                "goal": item.get("goal", ""),
                "tasks": item.get("tasks", []),
                "expected_results": item.get("expected_results", []),
                "mentor_profile": item.get("mentor_profile", ""),
                "mentee_profile": item.get("mentee_profile", ""),
                "source": item.get("source", "")[:200],
                "position": position,
            },
        )
        for role in item.get("role_models", []):
            RoleModel.objects.get_or_create(
                form=form, code=role["code"], defaults={"name": role["name"], "description": role.get("description", "")}
            )
    for item in data.DIRECTIONS:
        Direction.objects.get_or_create(
            code=item["code"], defaults={"name": item["name"], "description": item.get("description", "")}
        )
    for item in data.MENTEE_CATEGORIES:
        MenteeCategory.objects.get_or_create(
            code=item["code"],
            defaults={"name": item["name"], "audience": item["audience"], "sensitive": item.get("sensitive", False)},
        )
    for item in data.MENTOR_CATEGORIES:
        MentorCategory.objects.get_or_create(
            code=item["code"], defaults={"name": item["name"], "audience": item["audience"]}
        )


def unload(apps, schema_editor):
    for name in ["RoleModel", "MentoringForm", "Direction", "MenteeCategory", "MentorCategory"]:
        model = apps.get_model("mentoring", name)
        for row in model.objects.all():
            try:
                row.delete()
            except ProtectedError:  # in use by a pair or a profile
                pass


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0001_core")]
    operations = [migrations.RunPython(load, unload)]
