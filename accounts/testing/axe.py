"""The accessibility gate of the browser tests: axe-core (vendored in static/vendor/axe-core) run inside a
Playwright page against the WCAG 2.0/2.1 A and AA rules (ГОСТ Р 52872-2019 follows WCAG 2.1 AA).

`assert_accessible(page)` fails with the rule id, its help text and the selectors of every violating element;
`sideways_overflow(page)` measures reflow (WCAG 1.4.10) at the page's current width.
"""

from urllib.parse import urljoin

from django.conf import settings

AXE_JS = "vendor/axe-core/axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")),
    summaries: [...new Set(v.nodes.map(n => n.failureSummary))].slice(0, 5),
  }));
}"""


def axe_violations(page) -> list[dict]:
    """The WCAG A/AA violations of the page as it is now (axe is injected once per document). Motion is
    reduced first, as a user may ask: axe measures colours, and a button caught halfway through Bootstrap's
    hover transition has neither its resting nor its hover colour."""
    page.emulate_media(reduced_motion="reduce")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # From the app's own static files: the browser caches the compiled script across pages.
        page.add_script_tag(url=urljoin(page.url, settings.STATIC_URL + AXE_JS))
    return page.evaluate(_RUN, WCAG_AA)


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {target}" for target in v["targets"][:20])
        if len(v["targets"]) > 20:
            lines.append(f"    … and {len(v['targets']) - 20} more")
        for summary in v["summaries"]:
            lines.append("    " + summary.replace("\n", "\n    "))
    return "\n".join(lines)


def assert_accessible(page, where: str = "") -> None:
    violations = axe_violations(page)
    assert not violations, f"WCAG 2.1 A/AA violations on {where or page.url}:\n{describe(violations)}"


def sideways_overflow(page) -> int:
    """How many CSS pixels the document is wider than the viewport (0: no sideways scrolling)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
