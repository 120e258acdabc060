// What the page knows about claims from the live feed: the latest summary of the claims that changed while
// the page was open (the most recent few thousand) and the most recent live changes. Lists are read from the
// server a page at a time (list.js); this store only carries what the feed says.

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
/** Claim summaries kept; beyond this the claim that changed longest ago is forgotten. */
const CLAIM_LIMIT = 5000;

export class ClaimStore {
  constructor() {
    /** claimId → {claim}, in the order they last changed (oldest first). */
    this.claims = new Map();
    /** Live changes, newest first. */
    this.recent = [];
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
      this.claims.delete(claim.claimId);
      this.claims.set(claim.claimId, { claim });
      if (this.claims.size > CLAIM_LIMIT) {
        this.claims.delete(this.claims.keys().next().value);
      }
    }
    if (live) {
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
}
