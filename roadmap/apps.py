from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "roadmap"
    verbose_name = "Дорожная карта"

    def ready(self):
        from accounts.rules import NAV_RULES
        from mentoring import panels

        from .rules import NAV_RULES as ROADMAP_RULES
        from .selectors import home_panel

        NAV_RULES.update(ROADMAP_RULES)
        # The home page shows the roadmap's part through mentoring's registry of panels (mentoring does not
        # import roadmap).
        panels.register("roadmap", "roadmap/_home_panel.html", home_panel)
