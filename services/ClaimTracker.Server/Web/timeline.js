// A claim's timeline (#/claims/{id}/timeline): its statements in publication order as a vertical
// timeline. Each entry says which outlet published it and whom that outlet picked it up from, marks an
// origin's first word, and where the claim's status turned; the origins follow, with when each first spoke.

import { getTimeline } from './api.js';
import { actorLink } from './actors.js';
import { statusBadge, truncate } from './list.js';
import { fill, h, num, plural, routeHref, timeElement } from './dom.js';

const PAGE = 200;

const STANCE_WORDS = Object.freeze({
  SUPPORTS: 'supports',
  CONTRADICTS: 'contradicts',
  OBSERVING: 'reports without endorsing',
  QUERIES: 'questions',
});

export class TimelineView {
  constructor(container) {
    this.container = container;
    this.claimId = '';
    this.timeline = null;
    this.entries = [];
    this.error = null;
    this.loading = false;
    this.generation = 0;
  }

  async show(claimId) {
    const generation = ++this.generation;
    this.claimId = claimId;
    this.timeline = null;
    this.entries = [];
    this.error = null;
    await this.load(generation, '');
  }

  hide() {
    this.generation++;
    this.claimId = '';
  }

  async load(generation, pageToken) {
    this.loading = true;
    this.render();
    try {
      const page = await getTimeline(this.claimId, { pageSize: PAGE, pageToken });
      if (generation !== this.generation) {
        return;
      }
      this.timeline = page;
      this.entries.push(...(page.entries ?? []));
      this.error = null;
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      this.error = error;
    }
    this.loading = false;
    this.render();
  }

  render() {
    const back = h('a', { class: 'back', href: routeHref('claims', this.claimId) }, '← The claim');
    const timeline = this.timeline;
    if (!timeline) {
      document.title = 'Timeline · ClaimTracker';
      fill(this.container, h('section', { class: 'timeline-view' }, back,
        h('h1', { tabindex: '-1' }, 'Timeline'),
        h('p', { class: this.error ? 'error' : 'muted', role: 'status' },
          this.error ? `The timeline could not be loaded: ${this.error.message}` : 'Loading…')));
      return;
    }

    document.title = `Timeline: ${truncate(timeline.text, 50)} · ClaimTracker`;
    const first = timeline.firstAppearance;
    fill(this.container, h('article', {
      class: 'timeline-view',
      'aria-labelledby': 'timeline-title',
      dataset: { claimId: timeline.claimId, claimStatus: timeline.status },
    },
    back,
    h('header', { class: 'claim-header' },
      h('div', { class: 'claim-badges' }, statusBadge(timeline.status)),
      h('h1', { id: 'timeline-title', tabindex: '-1', class: 'claim-text' }, 'Timeline: ', timeline.text),
      h('p', { class: 'timeline-first', dataset: { reportId: first.reportId } },
        'First appeared ', timeElement(first.at, { relative: false }), ' in ', h('strong', null, first.outlet),
        ' (', chainText(first), ')'),
      h('p', { class: 'claim-meta' },
        plural(num(timeline.statementCount), 'statement'), ' from ', plural((timeline.origins ?? []).length, 'origin'),
        ' · ', plural(Math.max(0, (timeline.turns ?? []).length - 1), 'status turn'))),
    h('section', { class: 'panel', 'aria-labelledby': 'spread-title' },
      h('h2', { id: 'spread-title' }, 'How it spread, in publication order'),
      h('ol', { class: 'timeline' }, this.entries.map(entry => entryItem(entry))),
      timeline.nextPageToken
        ? h('button', {
          type: 'button',
          class: 'secondary',
          disabled: this.loading,
          on: { click: () => this.load(this.generation, timeline.nextPageToken) },
        }, this.loading ? 'Loading…' : 'Show later statements')
        : null,
      this.error ? h('p', { class: 'error', role: 'status' }, `Could not load: ${this.error.message}`) : null),
    h('section', { class: 'panel', 'aria-labelledby': 'origins-first-title' },
      h('h2', { id: 'origins-first-title' }, 'Origins, by when they first spoke'),
      h('table', { class: 'timeline-origins' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Origin'), h('th', { scope: 'col' }, 'First spoke'), h('th', { scope: 'col' }, 'First outlet'),
          h('th', { scope: 'col' }, 'Statements'), h('th', { scope: 'col' }, 'Position now'))),
        h('tbody', null, (timeline.origins ?? []).map(origin => h('tr', { dataset: { originId: origin.originActorId } },
          h('td', null, actorLink(origin.originActorId, origin.origin)),
          h('td', null, timeElement(origin.firstSpokeAt, { relative: false })),
          h('td', null, origin.firstOutlet),
          h('td', null, String(num(origin.statementCount))),
          h('td', null, STANCE_WORDS[origin.position] ?? 'not counted'))))))));
  }
}

function entryItem(entry) {
  const stance = entry.stance ?? 'STANCE_UNSPECIFIED';
  return h('li', {
    class: `timeline-entry stance-${stance.toLowerCase()}${entry.statusTurned ? ' turned' : ''}`,
    dataset: { statementId: entry.statementId, reportId: entry.reportId, stance, statusAfter: entry.statusAfter },
  },
  h('div', { class: 'timeline-when' }, timeElement(entry.at, { relative: false })),
  h('div', { class: 'timeline-what' },
    h('p', { class: 'timeline-pickup' },
      h('strong', { class: 'outlet' }, entry.outlet || 'unknown outlet'),
      ' picked it up from ', h('span', { class: 'picked-up-from' }, entry.pickedUpFrom || 'an unnamed source'),
      ' · ', h('span', { class: 'tag' }, STANCE_WORDS[stance] ?? 'no stance'),
      entry.modality === 'HEDGED' ? [' ', h('span', { class: 'tag hedged' }, 'hedged')] : null,
      entry.originFirstSpoke ? [' ', h('span', { class: 'tag first-word' }, `first word from ${entry.origin}`)] : null),
    h('p', { class: 'timeline-chain' }, 'Chain: ', chainText(entry), ' · ',
      h('a', { class: 'report-link', href: routeHref('reports', entry.reportId) }, 'the report')),
    entry.content ? h('p', { class: 'content' }, truncate(entry.content, 200)) : null,
    entry.statusTurned
      ? h('p', { class: 'timeline-turn', role: 'note' }, 'Status turned: now ', statusBadge(entry.statusAfter))
      : null));
}

function chainText(entry) {
  return (entry.chain ?? []).filter(Boolean).join(' → ');
}
