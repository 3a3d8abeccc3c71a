from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"
    verbose_name = "Мониторинг"

    def ready(self):
        from accounts.rules import NAV_RULES

        from .facts import register_facts
        from .rules import NAV_RULES as MONITORING_RULES

        NAV_RULES.update(MONITORING_RULES)
        register_facts()
