from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = "Мониторинг"

    def ready(self):
        from accounts.rules import NAV_RULES
        from mentoring import matching_sources

        from .facts import register_facts
        from .rules import NAV_RULES as MONITORING_RULES
        from .selectors.preferences import preferences_for

        NAV_RULES.update(MONITORING_RULES)
        register_facts()
        # The matching of pairs reads the choices stated after the group meeting (mentoring does not import us).
        matching_sources.register(
            "monitoring.preferences",
            label="Анкета предпочтений после общей встречи",
            preferences=preferences_for,
        )
