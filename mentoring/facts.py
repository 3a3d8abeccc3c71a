"""Named facts of a programme's year that the roadmap asks about («has this happened?») without importing the
app that knows the answer. mentoring registers its facts (orders signed, bases formed, plans approved…);
monitoring registers its own (a campaign closed…) in AppConfig.ready; roadmap only reads the registry.

A fact is a key, a Russian label and a function `(programme) -> Evidence | None`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Evidence:
    """What shows that a fact happened: when, in words, and where to see it (a URL, optional)."""

    on: date | None
    text: str
    url: str = ""


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    check: Callable  # (programme) -> Evidence | None


_FACTS: dict[str, Fact] = {}


def register(key: str, label: str):
    """Decorator: `@register("pairs_order_signed", "Подписан приказ об утверждении наставнических пар")`."""

    def decorator(check):
        if key in _FACTS and _FACTS[key].check is not check:
            raise ValueError(f"The fact {key!r} is registered twice.")
        _FACTS[key] = Fact(key, label, check)
        return check

    return decorator


def get(key: str) -> Fact | None:
    return _FACTS.get(key)


def all_facts() -> list[Fact]:
    return sorted(_FACTS.values(), key=lambda fact: fact.label)


def evidence(key: str, programme) -> Evidence | None:
    fact = _FACTS.get(key)
    return fact.check(programme) if fact is not None else None
