// One actor (#/actors/{id}, with ?as=origin|outlet to open on those statements): what they said, on which claims,
// with what effect. Statements come from ListStatements (as the speaker, as the origin at the end of a chain, or as
// the outlet that carried them), its claims and alias sightings from GetActor, each a page at a time.

import { ApiError, GrpcCode, getActor, listStatements } from './api.js';
import { fill, h, num, plural, routeHref } from './dom.js';
import { KeysetPager } from './pager.js';
import { claimSummary, forgetClaimSummaries, statementRow } from './statement-rows.js';
import { credibilityBadge, listRoute, statusBadge, truncate } from './list.js';

const STATEMENT_PAGE = 25;
const CLAIM_PAGE = 20;
const SIGHTING_PAGE = 50;

const ROLES = Object.freeze({
  speaker: { label: 'As the speaker', param: 'actorId', empty: 'No statements with this actor as the speaker.' },
  origin: { label: 'As the origin', param: 'originActorId', empty: 'No statements trace back to this actor as their origin.' },
  outlet: { label: 'As the outlet', param: 'outletActorId', empty: 'No statements in reports this actor published.' },
});

const KIND_LABELS = Object.freeze({
  PERSON: 'person', ORGANIZATION: 'organisation', OUTLET: 'outlet', GOVERNMENT: 'government', ACTOR_KIND_UNSPECIFIED: 'actor',
});

export class ActorView {
  constructor(store, container) {
    this.store = store;
    this.container = container;
    this.actorId = '';
    this.generation = 0;
    this.statementPager = new KeysetPager(() => this.loadStatements());
    this.claimPager = new KeysetPager(() => this.loadClaims());
    this.sightingPager = new KeysetPager(() => this.loadSightings());
  }

  show(actorId, params) {
    const generation = ++this.generation;
    this.actorId = actorId;
    this.role = params.get('as') in ROLES ? params.get('as') : 'speaker';
    this.actor = null;
    this.error = null;
    this.statementPager.reset('');
    this.claimPager.reset('');
    this.sightingPager.reset('');
    forgetClaimSummaries();
    this.buildSkeleton();
    getActor(actorId, undefined, { claimPageSize: CLAIM_PAGE, sightingPageSize: SIGHTING_PAGE }).then(actor => {
      if (generation === this.generation) {
        this.actor = actor;
        this.renderHeader();
        this.showClaims(actor);
        this.showSightings(actor);
      }
    }, error => {
      if (generation === this.generation) {
        this.error = error;
        this.renderHeader();
      }
    });
    this.loadStatements();
  }

  hide() {
    this.generation++;
    this.actorId = '';
  }

  buildSkeleton() {
    document.title = 'Actor · ClaimTracker';
    this.header = h('header', { class: 'claim-header actor-header' }, h('h1', { tabindex: '-1' }, this.actorId));
    this.roleTabs = h('div', { class: 'role-tabs', role: 'group', 'aria-label': 'Statements by role' });
    this.statements = h('ol', { class: 'statement-rows', 'aria-live': 'polite' });
    this.statementPagerElement = h('div', { class: 'pager-wrap' });
    this.statementStatus = h('p', { class: 'muted', role: 'status' });
    this.claims = h('ol', { class: 'actor-claims' });
    this.claimPagerElement = h('div', { class: 'pager-wrap' });
    this.sightings = h('tbody');
    this.sightingPagerElement = h('div', { class: 'pager-wrap' });
    fill(this.container, h('article', { class: 'actor-view', dataset: { actorId: this.actorId } },
      h('a', { class: 'back', href: '#/actors' }, '← All actors'),
      this.header,
      h('section', { class: 'panel actor-statements', 'aria-labelledby': 'actor-statements-title' },
        h('h2', { id: 'actor-statements-title' }, 'What they said'),
        this.roleTabs, this.statementStatus, this.statements, this.statementPagerElement),
      h('section', { class: 'panel', 'aria-labelledby': 'actor-claims-title' },
        h('h2', { id: 'actor-claims-title' }, 'Claims they are part of'),
        h('p', { class: 'muted' }, h('a', { class: 'actor-claims-list', href: listRoute({ actorId: this.actorId }) },
          'These claims in the claims list'), ' (with filters and sorting)'),
        this.claims, this.claimPagerElement),
      h('section', { class: 'panel', 'aria-labelledby': 'actor-aliases-title' },
        h('h2', { id: 'actor-aliases-title' }, 'Names and where each was seen'),
        h('table', { class: 'sightings' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name as written'), h('th', { scope: 'col' }, 'Report'))),
          this.sightings),
        this.sightingPagerElement)));
    this.renderRoleTabs();
  }

  renderHeader() {
    const actor = this.actor;
    if (!actor) {
      const message = this.error instanceof ApiError && this.error.code === GrpcCode.NotFound
        ? `There is no actor ${this.actorId}.`
        : `The actor could not be read: ${this.error?.message ?? 'loading…'}`;
      fill(this.header, h('h1', { tabindex: '-1' }, this.actorId), h('p', { class: 'error', role: 'status' }, message));
      return;
    }
    document.title = `${actor.name} · ClaimTracker`;
    const aliases = (actor.aliases ?? []).filter(alias => alias !== actor.name);
    fill(this.header,
      h('h1', { id: 'actor-title', tabindex: '-1', class: 'actor-name' }, actor.name),
      h('p', { class: 'claim-meta' },
        KIND_LABELS[actor.kind ?? 'ACTOR_KIND_UNSPECIFIED'] ?? actor.kind, ' · ',
        plural(num(actor.statementCount), 'statement'), ' · ', h('code', null, actor.actorId), ' · ',
        h('a', { class: 'actor-reports', href: `#/reports?outlet=${encodeURIComponent(actor.actorId)}` }, 'Reports it published')),
      aliases.length > 0
        ? h('p', { class: 'actor-aliases' }, 'Also written as: ', aliases.map((alias, i) => [i > 0 ? ', ' : '', h('q', null, alias)]))
        : null);
  }

  renderRoleTabs() {
    fill(this.roleTabs, Object.entries(ROLES).map(([key, role]) => h('button', {
      type: 'button',
      class: `role-tab${key === this.role ? ' selected' : ''}`,
      'aria-pressed': String(key === this.role),
      dataset: { role: key },
      on: {
        click: () => {
          if (key !== this.role) {
            this.role = key;
            history.replaceState(null, '', `${routeHref('actors', this.actorId)}${key === 'speaker' ? '' : `?as=${key}`}`);
            this.statementPager.reset('');
            this.renderRoleTabs();
            this.loadStatements();
          }
        },
      },
    }, role.label)));
  }

  async loadStatements() {
    const generation = this.generation;
    const role = ROLES[this.role];
    this.statementStatus.textContent = 'Reading statements…';
    try {
      const page = await listStatements({ [role.param]: this.actorId, pageSize: STATEMENT_PAGE, pageToken: this.statementPager.token });
      if (generation !== this.generation || role !== ROLES[this.role]) {
        return;
      }
      const statements = page.statements ?? [];
      this.statementPager.next = page.nextPageToken ?? '';
      this.statementStatus.textContent = statements.length === 0 ? role.empty : '';
      fill(this.statements, statements.map(statement => statementRow(statement, { store: this.store })));
    } catch (error) {
      if (generation === this.generation) {
        this.statementStatus.textContent = `The statements could not be read: ${error.message}`;
      }
    }
    fill(this.statementPagerElement, this.statementPager.element('statements'));
  }

  async loadClaims() {
    await this.loadActorPage({ claimPageSize: CLAIM_PAGE, claimPageToken: this.claimPager.token, sightingPageSize: 1 },
      actor => this.showClaims(actor));
  }

  async loadSightings() {
    await this.loadActorPage({ claimPageSize: 1, sightingPageSize: SIGHTING_PAGE, sightingPageToken: this.sightingPager.token },
      actor => this.showSightings(actor));
  }

  async loadActorPage(pages, apply) {
    const generation = this.generation;
    try {
      const actor = await getActor(this.actorId, undefined, pages);
      if (generation === this.generation) {
        apply(actor);
      }
    } catch (error) {
      if (generation === this.generation) {
        this.error = error;
        this.renderHeader();
      }
    }
  }

  showClaims(actor) {
    this.claimPager.next = actor.nextClaimPageToken ?? '';
    const ids = actor.claimIds ?? [];
    fill(this.claims, ids.length === 0 ? h('li', { class: 'muted' }, 'none') : ids.map(claimId => {
      const item = h('li', { dataset: { claimId } }, h('a', { class: 'claim-link', href: routeHref('claims', claimId) }, claimId));
      claimSummary(claimId, this.store).then(claim => {
        if (claim) {
          fill(item, statusBadge(claim.status), ' ', credibilityBadge(claim.credibility), ' ',
            h('a', { class: 'claim-link', href: routeHref('claims', claimId) }, truncate(claim.text, 160)),
            h('span', { class: 'muted' }, ` · ${plural(num(claim.statementCount), 'statement')}`));
        }
      });
      return item;
    }));
    fill(this.claimPagerElement, this.claimPager.element('claims'));
  }

  showSightings(actor) {
    this.sightingPager.next = actor.nextSightingPageToken ?? '';
    const sightings = actor.aliasSightings ?? [];
    fill(this.sightings, sightings.length === 0
      ? h('tr', null, h('td', { colspan: '2', class: 'muted' }, 'no sightings recorded'))
      : sightings.map(sighting => h('tr', { dataset: { reportId: sighting.reportId } },
        h('td', null, sighting.alias),
        h('td', null, h('a', { class: 'report-link', href: routeHref('reports', sighting.reportId) }, sighting.reportId)))));
    fill(this.sightingPagerElement, this.sightingPager.element('names seen'));
  }
}
