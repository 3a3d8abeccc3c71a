"""Charts of the analytical report as vector SVG, drawn by pygal from the same tables the report prints
(monitoring.selectors.dashboard). pygal writes plain SVG with no browser or native dependency, which WeasyPrint
embeds as a vector image; matplotlib would also do, but pulls a large native stack for a few bar charts."""

import re
from base64 import b64encode

import pygal
from pygal.style import Style

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#000",
    foreground_strong="#000",
    foreground_subtle="#555",
    font_family="PT Serif, DejaVu Serif, serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=12,
    legend_font_size=13,
    title_font_size=15,
    colors=("#1f4e79", "#9dc3e6", "#7f7f7f", "#c55a11", "#548235", "#bf9000"),
)


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def svg(table) -> str | None:
    """The chart of a table as SVG text (None when the table has no chart or nothing to draw)."""
    if table.chart == "none" or not table.rows or not table.series:
        return None
    kind = pygal.StackedBar if table.chart == "stacked" else pygal.Bar
    chart = kind(
        style=STYLE,
        width=760,
        height=340,
        js=[],  # no scripts: a printed document
        disable_xml_declaration=True,
        print_values=True,
        legend_at_bottom=True,
        truncate_legend=-1,
        truncate_label=-1,
        show_y_guides=True,
        range=(0, 100) if table.unit == "%" else None,
        value_formatter=lambda v: f"{v:g}",
    )
    chart.x_labels = [str(row[0]) for row in table.rows]
    for index in table.series:
        chart.add(table.columns[index], [_number(row[index]) for row in table.rows])
    # pygal leaves an inline script with its tooltip settings even without its scripts: not in a document.
    return re.sub(r"<script.*?</script>", "", chart.render(is_unicode=True), flags=re.S)


def svg_data_uri(table) -> str | None:
    drawing = svg(table)
    if drawing is None:
        return None
    return "data:image/svg+xml;base64," + b64encode(drawing.encode()).decode()
