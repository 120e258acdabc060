// Source reliability beside a statement: the outlet's and the origin's NATO/Admiralty grades
// ("Reuters B, Kremlin D") as the server's grade board has them; docs/interop.md has the rule.
import { h } from './dom.js';

const GRADE_WORDS = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'cannot be judged yet (too little record)',
};

function grade(name, letter, role) {
  return h('span', { class: `grade grade-${letter}`, title: `${name} as ${role}: ${letter}, ${GRADE_WORDS[letter] ?? ''}` },
    `${name} `, h('b', null, letter));
}

/** The statement's "Reliability" fact (a dt and a dd), or null when the server sent no grades yet. */
export function reliabilityFact(statement) {
  if (!statement.originGrade && !statement.outletGrade) {
    return null;
  }
  const grades = [];
  if (statement.outletGrade) {
    grades.push(grade(statement.source || 'outlet', statement.outletGrade, 'outlet'));
  }
  if (statement.originGrade) {
    grades.push(grade(statement.originName || statement.speaker || 'origin', statement.originGrade, 'origin'));
  }
  return [h('dt', null, 'Reliability'), h('dd', { class: 'reliability' }, grades.flatMap((g, i) => (i ? [', ', g] : [g])))];
}
