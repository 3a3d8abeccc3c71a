"""The monitoring dashboard, the SWOT and the analytical report in the permission grid (accounts.testing.grid).
The dashboard has no object: each school's staff sees their own. The SWOT and the report are of a programme:
another school's programme is a 404."""

from accounts.testing.grid import expect, get, post
from mentoring.models import Programme

DASHBOARD = {"coordinator": 200, "curator": 200, "director": 200, "other_coordinator": 200}
OWN_EDIT = {"coordinator": 200, "other_coordinator": 404}
FOREIGN_EDIT = {"coordinator": 404, "other_coordinator": 200}
OWN_REPORT = {"coordinator": 200, "director": 200, "other_coordinator": 404}
FOREIGN_REPORT = {"coordinator": 404, "director": 404, "other_coordinator": 200}


def own(w):
    return [w.o.programme.pk]


def foreign(w):
    return [Programme.objects.filter(organization=w.other).values_list("pk", flat=True).first()]


ROWS = [
    get("monitoring:dashboard", table=expect(403, **DASHBOARD)),
    get("monitoring:swot.edit", own, expect(403, **OWN_EDIT)),
    get("monitoring:swot.edit", foreign, expect(403, **FOREIGN_EDIT), note="another school's"),
    post("monitoring:swot.prefill", own, expect(403, coordinator=302, other_coordinator=404)),
    get("monitoring:report.pdf", own, expect(403, **OWN_REPORT)),
    get("monitoring:report.pdf", foreign, expect(403, **FOREIGN_REPORT), note="another school's"),
    get("monitoring:report.xlsx", own, expect(403, **OWN_REPORT)),
    get("monitoring:report.xlsx", foreign, expect(403, **FOREIGN_REPORT), note="another school's"),
]
