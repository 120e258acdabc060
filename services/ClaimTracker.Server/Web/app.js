// The page: one live watch (live events only: lists are read from the server a page at a time) feeds one claim
// store; the views read the server and the store, chosen by the route. Every route can be bookmarked.
//   #/                              claims list (filters and page in the query: #/?status=CONTESTED&q=shells&page=…)
//   #/claims/{claimId}              one claim
//   #/claims/{claimId}/timeline     the claim's timeline
//   #/actors  #/actors/{actorId}    actors (?q=…); one actor: what they said, on which claims (?as=origin|outlet)
//   #/reports #/reports/{reportId}  reports (?outlet=…&q=…&from=…&to=…); one report with its statements

import { ActorView } from './actor-page.js';
import { ActorsListView } from './actors-list.js';
import { ClaimView } from './claim.js';
import { ListView, listRoute } from './list.js';
import { ReportView } from './report-page.js';
import { ReportsListView } from './reports-list.js';
import { ClaimStore } from './store.js';
import { ClaimWatch } from './watch.js';
import { TimelineView } from './timeline.js';

const main = document.getElementById('main');
const store = new ClaimStore();

const listView = new ListView(store, main);
// "All claims" goes back to the list as last filtered, on the page it was on.
const claimView = new ClaimView(store, main, { backRoute: () => listRoute(listView.filters, listView.pager.token) });
const timelineView = new TimelineView(main);
const actorView = new ActorView(store, main);
const actorsListView = new ActorsListView(main);
const reportView = new ReportView(store, main);
const reportsListView = new ReportsListView(main);
const views = [listView, claimView, timelineView, actorView, actorsListView, reportView, reportsListView];

const indicator = document.getElementById('connection');
const indicatorText = indicator.querySelector('.connection-text');
const retryButton = indicator.querySelector('.connection-retry');

function showConnection(state) {
  indicator.dataset.state = state.state;
  indicator.dataset.reconnects = String(state.reconnects);
  indicator.dataset.cursor = state.cursor;
  if (state.state === 'live') {
    indicator.dataset.resumedAfter = state.resumedAfter ?? '';
  }
  retryButton.hidden = state.state !== 'retrying';
  switch (state.state) {
    case 'live':
      indicatorText.textContent = state.resumedAfter ? 'Live (resumed)' : 'Live';
      indicator.title = state.resumedAfter
        ? `Receiving changes as they happen; reconnected after event ${state.resumedAfter}, nothing missed`
        : 'Receiving changes as they happen';
      break;
    case 'connecting':
      indicatorText.textContent = 'Connecting…';
      indicator.title = '';
      break;
    case 'retrying':
      indicatorText.textContent = `Disconnected: ${state.error}. Retrying in ${Math.max(1, Math.round(state.retryInMs / 1000))} s`;
      indicator.title = state.cursor ? `will resume after event ${state.cursor}` : 'will start over live and read the page again';
      break;
    default:
      indicatorText.textContent = 'Stopped';
  }
  listView.setConnected(state.state === 'live');
  if (state.state === 'live' && state.reconnects === 0) {
    // Changes between the list's first read and the watch going live would otherwise be missed.
    listView.feedRestarted();
  }
}

const watch = new ClaimWatch({
  onEvent: event => store.apply(event),
  onState: showConnection,
  onCursor: cursor => {
    indicator.dataset.cursor = cursor;
  },
  // Live only again after a gap: the views read what they show again.
  onRestart: () => store.clear(),
}, { snapshot: false });
retryButton.addEventListener('click', () => watch.retryNow());

/** The view for a route and how to show it: [view, show]. */
function viewFor(hash) {
  const queryStart = hash.indexOf('?');
  const path = queryStart >= 0 ? hash.slice(0, queryStart) : hash;
  const params = new URLSearchParams(queryStart >= 0 ? hash.slice(queryStart + 1) : '');
  const segments = path.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [section, id, sub] = segments;
  if (section === 'claims' && id && sub === 'timeline' && segments.length === 3) {
    return [timelineView, () => timelineView.show(id)];
  }
  if (section === 'claims' && id && segments.length === 2) {
    return [claimView, () => claimView.show(id)];
  }
  if (section === 'actors') {
    return id ? [actorView, () => actorView.show(id, params)] : [actorsListView, () => actorsListView.show(params)];
  }
  if (section === 'reports') {
    // Report ids may contain '/': everything after "reports/" is the id.
    const reportId = segments.slice(1).join('/');
    return reportId ? [reportView, () => reportView.show(reportId)] : [reportsListView, () => reportsListView.show(params)];
  }
  return [listView, () => listView.show(params)];
}

function route() {
  const [shown, show] = viewFor(location.hash || '#/');
  for (const view of views) {
    if (view !== shown) {
      view.hide();
    }
  }
  show();
  for (const link of document.querySelectorAll('.site-nav a')) {
    link.toggleAttribute('aria-current', link.dataset.section === (shown === listView || shown === claimView || shown === timelineView
      ? 'claims' : shown === actorView || shown === actorsListView ? 'actors' : 'reports'));
  }
  // Move focus to the new view's heading so keyboard and screen-reader users land on it.
  main.querySelector('h1')?.focus({ preventScroll: true });
  window.scrollTo({ top: 0 });
}

window.addEventListener('hashchange', route);
route();
watch.start();
