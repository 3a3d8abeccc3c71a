"""The one permission grid: every named URL × every role × an object of the own and of another organisation.

Each app lists its rows in `<app>/tests/grid_rows.py` (ROWS, and `build(world)` adding the objects they
need to world.o); mentoring/tests/test_grid.py runs them all against one world built once, and fails when a
named URL has no row. A row is the URL name, its arguments (a function of the world), the method, the data
posted, and the expected status per actor (None: the anonymous visitor).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ["coordinator", "curator", "director", "mentor", "mentee", "parent", "observer", "other_coordinator"]
ALL = [None, *ROLES]
EXCLUDED_NAMESPACES = {
    "admin"
}  # Django's own admin: one row (admin:index) shows it is for the operators only


def expect(default: int, **overrides) -> dict:
    """The status for every actor: `default`, the anonymous visitor sent to sign in, then the exceptions."""
    table = {role: default for role in ROLES}
    table[None] = 302
    table.update({(None if role == "anonymous" else role): status for role, status in overrides.items()})
    return table


@dataclass
class Row:
    name: str
    args: Callable = lambda w: []
    expect: dict = field(default_factory=dict)
    method: str = "get"
    data: Callable = lambda w: {}
    note: str = ""  # what the row's object is, when a URL has several rows

    def cases(self):
        return [(self, role, self.expect[role]) for role in ALL]


def get(name, args=lambda w: [], table=None, **kwargs) -> Row:
    return Row(name, args, table, "get", **kwargs)


def post(name, args=lambda w: [], table=None, data=lambda w: {}, **kwargs) -> Row:
    return Row(name, args, table, "post", data, **kwargs)


def named_urls() -> list[str]:
    """Every named URL of the URL conf, with its namespace (mentoring:pair.detail), the admin's aside."""

    def walk(resolver, namespaces):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in EXCLUDED_NAMESPACES:
                    continue
                yield from walk(pattern, namespaces + ([pattern.namespace] if pattern.namespace else []))
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield ":".join([*namespaces, pattern.name])

    return sorted(set(walk(get_resolver(), [])))
