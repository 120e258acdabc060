// Statements as the actor and report pages list them: who said it through whom, the claim it joined with that
// claim's status, and its effect there (whether its origin's position is one the claim counts).

import { getClaim } from './api.js';
import { actorLink } from './actors.js';
import { credibilityBadge, statusBadge, truncate } from './list.js';
import { fill, h, num, routeHref, timeElement } from './dom.js';

/** claimId → Promise of the claim's summary (without statements), read once per page view. */
const summaries = new Map();

/** The claim's current summary; `store` (the live feed's) answers first when it has a newer one. */
export function claimSummary(claimId, store) {
  let pending = summaries.get(claimId);
  if (!pending) {
    pending = getClaim(claimId, { statementPageSize: 1 }).catch(() => {
      summaries.delete(claimId);
      return null;
    });
    summaries.set(claimId, pending);
  }
  const live = store?.get(claimId);
  return live ? pending.then(read => (read && num(read.version) > num(live.version) ? read : live)) : pending;
}

/** Forgets the summaries read so far (a page shown again reads its claims again). */
export function forgetClaimSummaries() {
  summaries.clear();
}

export const STANCE_WORDS = Object.freeze({
  SUPPORTS: 'supports',
  CONTRADICTS: 'contradicts',
  OBSERVING: 'reports without endorsing',
  QUERIES: 'questions',
});

/** What the statement does to its claim now: counted for or against, withdrawn, or not a counted position. */
export function statementEffect(statement, claim) {
  if (statement.withdrawn) {
    return { kind: 'withdrawn', text: `withdrawn: ${statement.withdrawnReason || 'no longer counts'}` };
  }
  if (!claim) {
    return { kind: 'unknown', text: 'claim not read' };
  }
  const origin = statement.originActorId;
  const supporting = (claim.supportingOrigins ?? []).includes(origin);
  const contradicting = (claim.contradictingOrigins ?? []).includes(origin);
  if (statement.stance === 'SUPPORTS' && supporting) {
    return { kind: 'supporting', text: 'counted: its origin supports the claim' };
  }
  if (statement.stance === 'CONTRADICTS' && contradicting) {
    return { kind: 'contradicting', text: 'counted: its origin contradicts the claim' };
  }
  if (supporting || contradicting) {
    return {
      kind: 'superseded',
      text: `superseded: its origin's position by publication time is that it ${supporting ? 'supports' : 'contradicts'} the claim`,
    };
  }
  return { kind: 'not-counted', text: 'not counted: no firm position of its origin (observing, questioning, hedged or low confidence)' };
}

/** The chain speaker → intermediaries → outlet, each a link to its actor's page. */
export function chainElement(statement) {
  const via = statement.via ?? [];
  const viaIds = statement.viaActorIds ?? [];
  const chain = [actorLink(statement.actorId, statement.speaker)];
  for (let i = via.length - 1; i >= 0; i--) {
    chain.push(' → ', actorLink(viaIds[i], via[i]));
  }
  chain.push(' → ', h('span', { class: 'outlet' }, statement.source || 'unknown outlet'));
  return chain;
}

/**
 * One statement as a list item: when, what, the chain, the report, the claim (filled in once read) and the effect.
 * `showReport` adds the report link (the report page leaves it out).
 */
export function statementRow(statement, { store, showReport = true } = {}) {
  const stance = statement.stance ?? 'STANCE_UNSPECIFIED';
  const claimCell = h('div', { class: 'statement-claim' }, h('span', { class: 'muted' }, 'Claim: reading…'));
  const effect = h('p', { class: 'statement-effect', role: 'note' });
  const item = h('li', {
    class: `statement-row stance-${stance.toLowerCase()}${statement.withdrawn ? ' withdrawn' : ''}`,
    dataset: { statementId: statement.statementId, claimId: statement.claimId, reportId: statement.reportId, stance },
  },
  h('div', { class: 'statement-head' },
    statement.publishedAt ? timeElement(statement.publishedAt, { relative: false }) : timeElement(statement.recordedAt),
    ' ', h('span', { class: 'tag stance' }, STANCE_WORDS[stance] ?? 'no stance'),
    statement.modality === 'HEDGED' ? [' ', h('span', { class: 'tag hedged' }, 'hedged')] : null,
    statement.cue ? [' ', h('span', { class: 'cue' }, statement.cue)] : null),
  statement.quote ? h('blockquote', { class: 'quote' }, `“${statement.quote}”`) : null,
  !statement.quote || statement.quote !== statement.content ? h('p', { class: 'content' }, statement.content) : null,
  h('p', { class: 'chain' }, chainElement(statement)),
  showReport && statement.reportId
    ? h('p', { class: 'statement-report' }, 'Report: ',
      h('a', { class: 'report-link', href: routeHref('reports', statement.reportId) }, statement.reportId))
    : null,
  claimCell,
  effect);
  if (!statement.claimId) {
    fill(claimCell, 'No claim');
    return item;
  }
  claimSummary(statement.claimId, store).then(claim => {
    fill(claimCell,
      'Claim: ',
      h('a', { class: 'claim-link', href: routeHref('claims', statement.claimId) }, truncate(claim?.text || statement.claimId, 160)),
      claim ? [' ', statusBadge(claim.status), ' ', credibilityBadge(claim.credibility)] : null);
    const { kind, text } = statementEffect(statement, claim);
    effect.dataset.effect = kind;
    effect.textContent = `Effect: ${text}`;
  });
  return item;
}
