// Actor names, resolved through GET v1/actors/{id} once per actor and cached for the page's life.

import { ApiError, GrpcCode, getActor } from './api.js';
import { h, routeHref } from './dom.js';

/** actorId → Promise of the actor, or null when the server does not know it. */
const cache = new Map();
/**
 * How long "not found" stands before a look-up asks again: an actor unknown now (a link followed before the report that
 * names it was registered) can exist a moment later, and the page should get its own name once it is there.
 */
const NOT_FOUND_RETRY_MS = 3000;
/** actorId → name, for actors already resolved (synchronous look-ups while drawing). */
const names = new Map();

export function resolveActor(actorId) {
  let pending = cache.get(actorId);
  if (!pending) {
    pending = getActor(actorId).then(
      actor => {
        if (actor?.name) {
          names.set(actorId, actor.name);
        }
        return actor;
      },
      error => {
        if (error instanceof ApiError && error.code === GrpcCode.NotFound) {
          setTimeout(() => {
            if (cache.get(actorId) === pending) {
              cache.delete(actorId);
            }
          }, NOT_FOUND_RETRY_MS);
          return null;
        }
        // A passing failure: forget it, so that a later look-up asks again.
        cache.delete(actorId);
        return null;
      });
    cache.set(actorId, pending);
  }
  return pending;
}

/** The resolved name if known now, else undefined. */
export function knownName(actorId) {
  return names.get(actorId);
}

/**
 * Calls `apply(name)` with the best name known now (`fallback` until the server answers) and again
 * once the actor is resolved, if that gives a different name.
 */
export function withActorName(actorId, fallback, apply) {
  const now = (actorId && names.get(actorId)) || fallback || actorId || 'unknown';
  apply(now);
  if (actorId && !names.has(actorId)) {
    resolveActor(actorId).then(actor => {
      if (actor?.name && actor.name !== now) {
        apply(actor.name);
      }
    });
  }
}

/** A link to the actor's page, labelled with the actor's name. */
export function actorLink(actorId, fallback) {
  if (!actorId) {
    return h('span', { class: 'actor' }, fallback || 'unknown');
  }
  const link = h('a', { class: 'actor', href: routeHref('actors', actorId), title: `what ${actorId} said, on which claims` });
  withActorName(actorId, fallback, name => {
    link.textContent = name;
  });
  return link;
}
