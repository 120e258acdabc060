// Corrections on the claim page: the audit trail of this claim, and forms to merge it into another claim or to
// relink one of its statements, each with a reason box (every correction goes on the record with who and why).

import { apiUrl, errorFrom } from './api.js';
import { h, timeElement } from './dom.js';

const ANALYST_KEY = 'claimtracker.analyst';

async function postJson(path, body) {
  const response = await fetch(apiUrl(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw await errorFrom(response);
  }
  return response.json();
}

export async function listCorrections(claimId, signal) {
  const response = await fetch(apiUrl('v1/corrections', { claimId, pageSize: 100 }), { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    throw await errorFrom(response);
  }
  return (await response.json()).corrections ?? [];
}

function newCorrectionId() {
  return `web-${crypto.randomUUID()}`;
}

/** Who and why: the analyst's name (remembered in this browser) and a required reason. */
function whoAndWhy() {
  const analyst = h('input', { name: 'analyst', required: true, placeholder: 'your name', value: localStorage.getItem(ANALYST_KEY) ?? '' });
  const reason = h('textarea', { name: 'reason', required: true, rows: 2, placeholder: 'why (goes on the record)' });
  return {
    fields: [h('label', null, 'Analyst ', analyst), h('label', null, 'Reason ', reason)],
    values() {
      localStorage.setItem(ANALYST_KEY, analyst.value.trim());
      return { analyst: analyst.value.trim(), reason: reason.value.trim() };
    },
  };
}

/** A form that runs `submit(values)` and says what happened; `onDone` reloads the view. */
function correctionForm(className, title, inputs, submit, onDone) {
  const who = whoAndWhy();
  const status = h('p', { class: 'muted', role: 'status' });
  const form = h('form', { class: `correction-form ${className}` },
    h('h3', null, title), inputs, who.fields, h('button', { type: 'submit' }, title), status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    status.className = 'muted';
    status.textContent = 'Recording…';
    try {
      const response = await submit(who.values());
      status.textContent = response.correction?.summary ?? 'Done';
      onDone();
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  });
  return form;
}

export function mergeForm(claimId, onDone) {
  const target = h('input', { name: 'target', required: true, placeholder: 'claim id that survives' });
  return correctionForm('merge', 'Merge into another claim', [h('label', null, 'Target claim ', target)],
    ({ analyst, reason }) => postJson('v1/claims:merge', {
      correctionId: newCorrectionId(), analyst, reason, sourceClaimId: claimId, targetClaimId: target.value.trim(),
    }), onDone);
}

export function relinkForm(claimId, statementId, onDone) {
  const target = h('input', { name: 'target', placeholder: 'claim id (empty: a new claim)' });
  return correctionForm('relink', 'Relink this statement', [h('label', null, 'To claim ', target)],
    ({ analyst, reason }) => postJson(`v1/statements/${encodeURIComponent(statementId)}:relink`, {
      correctionId: newCorrectionId(), analyst, reason, statementId, fromClaimId: claimId, toClaimId: target.value.trim(),
    }), onDone);
}

/** The audit trail: newest first, who, when, what and why. */
export function auditTrail(corrections) {
  return h('section', { class: 'panel audit-trail', 'aria-labelledby': 'audit-title' },
    h('h2', { id: 'audit-title' }, 'Corrections'),
    corrections.length === 0
      ? h('p', { class: 'muted' }, 'No corrections recorded.')
      : h('ol', { class: 'correction-list' }, corrections.map(c => h('li', { dataset: { correctionId: c.correctionId } },
        timeElement(c.recordedAt, { relative: false }), ' · ', h('strong', null, c.analyst), ' · ', c.summary,
        h('div', { class: 'muted' }, 'Why: ', c.reason)))));
}
