/* Statistics for a period: volume, share held and rejected, attributes, topics, articles, queue and moderators. */
'use strict';
(() => {
  const { api, el, pct, duration } = Dash;
  const PERIODS = { '24h': [1, 'hour'], '7d': [7, 'day'], '30d': [30, 'day'], '90d': [90, 'day'] };
  const COLOURS = { received: '#2f3a8f', held: '#d48a00', rejected: '#a3202b', approved: '#1b6e3a', bars: '#6b7bd6' };
  const period = document.getElementById('period');
  const status = document.getElementById('stats-status');
  const charts = {};
  let generation = 0;

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    if (typeof Chart === 'undefined') return;
    config.options = Object.assign({ responsive: true, maintainAspectRatio: true, animation: false,
      plugins: { legend: { display: config.data.datasets.length > 1 } } }, config.options || {});
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function bucketLabel(start, bucket) {
    const date = new Date(start);
    return bucket === 'hour' ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleDateString([], { month: 'short', day: 'numeric' });
  }

  function rows(tbody, items, cells) {
    tbody.replaceChildren(...(items.length ? items.map((item) => el('tr', {}, cells(item)))
      : [el('tr', {}, el('td', { colspan: 4, class: 'empty-row' }, 'No data for this period.'))]));
  }

  function setFigure(id, value) {
    document.getElementById(id).textContent = value;
  }

  function clear(message) {
    status.hidden = false;
    status.textContent = message;
    Object.keys(charts).forEach((id) => { charts[id].destroy(); delete charts[id]; });
    ['fig-received', 'fig-queue', 'fig-oldest', 'fig-median-age', 'fig-decision'].forEach((id) => setFigure(id, '–'));
    rows(document.querySelector('#toxic-articles tbody'), [], () => []);
    rows(document.querySelector('#moderators tbody'), [], () => []);
  }

  async function load() {
    const site = Dash.site();
    if (!site) { clear('Choose a site.'); return; }
    const [days, bucket] = PERIODS[period.value];
    const to = new Date();
    const from = new Date(to.getTime() - days * 86400000);
    const mine = ++generation;
    let stats;
    try {
      stats = await api('GET', '/api/v1/stats?' + Dash.query({ siteId: site, from: from.toISOString(), to: to.toISOString(), bucket }));
    } catch (e) {
      if (mine === generation) clear(e.status === 404 ? 'No data: statistics are not available on this server yet.' : 'No data: ' + e.message);
      return;
    }
    if (mine !== generation) return;
    const buckets = stats.buckets || [];
    const received = buckets.reduce((sum, b) => sum + (b.received || 0), 0);
    status.hidden = received > 0;
    status.textContent = received > 0 ? '' : 'No data: no comments were received in this period.';
    setFigure('fig-received', received.toLocaleString());
    const queue = stats.queue || {};
    setFigure('fig-queue', queue.size === undefined ? '–' : queue.size.toLocaleString());
    setFigure('fig-oldest', duration(queue.oldestAgeSeconds));
    setFigure('fig-median-age', duration(queue.medianAgeSeconds));
    // The moderators come as a list, or as {decisions, medianSecondsToDecision, byModerator}.
    const moderators = Array.isArray(stats.moderators) ? stats.moderators : (stats.moderators || {}).byModerator || [];
    const medianDecision = stats.medianDecisionSeconds !== undefined ? stats.medianDecisionSeconds : (stats.moderators || {}).medianSecondsToDecision;
    setFigure('fig-decision', duration(medianDecision));

    const labels = buckets.map((b) => bucketLabel(b.start, bucket));
    draw('chart-volume', { type: 'bar', data: { labels, datasets: [
      { label: 'Received', data: buckets.map((b) => b.received || 0), backgroundColor: COLOURS.received }] } });
    const share = (b, status) => b.received ? ((b.byStatus || {})[status] || 0) / b.received * 100 : 0;
    draw('chart-share', { type: 'line', data: { labels, datasets: [
      { label: 'Held %', data: buckets.map((b) => share(b, 'REVIEW')), borderColor: COLOURS.held, backgroundColor: COLOURS.held, tension: 0.25 },
      { label: 'Rejected %', data: buckets.map((b) => share(b, 'REJECTED')), borderColor: COLOURS.rejected, backgroundColor: COLOURS.rejected, borderDash: [6, 4], tension: 0.25 }] },
      options: { scales: { y: { min: 0, max: 100, ticks: { callback: (v) => v + '%' } } } } });
    // Attributes come as {key: count} or as [{attribute, count}].
    const attributes = (Array.isArray(stats.byAttribute) ? stats.byAttribute.map((a) => [a.attribute, a.count])
      : Object.entries(stats.byAttribute || {})).sort((a, b) => b[1] - a[1]);
    draw('chart-attributes', { type: 'bar', data: { labels: attributes.map(([k]) => Dash.label(k)), datasets: [
      { label: 'Comments', data: attributes.map(([, n]) => n), backgroundColor: COLOURS.bars }] }, options: { indexAxis: 'y' } });
    const topics = (stats.byTopic || []).slice(0, 10);
    draw('chart-topics', { type: 'bar', data: { labels: topics.map((t) => t.name || t.code), datasets: [
      { label: 'Comments', data: topics.map((t) => t.count), backgroundColor: COLOURS.approved }] }, options: { indexAxis: 'y' } });

    rows(document.querySelector('#toxic-articles tbody'), stats.mostToxicArticles || [], (a) => [
      el('td', {}, el('a', { href: '/dashboard/articles/' + encodeURIComponent(site) + '/' + encodeURIComponent(a.articleId || a.id) + '?site=' + encodeURIComponent(site) }, a.title || a.articleId || a.id)),
      el('td', { class: 'num' }, a.held), el('td', { class: 'num' }, a.rejected), el('td', { class: 'num' }, pct(a.meanToxicity))]);
    rows(document.querySelector('#moderators tbody'), moderators, (m) => [
      el('td', {}, m.actor), el('td', { class: 'num' }, m.decisions), el('td', { class: 'num' }, m.approved), el('td', { class: 'num' }, m.rejected)]);
  }

  period.addEventListener('change', load);
  Dash.onSite(load);
})();
