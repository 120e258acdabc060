// The page's credentials: when the server answers 401, ask once for an API key (claimtracker token issues one, with
// the claims:read scope) and keep it in sessionStorage, for this tab only; every call sends it as a bearer token.

const storageKey = 'claimtracker.apiKey';
let declined = false;

function currentKey() {
  try {
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}

function withKey(init, key) {
  const headers = new Headers(init.headers ?? {});
  if (key) {
    headers.set('authorization', `Bearer ${key}`);
  }
  return { ...init, headers };
}

/** Asks for a key; false when the user declines (then the page does not ask again until it is reloaded). */
function askForKey(refused) {
  if (declined) {
    return false;
  }
  const why = refused ? 'The server refused the API key of this tab.' : 'This ClaimTracker server needs an API key.';
  const key = window.prompt(`${why}\nEnter a key with the claims:read scope (kept for this browser tab only):`)?.trim();
  if (!key) {
    declined = true;
    return false;
  }
  try {
    sessionStorage.setItem(storageKey, key);
  } catch {
    // Storage disabled: the key is asked for again on the next 401.
  }
  return true;
}

/** fetch() with the tab's API key; on 401 asks for a key (once for calls made together) and retries with it. */
export async function authorizedFetch(url, init = {}) {
  const sent = currentKey();
  const response = await fetch(url, withKey(init, sent));
  if (response.status !== 401) {
    return response;
  }
  // Another call may have asked already while this one was in flight: use its answer without asking again.
  if (currentKey() === sent && !askForKey(sent !== '')) {
    return response;
  }
  return fetch(url, withKey(init, currentKey()));
}
