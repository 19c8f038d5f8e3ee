/* A site's policy: thresholds with a live preview over the current queue, word lists, save. */
'use strict';
(() => {
  const { api, failed } = Dash;
  const form = document.getElementById('policy-form');
  const state = document.getElementById('policy-state');
  const saveState = document.getElementById('save-state');
  const inputs = [...form.querySelectorAll('input.threshold')];
  const MAX_PREVIEW = 500;
  let policy = null;
  let held = [];

  const lines = (text) => text.split('\n').map((w) => w.trim()).filter(Boolean);
  const valueOf = (input) => input.value.trim() === '' ? null : Number(input.value);

  function thresholds() {
    const result = {};
    form.querySelectorAll('tr[data-attribute]').forEach((row) => {
      const [review, reject] = [row.querySelector('[data-kind=review]'), row.querySelector('[data-kind=reject]')];
      result[row.dataset.attribute] = { review: valueOf(review), reject: valueOf(reject) };
    });
    return result;
  }

  /** Marks bad boxes; true when every threshold is empty or within 0..1 and hold is not above reject. */
  function validate() {
    let ok = true;
    form.querySelectorAll('tr[data-attribute]').forEach((row) => {
      const [review, reject] = [row.querySelector('[data-kind=review]'), row.querySelector('[data-kind=reject]')];
      const [r, j] = [valueOf(review), valueOf(reject)];
      const bad = (v) => v !== null && (isNaN(v) || v < 0 || v > 1);
      review.setAttribute('aria-invalid', String(bad(r) || (r !== null && j !== null && r > j)));
      reject.setAttribute('aria-invalid', String(bad(j)));
      ok = ok && review.getAttribute('aria-invalid') === 'false' && reject.getAttribute('aria-invalid') === 'false';
    });
    return ok;
  }

  /** What the held comments would become under the thresholds on screen (scores only; other reasons still hold). */
  function preview() {
    const limits = thresholds();
    const tally = { approved: 0, held: 0, rejected: 0 };
    held.forEach((comment) => {
      let outcome = (comment.reasons || []).some((r) => r.code !== 'ATTRIBUTE_OVER_THRESHOLD') ? 'held' : 'approved';
      for (const [attribute, score] of Object.entries(comment.attributes || {})) {
        const limit = limits[attribute];
        if (!limit) continue;
        if (limit.reject !== null && score >= limit.reject) { outcome = 'rejected'; break; }
        if (limit.review !== null && score >= limit.review) outcome = 'held';
      }
      tally[outcome]++;
    });
    document.getElementById('preview-approved').textContent = tally.approved;
    document.getElementById('preview-held').textContent = tally.held;
    document.getElementById('preview-rejected').textContent = tally.rejected;
    document.getElementById('preview-total').textContent = held.length
      ? 'Over the ' + held.length + ' comment' + (held.length === 1 ? '' : 's') + ' held now.' : 'The queue is empty.';
  }

  async function loadQueue(site) {
    held = [];
    let cursor = null;
    do {
      const page = await api('GET', '/api/v1/queue?' + Dash.query({ siteId: site, status: 'REVIEW', limit: 100, cursor }));
      held.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && held.length < MAX_PREVIEW);
  }

  function fill(stored) {
    policy = stored.policy;
    state.textContent = stored.stored ? 'Version ' + stored.version + ', saved by ' + stored.updatedBy : 'Defaults (never saved for this site)';
    inputs.forEach((input) => {
      const limit = (policy.thresholds || {})[input.closest('tr').dataset.attribute] || {};
      const value = limit[input.dataset.kind];
      input.value = value === null || value === undefined ? '' : value;
    });
    document.getElementById('banned-words').value = (policy.bannedWords || []).join('\n');
    document.getElementById('suspect-words').value = (policy.suspectWords || []).join('\n');
    validate();
  }

  async function load(site) {
    if (!site) return;
    saveState.textContent = '';
    try {
      fill(await api('GET', '/api/v1/admin/sites/' + encodeURIComponent(site) + '/policy'));
    } catch (e) { failed(e); return; }
    try { await loadQueue(site); } catch (e) { held = []; }
    preview();
    loadSuggestions(site);
  }

  /** Threshold suggestions from the gate report of the site's own bundle (the live one, else the newest). */
  async function loadSuggestions(site) {
    form.querySelectorAll('td.suggestion').forEach((cell) => cell.replaceChildren());
    try {
      const models = (await api('GET', '/api/v1/admin/models')).filter((m) => m.siteId === site);
      const chosen = models.find((m) => m.live) || models[0];
      if (!chosen) return;
      const detail = await api('GET', '/api/v1/admin/models/' + encodeURIComponent(chosen.version));
      const suggestions = (detail.gate && detail.gate.thresholdSuggestions) || {};
      document.getElementById('suggestion-source').textContent = 'Suggested from the site\'s held-out labels by bundle '
        + chosen.version + (chosen.live ? ' (live for this site)' : ' (not live yet)') + '.';
      for (const [attribute, s] of Object.entries(suggestions)) {
        const row = form.querySelector('tr[data-attribute="' + attribute + '"]');
        if (!row || !s.review) continue;
        const fixed = (t) => (typeof t === 'number' ? t.toFixed(2) : 'never');
        const use = Dash.el('button', { type: 'button', class: 'quiet' }, 'Use');
        use.addEventListener('click', () => {
          if (typeof s.review.threshold === 'number') row.querySelector('[data-kind=review]').value = s.review.threshold.toFixed(2);
          if (typeof s.reject.threshold === 'number') row.querySelector('[data-kind=reject]').value = s.reject.threshold.toFixed(2);
          validate(); preview();
        });
        row.querySelector('td.suggestion').replaceChildren(Dash.el('span', {
          title: 'hold: ' + s.review.truePositives + ' of ' + (s.review.truePositives + s.review.falseNegatives)
            + ' rejected comments held, ' + s.review.falsePositives + ' approved ones held' },
          fixed(s.review.threshold) + ' / ' + fixed(s.reject.threshold) + ' '), use);
      }
    } catch (e) { /* no suggestion: the sliders stay as they are */ }
  }

  form.addEventListener('input', (e) => {
    if (e.target.matches('input.threshold')) { validate(); preview(); }
    saveState.textContent = '';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!validate()) {
      saveState.textContent = 'Fix the marked thresholds (0 to 1, hold not above reject).';
      form.querySelector('[aria-invalid=true]').focus();
      return;
    }
    const site = Dash.site();
    const body = Object.assign({}, policy, { thresholds: thresholds(),
      bannedWords: lines(document.getElementById('banned-words').value),
      suspectWords: lines(document.getElementById('suspect-words').value) });
    try {
      fill(await api('PUT', '/api/v1/admin/sites/' + encodeURIComponent(site) + '/policy', body));
      saveState.textContent = 'Saved. It applies to comments received from now on.';
    } catch (err) {
      saveState.textContent = 'Not saved: ' + err.message;
    }
  });

  Dash.onSite(load);
})();
