// The Watch page: GET /watch as analysts and SREs read it (the status with its times, the latest week's verdict and
// whether it stands on stale series, the weeks before it, the recent alerts, each series' freshness), and a refresh
// (POST /watch/refresh) with the admin token the analyst types. The token lives in this module's memory only: the
// input has no name, so it is never in a URL, and nothing is kept in storage or logged.
import { api, el, markNavigation, problemText, renderVerdict, status } from './common.js';
import { FRED_SERIES, GROUPS } from './fields.js';

const RECENT_WEEKS = 12;
const DAY = 86_400_000;
const statusRegion = document.getElementById('status');
const sections = Object.fromEntries(['off', 'state', 'latest', 'recent', 'alerts', 'freshness']
  .map((id) => [id, document.getElementById(id)]));
const tokenInput = document.getElementById('token');
const refreshButton = document.getElementById('refresh');
const reloadButton = document.getElementById('reload');

/** What each series feeds, from the catalogue: code → {field, schedule, staleAfterDays, hint}. */
const SERIES = new Map(FRED_SERIES.map(([code, field, schedule, staleAfterDays]) => {
  const described = GROUPS.flatMap((group) => group.fields).find(([name]) => name === field);
  return [code, { field, schedule, staleAfterDays, hint: described ? described[2] : '' }];
}));

/** An instant as UTC to the minute, with how long ago or how soon. */
function instant(iso) {
  if (!iso) return el('span', { class: 'note', text: 'never' });
  const date = new Date(iso);
  return el('span', {}, el('time', { datetime: iso, text: `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC` }),
    ` (${relative(date)})`);
}

function relative(date) {
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const seconds = (date.getTime() - Date.now()) / 1000;
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return seconds < 0 ? 'just now' : 'in under a minute';
  if (magnitude < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (magnitude < 48 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}

/** Days from the date an observation describes to today. */
function age(isoDate) {
  return Math.floor((Date.now() - Date.parse(`${isoDate}T00:00:00Z`)) / DAY);
}

/** A series' last error without the code it starts with: the page shows the code beside it. */
function errorOf(series) {
  return series.error && series.error.startsWith(`${series.code}: `) ? series.error.slice(series.code.length + 2) : series.error;
}

function codes(list) {
  return list.flatMap((code, i) => [i ? ', ' : '', el('code', { text: code })]);
}

function show(which) {
  for (const [id, section] of Object.entries(sections)) section.hidden = !which.includes(id);
}

function renderOff() {
  show(['off']);
  status(statusRegion, 'The watch is off: no FRED API key is configured.');
}

function renderState(watch) {
  const failing = watch.series.filter((series) => series.error);
  const stale = watch.series.filter((series) => series.stale);
  const line = document.getElementById('state-line');
  const badge = el('strong', { class: `badge badge-${watch.status}`, 'data-status': watch.status, text: watch.status });
  const fetchedAll = watch.lastSuccessAt && watch.lastAttemptAt && watch.lastSuccessAt >= watch.lastAttemptAt;
  let why;
  if (!watch.lastAttemptAt) {
    why = 'No fetch has finished yet: the first fetches every series, some seconds within FRED\'s limits.';
  } else if (watch.status === 'FAILING') {
    why = [`Fetching keeps failing for ${failing.length} series: `, ...codes(failing.map((series) => series.code)),
      '. Their last errors:'];
  } else if (watch.status === 'STALE') {
    why = [`${stale.length} of ${watch.series.length} series are older than their schedule allows`,
      fetchedAll ? ': the last fetch got every series, so FRED has published nothing newer.'
        : '. The last fetch did not get every series: see the errors below.'];
  } else {
    why = fetchedAll ? 'Every series is fresh, and the last fetch got every one.'
      : ['Every series is fresh; the last fetch failed for ', ...codes(failing.map((series) => series.code)), '.'];
  }
  line.replaceChildren(badge, ' ', ...[why].flat());
  const errors = document.getElementById('state-errors');
  errors.hidden = !failing.length;
  errors.replaceChildren(...failing.map((series) => el('li', {}, el('code', { text: series.code }), `: ${errorOf(series)}`)));

  const times = document.getElementById('times');
  times.replaceChildren(
    el('div', {}, el('dt', { text: 'Last attempt' }), el('dd', {}, instant(watch.lastAttemptAt))),
    el('div', {}, el('dt', { text: 'Last success (every series)' }), el('dd', {}, instant(watch.lastSuccessAt))),
    el('div', {}, el('dt', { text: 'Next attempt' }), el('dd', {}, instant(watch.nextAttemptAt))),
    el('div', {}, el('dt', { text: 'Latest week judged' }),
      el('dd', {}, watch.latest ? el('a', { href: '#latest-title', text: watch.latest.asOf })
        : el('span', { class: 'note', text: 'none yet' }))));
}

function renderLatest(watch) {
  const body = document.getElementById('latest-body');
  const note = document.getElementById('stale-note');
  const stale = watch.latestStaleSeries || [];
  note.hidden = !watch.latest || !stale.length;
  if (!watch.latest) {
    body.replaceChildren(el('p', { class: 'note', text: 'No week judged yet: the first fetch judges every week since 2018.' }));
    return;
  }
  if (stale.length) {
    // a few are named with the figures they feed; many are counted, and the table below names them
    const named = stale.length <= 6 ? [': ', ...stale.flatMap((code, i) => [i ? ', ' : '', el('code', { text: code }),
      SERIES.has(code) ? ` (${SERIES.get(code).field})` : ''])] : [' (the table of the series below names them)'];
    note.replaceChildren(el('strong', { text: 'Built on stale data.' }),
      ` ${stale.length} of the ${watch.series.length} series are older than their schedule allows`, ...named,
      `. This verdict is of the week of ${watch.latest.asOf} (${age(watch.latest.asOf)} days ago): a figure too old `
      + 'for that week is read as absent, and the rules that needed it could not decide.');
  }
  renderVerdict(body, watch.latest);
}

async function loadRecent(latest) {
  const table = document.getElementById('recent-weeks');
  const from = new Date(Date.parse(`${latest.asOf}T00:00:00Z`) - RECENT_WEEKS * 7 * DAY).toISOString().slice(0, 10);
  const answer = await api('GET', `/watch/history?view=compact&from=${from}&to=${latest.asOf}`);
  if (answer.status !== 200) {
    table.replaceChildren(el('caption', { class: 'error', text: `The weeks cannot be read: ${problemText(answer)}` }));
    return;
  }
  const changed = new Set(answer.body.changes.map((change) => change.asOf));
  table.replaceChildren(el('thead', {}, el('tr', {},
    ...['Week', 'Regime', 'Recommended actions'].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  const weeks = [...answer.body.verdicts].reverse();
  weeks.forEach((week, i) => {
    const before = weeks[i + 1];
    const regimeChanged = before && before.regime !== week.regime;
    body.append(el('tr', { 'data-week': week.asOf },
      el('td', { text: week.asOf }),
      el('td', {}, el('span', { class: `regime regime-${week.regime}`, text: week.regime }),
        regimeChanged ? el('span', { class: 'changed', text: ` from ${before.regime}` }) : ''),
      el('td', {}, week.actions.length ? codes(week.actions) : el('span', { class: 'note', text: 'none' }),
        changed.has(week.asOf) ? el('span', { class: 'changed', text: ' (changed)' }) : '')));
  });
  table.append(body);
}

function renderAlerts(alerts) {
  const table = document.getElementById('alert-list');
  table.replaceChildren(el('thead', {}, el('tr', {},
    ...['Event', 'Week or day', 'What happened'].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const alert of alerts) {
    const detail = [];
    if (alert.event === 'REGIME_CHANGED') detail.push(`${alert.previousRegime || 'none'} → ${alert.regime}`);
    if (alert.event === 'ACTIONS_CHANGED') {
      detail.push(`${(alert.previousActions || []).join(', ') || 'none'} → ${(alert.actions || []).join(', ') || 'none'}`);
    }
    body.append(el('tr', { class: `alert event-${alert.event}`, 'data-event': alert.event, 'data-id': alert.id },
      el('td', {}, el('code', { text: alert.event })),
      el('td', { text: alert.asOf || '–' }),
      el('td', {}, el('span', { class: 'alert-text', text: alert.text }),
        detail.length ? el('span', { class: 'alert-detail', text: ` (${detail.join('; ')})` }) : '')));
  }
  if (!alerts.length) body.append(el('tr', {}, el('td', { colspan: '3', text: 'No alert yet.' })));
  table.append(body);
}

function renderSeries(series) {
  const stale = series.filter((one) => one.stale).length;
  const failing = series.filter((one) => one.error).length;
  document.getElementById('freshness-summary').textContent = `${series.length} series: ${series.length - stale} fresh, `
    + `${stale} stale, ${failing} with an error on the last fetch. A series is stale once its last observation is `
    + 'older than its schedule allows, counted from the date it describes; “last fetched” is its last successful fetch.';
  const table = document.getElementById('series');
  table.replaceChildren(el('thead', {}, el('tr', {},
    ...['Series', 'Feeds', 'Last observation', 'Last fetched', 'Fresh?', 'Last error']
      .map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  // the series whose last fetch failed first, then as the watch lists them
  for (const one of [...series.filter((any) => any.error), ...series.filter((any) => !any.error)]) {
    const known = SERIES.get(one.code);
    const limit = known && known.staleAfterDays ? `${known.schedule}: stale after ${known.staleAfterDays} days`
      : known ? `${known.schedule}: never stale` : '';
    const fresh = !one.lastObservation ? 'not fetched yet'
      : one.stale ? `stale, ${age(one.lastObservation)} days old`
        : known && !known.staleAfterDays ? 'fresh until changed' : `fresh, ${age(one.lastObservation)} days old`;
    body.append(el('tr', { class: `series-row ${one.stale ? 'stale' : 'fresh'} ${one.error ? 'failed' : ''}`,
      'data-code': one.code },
      el('th', { scope: 'row' }, el('code', { text: one.code })),
      el('td', {}, known ? el('code', { text: known.field }) : '', known && known.hint ? el('br') : '',
        known && known.hint ? el('span', { class: 'hint', text: known.hint }) : ''),
      el('td', {}, one.lastObservation || '–', limit ? el('br') : '', limit ? el('span', { class: 'hint', text: limit }) : ''),
      el('td', { class: 'fetched' }, one.fetchedAt ? instant(one.fetchedAt) : el('span', { class: 'note', text: 'never' })),
      el('td', { class: 'freshness', text: fresh }),
      el('td', { class: 'series-error', text: errorOf(one) || '–' })));
  }
  table.append(body);
}

/** The page from a GET /watch or POST /watch/refresh answer. */
function render(watch) {
  if (!watch.enabled) {
    renderOff();
    return;
  }
  show(['state', 'latest', 'alerts', 'freshness'].concat(watch.latest ? ['recent'] : []));
  renderState(watch);
  renderLatest(watch);
  renderAlerts(watch.alerts || []);
  renderSeries(watch.series || []);
  if (watch.latest) loadRecent(watch.latest);
}

function summary(watch) {
  const latest = watch.latest ? `; the latest week, ${watch.latest.asOf}, is ${watch.latest.regime}` : '; no week judged yet';
  const stale = (watch.latestStaleSeries || []).length ? ', built on stale data' : '';
  return `The watch is ${watch.status}${latest}${stale}.`;
}

async function load() {
  status(statusRegion, 'Reading the watch…');
  const answer = await api('GET', '/watch');
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    return;
  }
  render(answer.body);
  if (answer.body.enabled) status(statusRegion, summary(answer.body), 'ok');
}

async function refresh(event) {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (!token) {
    status(statusRegion, 'Type the admin token first (RULES_ADMIN_TOKEN): only an admin may make the service fetch.', 'error');
    tokenInput.focus();
    return;
  }
  refreshButton.disabled = true;
  sections.state.setAttribute('aria-busy', 'true');
  status(statusRegion, 'Fetching every series from FRED and judging the new weeks…');
  const answer = await api('POST', '/watch/refresh', { token });
  refreshButton.disabled = false;
  sections.state.removeAttribute('aria-busy');
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    if (answer.status === 401 || answer.status === 403) tokenInput.focus();
    if (answer.status === 409) load();
    return;
  }
  render(answer.body);
  status(statusRegion, `Fetched. ${summary(answer.body)}`, 'ok');
}

markNavigation();
document.getElementById('refresh-form').addEventListener('submit', refresh);
reloadButton.addEventListener('click', load);
load();
