// The actors (#/actors?q=…): ListActors a page at a time, by name or alias, each linking to its actor page.

import { listActors } from './api.js';
import { fill, h, num, routeHref } from './dom.js';
import { KeysetPager } from './pager.js';

const PAGE_SIZE = 50;

export class ActorsListView {
  constructor(container) {
    this.container = container;
    this.generation = 0;
    this.pager = new KeysetPager(() => this.load());
  }

  show(params) {
    this.query = params.get('q') ?? '';
    this.pager.reset('');
    document.title = 'Actors · ClaimTracker';
    const input = h('input', { id: 'actors-query', type: 'search', autocomplete: 'off', placeholder: 'part of a name or alias' });
    input.value = this.query;
    let timer = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.query = input.value.trim();
        history.replaceState(null, '', '#/actors' + (this.query ? `?q=${encodeURIComponent(this.query)}` : ''));
        this.pager.reset('');
        this.load();
      }, 250);
    });
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Find actors' },
      h('div', { class: 'field grow' }, h('label', { for: 'actors-query' }, 'Name'), input));
    form.addEventListener('submit', event => event.preventDefault());
    this.tbody = h('tbody');
    this.status = h('p', { class: 'empty', role: 'status' });
    this.pagerElement = h('div', { class: 'pager-wrap' });
    fill(this.container, h('section', { class: 'actors-view', 'aria-labelledby': 'actors-title' },
      h('h1', { id: 'actors-title', tabindex: '-1' }, 'Actors'),
      form,
      h('div', { class: 'table-wrap' },
        this.pagerElement,
        h('table', { class: 'claims actors' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Also written as'),
            h('th', { scope: 'col', class: 'num' }, 'Statements'))),
          this.tbody),
        this.status)));
    this.load();
  }

  hide() {
    this.generation++;
  }

  async load() {
    const generation = ++this.generation;
    this.status.hidden = false;
    this.status.textContent = 'Loading…';
    try {
      const page = await listActors(this.query, PAGE_SIZE, undefined, this.pager.token);
      if (generation !== this.generation) {
        return;
      }
      const actors = page.actors ?? [];
      this.pager.next = page.nextPageToken ?? '';
      fill(this.tbody, actors.map(actor => h('tr', { dataset: { actorId: actor.actorId } },
        h('td', null, h('a', { class: 'actor-link claim-link', href: routeHref('actors', actor.actorId) }, actor.name)),
        h('td', null, (actor.kind ?? '').toLowerCase().replace('actor_kind_unspecified', '')),
        h('td', null, (actor.aliases ?? []).filter(alias => alias !== actor.name).join(', ')),
        h('td', { class: 'num' }, String(num(actor.statementCount))))));
      this.status.hidden = actors.length > 0;
      this.status.textContent = actors.length > 0 ? '' : 'No actors match.';
      fill(this.pagerElement, this.pager.element('actors'));
    } catch (error) {
      if (generation === this.generation) {
        this.status.textContent = `The actors could not be read: ${error.message}`;
      }
    }
  }
}
