"""The year's analysis of a programme: the SWOT and the coordinator's conclusions and proposals that go into the
«информационно-аналитическая справка». One record per programme (a programme is one school year)."""

from django.conf import settings
from django.db import models

from mentoring.models import Programme


class Swot(models.Model):
    """Pre-filled from the monitoring's results (monitoring.services.analysis.swot_prefill: strengths are the
    highest-rated items of the satisfaction campaigns, weaknesses the lowest, with their figures), then edited
    by the coordinator."""

    programme = models.OneToOneField(
        Programme, verbose_name="программа", on_delete=models.CASCADE, related_name="swot"
    )
    strengths = models.TextField("сильные стороны (S)", blank=True)
    weaknesses = models.TextField("слабые стороны (W)", blank=True)
    opportunities = models.TextField("возможности (O)", blank=True)
    threats = models.TextField("угрозы (T)", blank=True)
    conclusions = models.TextField(
        "выводы", blank=True, help_text="Войдут в справку в раздел «Выводы»; каждый вывод — с новой строки."
    )
    proposals = models.TextField(
        "предложения",
        blank=True,
        help_text="Войдут в справку в раздел «Предложения»; каждое предложение — с новой строки.",
    )
    prefilled_at = models.DateTimeField("заполнено по итогам опросов", null=True, blank=True, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "SWOT-анализ и выводы программы"
        verbose_name_plural = "SWOT-анализы и выводы программ"

    def __str__(self):
        return f"SWOT: {self.programme}"

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]

    def quadrants(self) -> list[tuple[str, str, list[str]]]:
        return [
            ("S", "Сильные стороны", self.lines(self.strengths)),
            ("W", "Слабые стороны", self.lines(self.weaknesses)),
            ("O", "Возможности", self.lines(self.opportunities)),
            ("T", "Угрозы", self.lines(self.threats)),
        ]
