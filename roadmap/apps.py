from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "roadmap"
    verbose_name = "Дорожная карта"

    def ready(self):
        from accounts.rules import NAV_RULES
        from mentoring import panels
        from mentoring.documents import appendices

        from .documents import roadmap_appendix_html
        from .rules import NAV_RULES as ROADMAP_RULES
        from .selectors import home_panel

        NAV_RULES.update(ROADMAP_RULES)
        # The home page shows the roadmap's part through mentoring's registry of panels (mentoring does not
        # import roadmap).
        panels.register("roadmap", "roadmap/_home_panel.html", home_panel)
        # The roadmap is appendix № 3 of the order introducing the target model (frozen into it when signed).
        appendices.register(
            appendices.ROADMAP,
            roadmap_appendix_html,
            missing="дорожная карта на этот учебный год ещё не составлена (раздел «Дорожная карта»)",
        )
