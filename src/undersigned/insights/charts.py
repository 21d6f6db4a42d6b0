"""Geometry of the server-drawn SVG charts: columns, bars, lines, stacked bars and the map.

Our own small drawing rather than pygal or matplotlib: these are four simple shapes, and the
templates (templates/insights/_chart_*.html) must control the markup fully — role="img",
<title>/<desc>, classes styled from static CSS under a strict CSP (pygal inlines a <style>
element and scripts; matplotlib writes style attributes), text in the reader's language.
Functions return plain dicts of coordinates; the wording comes from presenters.py.
"""

from __future__ import annotations

import math

WIDTH = 640
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 44
PALETTE_SIZE = 8


def nice_ticks(maximum: float, count: int = 4) -> list[int]:
    """Return round tick values from 0 to at least the maximum (1, 2 or 5 times a power of 10)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(1, int(step))
    top = int(math.ceil(maximum / step) * step)
    return list(range(0, top + 1, step))


def _label_every(count: int, room: int = 12) -> int:
    return max(1, math.ceil(count / room))


def column_chart(points: list[tuple[str, int]], height: int = 240) -> dict:
    """Vertical bars for a series over time: (label, value) in order."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    ticks = nice_ticks(max((v for _, v in points), default=0))
    top = ticks[-1]
    band = plot_w / max(len(points), 1)
    every = _label_every(len(points))
    bars = []
    for i, (label, value) in enumerate(points):
        h = plot_h * value / top
        bars.append(
            {
                "x": round(LEFT + i * band + band * 0.15, 2),
                "y": round(TOP + plot_h - h, 2),
                "width": round(band * 0.7, 2),
                "height": round(h, 2),
                "label": label,
                "value": value,
                "label_x": round(LEFT + (i + 0.5) * band, 2),
                "show_label": i % every == 0,
            }
        )
    return {
        "width": WIDTH,
        "height": height,
        "bars": bars,
        "axis": _y_axis(ticks, plot_h),
        "baseline": TOP + plot_h,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_y": TOP + plot_h + 18,
    }


def _y_axis(ticks: list[int], plot_h: float) -> list[dict]:
    top = ticks[-1] or 1
    return [{"value": t, "y": round(TOP + plot_h - plot_h * t / top, 2)} for t in ticks]


def bar_chart(rows: list[tuple[str, int]], label_width: int = 250) -> dict:
    """Horizontal bars for named things (organisations, networks), largest first."""
    row_h = 26
    height = TOP + row_h * len(rows) + 28
    plot_w = WIDTH - label_width - RIGHT - 40
    top = max((v for _, v in rows), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(rows):
        y = TOP + i * row_h
        w = plot_w * value / top
        bars.append(
            {
                "label": label if len(label) <= 34 else label[:33] + "…",
                "value": value,
                "x": label_width,
                "y": y + 4,
                "width": round(max(w, 1), 2),
                "height": row_h - 8,
                "text_y": y + row_h / 2 + 5,
                "value_x": round(label_width + max(w, 1) + 6, 2),
            }
        )
    return {"width": WIDTH, "height": height, "bars": bars, "label_x": label_width - 8}


def line_chart(labels: list[str], series: list[list[int]], height: int = 240) -> dict:
    """Lines over evenly spaced points (months, days with changes); one line per series."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    ticks = nice_ticks(max((v for line in series for v in line), default=0))
    top = ticks[-1]
    n = len(labels)
    step = plot_w / (n - 1) if n > 1 else 0

    def x(i: int) -> float:
        return round(LEFT + (i * step if n > 1 else plot_w / 2), 2)

    def y(v: int) -> float:
        return round(TOP + plot_h - plot_h * v / top, 2)

    lines = []
    for number, values in enumerate(series):
        points = [(x(i), y(v)) for i, v in enumerate(values)]
        lines.append(
            {
                "number": number,
                "points": " ".join(f"{px},{py}" for px, py in points),
                "dots": [{"x": px, "y": py} for px, py in points] if n <= 40 else [],
            }
        )
    every = _label_every(n, room=8)
    return {
        "width": WIDTH,
        "height": height,
        "lines": lines,
        "axis": _y_axis(ticks, plot_h),
        "labels": [{"x": x(i), "text": label} for i, label in enumerate(labels) if i % every == 0],
        "baseline": TOP + plot_h,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_y": TOP + plot_h + 18,
    }


def stacked_chart(rows: list[tuple[str, list[int]]], label_width: int = 60) -> dict:
    """One horizontal bar per row (a year), split into segments per series (a category)."""
    row_h = 24
    height = TOP + row_h * len(rows) + 16
    plot_w = WIDTH - label_width - RIGHT - 40
    top = max((sum(values) for _, values in rows), default=0) or 1
    out = []
    for i, (label, values) in enumerate(rows):
        y = TOP + i * row_h
        x = float(label_width)
        segments = []
        for number, value in enumerate(values):
            if not value:
                continue
            w = plot_w * value / top
            segments.append(
                {
                    "x": round(x, 2),
                    "width": round(w, 2),
                    "value": value,
                    "colour": number % PALETTE_SIZE,
                }
            )
            x += w
        out.append(
            {
                "label": label,
                "y": y + 3,
                "height": row_h - 6,
                "text_y": y + row_h / 2 + 5,
                "segments": segments,
                "total": sum(values),
                "total_x": round(x + 6, 2),
            }
        )
    return {"width": WIDTH, "height": height, "rows": out, "label_x": label_width - 8}


def graph_drawing(payload: dict, width: int = 640, height: int = 480) -> dict:
    """Place the stored layout (coordinates in [-1, 1]) in the picture; sizes by strength."""
    margin = 24
    placed = {n["slug"]: n for n in payload.get("nodes", []) if "x" in n}
    strongest = max((n["strength"] for n in placed.values()), default=1) or 1
    heaviest = max((e["statements"] for e in payload.get("edges", [])), default=1) or 1

    def sx(v: float) -> float:
        return round(margin + (v + 1) / 2 * (width - 2 * margin), 1)

    def sy(v: float) -> float:
        return round(margin + (v + 1) / 2 * (height - 2 * margin), 1)

    named = {m["slug"] for c in payload.get("clusters", []) for m in c["central"][:1]}
    nodes = [
        {
            "name": n["name"],
            "x": sx(n["x"]),
            "y": sy(n["y"]),
            "r": round(4 + 8 * math.sqrt(n["strength"] / strongest), 1),
            "colour": (n["cluster"] - 1) % PALETTE_SIZE,
            "cluster": n["cluster"],
            "labelled": n["slug"] in named,
        }
        for n in placed.values()
    ]
    edges = [
        {
            "x1": sx(placed[e["source"]]["x"]),
            "y1": sy(placed[e["source"]]["y"]),
            "x2": sx(placed[e["target"]]["x"]),
            "y2": sy(placed[e["target"]]["y"]),
            "width": round(0.5 + 3.5 * e["statements"] / heaviest, 2),
        }
        for e in payload.get("edges", [])
        if e["source"] in placed and e["target"] in placed
    ]
    return {"width": width, "height": height, "nodes": nodes, "edges": edges}
