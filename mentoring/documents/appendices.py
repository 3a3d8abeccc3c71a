"""Appendices that an order approves and that live elsewhere: named providers `(order) -> html or None`.

An order's appendix is either literal data kept on the order (the pairs table) or {"title", "provider": key}:
the provider renders the current content as HTML for the PDF (the draft live, the signed order frozen into its
snapshot), or returns None while there is nothing to approve — then the order cannot be submitted or signed
(«Приложение № 3 … не заполнено»). Providers are registered by key; this module registers the ones mentoring
owns («regulation», «programme», «mentor_school»), and a later app registers its own in its AppConfig.ready,
e.g. the roadmap app:

    from mentoring.documents import appendices
    appendices.register("roadmap", roadmap_appendix_html,
                        missing="дорожная карта на этот учебный год ещё не составлена")

Until «roadmap» is registered, the target-model order lists its roadmap appendix as missing."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

ROADMAP = "roadmap"


@dataclass(frozen=True)
class Provider:
    key: str
    render: Callable  # (order) -> str (trusted HTML) | None
    missing: str  # why it is empty, in Russian, after «Приложение № N «…»: »


_providers: dict[str, Provider] = {}
NOT_CONNECTED = {
    ROADMAP: "дорожная карта ещё не подключена к приказу: её составляют в разделе «Дорожная карта», "
    "после чего она становится приложением автоматически",
}


def register(key: str, render: Callable, *, missing: str) -> None:
    _providers[key] = Provider(key=key, render=render, missing=missing)


def unregister(key: str) -> None:
    _providers.pop(key, None)


def is_registered(key: str) -> bool:
    return key in _providers


def resolve(order, appendix: dict) -> tuple[str | None, str]:
    """(HTML or None, the reason when None) for one appendix entry that names a provider."""
    provider = _providers.get(appendix["provider"])
    if provider is None:
        return None, NOT_CONNECTED.get(appendix["provider"], "нет данных для приложения")
    html = provider.render(order)
    return (html, "") if html and html.strip() else (None, provider.missing)


def has_content(order, appendix: dict) -> tuple[bool, str]:
    if appendix.get("provider"):
        html, why = resolve(order, appendix)
        return html is not None, why
    if appendix.get("rows") or (appendix.get("text") or "").strip():
        return True, ""
    return False, "приложение пустое"


def missing_appendices(order) -> list[str]:
    """One sentence per appendix without content, naming it by number and title."""
    problems = []
    for number, appendix in enumerate(order.appendices, 1):
        ok, why = has_content(order, appendix)
        if not ok:
            problems.append(f"Приложение № {number} «{appendix['title']}»: {why}.")
    return problems


def frozen(order) -> list[dict]:
    """The appendices as the PDF shows them: providers rendered to HTML now (for a signature, frozen)."""
    result = []
    for appendix in order.appendices:
        if appendix.get("provider"):
            html, why = resolve(order, appendix)
            result.append({"title": appendix["title"], "html": html or "", "missing": "" if html else why})
        else:
            result.append(dict(appendix))
    return result


# --- The providers mentoring owns ---------------------------------------------------------------------


def regulation_html(order) -> str | None:
    from mentoring.documents.regulation import current_regulation, regulation_blocks

    version = current_regulation(order.organization)
    if version is None:
        return None
    return render_to_string(
        "documents/appendices/regulation.html",
        {"version": version, "blocks": regulation_blocks(version.text)},
    )


def programme_html(order) -> str | None:
    from mentoring.documents.programme import programme_context

    programme = order.programme
    if programme is None or not programme.forms.exists():
        return None
    return render_to_string("documents/appendices/programme.html", programme_context(programme))


def mentor_school_html(order) -> str | None:
    from mentoring.documents.programme import mentor_school_context

    programme = order.programme
    if programme is None or not programme.mentor_school_sessions.exists():
        return None
    return render_to_string("documents/appendices/mentor_school.html", mentor_school_context(programme))


register(
    "regulation",
    regulation_html,
    missing="Положение о наставничестве не сохранено: откройте «Программа» → «Положение о наставничестве», "
    "проверьте текст и сохраните его",
)
register("programme", programme_html, missing="в программе наставничества не выбраны формы наставничества")
register(
    "mentor_school",
    mentor_school_html,
    missing="нет ни одного занятия: составьте график на странице «Школа наставников» программы",
)
