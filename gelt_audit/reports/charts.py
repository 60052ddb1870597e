"""Coordinates of the inline SVG charts (no script, no library: the report must open offline)."""

from __future__ import annotations

from typing import Any

CHART_W, CHART_H = 720, 200
PAD_L, PAD_R, PAD_T, PAD_B = 46, 18, 14, 30
SERIES_STYLES = [("#1d5fa8", ""), ("#b3541e", "6 4"), ("#2f7d4f", "2 3"), ("#6b4ea8", "8 3 2 3")]


def line_chart(
    series: list[dict[str, Any]], labels: list[str], y_max: float | None = None, unit: str = ""
) -> dict[str, Any]:
    """Coordinates of an SVG line chart: each series has ``name`` and ``values`` (None = gap)."""
    values = [v for s in series for v in s["values"] if v is not None]
    top = y_max if y_max is not None else max([*values, 1])
    if y_max is None:
        top = _nice(top)
    n = len(labels)
    inner_w, inner_h = CHART_W - PAD_L - PAD_R, CHART_H - PAD_T - PAD_B

    def x(i: int) -> float:
        return PAD_L + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)

    def y(v: float) -> float:
        return PAD_T + inner_h * (1 - (v / top if top else 0))

    out_series = []
    for k, s in enumerate(series):
        color, dash = SERIES_STYLES[k % len(SERIES_STYLES)]
        points = [(round(x(i), 1), round(y(v), 1), labels[i], v) for i, v in enumerate(s["values"]) if v is not None]
        out_series.append(
            {
                "name": s["name"],
                "color": color,
                "dash": dash,
                "path": " ".join(f"{px},{py}" for px, py, _, _ in points),
                "points": points,
            }
        )
    ticks = [(round(y(top * f), 1), top * f) for f in (0, 0.5, 1)]
    step = max(1, round(n / 6))
    picked = list(range(0, n, step))
    if n > 1 and picked[-1] != n - 1:
        if x(n - 1) - x(picked[-1]) < 90:
            picked.pop()  # keep the last date readable rather than two labels on top of each other
        picked.append(n - 1)
    # The first label starts at its point and the last ends at it, so neither is cut by the edge.
    x_labels = [
        (round(x(i), 1), labels[i], "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle")
        for i in picked
    ]
    return {
        "width": CHART_W,
        "height": CHART_H,
        "series": out_series,
        "ticks": ticks,
        "x_labels": x_labels,
        "left": PAD_L,
        "right": CHART_W - PAD_R,
        "bottom": CHART_H - PAD_B,
        "unit": unit,
        "points": n,
    }


def _nice(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 5 × 10^k)."""
    if value <= 1:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for m in (1, 2, 5, 10):
        if m * magnitude >= value:
            return float(m * magnitude)
    return float(value)


BAR_W, BAR_ROW, BAR_LABEL, BAR_PAD_R, BAR_PAD_T = 720, 26, 250, 60, 22


def bar_chart(rows: list[dict[str, Any]], target: int) -> dict[str, Any]:
    """Coordinates of the «quién va atrasado» chart: one horizontal bar per row (``name``,
    ``value``: days with publication, ``pace``: days the plan expects by today), a vertical line
    at ``target`` and a tick at each row's pace. Rows behind their pace are flagged ``behind``."""
    top = max([target, *(r["value"] for r in rows), *(r.get("pace") or 0 for r in rows), 1])
    inner = BAR_W - BAR_LABEL - BAR_PAD_R

    def x(v: float) -> float:
        return round(BAR_LABEL + inner * v / top, 1)

    bars = []
    for i, row in enumerate(rows):
        y = BAR_PAD_T + i * BAR_ROW
        pace = row.get("pace")
        bars.append(
            {
                **row,
                "y": y,
                "bar_y": y + 5,
                "text_y": y + BAR_ROW / 2 + 4,
                "x0": BAR_LABEL,
                "width": max(0.0, round(x(row["value"]) - BAR_LABEL, 1)),
                "end": x(row["value"]),
                "pace_x": x(pace) if isinstance(pace, int) else None,
                "behind": isinstance(pace, int) and row["value"] < pace,
            }
        )
    height = BAR_PAD_T + len(rows) * BAR_ROW + 8
    return {
        "width": BAR_W,
        "height": height,
        "bars": bars,
        "target": target,
        "target_x": x(target),
        "label_x": BAR_LABEL - 8,
        "top": BAR_PAD_T - 6,
        "bottom": height - 4,
    }
