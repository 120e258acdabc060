// The reports (#/reports?outlet=a-…&q=…&from=YYYY-MM-DD&to=YYYY-MM-DD): ListReports a page at a time, newest first,
// by publishing outlet, publication dates and words in the title or text.

import { listActors, listReports } from './api.js';
import { actorLink, withActorName } from './actors.js';
import { fill, h, plural, routeHref, timeElement } from './dom.js';
import { KeysetPager } from './pager.js';

const PAGE_SIZE = 50;

function nextDay(date) {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

function isDate(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');
}

export class ReportsListView {
  constructor(container) {
    this.container = container;
    this.generation = 0;
    this.pager = new KeysetPager(() => this.load());
  }

  show(params) {
    this.filters = {
      outlet: params.get('outlet') ?? '',
      query: params.get('q') ?? '',
      from: isDate(params.get('from')) ? params.get('from') : '',
      to: isDate(params.get('to')) ? params.get('to') : '',
    };
    this.pager.reset('');
    document.title = 'Reports · ClaimTracker';
    this.buildSkeleton();
    this.load();
  }

  hide() {
    this.generation++;
  }

  route() {
    const params = new URLSearchParams();
    for (const [key, name] of [['outlet', 'outlet'], ['query', 'q'], ['from', 'from'], ['to', 'to']]) {
      if (this.filters[key]) {
        params.set(name, this.filters[key]);
      }
    }
    const text = params.toString();
    return '#/reports' + (text ? '?' + text : '');
  }

  setFilters(changes) {
    this.filters = { ...this.filters, ...changes };
    history.replaceState(null, '', this.route());
    this.pager.reset('');
    this.load();
  }

  buildSkeleton() {
    const outletInput = h('input', { id: 'reports-outlet', type: 'text', autocomplete: 'off', placeholder: 'any outlet (name or id)' });
    const outletHint = h('span', { class: 'hint', 'aria-live': 'polite' });
    if (this.filters.outlet) {
      withActorName(this.filters.outlet, this.filters.outlet, name => {
        outletInput.value = name;
      });
    }
    outletInput.addEventListener('change', () => this.chooseOutlet(outletInput.value.trim(), outletHint));
    const queryInput = h('input', { id: 'reports-query', type: 'search', autocomplete: 'off', placeholder: 'words in the title or text' });
    queryInput.value = this.filters.query;
    let timer = 0;
    queryInput.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.setFilters({ query: queryInput.value.trim() }), 250);
    });
    const dateInput = (id, key) => {
      const input = h('input', { id, type: 'date' });
      input.value = this.filters[key];
      input.addEventListener('change', () => this.setFilters({ [key]: input.value }));
      return input;
    };
    const field = (id, label, ...controls) => h('div', { class: 'field' }, h('label', { for: id }, label), controls);
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter reports' },
      field('reports-outlet', 'Outlet', outletInput, outletHint),
      h('div', { class: 'field grow' }, h('label', { for: 'reports-query' }, 'Words'), queryInput),
      field('reports-from', 'Published from', dateInput('reports-from', 'from')),
      field('reports-to', 'to', dateInput('reports-to', 'to')));
    form.addEventListener('submit', event => event.preventDefault());
    this.tbody = h('tbody');
    this.status = h('p', { class: 'empty', role: 'status' });
    this.pagerElement = h('div', { class: 'pager-wrap' });
    fill(this.container, h('section', { class: 'reports-view', 'aria-labelledby': 'reports-title' },
      h('h1', { id: 'reports-title', tabindex: '-1' }, 'Reports'),
      form,
      h('div', { class: 'table-wrap' },
        this.pagerElement,
        h('table', { class: 'claims reports' },
          h('caption', null, 'Newest registered first'),
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, 'Published'), h('th', { scope: 'col' }, 'Outlet'), h('th', { scope: 'col' }, 'Headline'),
            h('th', { scope: 'col', class: 'num' }, 'Statements'))),
          this.tbody),
        this.status)));
  }

  async chooseOutlet(text, hint) {
    if (!text) {
      hint.textContent = '';
      this.setFilters({ outlet: '' });
      return;
    }
    if (/^a-[\w-]+$/.test(text)) {
      this.setFilters({ outlet: text });
      return;
    }
    try {
      const actors = (await listActors(text, 20)).actors ?? [];
      const exact = actors.find(actor => actor.name.toLowerCase() === text.toLowerCase()) ?? (actors.length === 1 ? actors[0] : null);
      hint.textContent = exact ? '' : actors.length === 0 ? 'no actor by that name' : `${actors.length} actors match; type the full name`;
      if (exact) {
        this.setFilters({ outlet: exact.actorId });
      }
    } catch (error) {
      hint.textContent = `actors could not be looked up: ${error.message}`;
    }
  }

  async load() {
    const generation = ++this.generation;
    this.status.hidden = false;
    this.status.textContent = 'Loading…';
    try {
      const page = await listReports({
        outletActorId: this.filters.outlet,
        query: this.filters.query,
        publishedAfter: this.filters.from ? `${this.filters.from}T00:00:00Z` : '',
        publishedBefore: this.filters.to ? nextDay(this.filters.to) : '',
        pageSize: PAGE_SIZE,
        pageToken: this.pager.token,
      });
      if (generation !== this.generation) {
        return;
      }
      const reports = page.reports ?? [];
      this.pager.next = page.nextPageToken ?? '';
      fill(this.tbody, reports.map(report => h('tr', { dataset: { reportId: report.reportId } },
        h('td', null, timeElement(report.publishedAt, { relative: false })),
        h('td', null, report.sourceActorId ? actorLink(report.sourceActorId, report.source) : report.source),
        h('td', { class: 'claim-cell' },
          h('a', { class: 'report-link claim-link', href: routeHref('reports', report.reportId) }, report.title || report.reportId),
          report.retracted ? [' ', h('span', { class: 'badge retracted' }, 'Retracted')] : null,
          (report.revision ?? 1) > 1 ? [' ', h('span', { class: 'tag revision' }, `revision ${report.revision}`)] : null),
        h('td', { class: 'num' }, String((report.statementIds ?? []).length)))));
      this.status.hidden = reports.length > 0;
      this.status.textContent = reports.length > 0 ? '' : 'No reports match these filters.';
      fill(this.pagerElement, this.pager.element('reports', { label: plural(reports.length, 'report') + ' on this page' }));
    } catch (error) {
      if (generation === this.generation) {
        this.status.textContent = `The reports could not be read: ${error.message}`;
      }
    }
  }
}
