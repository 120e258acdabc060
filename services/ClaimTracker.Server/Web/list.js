// The claims list: filters (status, actor, words), counts per status, newest changes first, and the
// latest live changes beside it. Filters live in the route (#/?status=…&actor=…&q=…) so a view can be
// bookmarked or shared.

import { listActors } from './api.js';
import { resolveActor, withActorName } from './actors.js';
import { fill, h, num, plural, routeHref, timeElement } from './dom.js';
import { CREDIBILITY_LABELS, STATUSES, STATUS_LABELS } from './store.js';

const PAGE_ROWS = 100;

export function statusBadge(status) {
  const name = status || 'CORROBORATION_STATUS_UNSPECIFIED';
  return h('span', { class: `badge status-${name.toLowerCase()}`, dataset: { status: name } }, STATUS_LABELS[name] ?? name);
}

export function credibilityBadge(credibility) {
  const grade = num(credibility);
  const meaning = CREDIBILITY_LABELS[grade] ?? 'not graded';
  return h('span', { class: `credibility grade-${grade}`, title: `Admiralty credibility ${grade}: ${meaning}` },
    h('span', { class: 'visually-hidden' }, 'credibility '), String(grade || '–'));
}

export function listRoute({ status, actorId, query }) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (actorId) params.set('actor', actorId);
  if (query) params.set('q', query);
  const text = params.toString();
  return '#/' + (text ? '?' + text : '');
}

export class ListView {
  constructor(store, container) {
    this.store = store;
    this.container = container;
    this.filters = { status: '', actorId: '', query: '' };
    this.limit = PAGE_ROWS;
    this.active = false;
    this.frame = 0;
    this.lastRenderAt = 0;
    this.connected = false;
    this.actorChoices = new Map();
    store.subscribe(() => this.scheduleRender());
    setInterval(() => this.active && this.scheduleRender(), 30000);
  }

  /** Shows the list with the filters of the route. */
  show(params) {
    this.active = true;
    this.filters = {
      status: STATUSES.includes(params.get('status')) ? params.get('status') : '',
      actorId: params.get('actor') ?? '',
      query: params.get('q') ?? '',
    };
    this.limit = PAGE_ROWS;
    document.title = 'Claims · ClaimTracker';
    this.buildSkeleton();
    this.render();
  }

  hide() {
    this.active = false;
  }

  setConnected(connected) {
    this.connected = connected;
    this.scheduleRender();
  }

  buildSkeleton() {
    const statusSelect = h('select', { id: 'filter-status', name: 'status' },
      h('option', { value: '' }, 'Any status'),
      STATUSES.map(status => h('option', { value: status }, STATUS_LABELS[status])));
    statusSelect.value = this.filters.status;
    statusSelect.addEventListener('change', () => this.setFilters({ status: statusSelect.value }));

    const actorInput = h('input', {
      id: 'filter-actor', name: 'actor', type: 'text', list: 'actor-options', autocomplete: 'off',
      placeholder: 'any actor', 'aria-describedby': 'filter-actor-hint',
    });
    const actorOptions = h('datalist', { id: 'actor-options' });
    const actorHint = h('span', { id: 'filter-actor-hint', class: 'hint', 'aria-live': 'polite' });
    if (this.filters.actorId) {
      withActorName(this.filters.actorId, this.filters.actorId, name => {
        actorInput.value = name;
        this.actorChoices.set(name.toLowerCase(), this.filters.actorId);
      });
    }
    let suggestTimer = 0;
    actorInput.addEventListener('input', () => {
      const text = actorInput.value.trim();
      const chosen = this.actorChoices.get(text.toLowerCase());
      if (!text) {
        actorHint.textContent = '';
        this.setFilters({ actorId: '' });
      } else if (chosen) {
        actorHint.textContent = '';
        this.setFilters({ actorId: chosen });
      } else if (this.filters.actorId) {
        this.setFilters({ actorId: '' });
      }
      clearTimeout(suggestTimer);
      if (text && !chosen) {
        suggestTimer = setTimeout(() => this.suggestActors(text, actorInput, actorOptions, actorHint), 200);
      }
    });

    const queryInput = h('input', { id: 'filter-query', name: 'q', type: 'search', placeholder: 'words in the claim', autocomplete: 'off' });
    queryInput.value = this.filters.query;
    let queryTimer = 0;
    queryInput.addEventListener('input', () => {
      clearTimeout(queryTimer);
      queryTimer = setTimeout(() => this.setFilters({ query: queryInput.value }), 150);
    });

    const clear = h('button', { type: 'button', class: 'secondary' }, 'Clear filters');
    clear.addEventListener('click', () => {
      statusSelect.value = '';
      actorInput.value = '';
      queryInput.value = '';
      actorHint.textContent = '';
      this.setFilters({ status: '', actorId: '', query: '' });
    });

    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter claims' },
      h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
      h('div', { class: 'field' }, h('label', { for: 'filter-actor' }, 'Actor'), actorInput, actorOptions, actorHint),
      h('div', { class: 'field grow' }, h('label', { for: 'filter-query' }, 'Words'), queryInput),
      h('div', { class: 'field' }, clear));
    form.addEventListener('submit', event => event.preventDefault());

    this.statusSelect = statusSelect;
    this.counts = h('div', { class: 'status-counts', role: 'group', 'aria-label': 'Claims per status' });
    this.caption = h('caption');
    this.tbody = h('tbody');
    this.empty = h('p', { class: 'empty', role: 'status' });
    this.more = h('button', { type: 'button', class: 'secondary show-more', hidden: true });
    this.more.addEventListener('click', () => {
      this.limit += PAGE_ROWS;
      this.render();
    });
    this.recentList = h('ol', { class: 'recent-list' });

    const table = h('table', { class: 'claims' },
      this.caption,
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col', class: 'num' }, h('abbr', { title: 'Admiralty credibility, 1 best … 6 cannot be judged' }, 'Cred.')),
        h('th', { scope: 'col' }, 'Claim'),
        h('th', { scope: 'col', class: 'num' }, 'Statements'),
        h('th', { scope: 'col', class: 'num' }, h('abbr', { title: 'independent origins supporting / contradicting' }, 'Origins ± ')),
        h('th', { scope: 'col' }, 'Changed'))),
      this.tbody);

    fill(this.container,
      h('section', { class: 'list-view', 'aria-labelledby': 'list-title' },
        h('h1', { id: 'list-title', tabindex: '-1' }, 'Claims'),
        form,
        this.counts,
        h('div', { class: 'list-layout' },
          h('div', { class: 'table-wrap' }, table, this.empty, this.more),
          h('aside', { class: 'recent', 'aria-labelledby': 'recent-title' },
            h('h2', { id: 'recent-title' }, 'Latest changes'),
            this.recentList))));
  }

  async suggestActors(text, input, options, hint) {
    try {
      const response = await listActors(text, 20);
      if (input.value.trim() !== text) {
        return;
      }
      const actors = response.actors ?? [];
      fill(options, actors.map(actor => h('option', { value: actor.name }, `${actor.kind ?? ''} · ${plural(num(actor.statementCount), 'statement')}`)));
      for (const actor of actors) {
        this.actorChoices.set(actor.name.toLowerCase(), actor.actorId);
        resolveActor(actor.actorId);
      }
      const exact = this.actorChoices.get(text.toLowerCase());
      if (exact) {
        hint.textContent = '';
        this.setFilters({ actorId: exact });
      } else {
        hint.textContent = actors.length === 0 ? 'no actor by that name' : 'pick an actor from the suggestions';
      }
    } catch (error) {
      hint.textContent = `actors could not be looked up: ${error.message}`;
    }
  }

  setFilters(changes) {
    this.filters = { ...this.filters, ...changes };
    this.limit = PAGE_ROWS;
    history.replaceState(null, '', listRoute(this.filters));
    this.render();
  }

  scheduleRender() {
    if (!this.active || this.frame) {
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.active) {
        this.render();
      }
    });
  }

  render() {
    const { rows, counts, total } = this.store.select(this.filters);
    this.renderCounts(counts, total);

    const shown = rows.slice(0, this.limit);
    const since = this.lastRenderAt;
    this.lastRenderAt = Date.now();
    fill(this.tbody, shown.map(claim => this.row(claim, since)));
    this.caption.textContent = rows.length > shown.length
      ? `${rows.length} claims, newest changes first (showing ${shown.length})`
      : `${plural(rows.length, 'claim')}, newest changes first`;
    this.more.hidden = rows.length <= shown.length;
    this.more.textContent = `Show ${Math.min(PAGE_ROWS, rows.length - shown.length)} more`;

    if (rows.length > 0) {
      this.empty.hidden = true;
    } else {
      this.empty.hidden = false;
      this.empty.textContent = this.store.claims.size > 0
        ? 'No claims match these filters.'
        : this.connected
          ? 'No claims yet. Register a report (POST /v1/reports, or `ingest` in the CLI) and its claims appear here as soon as they are stored.'
          : 'Connecting to the live feed…';
    }
    this.renderRecent();
  }

  renderCounts(counts, total) {
    const button = (status, label, count) => {
      const pressed = this.filters.status === status;
      const element = h('button', {
        type: 'button',
        class: `count-chip ${status ? 'status-' + status.toLowerCase() : 'all'}`,
        'aria-pressed': String(pressed),
        dataset: { status: status || 'ALL', count },
      }, h('span', { class: 'count-label' }, label), ' ', h('span', { class: 'count' }, String(count)));
      element.addEventListener('click', () => {
        const next = pressed ? '' : status;
        this.statusSelect.value = next;
        this.setFilters({ status: next });
      });
      return element;
    };
    fill(this.counts,
      button('', 'All', total),
      STATUSES.map(status => button(status, STATUS_LABELS[status], counts[status])));
  }

  row(claim, since) {
    const changed = (this.store.changedAt.get(claim.claimId) ?? 0) > since && since > 0;
    const reasons = claim.statusReasons ?? [];
    return h('tr', { class: changed ? 'changed' : null, dataset: { claimId: claim.claimId, status: claim.status, version: claim.version } },
      h('td', null, statusBadge(claim.status)),
      h('td', { class: 'num' }, credibilityBadge(claim.credibility)),
      h('td', { class: 'claim-cell' },
        h('a', { class: 'claim-link', href: routeHref('claims', claim.claimId) }, claim.text || claim.claimId),
        claim.verbatim ? h('div', { class: 'verbatim' }, h('q', null, claim.verbatim)) : null,
        reasons.length > 0 ? h('div', { class: 'reason' }, reasons[0]) : null),
      h('td', { class: 'num' }, String(num(claim.statementCount))),
      h('td', { class: 'num origins' },
        h('span', { class: 'supporting', title: 'independent origins supporting' }, '+' + (claim.supportingOrigins ?? []).length),
        ' ',
        h('span', { class: 'contradicting', title: 'independent origins contradicting' }, '−' + (claim.contradictingOrigins ?? []).length)),
      h('td', null, timeElement(claim.updatedAt)));
  }

  renderRecent() {
    const items = this.store.recent.slice(0, 15);
    if (items.length === 0) {
      fill(this.recentList, h('li', { class: 'muted' }, 'Changes made while this page is open appear here.'));
      return;
    }
    fill(this.recentList, items.map(change => h('li', { dataset: { kind: change.kind } },
      h('div', { class: 'recent-head' }, describeChange(change), ' · ', timeElement(change.occurredAt)),
      h('a', { href: routeHref('claims', change.claimId), class: 'recent-claim' }, truncate(change.text, 120)))));
  }
}

export function describeChange(change) {
  switch (change.kind) {
    case 'CLAIM_CREATED':
      return h('span', null, 'New claim', change.speaker ? ` from ${change.speaker}` : '');
    case 'STATEMENT_ADDED':
      return h('span', null, `${change.speaker ?? 'A statement'} ${stanceVerb(change.stance)}`);
    case 'STATUS_CHANGED':
      return h('span', null, 'Now ', statusBadge(change.status),
        change.previousStatus && change.previousStatus !== 'CORROBORATION_STATUS_UNSPECIFIED'
          ? [' (was ', STATUS_LABELS[change.previousStatus] ?? change.previousStatus, ')'] : null);
    default:
      return h('span', null, change.kind ?? 'Change');
  }
}

function stanceVerb(stance) {
  switch (stance) {
    case 'SUPPORTS': return 'supports';
    case 'CONTRADICTS': return 'contradicts';
    case 'OBSERVING': return 'reports without endorsing';
    case 'QUERIES': return 'questions';
    default: return 'adds a statement';
  }
}

export function truncate(text, length) {
  const value = text ?? '';
  return value.length <= length ? value : value.slice(0, length - 1).trimEnd() + '…';
}
