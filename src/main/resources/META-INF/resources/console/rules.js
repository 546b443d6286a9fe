// The Rules page: the active ruleset (files, rules with their @source and the scenarios each fires in, scenario
// results, the last refused edit), and an editor whose Check, Impact and Save call the rules endpoints with the
// token the analyst types. The token lives in this module's memory only: never in the URL, storage or a log.
import { api, el, markNavigation, problemText, status } from './common.js';

const statusRegion = document.getElementById('status');
const editorSection = document.getElementById('editor');
const problems = document.getElementById('problems');
const impactResult = document.getElementById('impact-result');
const saveNote = document.getElementById('save-note');
let rules = null;
let editor = null;
let editing = null;
let markedLines = [];

function token() {
  return document.getElementById('token').value.trim();
}

function needToken() {
  if (token()) return false;
  status(statusRegion, 'Type a rules token first: the service runs no rule text for an anonymous caller.', 'error');
  document.getElementById('token').focus();
  return true;
}

function summary() {
  const text = document.getElementById('summary');
  if (!rules.version) {
    text.textContent = 'No ruleset is active yet: the last refused edit below says why.';
    return;
  }
  const passed = rules.scenarios.filter((scenario) => scenario.passed).length;
  text.replaceChildren('Active version ', el('code', { text: rules.version.slice(0, 19) }),
    `, loaded ${new Date(rules.loadedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC: `,
    `${rules.files.length} files, ${rules.files.reduce((n, file) => n + file.rules.length, 0)} rules, `,
    `${passed} of ${rules.scenarios.length} scenarios pass.`,
    rules.writable ? ' The rules folder is writable: an admin may save edits here.'
      : ' The rules folder is read-only here: edits are downloaded and shipped.');
}

function rejected() {
  const section = document.getElementById('rejected');
  const body = document.getElementById('rejected-body');
  section.hidden = !rules.lastRejected;
  if (!rules.lastRejected) return;
  const rejection = rules.lastRejected;
  body.replaceChildren(el('p', {}, `${rejection.at}: `, el('strong', { text: rejection.reason })));
  const list = el('ul');
  for (const error of rejection.errors || []) {
    list.append(el('li', {}, el('code', { text: `${error.file}:${error.line}:${error.column}` }), ` ${error.message}`));
  }
  for (const scenario of rejection.failedScenarios || []) {
    list.append(el('li', {}, `${scenario.name}: ${scenario.failures.join('; ')}`));
  }
  body.append(list);
}

function files() {
  const container = document.getElementById('files');
  container.replaceChildren();
  for (const file of rules.files) {
    const table = el('table', { class: 'rules' }, el('thead', {}, el('tr', {},
      ...['Rule', 'Line', 'Source', 'Fires in'].map((h) => el('th', { scope: 'col', text: h })))));
    const body = el('tbody');
    for (const rule of file.rules) {
      const source = rule.metadata && rule.metadata.source ? String(rule.metadata.source) : '';
      body.append(el('tr', { 'data-rule': rule.name },
        el('td', { text: rule.name }), el('td', { text: String(rule.line) }), el('td', { text: source }),
        el('td', { text: rule.firesIn.length ? rule.firesIn.join('; ') : 'no scenario' })));
    }
    table.append(body);
    container.append(el('details', { class: 'file', 'data-file': file.name },
      el('summary', {}, el('code', { text: file.name }), ` · ${file.rules.length} rule(s) `,
        el('button', { type: 'button', class: 'secondary open', 'data-file': file.name,
          onclick: (event) => { event.preventDefault(); open(file.name); }, text: `Edit ${file.name}` })),
      el('div', { class: 'scroll' }, table)));
  }
}

function scenarios() {
  const table = document.getElementById('scenarios');
  table.replaceChildren(el('thead', {}, el('tr', {},
    ...['Scenario', 'File', 'Result'].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const scenario of rules.scenarios) {
    body.append(el('tr', { class: scenario.passed ? 'passed' : 'failed' },
      el('td', { text: scenario.name }), el('td', {}, el('code', { text: scenario.file })),
      el('td', { text: scenario.passed ? 'passed' : `failed: ${scenario.failures.join('; ')}` })));
  }
  table.append(body);
  document.getElementById('uncovered').textContent = !rules.version ? ''
    : rules.rulesFiringInNoScenario.length
      ? `Rules that fire in no scenario: ${rules.rulesFiringInNoScenario.join('; ')}.` : 'Every rule fires in some scenario.';
}

async function open(name) {
  const answer = await api('GET', `/rules/files/${encodeURIComponent(name)}`);
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    return;
  }
  editing = name;
  editorSection.hidden = false;
  document.getElementById('editor-title').textContent = `Edit ${name}`;
  if (!editor) {
    editor = CodeMirror.fromTextArea(document.getElementById('source-text'), {
      lineNumbers: true, mode: 'text/x-java', indentUnit: 4, viewportMargin: Infinity,
      screenReaderLabel: 'DRL source',
    });
  }
  editor.setValue(answer.body);
  clearMarks();
  problems.replaceChildren();
  impactResult.replaceChildren();
  saveNote.textContent = rules.writable ? 'Save writes the file into the rules folder (admin token) once it passes '
    + 'the checks; the service then activates it.' : 'The rules folder is read-only here (on Kubernetes it is a '
    + 'ConfigMap): Download the edited file and ship it as k8s/README.md, “Shipping a rule edit”, says.';
  document.getElementById('save').hidden = !rules.writable;
  editorSection.scrollIntoView({ block: 'start' });
  editor.focus();
}

function clearMarks() {
  for (const line of markedLines) editor.removeLineClass(line, 'background', 'line-error');
  markedLines = [];
}

/** Compile errors at their lines: the line marked in the editor, and a list that jumps to each. */
function showErrors(errors, title) {
  clearMarks();
  problems.replaceChildren(el('h3', { text: title }));
  const list = el('ul', { class: 'problems' });
  for (const error of errors) {
    const ours = error.file === editing && error.line > 0;
    if (ours) {
      const handle = editor.addLineClass(error.line - 1, 'background', 'line-error');
      markedLines.push(handle);
    }
    list.append(el('li', { class: 'problem', 'data-line': String(error.line) },
      ours ? el('button', { type: 'button', class: 'link', onclick: () => {
        editor.setCursor({ line: error.line - 1, ch: Math.max(0, error.column - 1) });
        editor.focus();
      }, text: `line ${error.line}${error.column ? `, column ${error.column}` : ''}` })
        : el('code', { text: `${error.file}:${error.line}` }),
      ` ${error.message}`));
  }
  problems.append(list);
}

async function check() {
  if (needToken()) return;
  status(statusRegion, `Checking ${editing}…`);
  const answer = await api('POST', `/rules/validate?file=${encodeURIComponent(editing)}`,
    { body: editor.getValue(), type: 'text/plain', token: token() });
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    return;
  }
  if (answer.body.valid) {
    clearMarks();
    problems.replaceChildren(el('p', { class: 'ok', text: `It compiles with the other active files (version ${answer.body.version.slice(0, 19)}).` }));
    status(statusRegion, 'Valid.', 'ok');
  } else {
    showErrors(answer.body.errors, `${answer.body.errors.length} error(s)`);
    status(statusRegion, `${answer.body.errors.length} compile error(s).`, 'error');
  }
}

async function impact() {
  if (needToken()) return;
  status(statusRegion, `Judging the shipped history with the edit of ${editing}…`);
  const answer = await api('POST', '/rules/impact', { body: JSON.stringify({ files: { [editing]: editor.getValue() } }),
    type: 'application/json', token: token() });
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    return;
  }
  const result = answer.body;
  if (result.errors.length) showErrors(result.errors, 'The draft cannot run');
  else clearMarks();
  impactResult.replaceChildren(el('h3', { text: 'Impact' }), el('p', {},
    result.valid ? `${result.changed} of ${result.points} weeks of ${result.source} would change. `
      : 'The draft does not compile or run. ',
    result.wouldActivate ? 'Every scenario passes: the service would take this edit.'
      : 'The service would refuse this edit as it stands.',
    ` (${result.timings.compileMillis + result.timings.scenariosMillis + result.timings.judgingMillis} ms)`));
  const failed = result.scenarios.filter((scenario) => !scenario.passed);
  if (failed.length) {
    impactResult.append(el('h4', { text: 'Scenarios that would fail' }), el('ul', {},
      ...failed.map((scenario) => el('li', { class: 'failed-scenario' }, el('strong', { text: scenario.name }), `: ${scenario.message}`))));
  }
  if (result.differences.length) {
    const table = el('table', { class: 'differences' }, el('thead', {}, el('tr', {},
      ...['Week', 'Regime', 'Actions', 'Signals added', 'Signals gone'].map((h) => el('th', { scope: 'col', text: h })))));
    const body = el('tbody');
    for (const difference of result.differences) {
      const { active, draft } = difference;
      const added = draft.signals.filter((code) => !active.signals.includes(code));
      const gone = active.signals.filter((code) => !draft.signals.includes(code));
      body.append(el('tr', {},
        el('td', { text: difference.asOf }),
        el('td', { text: active.regime === draft.regime ? active.regime : `${active.regime} → ${draft.regime}` }),
        el('td', { text: active.actions.join(' ') === draft.actions.join(' ') ? active.actions.join(', ')
          : `${active.actions.join(', ') || 'none'} → ${draft.actions.join(', ') || 'none'}` }),
        el('td', { text: added.join(', ') }), el('td', { text: gone.join(', ') })));
    }
    table.append(body);
    impactResult.append(el('h4', { text: 'Weeks that would change' }), el('div', { class: 'scroll' }, table));
  }
  status(statusRegion, result.valid ? `${result.changed} week(s) would change.` : 'The draft fails.', result.valid ? 'ok' : 'error');
}

async function save() {
  if (needToken()) return;
  status(statusRegion, `Saving ${editing}…`);
  const answer = await api('PUT', `/rules/files/${encodeURIComponent(editing)}`,
    { body: editor.getValue(), type: 'text/plain', token: token() });
  if (answer.status === 200) {
    status(statusRegion, `Saved: ${answer.body.status}, version ${answer.body.activeVersion.slice(0, 19)}.`, 'ok');
    await load();
  } else if (answer.status === 422) {
    problems.replaceChildren(el('h3', { text: 'Not saved' }), el('ul', {},
      ...(answer.body.errors || []).map((error) => el('li', {}, `${error.field}: ${error.message}`))));
    status(statusRegion, problemText(answer), 'error');
  } else {
    status(statusRegion, problemText(answer), 'error');
  }
}

function download() {
  const url = URL.createObjectURL(new Blob([editor.getValue()], { type: 'text/plain' }));
  const link = el('a', { href: url, download: editing });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  status(statusRegion, `${editing} downloaded: ship it as the deployment ships rule edits.`, 'ok');
}

async function load() {
  const answer = await api('GET', '/rules');
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    return;
  }
  rules = answer.body;
  summary();
  rejected();
  files();
  scenarios();
}

markNavigation();
document.getElementById('token-form').addEventListener('submit', (event) => event.preventDefault());
document.getElementById('check').addEventListener('click', check);
document.getElementById('impact').addEventListener('click', impact);
document.getElementById('save').addEventListener('click', save);
document.getElementById('download').addEventListener('click', download);
load();
