// The live claim feed: GET v1/claims:watch read with fetch + ReadableStream. The server writes one
// JSON ClaimEvent per line; the splitter below cuts the stream into top-level JSON objects, so it does
// not depend on line breaks either.
//
// Resuming: every live event carries a cursor, and a watch opened with `cursor=X` receives exactly the
// events after X (the server catches up from its durable feed, then goes live). The watch keeps the
// cursor of the last live event it handed on and reconnects with it after any error, with exponential
// backoff, so nothing is missed and nothing is repeated.
//
// Starting: with `snapshot: true` the first connection asks for `includeSnapshot=true`: the current state of
// every claim (CLAIM_SNAPSHOT events, all carrying the cursor that the live part resumes after), then live
// events. The stream does not mark the end of the snapshot, so until the first live event arrives the page
// cannot tell whether it saw the whole snapshot; a connection lost in that window starts over with a
// fresh snapshot (the store ignores claim states it already has, by version) instead of resuming.
// The page itself starts live only (`snapshot: false`: it reads its lists a page at a time, so it never needs
// every claim); a connection that cannot resume calls onRestart, since changes may have been missed meanwhile.

import { ApiError, GrpcCode, apiUrl, errorFrom } from './api.js';
import { authorizedFetch } from './auth.js';

/** Splits a text stream into top-level JSON objects (NDJSON, concatenated JSON or a JSON array). */
export class JsonObjectSplitter {
  constructor() {
    this.buffer = '';
    this.scanned = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.start = -1;
  }

  /** Feeds a chunk; returns the complete objects it finished, parsed. */
  push(chunk) {
    this.buffer += chunk;
    const objects = [];
    const text = this.buffer;
    let i = this.scanned;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
        } else if (c === 0x5c /* \ */) {
          this.escaped = true;
        } else if (c === 0x22 /* " */) {
          this.inString = false;
        }
      } else if (c === 0x22) {
        this.inString = this.depth > 0;
      } else if (c === 0x7b /* { */) {
        if (this.depth === 0) {
          this.start = i;
        }
        this.depth++;
      } else if (c === 0x7d /* } */ && this.depth > 0) {
        this.depth--;
        if (this.depth === 0) {
          objects.push(JSON.parse(text.slice(this.start, i + 1)));
          this.start = -1;
        }
      }
    }
    // Keep only the unfinished object (if any) for the next chunk.
    if (this.depth === 0) {
      this.buffer = '';
      this.scanned = 0;
    } else {
      this.buffer = text.slice(this.start);
      this.scanned = i - this.start;
      this.start = 0;
    }
    return objects;
  }
}

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;
/** A connection that stayed up this long counts as healthy: the next failure starts the backoff over. */
const HEALTHY_AFTER_MS = 10000;

export class ClaimWatch {
  /**
   * @param {{ onEvent: (event: any) => void, onState: (state: any) => void, onCursor?: (cursor: string) => void, onRestart?: () => void }} handlers
   *   onEvent gets every ClaimEvent in order; onState gets {state, …} when the connection changes;
   *   onCursor gets the resume cursor after each event; onRestart is called when a stream that could not be
   *   resumed starts over (before its fresh snapshot, if any).
   * @param {{ snapshot?: boolean }} options snapshot: start with the current state of every claim
   */
  constructor(handlers, { snapshot = true } = {}) {
    this.handlers = handlers;
    this.snapshot = snapshot;
    this.cursor = '';
    this.liveSeen = false;
    this.failures = 0;
    this.reconnects = 0;
    this.stopped = true;
    this.controller = null;
    this.wake = null;
    window.addEventListener('online', () => this.retryNow());
  }

  start() {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    this.run();
  }

  stop() {
    this.stopped = true;
    this.controller?.abort();
    this.retryNow();
    this.setState({ state: 'stopped' });
  }

  /** Skips the remaining backoff delay. */
  retryNow() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  setState(state) {
    this.handlers.onState({ ...state, cursor: this.cursor, reconnects: this.reconnects });
  }

  async run() {
    while (!this.stopped) {
      const resuming = this.liveSeen && this.cursor !== '';
      const opened = Date.now();
      try {
        await this.connect(resuming);
        throw new Error('the server ended the stream');
      } catch (error) {
        if (this.stopped) {
          return;
        }
        if (Date.now() - opened >= HEALTHY_AFTER_MS) {
          this.failures = 0;
        }
        if (resuming && error instanceof ApiError
          && (error.code === GrpcCode.InvalidArgument || error.code === GrpcCode.OutOfRange)) {
          // The server does not know our cursor (its data was reset), or no longer keeps what came after it (its feed
          // retention): start over from a snapshot.
          this.cursor = '';
          this.liveSeen = false;
          if (this.snapshot) {
            this.handlers.onRestart?.();
          }
        }
        this.failures++;
        const base = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * 2 ** (this.failures - 1));
        const delay = Math.round(base * (0.75 + Math.random() * 0.5));
        this.setState({ state: 'retrying', error: describe(error), retryInMs: delay });
        await new Promise(resolve => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
        this.reconnects++;
      }
    }
  }

  async connect(resuming) {
    this.setState({ state: 'connecting' });
    this.controller = new AbortController();
    const params = resuming ? { cursor: this.cursor } : this.snapshot ? { includeSnapshot: 'true' } : {};
    const response = await authorizedFetch(apiUrl('v1/claims:watch', params), {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: this.controller.signal,
    });
    if (!response.ok) {
      throw await errorFrom(response);
    }
    if (!response.body) {
      throw new Error('this browser cannot read a streamed response');
    }
    // The server answers once the watch is subscribed: from here on nothing registered is missed.
    this.setState({ state: 'live', resumedAfter: resuming ? this.cursor : '' });
    if (!resuming && !this.snapshot && this.reconnects > 0) {
      // Live only again, after a gap: whatever changed meanwhile has to be read again.
      this.handlers.onRestart?.();
    }
    const splitter = new JsonObjectSplitter();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        for (const message of splitter.push(value)) {
          this.handle(message);
        }
      }
    } finally {
      reader.releaseLock();
      this.controller.abort();
    }
  }

  handle(message) {
    if (message.kind === undefined && message.cursor === undefined && typeof message.code === 'number') {
      // An error status written into the stream after it started (e.g. the server shutting down).
      throw new ApiError(200, message.code, message.message || `status ${message.code}`);
    }
    if (message.kind !== 'CLAIM_SNAPSHOT') {
      if (message.cursor) {
        this.cursor = message.cursor;
      }
      this.liveSeen = true;
      this.failures = 0;
    } else if (!this.liveSeen && message.cursor) {
      this.cursor = message.cursor;
    }
    this.handlers.onEvent(message);
    this.handlers.onCursor?.(this.cursor);
  }
}

function describe(error) {
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error instanceof TypeError) {
    return 'the server cannot be reached';
  }
  return error?.message || String(error);
}
