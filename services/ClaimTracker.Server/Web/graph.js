// The attribution chains of a claim drawn as one graph (inline SVG, laid out here): each statement is a
// path from its speaker (the origin) through the intermediaries that passed it on (via, farthest from
// the outlet first) to the report that published it. Chains that share an actor share its node, so ten
// outlets repeating one agency dispatch show as one origin fanning out, which is the point.
//
// Layout: layered left to right. Actors sit in the column of their longest path from an origin, reports
// in the last column; within columns nodes are ordered by a few barycentre sweeps to cut crossings.

import { withActorName } from './actors.js';
import { h, routeHref, s } from './dom.js';

const NODE_WIDTH = 200;
const NODE_HEIGHT = 46;
const GAP_X = 64;
const GAP_Y = 14;
const PAD = 14;
const NAME_CHARS = 24;
const SUB_CHARS = 30;

function stanceClass(stances) {
  const supports = stances.has('SUPPORTS');
  const contradicts = stances.has('CONTRADICTS');
  if (supports && contradicts) return 'mixed';
  if (supports) return 'supports';
  if (contradicts) return 'contradicts';
  return 'other';
}

function clip(text, length) {
  return text.length <= length ? text : text.slice(0, length - 1).trimEnd() + '…';
}

/** Nodes and edges of the chains of these statements. */
export function buildChainGraph(statements) {
  const nodes = new Map();
  const edges = new Map();
  const chains = [];

  const node = (key, init) => {
    let found = nodes.get(key);
    if (!found) {
      found = { key, order: nodes.size, roles: new Set(), stances: new Set(), statements: 0, ...init };
      nodes.set(key, found);
    }
    return found;
  };
  const actorNode = (actorId, written, role) => {
    const key = actorId ? `a:${actorId}` : `n:${written}`;
    const found = node(key, { kind: 'actor', actorId, label: written || actorId || 'unknown' });
    found.roles.add(role);
    return found;
  };

  for (const statement of statements) {
    const via = statement.via ?? [];
    const viaIds = statement.viaActorIds ?? [];
    const path = [actorNode(statement.actorId, statement.speaker, 'origin')];
    path[0].stances.add(statement.stance);
    path[0].statements++;
    for (let i = via.length - 1; i >= 0; i--) {
      path.push(actorNode(viaIds[i], via[i], 'via'));
    }
    const report = node(`r:${statement.reportId}`, {
      kind: 'report', reportId: statement.reportId, label: statement.source || statement.reportId,
    });
    report.roles.add('report');
    report.stances.add(statement.stance);
    report.statements++;
    path.push(report);

    const steps = path.filter((item, index) => index === 0 || item !== path[index - 1]);
    chains.push({ statement, steps });
    for (let i = 0; i + 1 < steps.length; i++) {
      const key = `${steps[i].key}\u0000${steps[i + 1].key}`;
      let edge = edges.get(key);
      if (!edge) {
        edge = { from: steps[i], to: steps[i + 1], stances: new Set(), count: 0 };
        edges.set(key, edge);
      }
      edge.stances.add(statement.stance);
      edge.count++;
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], chains };
}

/** Assigns every node a column and a row. */
export function layoutChainGraph(graph) {
  const incoming = new Map(graph.nodes.map(n => [n, []]));
  const outgoing = new Map(graph.nodes.map(n => [n, []]));
  for (const edge of graph.edges) {
    outgoing.get(edge.from).push(edge.to);
    incoming.get(edge.to).push(edge.from);
  }

  // Longest path from the origins over the actors (Kahn's order); a cycle, which odd attribution can
  // make, is broken by placing what is left after what was placed.
  const actors = graph.nodes.filter(n => n.kind === 'actor');
  const remaining = new Map(actors.map(n => [n, incoming.get(n).filter(p => p.kind === 'actor').length]));
  const layer = new Map();
  const queue = actors.filter(n => remaining.get(n) === 0);
  const placed = new Set();
  const place = current => {
    placed.add(current);
    const before = incoming.get(current).filter(p => placed.has(p) && p !== current);
    layer.set(current, before.length === 0 ? 0 : Math.max(...before.map(p => layer.get(p) + 1)));
  };
  while (placed.size < actors.length) {
    const current = queue.shift() ?? actors.find(n => !placed.has(n));
    if (placed.has(current)) {
      continue;
    }
    place(current);
    for (const next of outgoing.get(current)) {
      if (next.kind === 'actor' && !placed.has(next)) {
        remaining.set(next, remaining.get(next) - 1);
        if (remaining.get(next) === 0) {
          queue.push(next);
        }
      }
    }
  }
  const reportColumn = actors.length === 0 ? 0 : Math.max(...actors.map(n => layer.get(n))) + 1;
  for (const n of graph.nodes) {
    if (n.kind === 'report') {
      layer.set(n, reportColumn);
    }
  }

  // An edge that skips columns passes through placeholder slots in the columns between, so it is
  // routed around the nodes there instead of through them.
  const columns = Array.from({ length: reportColumn + 1 }, () => []);
  for (const n of [...graph.nodes].sort((a, b) => a.order - b.order)) {
    columns[layer.get(n)].push(n);
  }
  const up = new Map(graph.nodes.map(n => [n, []]));
  const down = new Map(graph.nodes.map(n => [n, []]));
  let nextOrder = graph.nodes.length;
  for (const edge of graph.edges) {
    const from = layer.get(edge.from);
    const to = layer.get(edge.to);
    edge.via = [];
    let previous = edge.from;
    for (let c = from + 1; c < to; c++) {
      const slot = { key: `${edge.from.key}\u0000${edge.to.key}\u0000${c}`, kind: 'slot', order: nextOrder++ };
      up.set(slot, []);
      down.set(slot, []);
      columns[c].push(slot);
      edge.via.push(slot);
      down.get(previous).push(slot);
      up.get(slot).push(previous);
      previous = slot;
    }
    down.get(previous).push(edge.to);
    up.get(edge.to).push(previous);
  }

  // Barycentre sweeps: order each column by the mean (centred) position of its neighbours.
  const position = new Map();
  const measure = () => {
    for (const column of columns) {
      column.forEach((n, index) => position.set(n, index - (column.length - 1) / 2));
    }
  };
  const sortBy = (column, neighbours) => {
    const weight = new Map(column.map(n => {
      const near = neighbours.get(n).filter(other => position.has(other));
      return [n, near.length === 0 ? position.get(n) : near.reduce((sum, other) => sum + position.get(other), 0) / near.length];
    }));
    column.sort((a, b) => weight.get(a) - weight.get(b) || a.order - b.order);
  };
  measure();
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let c = 1; c < columns.length; c++) {
      sortBy(columns[c], up);
      measure();
    }
    for (let c = columns.length - 2; c >= 0; c--) {
      sortBy(columns[c], down);
      measure();
    }
  }

  const tallest = Math.max(1, ...columns.map(column => column.length));
  const height = PAD * 2 + tallest * NODE_HEIGHT + (tallest - 1) * GAP_Y;
  const width = PAD * 2 + columns.length * NODE_WIDTH + (columns.length - 1) * GAP_X;
  columns.forEach((column, c) => {
    const columnHeight = column.length * NODE_HEIGHT + (column.length - 1) * GAP_Y;
    const top = (height - columnHeight) / 2;
    column.forEach((n, row) => {
      n.x = PAD + c * (NODE_WIDTH + GAP_X);
      n.y = Math.round(top + row * (NODE_HEIGHT + GAP_Y));
      n.column = c;
    });
  });
  return { width, height, columns: columns.length };
}

function describeChain(chain) {
  const names = chain.steps.map(step => step.kind === 'report' ? `${step.label} (report ${step.reportId})` : step.label);
  return names.join(' → ');
}

function subLabel(n) {
  if (n.kind === 'report') {
    return `report ${n.reportId}`;
  }
  const parts = [];
  if (n.roles.has('origin')) {
    parts.push(`origin · ${n.statements} ${n.statements === 1 ? 'statement' : 'statements'}`);
  }
  if (n.roles.has('via')) {
    parts.push('passed it on');
  }
  return parts.join(' · ');
}

function nodeElement(n) {
  const roleClass = n.kind === 'report' ? 'report' : n.roles.has('origin') ? 'origin' : 'via';
  const title = s('title');
  const name = s('text', { x: 10, y: 19, class: 'node-name' });
  const sub = s('text', { x: 10, y: 36, class: 'node-sub' }, clip(subLabel(n), SUB_CHARS));
  const setName = label => {
    n.label = label;
    name.textContent = clip(label, NAME_CHARS);
    title.textContent = `${label}: ${subLabel(n)}`;
  };
  if (n.kind === 'actor') {
    withActorName(n.actorId, n.label, setName);
  } else {
    setName(n.label);
  }
  const group = s('g', {
    class: `node ${roleClass} stance-${roleClass === 'via' ? 'none' : stanceClass(n.stances)}`,
    transform: `translate(${n.x} ${n.y})`,
    dataset: { key: n.key, role: roleClass },
  },
  title,
  s('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: n.kind === 'report' ? 2 : 8 }),
  name,
  sub);
  if (n.kind === 'actor' && n.actorId) {
    return s('a', { href: routeHref('') + '?actor=' + encodeURIComponent(n.actorId), class: 'node-link' }, group);
  }
  return group;
}

function edgeElement(edge) {
  // Left to right: out of the source's right side, straight through each slot, into the target's left side.
  const points = [[edge.from.x + NODE_WIDTH, edge.from.y + NODE_HEIGHT / 2]];
  for (const slot of edge.via ?? []) {
    points.push([slot.x, slot.y + NODE_HEIGHT / 2], [slot.x + NODE_WIDTH, slot.y + NODE_HEIGHT / 2]);
  }
  points.push([edge.to.x - 2, edge.to.y + NODE_HEIGHT / 2]);
  let d = `M ${points[0][0]} ${points[0][1]}`;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1];
    const [x2, y2] = points[i];
    if (i % 2 === 0) {
      d += ` L ${x2} ${y2}`;
    } else {
      const bend = Math.max(24, Math.abs(x2 - x1) / 2);
      d += ` C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
    }
  }
  const kind = stanceClass(edge.stances);
  const width = Math.min(6, 1.5 + Math.log2(edge.count));
  return s('path', {
    class: `edge stance-${kind}`,
    d,
    'stroke-width': width,
    'marker-end': `url(#ct-arrow-${kind})`,
    dataset: { from: edge.from.key, to: edge.to.key, count: edge.count },
  }, s('title', null, `${edge.from.label} → ${edge.to.label}: ${edge.count} ${edge.count === 1 ? 'statement' : 'statements'}`));
}

/** The figure: the SVG graph, a legend, and the chains in words for screen readers. */
export function chainGraphFigure(statements, { moreNotShown = false } = {}) {
  if (statements.length === 0) {
    return h('p', { class: 'muted' }, 'No statements, so no attribution chains yet.');
  }
  const graph = buildChainGraph(statements);
  const size = layoutChainGraph(graph);
  const origins = graph.nodes.filter(n => n.roles.has('origin')).length;
  const reports = graph.nodes.filter(n => n.kind === 'report').length;
  const intermediaries = graph.nodes.filter(n => n.kind === 'actor' && !n.roles.has('origin')).length;
  const summary = `${graph.chains.length} ${graph.chains.length === 1 ? 'chain' : 'chains'} from ${origins} ${origins === 1 ? 'origin' : 'origins'} through ${intermediaries} ${intermediaries === 1 ? 'intermediary' : 'intermediaries'} to ${reports} ${reports === 1 ? 'report' : 'reports'}`;

  const marker = kind => s('marker', {
    id: `ct-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
    markerUnits: 'userSpaceOnUse', orient: 'auto', class: `arrow stance-${kind}`,
  }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z' }));

  const svg = s('svg', {
    class: 'chain-graph',
    width: size.width,
    height: size.height,
    viewBox: `0 0 ${size.width} ${size.height}`,
    role: 'img',
    'aria-labelledby': 'chain-graph-title chain-graph-desc',
    dataset: { nodes: graph.nodes.length, edges: graph.edges.length },
  },
  s('title', { id: 'chain-graph-title' }, 'Attribution chains'),
  s('desc', { id: 'chain-graph-desc' }, summary),
  s('defs', null, ['supports', 'contradicts', 'mixed', 'other'].map(marker)),
  s('g', { class: 'edges' }, graph.edges.map(edgeElement)),
  s('g', { class: 'nodes' }, graph.nodes.map(nodeElement)));

  const chainsInWords = h('details', { class: 'chains-in-words' },
    h('summary', null, `The chains in words (${summary})`),
    h('ul', null, graph.chains.map(chain => h('li', null, describeChain(chain), ` — ${(chain.statement.stance ?? '').toLowerCase()}`))));

  return h('figure', { class: 'chain-figure' },
    h('div', { class: 'graph-scroll', tabindex: '0', 'aria-label': 'Attribution chain graph, scrolls sideways when wide' }, svg),
    h('figcaption', null,
      h('ul', { class: 'legend' },
        h('li', null, h('span', { class: 'swatch origin' }), 'origin (who said it)'),
        h('li', null, h('span', { class: 'swatch via' }), 'passed it on (agency, intermediary)'),
        h('li', null, h('span', { class: 'swatch report' }), 'report (publishing outlet)'),
        h('li', null, h('span', { class: 'line stance-supports' }), 'supports'),
        h('li', null, h('span', { class: 'line stance-contradicts' }), 'contradicts'),
        h('li', null, h('span', { class: 'line stance-other' }), 'observes or questions')),
      moreNotShown ? h('p', { class: 'muted' }, 'Drawn from the statements loaded below; load older statements to add theirs.') : null,
      chainsInWords));
}
