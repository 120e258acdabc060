// One report (#/reports/{id}): headline, outlet, link, revision and retraction; its text with the statements found in
// it highlighted (speaker, cue, content spans); each statement with its claim, stance and effect.

import { ApiError, GrpcCode, getReport, listStatements } from './api.js';
import { actorLink } from './actors.js';
import { fill, h, plural, timeElement } from './dom.js';
import { forgetClaimSummaries, statementRow } from './statement-rows.js';

/** A report's statements are read a page at a time up to this many (ListStatements' largest page). */
const STATEMENT_PAGE = 500;
const SPAN_KINDS = Object.freeze([['sourceSpan', 'source'], ['cueSpan', 'cue'], ['contentSpan', 'content']]);

export class ReportView {
  constructor(store, container) {
    this.store = store;
    this.container = container;
    this.reportId = '';
    this.generation = 0;
  }

  async show(reportId) {
    const generation = ++this.generation;
    this.reportId = reportId;
    forgetClaimSummaries();
    document.title = 'Report · ClaimTracker';
    fill(this.container, h('section', { class: 'report-view' }, back(),
      h('h1', { tabindex: '-1' }, 'Report'), h('p', { class: 'muted', role: 'status' }, 'Loading…')));
    let report;
    let statements = [];
    let more = false;
    try {
      const [read, page] = await Promise.all([
        getReport(reportId),
        listStatements({ reportId, pageSize: STATEMENT_PAGE }),
      ]);
      report = read;
      statements = page.statements ?? [];
      more = Boolean(page.nextPageToken);
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      const message = error instanceof ApiError && error.code === GrpcCode.NotFound
        ? `There is no report ${reportId}.`
        : `The report could not be read: ${error.message}`;
      fill(this.container, h('section', { class: 'report-view' }, back(),
        h('h1', { tabindex: '-1' }, 'Report'), h('p', { class: 'error', role: 'status' }, message)));
      return;
    }
    if (generation === this.generation) {
      this.render(report, statements, more);
    }
  }

  hide() {
    this.generation++;
    this.reportId = '';
  }

  render(report, statements, more) {
    document.title = `${report.title || report.reportId} · ClaimTracker`;
    // Statements in the order they appear in the text; those without spans (given as structured input) last.
    const ordered = statements.map(statement => asOfReport(statement, report)).sort((a, b) => spanStart(a) - spanStart(b));
    const revisions = report.previousRevisions ?? [];
    fill(this.container, h('article', {
      class: 'report-view',
      'aria-labelledby': 'report-title',
      dataset: { reportId: report.reportId, revision: report.revision ?? 1, retracted: Boolean(report.retracted) },
    },
    back(),
    h('header', { class: 'claim-header' },
      h('div', { class: 'claim-badges' },
        report.retracted ? h('span', { class: 'badge retracted' }, 'Retracted') : null,
        (report.revision ?? 1) > 1 ? h('span', { class: 'tag revision' }, `revision ${report.revision}`) : null),
      h('h1', { id: 'report-title', tabindex: '-1', class: 'claim-text' }, report.title || report.reportId),
      h('p', { class: 'claim-meta' },
        'Published by ', report.sourceActorId ? actorLink(report.sourceActorId, report.source) : report.source,
        report.publishedAt ? [' · ', timeElement(report.publishedAt, { relative: false })] : ' · publication time not given',
        ' · registered ', timeElement(report.registeredAt),
        report.registeredBy ? ` by ${report.registeredBy}` : '',
        ' · ', h('code', null, report.reportId),
        safeUrl(report.url)
          ? [' · ', h('a', { class: 'report-url', href: safeUrl(report.url), rel: 'noreferrer noopener' }, 'original')]
          : null),
      report.retracted
        ? h('p', { class: 'retraction', role: 'note' }, 'Retracted by the outlet: ', report.retractionReason || 'no reason recorded')
        : null),
    report.text
      ? h('section', { class: 'panel report-text-panel', 'aria-labelledby': 'report-text-title' },
        h('h2', { id: 'report-text-title' }, 'Text'),
        h('p', { class: 'muted span-legend' },
          h('mark', { class: 'span-source' }, 'who'), ' ', h('mark', { class: 'span-cue' }, 'said'), ' ',
          h('mark', { class: 'span-content' }, 'what'), ' — select a highlighted statement to find it below'),
        h('div', { class: 'report-text' }, highlighted(report.text, ordered)))
      : null,
    h('section', { class: 'panel', 'aria-labelledby': 'report-statements-title' },
      h('h2', { id: 'report-statements-title' }, `Statements found in it (${statements.length}${more ? '+' : ''})`),
      ordered.length === 0
        ? h('p', { class: 'muted' }, 'No statements listed for this report.')
        : h('ol', { class: 'statement-rows' }, ordered.map(statement => {
          const row = statementRow(statement, { store: this.store, showReport: false });
          row.id = `statement-${statement.statementId}`;
          return row;
        }))),
    revisions.length > 0
      ? h('section', { class: 'panel', 'aria-labelledby': 'report-revisions-title' },
        h('h2', { id: 'report-revisions-title' }, `Earlier revisions (${revisions.length})`),
        h('ol', { class: 'revisions' }, revisions.map(revision => h('li', null,
          h('details', null,
            h('summary', null, `Revision ${revision.revision ?? 1}: `, revision.title || '(no title)', ' · ',
              plural((revision.statementIds ?? []).length, 'statement')),
            h('p', { class: 'report-text' }, revision.text || '(no text)'))))))
      : null));
  }
}

function back() {
  return h('a', { class: 'back', href: '#/reports' }, '← All reports');
}

/**
 * The statement with the report's corrections applied: the statement lists keep a statement as it was stored, so a
 * retraction, or a revision that dropped the statement, is read from the report itself.
 */
function asOfReport(statement, report) {
  if (statement.withdrawn) {
    return statement;
  }
  if (report.retracted) {
    const reason = report.retractionReason || 'no reason recorded';
    return { ...statement, withdrawn: true, withdrawnReason: `the report was retracted: ${reason}` };
  }
  const current = report.statementIds ?? [];
  if (current.length > 0 && !current.includes(statement.statementId)) {
    return { ...statement, withdrawn: true, withdrawnReason: `not in the report's revision ${report.revision ?? 1}` };
  }
  return statement;
}

function spanStart(statement) {
  const starts = SPAN_KINDS.map(([field]) => statement[field]).filter(span => span && num0(span.end) > num0(span.begin))
    .map(span => num0(span.begin));
  return starts.length > 0 ? Math.min(...starts) : Number.MAX_SAFE_INTEGER;
}

function num0(value) {
  return Number(value ?? 0) || 0;
}

/** Only web links: a report's URL is the client's text and must not become a script link. */
function safeUrl(url) {
  return /^https?:\/\//i.test(url ?? '') ? url : '';
}

/**
 * The text as nodes, with every statement's spans (offsets in UTF-16 code units, as the server counts them) as
 * <mark> elements; where spans overlap, the innermost kind wins the colour and every statement is linked.
 */
function highlighted(text, statements) {
  const marks = [];
  for (const statement of statements) {
    for (const [field, kind] of SPAN_KINDS) {
      const span = statement[field];
      const begin = Math.max(0, num0(span?.begin));
      const end = Math.min(text.length, num0(span?.end));
      if (end > begin) {
        marks.push({ begin, end, kind, statementId: statement.statementId });
      }
    }
  }
  const cuts = [...new Set([0, text.length, ...marks.flatMap(mark => [mark.begin, mark.end])])].sort((a, b) => a - b);
  const rank = { content: 0, source: 1, cue: 2 };
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = marks.filter(mark => mark.begin <= from && mark.end >= to);
    const piece = text.slice(from, to);
    if (covering.length === 0) {
      pieces.push(piece);
      continue;
    }
    const top = covering.reduce((best, mark) => (rank[mark.kind] > rank[best.kind] ? mark : best));
    pieces.push(h('a', {
      class: `span span-${top.kind}`,
      href: `#statement-${top.statementId}`,
      dataset: { statementId: [...new Set(covering.map(mark => mark.statementId))].join(' '), kind: top.kind },
      on: {
        click: event => {
          event.preventDefault();
          document.getElementById(`statement-${top.statementId}`)?.scrollIntoView({ block: 'center' });
        },
      },
    }, h('mark', { class: `span-${top.kind}` }, piece)));
  }
  return pieces;
}
