// Shared by the console's pages: the API calls, problem documents, and the verdict as analysts read it.
// Everything is built with DOM calls and textContent: nothing from an answer is ever parsed as HTML.

import { language } from './lang.js';

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A call to the service's API; resolves to {status, body, headers}, body parsed when JSON. */
export async function api(method, path, { body, type, token } = {}) {
  const headers = { Accept: 'application/json, application/problem+json, text/plain', 'Accept-Language': language() };
  if (type) headers['Content-Type'] = type;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (error) {
    return { status: 0, body: { title: 'The service cannot be reached', detail: String(error.message || error) } };
  }
  const contentType = response.headers.get('Content-Type') || '';
  let text;
  try {
    text = await response.text();
  } catch (error) {
    return { status: 0, body: { title: 'The answer broke off', detail: String(error.message || error) } };
  }
  let parsed = text;
  if (contentType.includes('json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      parsed = { title: 'The answer is not JSON', detail: text.slice(0, 300) };
    }
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A problem document (or any failed answer) as one line. */
export function problemText(answer) {
  const problem = answer.body && typeof answer.body === 'object' ? answer.body : { detail: String(answer.body || '') };
  const title = problem.title || `HTTP ${answer.status}`;
  return problem.detail ? `${title}: ${problem.detail}` : title;
}

/** Shows a message in the page's status region (announced by screen readers). */
export function status(region, message, kind = 'info') {
  region.textContent = message;
  region.className = `status status-${kind}`;
}

/** Marks the current page in the navigation. */
export function markNavigation() {
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  for (const link of document.querySelectorAll('nav.console a')) {
    if (link.getAttribute('href') === here) link.setAttribute('aria-current', 'page');
  }
}

/** A number as the verdict's units read: $bn with a thousands separator, % and bp as they are. */
export function figure(value, unit) {
  if (value === null || value === undefined) return '–';
  const number = Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (unit === '$bn') return `$${number}bn`;
  if (unit === '%') return `${number}%`;
  if (unit === 'bp') return `${number}bp`;
  return unit ? `${number} ${unit}` : number;
}

/** The signal code's anchor on the page. */
export function signalAnchor(code) {
  return `signal-${code}`;
}

/**
 * Renders a verdict into {@code container}: the regime first, the actions with their reasons and the signals
 * they rest on (linked), the signals with observed against threshold, the watchlist as gauges, the explanation,
 * the inputs that were missing and the decision id.
 */
export function renderVerdict(container, verdict) {
  container.replaceChildren();
  container.append(
    el('p', { class: 'regime-line' }, `As of ${verdict.asOf}, reserves are `,
      el('strong', { class: `regime regime-${verdict.regime}`, 'data-regime': verdict.regime, text: verdict.regime })),
  );

  const actions = el('section', { 'aria-labelledby': 'actions-title' }, el('h3', { id: 'actions-title', text: 'Recommended actions' }));
  if (!verdict.actions.length) actions.append(el('p', { text: 'None: the rules recommend no change.' }));
  const actionList = el('ol', { class: 'actions' });
  for (const action of verdict.actions) {
    const because = el('span', { class: 'because' }, 'because ');
    action.because.forEach((code, i) => {
      if (i) because.append(', ');
      because.append(el('a', { href: `#${signalAnchor(code)}` }, el('code', { text: code })));
    });
    actionList.append(el('li', { class: 'action', 'data-code': action.code },
      el('code', { class: 'code', text: action.code }), ` (priority ${action.priority}) `,
      el('span', { class: 'rationale', text: action.rationale }), el('br'), because,
      el('span', { class: 'rule' }, ` · rule “${action.rule}”`)));
  }
  actions.append(actionList);
  container.append(actions);

  const signals = el('section', { 'aria-labelledby': 'signals-title' }, el('h3', { id: 'signals-title', text: 'Signals' }));
  const table = el('table', { class: 'signals' },
    el('thead', {}, el('tr', {}, ...['Signal', 'Severity', 'Observed', 'Line', 'What it means'].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  const anchored = new Set();
  for (const signal of verdict.signals) {
    const id = anchored.has(signal.code) ? null : signalAnchor(signal.code);
    anchored.add(signal.code);
    body.append(el('tr', { id, class: `severity-${signal.severity}`, 'data-code': signal.code, tabindex: id ? '-1' : null },
      el('td', {}, el('code', { text: signal.code })),
      el('td', { text: signal.severity }),
      el('td', { text: figure(signal.observed, signal.unit) }),
      el('td', { text: figure(signal.threshold, signal.unit) }),
      el('td', { text: signal.message })));
  }
  table.append(body);
  signals.append(el('div', { class: 'scroll' }, table));
  container.append(signals);

  if (verdict.watchlist) container.append(renderWatchlist(verdict.watchlist));

  container.append(el('section', { 'aria-labelledby': 'why-title' },
    el('h3', { id: 'why-title', text: 'Why' }), el('p', { class: 'explanation', text: verdict.explanation })));
  if (verdict.missingInputs.length) {
    container.append(el('p', { class: 'missing' }, 'Not given, so rules that need them could not decide: ',
      ...verdict.missingInputs.flatMap((name, i) => [i ? ', ' : '', el('code', { text: name })])));
  }
  container.append(el('p', { class: 'meta' },
    'Decision ', el('code', { class: 'decision-id', text: verdict.decisionId || '–' }),
    ' · ruleset ', el('code', { text: (verdict.ruleset.version || '').slice(0, 19) }),
    ` · ${verdict.evaluationMicros} µs`));
}

/** The watchlist as gauges: how near each trigger is, and when it would cross at its pace. */
export function renderWatchlist(watchlist) {
  const section = el('section', { 'aria-labelledby': 'watch-title' }, el('h3', { id: 'watch-title', text: 'Watchlist' }));
  if (!watchlist.length) {
    section.append(el('p', { text: 'No trigger can be measured from the figures given.' }));
    return section;
  }
  const list = el('ul', { class: 'watchlist' });
  for (const watch of watchlist) {
    // closeness: 100 at the line or past it, falling to 0 at a distance of the line's own size
    const scale = Math.max(Math.abs(watch.threshold), 1);
    const closeness = watch.firing || watch.distance <= 0 ? 100 : Math.max(0, 100 - (100 * watch.distance) / scale);
    const label = `${watch.signal}: ${watch.metric}`;
    const id = `gauge-${watch.signal}-${watch.metric}`;
    const side = watch.fires === 'BELOW' ? 'fires below' : 'fires above';
    const distance = watch.distance <= 0 ? `${figure(-watch.distance, watch.unit)} past the line`
      : `${figure(watch.distance, watch.unit)} from the line`;
    const pace = watch.trendPerWeek === null || watch.trendPerWeek === undefined ? ''
      : ` · ${watch.trendPerWeek >= 0 ? '+' : ''}${figure(watch.trendPerWeek, watch.unit)} a week`;
    const cross = watch.weeksToCross === null || watch.weeksToCross === undefined ? ''
      : ` · around ${watch.crossesAround}`;
    list.append(el('li', { class: `watch ${watch.firing ? 'firing' : ''}`, 'data-signal': watch.signal },
      el('label', { for: id }, el('code', { text: watch.signal }), ` ${watch.metric}`),
      el('meter', { id, min: '0', max: '100', low: '50', high: '80', optimum: '0', value: closeness.toFixed(0),
        'aria-label': `${label}: ${watch.firing ? 'firing' : distance}` }, `${closeness.toFixed(0)}%`),
      el('span', { class: 'watch-figures',
        text: `${figure(watch.observed, watch.unit)} against ${figure(watch.threshold, watch.unit)} (${side}) · ${distance}${pace}${cross}` }),
      el('span', { class: 'watch-projection', text: watch.firing ? 'firing' : watch.projection })));
  }
  section.append(list);
  return section;
}
