"""Where the matching learns what the bases do not hold, without importing the app that knows it.

An upper app (monitoring: the intake questionnaires and the preference questionnaire after the group meeting)
registers a source in its AppConfig.ready:

    from mentoring import matching_sources
    matching_sources.register(
        "monitoring.preferences",
        label="Анкета предпочтений после общей встречи",
        preferences=lambda programme: {mentee_person_id: [mentor_person_id, ...]},  # best first
        intake=lambda programme: {person_id: "answers about competencies or the request"},
    )

Both callables are optional. The matching (mentoring.matching) reads the merged answers for a programme.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    preferences: Callable | None = None  # (programme) -> {mentee_person_id: [mentor_person_id, ...]}
    intake: Callable | None = None  # (programme) -> {person_id: str}


_SOURCES: dict[str, Source] = {}


def register(
    key: str, *, label: str, preferences: Callable | None = None, intake: Callable | None = None
) -> None:
    _SOURCES[key] = Source(key, label, preferences, intake)


def unregister(key: str) -> None:
    _SOURCES.pop(key, None)


def sources() -> list[Source]:
    return list(_SOURCES.values())


def preferences(programme) -> dict[int, list[int]]:
    """Each mentee's chosen mentors, best first; several sources are merged in the order registered."""
    merged: dict[int, list[int]] = {}
    for source in _SOURCES.values():
        if source.preferences is None:
            continue
        for mentee_id, mentor_ids in (source.preferences(programme) or {}).items():
            chosen = merged.setdefault(int(mentee_id), [])
            chosen.extend(int(m) for m in mentor_ids if int(m) not in chosen)
    return merged


def intake(programme) -> dict[int, str]:
    """What intake questionnaires say about each person (competencies, requests), joined."""
    merged: dict[int, list[str]] = {}
    for source in _SOURCES.values():
        if source.intake is None:
            continue
        for person_id, text in (source.intake(programme) or {}).items():
            if text:
                merged.setdefault(int(person_id), []).append(str(text))
    return {person_id: "\n".join(texts) for person_id, texts in merged.items()}
