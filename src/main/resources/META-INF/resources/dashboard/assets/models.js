/* Model bundles: versions, the live one, and each one's held-out report as a chart and a table. */
'use strict';
(() => {
  const { api, el, failed } = Dash;
  const list = document.getElementById('model-list');
  const tbody = document.querySelector('#report-table tbody');
  const fixed = (x) => (typeof x === 'number' ? x.toFixed(3) : '–');
  let chart = null;

  async function show(version, button) {
    list.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    try {
      const detail = await api('GET', '/api/v1/admin/models/' + encodeURIComponent(version));
      const report = (detail.evaluation || [])[0];
      document.getElementById('report-title').textContent = 'Held-out report · ' + version + (detail.live ? ' (live)' : '');
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

  async function load() {
    try {
      const models = await api('GET', '/api/v1/admin/models');
      if (!models.length) { list.replaceChildren(el('li', {}, 'No model bundle yet.')); return; }
      list.replaceChildren(...models.map((m) => {
        const button = el('button', { type: 'button', 'aria-pressed': 'false' },
          el('span', {}, el('code', {}, m.version)), m.live ? el('span', { class: 'live' }, 'live') : null);
        button.addEventListener('click', () => show(m.version, button));
        return el('li', {}, button);
      }));
      const live = models.findIndex((m) => m.live);
      show(models[Math.max(0, live)].version, list.querySelectorAll('button')[Math.max(0, live)]);
    } catch (e) { failed(e); }
  }

  load();
})();
