// What the page knows about claims: the latest summary of every claim (from the watch snapshot and
// the live events after it) and the most recent live changes.

import { num } from './dom.js';

export const STATUSES = Object.freeze(['UNCORROBORATED', 'CORROBORATED', 'CONTESTED', 'CONTRADICTED']);

export const STATUS_LABELS = Object.freeze({
  UNCORROBORATED: 'Uncorroborated',
  CORROBORATED: 'Corroborated',
  CONTESTED: 'Contested',
  CONTRADICTED: 'Contradicted',
  CORROBORATION_STATUS_UNSPECIFIED: 'Not judged',
});

export const CREDIBILITY_LABELS = Object.freeze({
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'cannot be judged',
});

const RECENT_LIMIT = 50;

/**
 * Lower-cases and reduces text to its letters and digits separated by single spaces, the way the
 * server normalises claim text for ListClaims' `query` (every query word must occur in it).
 */
export function normalizeWords(text) {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/\p{Mn}/gu, '')
    .replace(/[^\p{L}\p{Nd}]+/gu, ' ')
    .toLowerCase()
    .trim();
}

export class ClaimStore {
  constructor() {
    /** @type {Map<string, {claim: any, updatedMs: number, normText: string}>} */
    this.claims = new Map();
    /** Live changes, newest first. */
    this.recent = [];
    /** claimId → when this page last saw it change live (ms). */
    this.changedAt = new Map();
    this.listeners = new Set();
    this.eventCount = 0;
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(claimId) {
    return this.claims.get(claimId)?.claim;
  }

  /** Forgets everything: the server is about to send a fresh snapshot of a store that was reset. */
  clear() {
    this.claims.clear();
    this.recent = [];
    this.changedAt.clear();
    this.notify({ cleared: true });
  }

  /**
   * Applies one ClaimEvent. A claim summary replaces the held one only when its version is higher:
   * a snapshot that is read again, or a live event the snapshot already reflected, changes nothing.
   * (STATEMENT_ADDED and STATUS_CHANGED of one append carry the same version: both are logged.)
   */
  apply(event) {
    const claim = event.claim;
    if (!claim || !claim.claimId) {
      return;
    }
    this.eventCount++;
    const live = event.kind !== 'CLAIM_SNAPSHOT';
    const held = this.claims.get(claim.claimId);
    const newer = !held || num(claim.version) > num(held.claim.version);
    if (newer) {
      this.claims.set(claim.claimId, {
        claim,
        updatedMs: Date.parse(claim.updatedAt ?? '') || 0,
        // The filter finds a claim by its proposition and by the words first written for it.
        normText: normalizeWords(claim.verbatim ? `${claim.text} ${claim.verbatim}` : claim.text),
      });
    }
    if (live) {
      this.changedAt.set(claim.claimId, Date.now());
      this.recent.unshift({
        kind: event.kind,
        cursor: event.cursor,
        claimId: claim.claimId,
        text: claim.text,
        status: claim.status,
        previousStatus: event.previousStatus,
        speaker: event.statement?.speaker,
        stance: event.statement?.stance,
        occurredAt: event.occurredAt,
      });
      if (this.recent.length > RECENT_LIMIT) {
        this.recent.length = RECENT_LIMIT;
      }
    }
    this.notify({ event, claimId: claim.claimId, live, newer });
  }

  notify(change) {
    for (const listener of this.listeners) {
      listener(change);
    }
  }

  /**
   * The claims matching the filters, most recently changed first.
   * @param {{status?: string, actorId?: string, query?: string}} filters
   */
  select({ status, actorId, query } = {}) {
    const words = normalizeWords(query).split(' ').filter(Boolean);
    const counts = Object.fromEntries(STATUSES.map(name => [name, 0]));
    let total = 0;
    const rows = [];
    for (const entry of this.claims.values()) {
      const claim = entry.claim;
      if (actorId && !(claim.actorIds ?? []).includes(actorId)) {
        continue;
      }
      if (words.length > 0 && !words.every(word => entry.normText.includes(word))) {
        continue;
      }
      total++;
      if (claim.status in counts) {
        counts[claim.status]++;
      }
      if (status && claim.status !== status) {
        continue;
      }
      rows.push(entry);
    }
    rows.sort((a, b) =>
      b.updatedMs - a.updatedMs
      || num(b.claim.version) - num(a.claim.version)
      || (a.claim.claimId < b.claim.claimId ? -1 : 1));
    return { rows: rows.map(entry => entry.claim), counts, total };
  }
}
