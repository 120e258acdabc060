// Keyset paging for the page's lists: the server hands out a token for the page after the current one
// and none for the one before, so the pager keeps the tokens of the pages it came through.

import { h } from './dom.js';

export class KeysetPager {
  /** @param {() => void} onMove called after the current page token changed */
  constructor(onMove) {
    this.onMove = onMove;
    this.reset('');
  }

  /** Starts over at a page: '' is the first one; a token from a bookmark has no known pages before it. */
  reset(token) {
    this.token = token ?? '';
    this.before = [];
    this.next = '';
    this.startedDeep = this.token !== '';
  }

  /** The 1-based number of the current page, or 0 when the pager started from a bookmarked token. */
  get pageNumber() {
    return this.startedDeep ? 0 : this.before.length + 1;
  }

  goNext() {
    if (this.next) {
      this.before.push(this.token);
      this.token = this.next;
      this.next = '';
      this.onMove();
    }
  }

  goPrevious() {
    if (this.before.length > 0) {
      this.token = this.before.pop();
      this.next = '';
      this.onMove();
    }
  }

  goFirst() {
    if (this.token) {
      this.reset('');
      this.onMove();
    }
  }

  /** First / Previous / Next buttons and a label such as "Page 2"; `what` names the list for screen readers. */
  element(what, { loading = false, label = '' } = {}) {
    const button = (className, text, enabled, action) => h('button', {
      type: 'button',
      class: `secondary ${className}`,
      disabled: !enabled || loading,
      on: { click: action },
    }, text);
    const number = this.pageNumber;
    return h('nav', { class: 'pager', 'aria-label': `Pages of ${what}` },
      button('pager-first', '« First', this.token !== '', () => this.goFirst()),
      button('pager-previous', '‹ Previous', this.before.length > 0, () => this.goPrevious()),
      h('span', { class: 'pager-status', dataset: { page: number } },
        number ? `Page ${number}` : 'A later page', label ? ` · ${label}` : ''),
      button('pager-next', 'Next ›', Boolean(this.next), () => this.goNext()));
  }
}
