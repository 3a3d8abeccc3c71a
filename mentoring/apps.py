from django.apps import AppConfig


class MentoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "mentoring"
    verbose_name = "Наставничество"

    def ready(self):
        from accounts.rules import NAV_RULES

        from .rules import NAV_RULES as MENTORING_RULES

        NAV_RULES.update(MENTORING_RULES)

        # The facts of a programme's year that mentoring knows, for the roadmap's live status.
        from .selectors import facts  # noqa: F401
