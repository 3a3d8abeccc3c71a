"""Panels of the home page that the apps above mentoring add without mentoring importing them: the roadmap
registers «Дорожная карта: что сейчас» in its AppConfig.ready. A panel is a template and a function of the
actor and the day that returns the template's context, or None when it has nothing to show this actor."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable  # (actor, today) -> dict | None


_PANELS: dict[str, Panel] = {}


def register(key: str, template: str, context: Callable) -> None:
    _PANELS[key] = Panel(key, template, context)


def panels_for(actor, today) -> list[dict]:
    """[{"template": …, "context": …}] of every registered panel that has something for the actor."""
    shown = []
    for panel in _PANELS.values():
        context = panel.context(actor, today)
        if context is not None:
            shown.append({"key": panel.key, "template": panel.template, "context": context})
    return shown
