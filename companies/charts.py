"""Small server-side SVG charts of a company's figures over time."""

from dataclasses import dataclass

from .selectors import FigureSeries

WIDTH, HEIGHT, PAD = 300, 90, 14


@dataclass
class ChartPoint:
    period: str
    value: object
    x: float
    y: float


@dataclass
class Chart:
    series: FigureSeries
    points: list[ChartPoint]
    polyline: str
    width: int = WIDTH
    height: int = HEIGHT


def line_chart(series: FigureSeries) -> Chart:
    """Periods spread evenly left to right, values scaled between the lowest and highest."""
    values = [float(value) for _, value in series.points]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    count = len(values)
    points = []
    for i, (period, value) in enumerate(series.points):
        x = PAD + (WIDTH - 2 * PAD) * (i / (count - 1) if count > 1 else 0.5)
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * (float(value) - low) / (high - low)
        points.append(ChartPoint(period or "—", value, round(x, 1), round(y, 1)))
    return Chart(series, points, " ".join(f"{p.x},{p.y}" for p in points))
