// The page: one live watch feeds one claim store; two views read it, chosen by the route.
//   #/                      claims list (filters in the query: #/?status=CONTESTED&actor=a-afp&q=shells)
//   #/claims/{claimId}      one claim
//   #/claims/{claimId}/timeline   the claim's timeline

import { ClaimView } from './claim.js';
import { ListView, listRoute } from './list.js';
import { ClaimStore } from './store.js';
import { ClaimWatch } from './watch.js';
import { TimelineView } from './timeline.js';

const main = document.getElementById('main');
const store = new ClaimStore();

const listView = new ListView(store, main);
// "All claims" goes back to the list as last filtered.
const claimView = new ClaimView(store, main, { backRoute: () => listRoute(listView.filters) });
const timelineView = new TimelineView(main);

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
      indicator.title = state.cursor ? `will resume after event ${state.cursor}` : 'will start over with a snapshot';
      break;
    default:
      indicatorText.textContent = 'Stopped';
  }
  listView.setConnected(state.state === 'live');
}

const watch = new ClaimWatch({
  onEvent: event => store.apply(event),
  onState: showConnection,
  onCursor: cursor => {
    indicator.dataset.cursor = cursor;
  },
  onRestart: () => store.clear(),
});
retryButton.addEventListener('click', () => watch.retryNow());

function route() {
  const hash = location.hash || '#/';
  const claimMatch = /^#\/claims\/([^/?]+)$/.exec(hash);
  const timelineMatch = /^#\/claims\/([^/?]+)\/timeline$/.exec(hash);
  timelineView.hide();
  if (timelineMatch) {
    listView.hide();
    claimView.hide();
    timelineView.show(decodeURIComponent(timelineMatch[1]));
  } else if (claimMatch) {
    listView.hide();
    claimView.show(decodeURIComponent(claimMatch[1]));
  } else {
    claimView.hide();
    const queryStart = hash.indexOf('?');
    listView.show(new URLSearchParams(queryStart >= 0 ? hash.slice(queryStart + 1) : ''));
  }
  // Move focus to the new view's heading so keyboard and screen-reader users land on it.
  main.querySelector('h1')?.focus({ preventScroll: true });
  window.scrollTo({ top: 0 });
}

window.addEventListener('hashchange', route);
route();
watch.start();
