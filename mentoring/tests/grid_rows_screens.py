"""Issue 15's screens in the permission grid: remembering a base table's columns is open to whoever may read
the bases (each user saves their own view; nothing of the organisation changes)."""

from accounts.testing.grid import expect, post

SAVED = {"coordinator": 302, "curator": 302, "director": 302, "other_coordinator": 302}

ROWS = [
    post(
        "mentoring:base.view",
        lambda w: ["mentors"],
        expect(403, **SAVED),
        data=lambda w: {"columns": ["contacts"], "compact": "1"},
    ),
]
