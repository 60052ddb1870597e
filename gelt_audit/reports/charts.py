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
