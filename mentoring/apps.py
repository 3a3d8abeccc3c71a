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
        from accounts.personal_data import register_eraser, register_section

        from .selectors import facts  # noqa: F401
        from .selectors.personal_data import mentoring_sections
        from .services.personal_data import erase_mentoring_data

        # A person's data export and anonymisation (152-ФЗ) include what the mentoring core holds.
        register_section(mentoring_sections)
        register_eraser(erase_mentoring_data)
