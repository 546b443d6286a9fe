// The Judge page: a snapshot form grouped as analysts think, filled from an example or by hand, judged by
// POST /verdicts; each problem of a 400 is shown next to its field.
import { api, el, markNavigation, problemText, renderVerdict, status } from './common.js';
import { GROUPS, RUNOFF } from './fields.js';

const form = document.getElementById('snapshot');
const groups = document.getElementById('groups');
const picker = document.getElementById('example');
const historyNote = document.getElementById('history-note');
const verdictBody = document.getElementById('verdict-body');
const asRequest = document.getElementById('as-request');
const statusRegion = document.getElementById('status');
const formError = document.getElementById('form-error');
let examples = [];
/** The history that came with the example picked, sent with the snapshot while the note says so. */
let history = null;

function field(name, unit, hint, control) {
  return el('div', { class: 'field' },
    el('label', { for: `f-${name}` }, name, ' ', el('span', { class: 'unit', text: unit })),
    control,
    el('small', { id: `h-${name}`, class: 'hint', text: hint }),
    el('small', { id: `e-${name}`, class: 'error', role: 'alert' }));
}

function numberInput(name, min, max) {
  return el('input', { id: `f-${name}`, name, type: 'text', inputmode: 'decimal', autocomplete: 'off',
    min: String(min), max: String(max), 'aria-describedby': `h-${name} e-${name}` });
}

/** The bounds as the service words them: "from 0 to 20,000". */
function describeBounds(input) {
  const plain = (text) => Number(text).toLocaleString('en-US', { maximumFractionDigits: 6 });
  return `from ${plain(input.min)} to ${plain(input.max)}`;
}

/**
 * The form's own check, before anything is sent: a number outside its field's bounds (fields.js, from the
 * catalogue the service checks with) is a problem named next to its field, worded as the service's 400.
 */
function outOfBounds(snapshot) {
  const errors = [];
  for (const input of form.querySelectorAll('input[min][max]')) {
    const runoff = RUNOFF.find(([name]) => name === input.name);
    const sent = runoff ? (snapshot.runoff || {})[runoff[1]] : snapshot[input.name];
    if (typeof sent === 'number' && (sent < Number(input.min) || sent > Number(input.max))) {
      errors.push({ field: runoff ? `runoff.${runoff[1]}` : input.name,
        message: `must be ${describeBounds(input)} (was ${input.value.trim()})` });
    }
  }
  return errors;
}

function booleanSelect(name) {
  return el('select', { id: `f-${name}`, name, 'aria-describedby': `h-${name} e-${name}` },
    el('option', { value: '', text: 'unknown' }), el('option', { value: 'true', text: 'yes' }),
    el('option', { value: 'false', text: 'no' }));
}

function buildForm() {
  for (const group of GROUPS) {
    groups.append(el('fieldset', { class: 'group' }, el('legend', { text: group.title }),
      ...group.fields.map(([name, unit, hint, min, max]) => field(name, unit, hint, numberInput(name, min, max)))));
  }
  groups.append(el('fieldset', { class: 'group' }, el('legend', { text: 'Runoff in force' }),
    ...RUNOFF.map(([name, , unit, hint, min, max]) => field(name, unit === 'boolean' ? 'yes / no' : unit, hint,
      unit === 'boolean' ? booleanSelect(name) : numberInput(name, min, max)))));
}

/** A number when the text is one; otherwise the text itself, for the service to name as a problem. */
function value(text) {
  const trimmed = text.trim();
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function snapshotFromForm() {
  const data = new FormData(form);
  const snapshot = {};
  const asOf = String(data.get('asOf') || '').trim();
  if (asOf) snapshot.asOf = asOf;
  for (const group of GROUPS) {
    for (const [name] of group.fields) {
      const text = String(data.get(name) || '');
      if (text.trim() !== '') snapshot[name] = value(text);
    }
  }
  const runoff = {};
  for (const [name, inner, unit] of RUNOFF) {
    const text = String(data.get(name) || '').trim();
    if (text === '') continue;
    runoff[inner] = unit === 'boolean' ? text === 'true' : value(text);
  }
  if (Object.keys(runoff).length) snapshot.runoff = runoff;
  if (history) snapshot.history = history;
  return snapshot;
}

function fill(snapshot) {
  form.reset();
  clearErrors();
  for (const element of form.elements) {
    if (!element.name) continue;
    const runoff = RUNOFF.find(([name]) => name === element.name);
    const source = runoff ? (snapshot.runoff || {})[runoff[1]] : snapshot[element.name];
    element.value = source === undefined || source === null ? '' : String(source);
  }
  history = snapshot.history && snapshot.history.length ? snapshot.history : null;
  historyNote.hidden = !history;
  historyNote.replaceChildren();
  if (history) {
    historyNote.append(`With ${history.length} earlier weeks as its history (for the trend rules). `,
      el('button', { type: 'button', class: 'link', onclick: dropHistory, text: 'Judge without them' }));
  }
}

function dropHistory() {
  history = null;
  historyNote.hidden = true;
  picker.focus();
}

function clearErrors() {
  formError.textContent = '';
  for (const element of form.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
  for (const message of form.querySelectorAll('.field .error')) message.textContent = '';
}

/** Puts each problem of a 400 next to its field; problems without a field of the form go above the buttons. */
function showErrors(problem) {
  clearErrors();
  const elsewhere = [];
  let first = false;
  for (const error of problem.errors || []) {
    const name = formName(error.field);
    const input = form.elements.namedItem(name);
    const message = document.getElementById(`e-${name}`);
    if (input && message) {
      input.setAttribute('aria-invalid', 'true');
      message.textContent = message.textContent ? `${message.textContent}; ${error.message}` : error.message;
      first = true;
    } else {
      elsewhere.push(`${error.field} ${error.message}`);
    }
  }
  formError.textContent = elsewhere.length ? elsewhere.join('; ') : (first ? '' : problem.detail || '');
  // the first field with a problem, in the form's order, takes the focus
  const firstInForm = form.querySelector('[aria-invalid="true"]');
  if (firstInForm) firstInForm.focus();
}

function showRequest(snapshot) {
  const json = JSON.stringify(snapshot, null, 2);
  document.getElementById('json').textContent = json;
  const body = JSON.stringify(snapshot).replaceAll("'", "'\\''");
  document.getElementById('curl').textContent = `curl -s -X POST ${location.origin}/verdicts \\\n`
    + `     -H 'Content-Type: application/json' \\\n     -d '${body}'`;
  asRequest.hidden = false;
}

async function judge(event) {
  event.preventDefault();
  const snapshot = snapshotFromForm();
  const refused = outOfBounds(snapshot);
  if (refused.length) {
    showErrors({ errors: refused });
    status(statusRegion, `Not sent: ${refused.length} figure(s) outside their bounds.`, 'error');
    return;
  }
  status(statusRegion, 'Judging…');
  const answer = await api('POST', '/verdicts', { body: JSON.stringify(snapshot), type: 'application/json' });
  showRequest(snapshot);
  if (answer.status === 200) {
    clearErrors();
    renderVerdict(verdictBody, answer.body);
    status(statusRegion, `Judged: ${answer.body.regime}, ${answer.body.actions.length} action(s).`, 'ok');
  } else if (answer.status === 400) {
    showErrors(answer.body);
    status(statusRegion, problemText(answer), 'error');
  } else {
    status(statusRegion, problemText(answer), 'error');
  }
}

async function loadExamples() {
  const answer = await api('GET', '/examples');
  if (answer.status !== 200) {
    status(statusRegion, `No examples: ${problemText(answer)}`, 'error');
    return;
  }
  examples = answer.body;
  for (const example of examples) {
    picker.append(el('option', { value: example.id, text: example.label }));
  }
  const wanted = new URLSearchParams(location.search).get('example');
  if (wanted && examples.some((example) => example.id === wanted)) {
    picker.value = wanted;
    fill(examples.find((example) => example.id === wanted).snapshot);
  }
}

picker.addEventListener('change', () => {
  const example = examples.find((candidate) => candidate.id === picker.value);
  if (example) fill(example.snapshot);
  else fill({});
});
form.addEventListener('submit', judge);
form.addEventListener('reset', () => {
  history = null;
  historyNote.hidden = true;
  clearErrors();
});
for (const [button, source] of [['copy-json', 'json'], ['copy-curl', 'curl']]) {
  document.getElementById(button).addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(document.getElementById(source).textContent);
      status(statusRegion, 'Copied.', 'ok');
    } catch (error) {
      status(statusRegion, 'The browser refused the clipboard: select the text and copy it.', 'error');
    }
  });
}

markNavigation();
buildForm();
loadExamples();

/** The form field that a problem's field names: runoff.treasuryCapBn is runoffTreasuryCapBn. */
function formName(problemField) {
  const runoff = /^runoff\.(\w+)$/.exec(problemField);
  if (runoff) {
    const match = RUNOFF.find(([, inner]) => inner === runoff[1]);
    return match ? match[0] : 'runoffActive';
  }
  return problemField;
}
