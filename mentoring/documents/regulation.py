"""The school's «Положение о наставничестве»: its current version, the default text it starts from, and the
text split into headings and paragraphs for the PDF (an appendix of the target-model order)."""

import re

from mentoring.models import RegulationVersion
from mentoring.regulation_text import DEFAULT_REGULATION_TEXT, DEFAULT_REGULATION_TITLE

HEADING = re.compile(r"^\d{1,2}\.\s+[А-ЯЁA-Z«»\"„“ ,\-–—()]+$")
POINT = re.compile(r"^(\d{1,2}\.\d{1,2}\.?)\s+(.*)$")


def current_regulation(organization) -> RegulationVersion | None:
    return organization.regulation_versions.order_by("-number").first()


def default_regulation(organization) -> tuple[str, str]:
    """(title, text) a school starts from, with its short name in place."""
    return DEFAULT_REGULATION_TITLE, DEFAULT_REGULATION_TEXT.replace(
        "{organization}", organization.short_name
    )


def regulation_blocks(text: str) -> list[dict]:
    """[{"kind": "heading" | "point" | "line", "number", "text"}]: «1. ОБЩИЕ ПОЛОЖЕНИЯ» is a heading, «1.1. …» a
    numbered point, any other line a paragraph (the lines of a list under a point)."""
    blocks = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if HEADING.match(line):
            number, _, title = line.partition(" ")
            blocks.append({"kind": "heading", "number": number, "text": title.strip()})
        elif match := POINT.match(line):
            blocks.append({"kind": "point", "number": match.group(1), "text": match.group(2)})
        else:
            blocks.append({"kind": "line", "number": "", "text": line})
    return blocks
