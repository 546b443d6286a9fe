// The History page: a series judged week by week (the shipped history, a series file, or FRED downloads),
// drawn with uPlot: reserves and ON RRP in $bn, the overnight spreads to IORB in bp, the regime as bands,
// the action changes as markers and the FOMC's balance-sheet decisions as labelled lines.
import { api, el, figure, markNavigation, problemText, renderVerdict, status } from './common.js';

const REGIME_COLOURS = {
  ABUNDANT: 'rgba(66, 133, 244, 0.14)',
  AMPLE: 'rgba(52, 168, 83, 0.14)',
  TIGHTENING: 'rgba(251, 188, 5, 0.22)',
  SCARCE: 'rgba(234, 67, 53, 0.22)',
  UNKNOWN: 'rgba(128, 128, 128, 0.10)',
};
const chartBox = document.getElementById('chart');
const weekLine = document.getElementById('week');
const statusRegion = document.getElementById('status');
const verdictSection = document.getElementById('week-verdict');
const verdictBody = document.getElementById('week-verdict-body');
const sourceForm = document.getElementById('source');
let plot = null;
/** What the chart shows: the answer's snapshots and compact verdicts, how it was asked for, the calendar. */
let shown = null;
let calendar = [];

const day = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
const seconds = (isoDate) => Date.parse(`${isoDate}T00:00:00Z`) / 1000;
const spread = (rate, iorb) => (rate === undefined || iorb === undefined ? null : Math.round((rate - iorb) * 10000) / 100);

function legend() {
  const list = document.getElementById('regime-legend');
  for (const [regime, colour] of Object.entries(REGIME_COLOURS)) {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = colour.replace(/0\.\d+\)$/, '0.6)');
    list.append(el('li', {}, swatch, regime));
  }
  const marker = el('span', { class: 'swatch marker' });
  list.append(el('li', {}, marker, 'actions changed'), el('li', {}, el('span', { class: 'swatch fomc' }), 'FOMC decision'));
}

function drawBands(u) {
  const { ctx } = u;
  const [xs] = u.data;
  const { top, height } = u.bbox;
  ctx.save();
  for (let i = 0; i < xs.length; i++) {
    const regime = shown.verdicts[i].regime;
    const left = u.valToPos(i === 0 ? xs[0] : (xs[i - 1] + xs[i]) / 2, 'x', true);
    const right = u.valToPos(i === xs.length - 1 ? xs[i] : (xs[i] + xs[i + 1]) / 2, 'x', true);
    ctx.fillStyle = REGIME_COLOURS[regime] || REGIME_COLOURS.UNKNOWN;
    ctx.fillRect(left, top, Math.max(1, right - left), height);
  }
  ctx.restore();
}

function drawMarks(u) {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const ratio = window.devicePixelRatio || 1;
  const [first, last] = [u.scales.x.min, u.scales.x.max];
  ctx.save();
  ctx.font = `${11 * ratio}px system-ui, sans-serif`;
  ctx.strokeStyle = 'rgba(60, 60, 60, 0.55)';
  ctx.fillStyle = 'rgba(40, 40, 40, 0.85)';
  ctx.setLineDash([4 * ratio, 4 * ratio]);
  let labelRow = 0;
  for (const event of calendar) {
    const x = seconds(event.date);
    if (x < first || x > last) continue;
    const at = u.valToPos(x, 'x', true);
    ctx.beginPath();
    ctx.moveTo(at, top);
    ctx.lineTo(at, top + height);
    ctx.stroke();
    const label = (event.note || '').split(/[:;,(]/)[0].slice(0, 28);
    ctx.fillText(label, Math.min(at + 3 * ratio, left + width - 120 * ratio), top + (12 + 12 * (labelRow++ % 4)) * ratio);
  }
  ctx.setLineDash([]);
  ctx.fillStyle = 'rgba(20, 20, 20, 0.9)';
  for (const change of shown.changes) {
    const at = u.valToPos(seconds(change.asOf), 'x', true);
    const y = top + height - 2 * ratio;
    ctx.beginPath();
    ctx.moveTo(at, y - 9 * ratio);
    ctx.lineTo(at - 5 * ratio, y);
    ctx.lineTo(at + 5 * ratio, y);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

function describeWeek(i) {
  if (i === null || i === undefined || !shown) return;
  const point = shown.snapshots[i];
  const verdict = shown.verdicts[i];
  const parts = [`${point.asOf}: ${verdict.regime}`,
    verdict.actions.length ? `actions ${verdict.actions.join(', ')}` : 'no action',
    `reserves ${figure(point.reserveBalancesBn, '$bn')}`, `ON RRP ${figure(point.onRrpBalanceBn, '$bn')}`,
    `EFFR−IORB ${figure(spread(point.effrPct, point.iorbPct), 'bp')}`, `SOFR−IORB ${figure(spread(point.sofrPct, point.iorbPct), 'bp')}`];
  weekLine.textContent = `${parts.join(' · ')}. Click the chart for this week's verdict.`;
}

function draw() {
  const xs = shown.snapshots.map((point) => seconds(point.asOf));
  const data = [
    xs,
    shown.snapshots.map((point) => point.reserveBalancesBn ?? null),
    shown.snapshots.map((point) => point.onRrpBalanceBn ?? null),
    shown.snapshots.map((point) => spread(point.effrPct, point.iorbPct)),
    shown.snapshots.map((point) => spread(point.sofrPct, point.iorbPct)),
  ];
  const options = {
    width: Math.max(300, chartBox.clientWidth),
    height: chartBox.clientWidth < 600 ? 280 : 380,
    scales: { x: { time: true }, bp: { auto: true } },
    axes: [{}, { label: '$bn', size: 60 }, { scale: 'bp', side: 1, label: 'bp', grid: { show: false } }],
    series: [
      { label: 'week', value: (u, v) => (v === null ? '–' : day(v)) },
      { label: 'Reserves $bn', stroke: '#1a73e8', width: 2 },
      { label: 'ON RRP $bn', stroke: '#188038', width: 2 },
      { label: 'EFFR−IORB bp', stroke: '#c5221f', scale: 'bp', width: 1.5 },
      { label: 'SOFR−IORB bp', stroke: '#9334e6', scale: 'bp', width: 1.5, dash: [6, 3] },
    ],
    hooks: {
      drawClear: [drawBands],
      draw: [drawMarks],
      setCursor: [(u) => describeWeek(u.cursor.idx)],
    },
  };
  if (plot) plot.destroy();
  plot = new uPlot(options, data, chartBox);
  plot.over.addEventListener('click', () => {
    if (plot.cursor.idx !== null && plot.cursor.idx !== undefined) openWeek(plot.cursor.idx);
  });
  chartBox.setAttribute('aria-label', `Chart of ${xs.length} weeks from ${shown.snapshots[0].asOf} to `
    + `${shown.snapshots[xs.length - 1].asOf}; the table below lists the weeks the actions changed.`);
}

function changesTable() {
  const table = document.getElementById('changes');
  table.replaceChildren(el('thead', {}, el('tr', {},
    ...['Week', 'From', 'To', 'Verdict'].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const change of shown.changes) {
    const index = shown.snapshots.findIndex((point) => point.asOf === change.asOf);
    body.append(el('tr', {},
      el('td', { text: change.asOf }),
      el('td', {}, ...change.from.map((code) => el('code', { text: code }))),
      el('td', {}, ...change.to.map((code) => el('code', { text: code }))),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => openWeek(index), text: 'Open' }))));
  }
  if (!shown.changes.length) body.append(el('tr', {}, el('td', { colspan: '4', text: 'The actions never changed.' })));
  table.append(body);
}

/** The verdict of week {@code i}, judged as the series judged it (with the weeks before it as history). */
async function openWeek(i) {
  const point = shown.snapshots[i];
  status(statusRegion, `Judging the week of ${point.asOf}…`);
  let answer;
  if (shown.source === 'shipped' || shown.source === 'watch') {
    const path = shown.source === 'shipped' ? '/backtests/shipped' : '/watch/history';
    answer = await api('GET', `${path}?from=${point.asOf}&to=${point.asOf}&view=full`);
    if (answer.status === 200) answer = { status: 200, body: answer.body.verdicts[0] };
  } else if (shown.source === 'fred') {
    answer = await api('POST', '/backtests/fred?snapshots=false', { body: fredForm(point.asOf, point.asOf, 'full') });
    if (answer.status === 200) answer = { status: 200, body: answer.body.verdicts[0] };
  } else {
    const snapshot = { ...point, history: shown.snapshots.slice(0, i) };
    answer = await api('POST', '/verdicts', { body: JSON.stringify(snapshot), type: 'application/json' });
  }
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    return;
  }
  verdictSection.hidden = false;
  renderVerdict(verdictBody, answer.body);
  status(statusRegion, `The week of ${point.asOf}: ${answer.body.regime}.`, 'ok');
  verdictSection.scrollIntoView({ block: 'start' });
  document.getElementById('week-verdict-title').focus?.();
}

function fredForm(from, to, view) {
  const form = new FormData();
  for (const file of document.getElementById('fred-files').files) {
    form.append(file.name.replace(/\.csv$/i, '').toUpperCase(), file, file.name);
  }
  if (from) form.append('from', from);
  if (to) form.append('to', to);
  form.append('view', view);
  return form;
}

async function load(event) {
  event?.preventDefault();
  const source = new FormData(sourceForm).get('source');
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  status(statusRegion, 'Judging every week…');
  let answer;
  if (source === 'shipped' || source === 'watch') {
    const query = new URLSearchParams({ view: 'compact', snapshots: 'true' });
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    answer = await api('GET', `${source === 'shipped' ? '/backtests/shipped' : '/watch/history'}?${query}`);
  } else if (source === 'fred') {
    if (!document.getElementById('fred-files').files.length) {
      status(statusRegion, 'Choose the FRED CSV files first.', 'error');
      return;
    }
    answer = await api('POST', '/backtests/fred?snapshots=true', { body: fredForm(from, to, 'compact') });
  } else {
    const file = document.getElementById('series-file').files[0];
    if (!file) {
      status(statusRegion, 'Choose a series file first.', 'error');
      return;
    }
    const type = /\.csv$/i.test(file.name) ? 'text/csv' : 'application/json';
    let text;
    try {
      text = await file.text();
    } catch (error) {
      status(statusRegion, `${file.name} cannot be read: ${error.message || error}`, 'error');
      return;
    }
    answer = await api('POST', '/verdicts/series?view=compact&snapshots=true', { body: text, type });
  }
  if (answer.status !== 200) {
    status(statusRegion, problemText(answer), 'error');
    return;
  }
  shown = { source, ...answer.body };
  draw();
  changesTable();
  describeWeek(shown.snapshots.length - 1);
  status(statusRegion, `${answer.body.points} weeks judged by ${answer.body.rulesetVersion.slice(0, 19)}; `
    + `${answer.body.changes.length} change(s) of the recommended actions.`, 'ok');
}

/** The watch's weeks can be chosen once it has judged some: GET /watch says whether it is on and has. */
async function watchSource() {
  const choice = document.getElementById('src-watch');
  const note = document.getElementById('watch-note');
  const answer = await api('GET', '/watch');
  const watch = answer.status === 200 ? answer.body : null;
  const ready = Boolean(watch && watch.enabled && watch.latest);
  choice.disabled = !ready;
  note.textContent = !watch ? '(the watch cannot be read)' : !watch.enabled ? '(the watch is off: no FRED key)'
    : !watch.latest ? '(nothing fetched and judged yet)' : `(to ${watch.latest.asOf}, ${watch.status})`;
  if (ready && new URLSearchParams(location.search).get('source') === 'watch') choice.checked = true;
}

async function start() {
  markNavigation();
  legend();
  const [answer] = await Promise.all([api('GET', '/backtests/policy-calendar'), watchSource()]);
  calendar = answer.status === 200 ? answer.body.events : [];
  sourceForm.addEventListener('submit', load);
  new ResizeObserver(() => {
    if (plot) plot.setSize({ width: Math.max(300, chartBox.clientWidth), height: chartBox.clientWidth < 600 ? 280 : 380 });
  }).observe(chartBox);
  await load();
}

start();
