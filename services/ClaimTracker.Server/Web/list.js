// The claims list, read from the server a page at a time (ListClaims: keyset pages, so a page costs the same at
// any depth and the browser never holds more than one page): filters (status, actor, words, credibility, origins,
// first reported), sort, counts per status, and the latest live changes beside it. Filters and the page live in the
// route (#/?status=…&actor=…&q=…&sort=…&page=…) so a view can be bookmarked or shared. Live events update the rows
// on screen in place; the first page and the counts are read again (at most every few seconds) when claims change.

import { listActors, listClaims } from './api.js';
import { resolveActor, withActorName } from './actors.js';
import { fill, h, num, plural, routeHref, timeElement } from './dom.js';
import { KeysetPager } from './pager.js';
import { CREDIBILITY_LABELS, STATUSES, STATUS_LABELS } from './store.js';

const PAGE_SIZES = Object.freeze([25, 50, 100, 200]);
const DEFAULT_PAGE_SIZE = 50;
/** Live changes read the first page and the counts again at most this often. */
const REFRESH_MS = 2000;
/** The server counts matching claims up to this many (ListClaimsResponse.total_size_estimate). */
const COUNT_CAP = 10000;

const SORTS = Object.freeze({
  updated: { label: 'Recently changed', api: 'CLAIM_SORT_RECENTLY_UPDATED', caption: 'most recently changed first' },
  newest: { label: 'First reported, newest', api: 'CLAIM_SORT_NEWEST', caption: 'newest first reported first' },
  statements: { label: 'Most statements', api: 'CLAIM_SORT_MOST_STATEMENTS', caption: 'most statements first' },
  relevance: { label: 'Best match for the words', api: 'CLAIM_SORT_RELEVANCE', caption: 'best match first' },
});

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

const EMPTY_FILTERS = Object.freeze({
  status: '', actorId: '', query: '', sort: '', credibility: '', minOrigins: '', from: '', to: '', size: DEFAULT_PAGE_SIZE,
});

function hasWords(query) {
  return /[\p{L}\p{Nd}]/u.test(query ?? '');
}

/** The sort in effect: the chosen one, else by relevance with words and by last change without. */
function effectiveSort(filters) {
  if (filters.sort === 'relevance' && !hasWords(filters.query)) {
    return 'updated';
  }
  return filters.sort || (hasWords(filters.query) ? 'relevance' : 'updated');
}

function filtersFrom(params) {
  const size = Number(params.get('size'));
  const credibility = Number(params.get('cred'));
  const minOrigins = Number(params.get('origins'));
  const date = name => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) ?? '') ? params.get(name) : '');
  return {
    status: STATUSES.includes(params.get('status')) ? params.get('status') : '',
    actorId: params.get('actor') ?? '',
    query: params.get('q') ?? '',
    sort: params.get('sort') in SORTS ? params.get('sort') : '',
    credibility: credibility >= 1 && credibility <= 6 ? String(credibility) : '',
    minOrigins: Number.isInteger(minOrigins) && minOrigins > 0 ? String(minOrigins) : '',
    from: date('from'),
    to: date('to'),
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The route of the list with these filters, and of one of its pages when `pageToken` is given. */
export function listRoute(filters, pageToken = '') {
  const f = { ...EMPTY_FILTERS, ...filters };
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.actorId) params.set('actor', f.actorId);
  if (f.query) params.set('q', f.query);
  if (f.sort) params.set('sort', f.sort);
  if (f.credibility) params.set('cred', f.credibility);
  if (f.minOrigins) params.set('origins', f.minOrigins);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.size !== DEFAULT_PAGE_SIZE) params.set('size', String(f.size));
  if (pageToken) params.set('page', pageToken);
  const text = params.toString();
  return '#/' + (text ? '?' + text : '');
}

function nextDay(date) {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** ListClaims' query parameters for these filters (without paging). */
function claimQuery(filters, status = filters.status) {
  return {
    status,
    actorId: filters.actorId,
    query: filters.query,
    sort: SORTS[effectiveSort(filters)].api,
    'filter.maxCredibility': filters.credibility,
    'filter.minOrigins': filters.minOrigins,
    'filter.firstReportedAfter': filters.from ? `${filters.from}T00:00:00Z` : '',
    'filter.firstReportedBefore': filters.to ? nextDay(filters.to) : '',
  };
}

function sameFilters(a, b) {
  return Object.keys(EMPTY_FILTERS).every(key => String(a[key]) === String(b[key]));
}

/** A count as the server gave it: exact up to 10,000; above, a lower bound or (nothing filtering) an estimate. */
function countText(count) {
  if (!count) {
    return '…';
  }
  if (count.exact) {
    return count.value.toLocaleString('en');
  }
  return count.value > COUNT_CAP ? `≈${count.value.toLocaleString('en')}` : `${count.value.toLocaleString('en')}+`;
}

export class ListView {
  constructor(store, container) {
    this.store = store;
    this.container = container;
    this.filters = { ...EMPTY_FILTERS };
    this.pager = new KeysetPager(() => this.onPageMove());
    this.rows = [];
    /** status ('' = all) → {value, exact}, for the filters other than status. */
    this.counts = new Map();
    this.loaded = false;
    this.loading = false;
    this.error = null;
    this.active = false;
    this.frame = 0;
    this.connected = false;
    this.actorChoices = new Map();
    this.changedRows = new Set();
    this.changesSinceLoad = 0;
    this.lastLoadAt = 0;
    this.refreshTimer = 0;
    this.generation = 0;
    store.subscribe(change => this.onChange(change));
    setInterval(() => this.active && this.scheduleRender(), 30000);
    // A tab in the background reads nothing; it catches up when it is shown again.
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.changesSinceLoad > 0) {
        this.scheduleRefresh();
      }
    });
  }

  /** Shows the list with the filters and page of the route; coming back to the same list keeps its pages. */
  show(params) {
    this.active = true;
    const filters = filtersFrom(params);
    const token = params.get('page') ?? '';
    const same = this.loaded && sameFilters(filters, this.filters) && token === this.pager.token;
    this.filters = filters;
    if (!same) {
      this.pager.reset(token);
      this.rows = [];
      this.loaded = false;
      this.counts = new Map();
    }
    document.title = 'Claims · ClaimTracker';
    this.buildSkeleton();
    this.render();
    this.load();
  }

  hide() {
    this.active = false;
    this.generation++;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = 0;
  }

  setConnected(connected) {
    this.connected = connected;
    this.scheduleRender();
  }

  /** The live feed started over (not resumed): changes may have been missed, so read the page again. */
  feedRestarted() {
    if (this.active && this.loaded) {
      this.load();
    }
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

    const queryInput = h('input', {
      id: 'filter-query', name: 'q', type: 'search', placeholder: 'words in the claim (as words: “port” is not “support”)',
      autocomplete: 'off',
    });
    queryInput.value = this.filters.query;
    let queryTimer = 0;
    queryInput.addEventListener('input', () => {
      clearTimeout(queryTimer);
      queryTimer = setTimeout(() => this.setFilters({ query: queryInput.value.trim() }), 250);
    });

    const sortSelect = h('select', { id: 'filter-sort', name: 'sort' },
      Object.entries(SORTS).map(([key, sort]) => h('option', { value: key }, sort.label)));
    sortSelect.value = effectiveSort(this.filters);
    sortSelect.addEventListener('change', () => this.setFilters({ sort: sortSelect.value }));

    const credibilitySelect = h('select', { id: 'filter-credibility', name: 'cred' },
      h('option', { value: '' }, 'Any'),
      [1, 2, 3, 4, 5].map(grade => h('option', { value: String(grade) }, `${grade} or better`)));
    credibilitySelect.value = this.filters.credibility;
    credibilitySelect.addEventListener('change', () => this.setFilters({ credibility: credibilitySelect.value }));

    const originsInput = h('input', { id: 'filter-origins', name: 'origins', type: 'number', min: '0', step: '1', class: 'narrow' });
    originsInput.value = this.filters.minOrigins;
    originsInput.addEventListener('change', () => {
      const value = Math.max(0, Math.floor(Number(originsInput.value) || 0));
      this.setFilters({ minOrigins: value > 0 ? String(value) : '' });
    });

    const dateInput = (id, key) => {
      const input = h('input', { id, name: key, type: 'date' });
      input.value = this.filters[key];
      input.addEventListener('change', () => this.setFilters({ [key]: input.value }));
      return input;
    };

    const sizeSelect = h('select', { id: 'filter-size', name: 'size' },
      PAGE_SIZES.map(size => h('option', { value: String(size) }, String(size))));
    sizeSelect.value = String(this.filters.size);
    sizeSelect.addEventListener('change', () => this.setFilters({ size: Number(sizeSelect.value) }));

    const clear = h('button', { type: 'button', class: 'secondary' }, 'Clear filters');
    clear.addEventListener('click', () => {
      actorHint.textContent = '';
      this.filters = { ...EMPTY_FILTERS, size: this.filters.size };
      history.replaceState(null, '', listRoute(this.filters));
      this.pager.reset('');
      this.buildSkeleton();
      this.load();
    });

    const field = (id, label, ...controls) => h('div', { class: 'field' }, h('label', { for: id }, label), controls);
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter claims' },
      field('filter-status', 'Status', statusSelect),
      field('filter-actor', 'Actor', actorInput, actorOptions, actorHint),
      h('div', { class: 'field grow' }, h('label', { for: 'filter-query' }, 'Words'), queryInput),
      field('filter-sort', 'Sort', sortSelect),
      field('filter-credibility', 'Credibility', credibilitySelect),
      field('filter-origins', 'Origins ≥', originsInput),
      field('filter-from', 'First reported from', dateInput('filter-from', 'from')),
      field('filter-to', 'to', dateInput('filter-to', 'to')),
      field('filter-size', 'Per page', sizeSelect),
      h('div', { class: 'field' }, clear));
    form.addEventListener('submit', event => event.preventDefault());

    this.statusSelect = statusSelect;
    this.sortSelect = sortSelect;
    this.countsElement = h('div', { class: 'status-counts', role: 'group', 'aria-label': 'Claims per status' });
    this.caption = h('caption');
    this.tbody = h('tbody');
    this.empty = h('p', { class: 'empty', role: 'status' });
    this.pagerTop = h('div', { class: 'pager-wrap' });
    this.pagerBottom = h('div', { class: 'pager-wrap' });
    this.staleNotice = h('p', { class: 'stale-notice', role: 'status', hidden: true });
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
        this.countsElement,
        h('div', { class: 'list-layout' },
          h('div', { class: 'table-wrap' }, this.pagerTop, this.staleNotice, table, this.empty, this.pagerBottom),
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
    const next = { ...this.filters, ...changes };
    if (sameFilters(next, this.filters)) {
      return;
    }
    this.filters = next;
    this.pager.reset('');
    this.counts = new Map();
    history.replaceState(null, '', listRoute(this.filters));
    this.sortSelect.value = effectiveSort(this.filters);
    this.load();
  }

  onPageMove() {
    history.replaceState(null, '', listRoute(this.filters, this.pager.token));
    this.load({ keepCounts: true });
    this.container.querySelector('.list-view')?.scrollIntoView({ block: 'start' });
  }

  /** Reads the current page (and the counts per status) from the server. */
  async load({ keepCounts = false, rowsToo = true } = {}) {
    const generation = ++this.generation;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = 0;
    this.loading = true;
    this.lastLoadAt = Date.now();
    this.scheduleRender();
    const filters = this.filters;
    const token = this.pager.token;
    try {
      const [page, counts] = await Promise.all([
        rowsToo ? listClaims({ ...claimQuery(filters), pageSize: filters.size, pageToken: token }) : null,
        keepCounts && this.counts.size > 0 ? null : this.loadCounts(filters),
      ]);
      if (generation !== this.generation) {
        return;
      }
      if (page) {
        this.rows = page.claims ?? [];
        this.pager.next = page.nextPageToken ?? '';
        this.changesSinceLoad = 0;
        this.changedRows.clear();
      }
      if (counts) {
        this.counts = counts;
      }
      this.loaded = true;
      this.error = null;
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      this.error = error;
    }
    this.loading = false;
    this.scheduleRender();
  }

  /** The claims per status under the other filters: one count each (the first page of one claim carries it). */
  async loadCounts(filters) {
    const statuses = ['', ...STATUSES];
    const answers = await Promise.all(statuses.map(status =>
      listClaims({ ...claimQuery(filters, status), pageSize: 1 })));
    return new Map(statuses.map((status, i) => [status, {
      value: num(answers[i].totalSizeEstimate),
      exact: Boolean(answers[i].totalSizeExact),
    }]));
  }

  onChange(change) {
    if (!this.active) {
      return;
    }
    if (change.cleared) {
      this.load();
      return;
    }
    if (!change.live) {
      return;
    }
    const claim = change.event.claim;
    const index = this.rows.findIndex(row => row.claimId === claim.claimId);
    if (index >= 0 && num(claim.version) >= num(this.rows[index].version)) {
      this.rows[index] = claim;
      this.changedRows.add(claim.claimId);
    }
    this.changesSinceLoad++;
    this.scheduleRender();
    this.scheduleRefresh();
  }

  /** After live changes: the counts, and on the first page the rows, are read again (at most every REFRESH_MS). */
  scheduleRefresh() {
    if (this.refreshTimer || !this.loaded || document.hidden) {
      return;
    }
    const wait = Math.max(0, this.lastLoadAt + REFRESH_MS - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = 0;
      if (this.active) {
        this.load({ rowsToo: this.pager.token === '' });
      }
    }, wait);
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
    this.renderCounts();
    const rows = this.rows;
    const changed = this.changedRows;
    this.changedRows = new Set();
    fill(this.tbody, rows.map(claim => this.row(claim, changed.has(claim.claimId))));

    const total = this.counts.get(this.filters.status);
    const sort = SORTS[effectiveSort(this.filters)].caption;
    const first = this.pager.pageNumber > 0 ? (this.pager.pageNumber - 1) * this.filters.size + 1 : 0;
    const range = rows.length === 0 ? '' : first > 0 ? `${first}–${first + rows.length - 1}` : `${rows.length} after earlier pages`;
    this.caption.textContent = total
      ? `${countText(total)} claims, ${sort}${range ? ` · showing ${range}` : ''}`
      : `Claims, ${sort}`;
    const label = range ? `claims ${range}${total ? ` of ${countText(total)}` : ''}` : '';
    fill(this.pagerTop, this.pager.element('claims', { loading: this.loading, label }));
    fill(this.pagerBottom, rows.length > 10 ? this.pager.element('claims', { loading: this.loading, label }) : null);

    const deep = this.pager.token !== '';
    this.staleNotice.hidden = !(deep && this.changesSinceLoad > 0);
    if (!this.staleNotice.hidden) {
      fill(this.staleNotice, `${plural(this.changesSinceLoad, 'change')} to claims since this page was read. `,
        h('button', { type: 'button', class: 'secondary small', on: { click: () => this.load() } }, 'Read this page again'));
    }

    if (rows.length > 0) {
      this.empty.hidden = true;
    } else {
      this.empty.hidden = false;
      const anyFilter = !sameFilters({ ...this.filters, size: DEFAULT_PAGE_SIZE, sort: '' }, EMPTY_FILTERS);
      this.empty.className = this.error ? 'empty error' : 'empty';
      this.empty.textContent = this.error
        ? `The claims could not be read: ${this.error.message}`
        : !this.loaded
          ? 'Loading…'
          : anyFilter || deep
            ? 'No claims match these filters.'
            : this.connected
              ? 'No claims yet. Register a report (POST /v1/reports, or `ingest` in the CLI) and its claims appear here as soon as they are stored.'
              : 'Connecting to the live feed…';
    }
    this.renderRecent();
  }

  renderCounts() {
    const button = (status, label) => {
      const pressed = this.filters.status === status;
      const count = this.counts.get(status);
      const element = h('button', {
        type: 'button',
        class: `count-chip ${status ? 'status-' + status.toLowerCase() : 'all'}`,
        'aria-pressed': String(pressed),
        dataset: { status: status || 'ALL', count: count?.value, exact: count?.exact },
      }, h('span', { class: 'count-label' }, label), ' ', h('span', { class: 'count' }, countText(count)));
      element.addEventListener('click', () => {
        const next = pressed ? '' : status;
        this.statusSelect.value = next;
        this.setFilters({ status: next });
      });
      return element;
    };
    fill(this.countsElement,
      button('', 'All'),
      STATUSES.map(status => button(status, STATUS_LABELS[status])));
  }

  row(claim, changed) {
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
