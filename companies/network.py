"""Lay out the ownership network as SVG geometry: companies on a circle,
stakes as curved arrows labelled with the percent, alliances as coloured arcs
behind their members. The template draws it; no script, no external requests."""

import math
import re
from dataclasses import dataclass

from .selectors import Network

PALETTE = ["#7b3fa0", "#0f8a8a", "#c0562a", "#3f6fd8", "#8a7a0f", "#b0306a"]
NODE_RADIUS = 7
LABEL_GAP = 12
_SUFFIX = re.compile(
    r"[,\s]+(co\.?,?\s*ltd\.?|corporation|corp\.?|inc\.?|ltd\.?|limited|holdings|group|"
    r"company|ag|se|s\.a\.|n\.v\.|plc|motor)$",
    re.IGNORECASE,
)


def short_name(name: str) -> str:
    """'Toyota Motor Corporation' -> 'Toyota': labels must stay short on a circle."""
    previous = None
    while previous != name:
        previous, name = name, _SUFFIX.sub("", name).strip()
    return name or previous


@dataclass
class Node:
    company: object
    label: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    rings: list  # (radius, colour) of each alliance it belongs to


@dataclass
class Edge:
    stake: object
    path: str
    label: str
    label_x: float
    label_y: float


@dataclass
class Arc:
    path: str
    colour: str


@dataclass
class Legend:
    alliance: object
    colour: str


@dataclass
class Drawing:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    arcs: list[Arc]
    legend: list[Legend]


def _order(network: Network) -> list:
    """Alliance members next to each other, then neighbours next to each other."""
    placed, order = set(), []
    for alliance in sorted(network.alliances, key=lambda a: -len(a.members)):
        for member in alliance.members:
            if member.pk not in placed:
                placed.add(member.pk)
                order.append(member)
    neighbours = {c.pk: [] for c in network.companies}
    for stake in network.stakes:
        neighbours[stake.owner_id].append(stake.target)
        neighbours[stake.target_id].append(stake.owner)
    by_degree = sorted(network.companies, key=lambda c: (-len(neighbours[c.pk]), c.name))
    for start in by_degree:
        queue = [start]
        while queue:
            company = queue.pop(0)
            if company.pk in placed:
                continue
            placed.add(company.pk)
            order.append(company)
            queue.extend(sorted(neighbours[company.pk], key=lambda c: c.name))
    return order


MAX_DRAWN = 40


def most_connected(network: Network, limit: int = MAX_DRAWN) -> Network:
    """The `limit` companies with the most stakes and alliances, and what joins them.

    A thousand labelled nodes is no drawing; the page says what it left out."""
    if len(network.companies) <= limit:
        return network
    degree = {c.pk: 0 for c in network.companies}
    for stake in network.stakes:
        degree[stake.owner_id] += 1
        degree[stake.target_id] += 1
    for alliance in network.alliances:
        for member in alliance.members:
            degree[member.pk] += 1
    kept = sorted(network.companies, key=lambda c: (-degree[c.pk], c.name))[:limit]
    ids = {c.pk for c in kept}
    return Network(
        network.as_of,
        sorted(kept, key=lambda c: c.name),
        [s for s in network.stakes if s.owner_id in ids and s.target_id in ids],
        [a for a in network.alliances if all(m.pk in ids for m in a.members)],
    )


def layout(network: Network) -> Drawing:
    order = _order(network)
    count = len(order)
    radius = max(170.0, count * 46 / (2 * math.pi))
    # Room for the alliance arcs just outside the circle and the labels beyond them.
    # Only the most recent alliances get a colour; the page lists them all.
    drawn = network.alliances[: len(PALETTE)]
    arc_room = 14 + 10 * len(drawn)
    # Labels run sideways, so the sides need more room than the top and bottom.
    side, top = 125 + arc_room, 36 + arc_room
    width, height = int(2 * (radius + side)), int(2 * (radius + top))
    step = 2 * math.pi / max(count, 1)
    angles = {company.pk: -math.pi / 2 + i * step for i, company in enumerate(order)}

    def point(angle, r):
        return width / 2 + r * math.cos(angle), height / 2 + r * math.sin(angle)

    colours = {a.event_id: PALETTE[i] for i, a in enumerate(drawn)}
    rings: dict[int, list] = {c.pk: [] for c in order}
    for alliance in drawn:
        for member in alliance.members:
            rings[member.pk].append((NODE_RADIUS + 3 + 3 * len(rings[member.pk]), colours[alliance.event_id]))

    nodes = []
    for company in order:
        angle = angles[company.pk]
        x, y = point(angle, radius)
        lx, ly = point(angle, radius + arc_room + LABEL_GAP)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        nodes.append(Node(company, short_name(company.name), x, y, lx, ly + 4, anchor, rings[company.pk]))

    edges = []
    for stake in network.stakes:
        x1, y1 = point(angles[stake.owner_id], radius)
        x2, y2 = point(angles[stake.target_id], radius)
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        # Bend to the right of the direction of travel: the reverse stake of a
        # cross-holding bends the other way, so the two never overlap.
        nx, ny = dy / length, -dx / length
        bend = 0.15 * length
        cx, cy = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend
        # Start and stop at the rim of each node, along the curve's tangents.
        sx, sy = _towards(x1, y1, cx, cy, NODE_RADIUS + 1)
        ex, ey = _towards(x2, y2, cx, cy, NODE_RADIUS + 4)
        path = f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"
        label_x = 0.25 * sx + 0.5 * cx + 0.25 * ex
        label_y = 0.25 * sy + 0.5 * cy + 0.25 * ey
        percent = f"{stake.percent.normalize():f}%"
        edges.append(Edge(stake, path, percent, label_x, label_y + 4))

    arcs = []
    index = {company.pk: i for i, company in enumerate(order)}
    for number, alliance in enumerate(drawn):
        positions = sorted(index[m.pk] for m in alliance.members)
        for run in _runs(positions, count):
            start = -math.pi / 2 + run[0] * step - step * 0.2
            end = start + ((run[-1] - run[0]) % count) * step + step * 0.4
            r = radius + 16 + 10 * number
            x1, y1 = point(start, r)
            x2, y2 = point(end, r)
            large = 1 if end - start > math.pi else 0
            arcs.append(Arc(f"M{x1:.1f},{y1:.1f} A{r:.1f},{r:.1f} 0 {large} 1 {x2:.1f},{y2:.1f}",
                            colours[alliance.event_id]))
    legend = [Legend(a, colours.get(a.event_id, "#d9dee3")) for a in network.alliances]
    return Drawing(width, height, nodes, edges, arcs, legend)


def _towards(x, y, tx, ty, distance):
    dx, dy = tx - x, ty - y
    length = math.hypot(dx, dy) or 1
    return x + dx / length * distance, y + dy / length * distance


def _runs(positions: list[int], count: int) -> list[list[int]]:
    """Split sorted circle positions into runs of neighbours."""
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == count - 1:
        runs[0] = runs.pop() + runs[0]
    return runs
