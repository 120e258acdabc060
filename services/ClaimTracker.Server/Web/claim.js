// One claim (#/claims/{id}): text, status, credibility, reasons, origins on each side, the attribution
// chains as a graph, and the statements grouped by stance. Live: events of this claim from the page's
// watch update the summary and add their statement without reloading.

import { ApiError, GrpcCode, getClaim } from './api.js';
import { actorLink, withActorName } from './actors.js';
import { chainGraphFigure } from './graph.js';
import { credibilityBadge, statusBadge, truncate } from './list.js';
import { fill, h, num, plural, routeHref, timeElement } from './dom.js';
import { CREDIBILITY_LABELS } from './store.js';
import { auditTrail, listCorrections, mergeForm, relinkForm } from './corrections.js';
import { reliabilityFact } from './reliability.js';

const STATEMENT_PAGE = 200;

const STANCE_GROUPS = [
  ['SUPPORTS', 'Supporting'],
  ['CONTRADICTS', 'Contradicting'],
  ['OBSERVING', 'Reported without endorsement'],
  ['QUERIES', 'Questioning'],
  ['STANCE_UNSPECIFIED', 'Stance not decided'],
];

export class ClaimView {
  constructor(store, container, { backRoute }) {
    this.store = store;
    this.container = container;
    this.backRoute = backRoute;
    this.claimId = '';
    this.summary = null;
    this.statements = new Map();
    this.nextToken = '';
    this.loading = false;
    this.error = null;
    this.freshStatements = new Set();
    this.frame = 0;
    this.generation = 0;
    this.corrections = [];
    this.relinking = '';
    store.subscribe(change => this.onChange(change));
  }

  async show(claimId) {
    const generation = ++this.generation;
    this.claimId = claimId;
    this.summary = this.store.get(claimId) ?? null;
    this.statements = new Map();
    this.freshStatements = new Set();
    this.nextToken = '';
    this.error = null;
    this.loading = true;
    this.render();
    try {
      const claim = await getClaim(claimId, { statementPageSize: STATEMENT_PAGE });
      this.corrections = await listCorrections(claim.claimId).catch(() => []);
      if (generation !== this.generation) {
        return;
      }
      this.merge(claim);
      this.nextToken = claim.nextStatementPageToken ?? '';
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      this.error = error;
    }
    this.loading = false;
    this.render();
  }

  hide() {
    this.generation++;
    this.claimId = '';
  }

  async loadOlder() {
    const generation = this.generation;
    this.loading = true;
    this.render();
    try {
      const claim = await getClaim(this.claimId, { statementPageSize: STATEMENT_PAGE, statementPageToken: this.nextToken });
      if (generation !== this.generation) {
        return;
      }
      this.merge(claim);
      this.nextToken = claim.nextStatementPageToken ?? '';
    } catch (error) {
      this.error = error;
    }
    this.loading = false;
    this.render();
  }

  merge(claim) {
    if (!this.summary || num(claim.version) >= num(this.summary.version)) {
      this.summary = { ...claim, statements: [] };
    }
    for (const statement of claim.statements ?? []) {
      this.statements.set(statement.statementId, statement);
    }
    this.error = null;
  }

  onChange(change) {
    if (!this.claimId) {
      return;
    }
    if (change.cleared) {
      this.show(this.claimId);
      return;
    }
    if (change.claimId !== this.claimId) {
      return;
    }
    const event = change.event;
    if (!this.summary || num(event.claim.version) >= num(this.summary.version)) {
      this.summary = { ...event.claim, statements: [] };
    }
    const statement = event.statement;
    if (statement?.statementId && !this.statements.has(statement.statementId)) {
      this.statements.set(statement.statementId, statement);
      if (change.live) {
        this.freshStatements.add(statement.statementId);
      }
    }
    if (this.error instanceof ApiError && this.error.code === GrpcCode.NotFound) {
      // The claim was created after this view asked for it.
      this.show(this.claimId);
      return;
    }
    this.scheduleRender();
  }

  scheduleRender() {
    if (this.frame) {
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.claimId) {
        this.render();
      }
    });
  }

  render() {
    const back = h('a', { class: 'back', href: this.backRoute() }, '← All claims');
    const claim = this.summary;
    if (!claim) {
      document.title = 'Claim · ClaimTracker';
      const message = this.error
        ? (this.error instanceof ApiError && this.error.code === GrpcCode.NotFound
          ? `There is no claim ${this.claimId} (yet). This page will show it if it appears.`
          : `The claim could not be loaded: ${this.error.message}`)
        : 'Loading…';
      fill(this.container, h('section', { class: 'claim-view' }, back,
        h('h1', { tabindex: '-1' }, 'Claim'), h('p', { class: this.error ? 'error' : 'muted', role: 'status' }, message)));
      return;
    }

    document.title = `${truncate(claim.text, 60)} · ClaimTracker`;
    const statements = [...this.statements.values()].sort((a, b) =>
      (Date.parse(b.recordedAt ?? '') || 0) - (Date.parse(a.recordedAt ?? '') || 0)
      || (a.statementId < b.statementId ? -1 : 1));
    const credibility = num(claim.credibility);

    const scrollY = window.scrollY;
    fill(this.container, h('article', {
      class: 'claim-view',
      'aria-labelledby': 'claim-title',
      dataset: { claimId: claim.claimId, claimStatus: claim.status, version: claim.version },
    },
    back,
    h('header', { class: 'claim-header' },
      h('div', { class: 'claim-badges' },
        statusBadge(claim.status),
        h('span', { class: 'credibility-text' }, credibilityBadge(claim.credibility), ' ', CREDIBILITY_LABELS[credibility] ?? '')),
      h('h1', { id: 'claim-title', tabindex: '-1', class: 'claim-text' }, claim.text),
      claim.verbatim
        ? h('p', { class: 'claim-verbatim' }, 'As first written: ', h('q', null, claim.verbatim))
        : null,
      h('p', { class: 'claim-meta' },
        plural(num(claim.statementCount), 'statement'),
        ' · first reported ', timeElement(claim.firstReportedAt, { relative: false }),
        ' · changed ', timeElement(claim.updatedAt),
        ' · ', h('code', null, claim.claimId),
        ' · ', h('a', { class: 'timeline-link', href: routeHref('claims', claim.claimId, 'timeline') }, 'Timeline'))),
    h('section', { class: 'panel reasons', 'aria-labelledby': 'reasons-title' },
      h('h2', { id: 'reasons-title' }, 'Why this status'),
      h('ul', null, (claim.statusReasons ?? []).map(reason => h('li', null, reason)))),
    h('section', { class: 'panel origins', 'aria-labelledby': 'origins-title' },
      h('h2', { id: 'origins-title' }, 'Independent origins'),
      h('div', { class: 'origin-columns' },
        originList('Supporting', 'supporting', claim.supportingOrigins),
        originList('Contradicting', 'contradicting', claim.contradictingOrigins))),
    h('section', { class: 'panel chains', 'aria-labelledby': 'chains-title' },
      h('h2', { id: 'chains-title' }, 'Attribution chains'),
      statements.length === 0 && this.loading
        ? h('p', { class: 'muted' }, 'Loading statements…')
        : chainGraphFigure(statements, { moreNotShown: Boolean(this.nextToken) })),
    h('section', { class: 'statements', 'aria-labelledby': 'statements-title' },
      h('h2', { id: 'statements-title' }, 'Statements'),
      STANCE_GROUPS.map(([stance, title]) => this.stanceGroup(stance, title, statements)),
      this.nextToken
        ? h('button', { type: 'button', class: 'secondary', disabled: this.loading, on: { click: () => this.loadOlder() } },
          this.loading ? 'Loading…' : 'Load older statements')
        : null,
      this.error ? h('p', { class: 'error', role: 'status' }, `Could not load: ${this.error.message}`) : null),
    claim.mergedInto ? h('p', { class: 'muted' }, `You asked for a claim that was merged into ${claim.mergedInto}.`) : null,
    auditTrail(this.corrections),
    mergeForm(claim.claimId, () => this.show(this.claimId))));
    window.scrollTo({ top: scrollY });
  }

  stanceGroup(stance, title, statements) {
    const members = statements.filter(statement => (statement.stance ?? 'STANCE_UNSPECIFIED') === stance);
    if (members.length === 0) {
      return null;
    }
    return h('section', { class: `stance-group stance-${stance.toLowerCase()}`, dataset: { stance } },
      h('h3', null, `${title} (${members.length})`),
      h('ol', { class: 'statement-list' }, members.map(statement => this.statementItem(statement))));
  }

  statementItem(statement) {
    const via = statement.via ?? [];
    const viaIds = statement.viaActorIds ?? [];
    const chain = [actorLink(statement.actorId, statement.speaker)];
    if (via.length === 0 && statement.speaker && statement.speaker === statement.source) {
      chain.push(' (the outlet’s own reporting)');
    } else {
      for (let i = via.length - 1; i >= 0; i--) {
        chain.push(' → ', actorLink(viaIds[i], via[i]));
      }
      chain.push(' → ', h('span', { class: 'outlet' }, statement.source || 'unknown outlet'));
    }
    // The speaker as the report wrote it, when that differs from the actor's name.
    const written = h('span', { class: 'as-written', hidden: true });
    withActorName(statement.actorId, statement.speaker, name => {
      const differs = Boolean(statement.speaker) && name !== statement.speaker;
      written.hidden = !differs;
      written.textContent = differs ? `as “${statement.speaker}”` : '';
    });
    const fresh = this.freshStatements.has(statement.statementId);
    this.freshStatements.delete(statement.statementId);
    const classes = `statement${fresh ? ' fresh' : ''}${statement.withdrawn ? ' withdrawn' : ''}`;
    return h('li', { class: classes, dataset: { statementId: statement.statementId, stance: statement.stance } },
      h('div', { class: 'statement-head' },
        h('span', { class: 'speaker' }, actorLink(statement.actorId, statement.speaker)),
        written,
        statement.cue ? h('span', { class: 'cue' }, statement.cue) : null,
        statement.modality === 'HEDGED' ? h('span', { class: 'tag hedged', title: 'hedged (may, could, expected): weighs less' }, 'hedged') : null),
      statement.quote ? h('blockquote', { class: 'quote' }, `“${statement.quote}”`) : null,
      !statement.quote || statement.quote !== statement.content ? h('p', { class: 'content' }, statement.content) : null,
      h('dl', { class: 'statement-facts' },
        h('dt', null, 'Chain'), h('dd', { class: 'chain' }, chain),
        h('dt', null, 'Report'), h('dd', null, h('a', { class: 'report-link', href: routeHref('reports', statement.reportId) },
          statement.reportId), ' · ', statement.source || '',
          statement.publishedAt ? [' · published ', timeElement(statement.publishedAt, { relative: false })] : null),
        reliabilityFact(statement),
        statement.stanceReason ? [h('dt', null, 'Stance'), h('dd', null, statement.stanceReason)] : null,
        statement.withdrawn ? [h('dt', null, 'Withdrawn'), h('dd', { class: 'withdrawn-reason' }, statement.withdrawnReason)] : null),
      statement.withdrawn ? null : this.relinkControl(statement));
  }

  relinkControl(statement) {
    if (this.relinking !== statement.statementId) {
      return h('button', { type: 'button', class: 'secondary small', on: { click: () => {
        this.relinking = statement.statementId;
        this.render();
      } } }, 'Relink…');
    }
    return relinkForm(this.summary.claimId, statement.statementId, () => {
      this.relinking = '';
      this.show(this.claimId);
    });
  }
}

function originList(title, kind, actorIds) {
  const ids = actorIds ?? [];
  return h('div', { class: `origin-list ${kind}` },
    h('h3', null, `${title} (${ids.length})`),
    ids.length === 0
      ? h('p', { class: 'muted' }, 'none')
      : h('ul', null, ids.map(id => h('li', null, actorLink(id, id)))));
}
