/*
 * Model bundles: versions, the live ones, each one's held-out report as a chart and a table, its evaluation gate's
 * report and its bias table; and the jobs (imports, trainings, re-scorings) with their progress, refreshed while one runs.
 */
'use strict';
(() => {
  const { api, el, failed } = Dash;
  const list = document.getElementById('model-list');
  const tbody = document.querySelector('#report-table tbody');
  const fixed = (x) => (typeof x === 'number' ? x.toFixed(3) : '–');
  const ranged = (i) => (i ? fixed(i.value) + (typeof i.low === 'number' ? ' [' + fixed(i.low) + ', ' + fixed(i.high) + ']' : '') : '–');
  const jobsBody = document.querySelector('#jobs-table tbody');
  const gateBody = document.querySelector('#gate-table tbody');
  const biasBody = document.querySelector('#bias-table tbody');
  let chart = null;
  let jobsTimer = null;

  function duration(seconds) {
    if (typeof seconds !== 'number') return '–';
    return seconds >= 90 ? Math.round(seconds / 60) + ' min' : seconds + ' s';
  }

  async function loadJobs() {
    try {
      const jobs = await api('GET', '/api/v1/admin/jobs');
      jobsBody.replaceChildren(...(jobs.length ? jobs.slice(0, 10).map((j) => el('tr', { class: 'job ' + j.status.toLowerCase() },
        el('td', {}, j.type.toLowerCase()), el('td', {}, j.siteId || (j.type === 'RESCORE' ? 'all sites' : 'shared')), el('td', {}, j.status.toLowerCase()),
        el('td', {}, el('progress', { max: '1', value: String(j.progress), 'aria-label': Math.round(100 * j.progress) + '%' }),
          ' ' + Math.round(100 * j.progress) + '%'),
        el('td', {}, j.status === 'FAILED' && j.result && j.result.error ? j.result.error : (j.phase || '')),
        el('td', { class: 'num' }, duration(j.etaSeconds))))
        : [el('tr', {}, el('td', { colspan: 6 }, 'No import, training or re-scoring yet.'))]));
      const active = jobs.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING');
      clearTimeout(jobsTimer);
      if (active) jobsTimer = setTimeout(() => { loadJobs(); load(); }, 2000);
    } catch (e) { failed(e); }
  }

  function showGate(detail) {
    const gate = detail.gate;
    document.getElementById('gate').hidden = !gate;
    if (!gate) return;
    document.getElementById('gate-title').textContent = 'Evaluation gate · ' + detail.version + ' for site ' + detail.siteId;
    document.getElementById('gate-verdict').textContent = (gate.passed ? 'Passed: ' : 'Refused: ')
      + 'the candidate against ' + (gate.live || 'no live bundle') + ' on ' + gate.size + ' held-out labels of the site'
      + (gate.passed ? '.' : ' (' + gate.reasons.join('; ') + '). An admin can still promote it with force.');
    const rows = Object.entries(gate.attributes || {});
    gateBody.replaceChildren(...(rows.length ? rows.map(([key, a]) => {
      const cal = (gate.calibration || {})[key];
      const sug = (gate.thresholdSuggestions || {})[key];
      return el('tr', {},
        el('th', { scope: 'row' }, Dash.label(key)), el('td', { class: 'num' }, String(a.labels)),
        el('td', { class: 'num' }, ranged(a.candidate.rocAuc)), el('td', { class: 'num' }, a.live ? ranged(a.live.rocAuc) : '–'),
        el('td', { class: 'num' + (a.rocAucDifference && a.rocAucDifference.high < 0 ? ' worse' : '') }, ranged(a.rocAucDifference)),
        el('td', { class: 'num' }, fixed(a.candidate.prAuc.value) + ' / ' + (a.live ? fixed(a.live.prAuc.value) : '–')),
        el('td', { class: 'num' }, fixed(a.candidate.f1.value) + ' / ' + (a.live ? fixed(a.live.f1.value) : '–') + ' at ' + fixed(a.threshold)),
        el('td', {}, cal ? cal.method + ': ' + fixed(cal.eceBefore) + ' → ' + fixed(cal.eceAfter) : '–'),
        el('td', {}, sug ? fixed(sug.review.threshold) + ' / ' + fixed(sug.reject.threshold) : '–'));
    }) : [el('tr', {}, el('td', { colspan: 9 }, 'The held-out slice has too few labels of each class to judge.'))]));
  }

  async function showBias(version) {
    try {
      const reports = await api('GET', '/api/v1/admin/models/' + encodeURIComponent(version) + '/bias');
      const report = reports[reports.length - 1];
      document.getElementById('bias').hidden = false;
      document.getElementById('bias-title').textContent = 'Bias report · ' + report.dataset;
      document.getElementById('bias-summary').textContent = 'Overall ROC AUC ' + fixed(report.overallAuc)
        + '; generalised means (p = ' + report.power + '): subgroup ' + fixed(report.meanSubgroupAuc) + ', BPSN '
        + fixed(report.meanBpsnAuc) + ', BNSP ' + fixed(report.meanBnspAuc) + '; final score ' + fixed(report.finalScore) + '.';
      biasBody.replaceChildren(...(report.subgroups.length ? report.subgroups.map((g) => el('tr', {},
        el('th', { scope: 'row' }, g.subgroup), el('td', {}, g.category), el('td', { class: 'num' }, String(g.size)),
        el('td', { class: 'num' }, String(g.positives)), el('td', { class: 'num' }, fixed(g.subgroupAuc)),
        el('td', { class: 'num' }, fixed(g.bpsnAuc)), el('td', { class: 'num' }, fixed(g.bnspAuc))))
        : [el('tr', {}, el('td', { colspan: 7 }, 'No identity subgroup is mentioned often enough to measure.'))]));
    } catch (e) {
      document.getElementById('bias').hidden = true;
    }
  }

  async function show(version, button) {
    list.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    try {
      const detail = await api('GET', '/api/v1/admin/models/' + encodeURIComponent(version));
      const report = (detail.evaluation || [])[0];
      document.getElementById('report-title').textContent = 'Held-out report · ' + version + (detail.live ? ' (live)' : '');
      showGate(detail);
      showBias(version);
      const attributes = report ? Object.entries(report.attributes || {}) : [];
      tbody.replaceChildren(...(attributes.length ? attributes.map(([key, m]) => el('tr', {},
        el('th', { scope: 'row' }, Dash.label(key)), el('td', { class: 'num' }, fixed(m.rocAuc)), el('td', { class: 'num' }, fixed(m.prAuc)),
        el('td', { class: 'num' }, fixed(m.f1)), el('td', { class: 'num' }, fixed(m.threshold))))
        : [el('tr', {}, el('td', { colspan: 5 }, 'This bundle has no evaluation report.'))]));
      if (chart) chart.destroy();
      if (typeof Chart !== 'undefined' && attributes.length) {
        chart = new Chart(document.getElementById('chart-report'), {
          type: 'bar',
          data: { labels: attributes.map(([key]) => Dash.label(key)), datasets: [
            { label: 'ROC AUC', data: attributes.map(([, m]) => m.rocAuc), backgroundColor: '#2f3a8f' },
            { label: 'PR AUC', data: attributes.map(([, m]) => m.prAuc), backgroundColor: '#6b7bd6' },
            { label: 'F1', data: attributes.map(([, m]) => m.f1), backgroundColor: '#d48a00' }] },
          options: { animation: false, scales: { y: { min: 0, max: 1 } } },
        });
      }
    } catch (e) { failed(e); }
  }

  let loaded = false;

  async function load() {
    if (loaded) return;
    try {
      const models = await api('GET', '/api/v1/admin/models');
      if (!models.length) { list.replaceChildren(el('li', {}, 'No model bundle yet.')); return; }
      list.replaceChildren(...models.map((m) => {
        const button = el('button', { type: 'button', 'aria-pressed': 'false' },
          el('span', {}, el('code', {}, m.version), m.siteId ? el('span', { class: 'site' }, ' site ' + m.siteId) : null),
          m.gate === false ? el('span', { class: 'refused' }, 'refused') : null,
          m.live ? el('span', { class: 'live' }, 'live') : null);
        button.addEventListener('click', () => show(m.version, button));
        return el('li', {}, button);
      }));
      loaded = true;
      const live = models.findIndex((m) => m.live);
      show(models[Math.max(0, live)].version, list.querySelectorAll('button')[Math.max(0, live)]);
    } catch (e) { failed(e); }
  }

  load();
  loadJobs();
})();
