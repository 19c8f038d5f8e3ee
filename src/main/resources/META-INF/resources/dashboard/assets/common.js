/* Moderato dashboard: what every page shares (API calls with the CSRF token, DOM building, the site picker,
   toasts, and the rendering of one comment with its highlighted words). No framework: plain DOM. */
'use strict';
const Dash = (() => {
  const csrf = document.body.dataset.csrf;

  /** Calls the JSON API with the session cookie; unsafe methods carry the CSRF token. Throws on errors. */
  async function api(method, path, payload) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
    const response = await fetch(path, init);
    if (response.status === 401) {
      location.assign('/dashboard/sign-in?expired=1');
      throw new Error('signed out');
    }
    const body = await response.text();
    let data = null;
    try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; }
    if (!response.ok) {
      const error = new Error((data && (data.detail || data.title)) || response.status + ' ' + response.statusText);
      error.status = response.status;
      error.problem = data;
      throw error;
    }
    return data;
  }

  /** Builds an element; children are nodes or strings (always inserted as text, so never interpreted as HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== '' && value !== null && value !== undefined) search.set(name, value);
    return search.toString();
  }

  const pct = (x) => (x === null || x === undefined || isNaN(x)) ? '–' : Math.round(x * 100) + '%';
  const label = (key) => String(key).replace(/_/g, ' ');

  function duration(seconds) {
    if (seconds === null || seconds === undefined || isNaN(seconds)) return '–';
    if (seconds < 90) return Math.round(seconds) + ' s';
    if (seconds < 5400) return Math.round(seconds / 60) + ' min';
    if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
    return Math.round(seconds / 86400) + ' d';
  }

  function ago(iso) {
    if (!iso) return '';
    return duration((Date.now() - Date.parse(iso)) / 1000) + ' ago';
  }

  /** Shows a message for a while; with an action, a button (e.g. Undo) that runs it once. */
  function toast(message, options = {}) {
    const box = el('div', { class: 'toast' + (options.error ? ' error' : '') }, el('span', {}, message));
    let timer;
    const close = () => { clearTimeout(timer); box.remove(); };
    if (options.action) {
      box.append(el('button', { type: 'button', onclick: () => { close(); options.onAction(); } }, options.action));
    }
    box.append(el('button', { type: 'button', 'aria-label': 'Dismiss', onclick: close }, '×'));
    const shelf = document.getElementById('toasts');
    shelf.append(box);
    while (shelf.childElementCount > 3) shelf.firstElementChild.remove();   // the newest three are enough
    timer = setTimeout(close, options.timeout || 6000);
    return close;
  }

  const failed = (error) => toast(error.message, { error: true });

  /* ---- The site picker in the top bar: sites from the API, remembered per browser and in the address. */
  const siteListeners = [];
  let currentSite = new URLSearchParams(location.search).get('site') || localStorage.getItem('moderato.site') || '';

  function setSite(site) {
    currentSite = site;
    localStorage.setItem('moderato.site', site);
    const url = new URL(location.href);
    url.searchParams.set('site', site);
    history.replaceState(null, '', url);
    siteListeners.forEach((listener) => listener(site));
  }

  async function initSitePicker() {
    const select = document.getElementById('site');
    if (!select) return;
    let sites = [];
    try { sites = await api('GET', '/api/v1/sites'); } catch (e) { sites = []; }
    if (currentSite && !sites.includes(currentSite)) sites.unshift(currentSite);
    if (!sites.length) {
      // No site is known yet (or the list is unavailable): let the user type one.
      const input = el('input', { id: 'site', type: 'text', value: currentSite, placeholder: 'site id', autocomplete: 'off' });
      input.addEventListener('change', () => setSite(input.value.trim()));
      select.replaceWith(input);
    } else {
      sites.forEach((site) => select.append(el('option', { value: site }, site)));
      if (!currentSite) currentSite = sites[0];
      select.value = currentSite;
      select.addEventListener('change', () => setSite(select.value));
    }
    if (currentSite) setSite(currentSite);
  }

  function onSite(listener) {
    siteListeners.push(listener);
  }

  /* ---- One comment. */

  /** The text with the spans' words in <mark>; overlapping spans merge, the title says which attributes. */
  function highlight(text, spans) {
    const fragment = document.createDocumentFragment();
    const usable = (spans || []).filter((s) => s.end > s.begin && s.begin >= 0 && s.begin < text.length);
    const cuts = new Set([0, text.length]);
    usable.forEach((s) => { cuts.add(s.begin); cuts.add(Math.min(s.end, text.length)); });
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(from, to);
      const covering = usable.filter((s) => s.begin <= from && s.end >= to);
      if (!covering.length) {
        fragment.append(piece);
        continue;
      }
      const top = Math.max(...covering.map((s) => s.score || 0));
      const why = covering.map((s) => label(s.attribute) + ' ' + pct(s.score)).join(', ');
      fragment.append(el('mark', { class: 'hl' + (top >= 0.8 ? ' strong' : ''), title: why }, piece));
    }
    return fragment;
  }

  function scoreList(attributes) {
    const entries = Object.entries(attributes || {}).sort((a, b) => b[1] - a[1]);
    return el('ul', { class: 'scores', 'aria-label': 'Attribute scores' }, entries.map(([key, score]) => el('li', {},
      el('span', {}, label(key)),
      el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', {
        class: score >= 0.8 ? 'high' : score >= 0.5 ? 'mid' : '', style: 'width:' + Math.round(score * 100) + '%' })),
      el('span', { class: 'num' }, pct(score)))));
  }

  function reasonText(reason) {
    switch (reason.code) {
      case 'ATTRIBUTE_OVER_THRESHOLD': return label(reason.attribute) + ' ' + pct(reason.score) + ' ≥ ' + pct(reason.threshold);
      case 'BANNED_WORD': return 'banned word “' + (reason.match || reason.word) + '”';
      case 'SUSPECT_WORD': return 'suspect word “' + (reason.match || reason.word) + '”';
      case 'LINK': return 'contains a link';
      case 'REPEAT_POST': return 'repeated post';
      case 'NEW_COMMENTER': return 'new commenter';
      case 'AUTHOR_REJECTION_RATE': return 'author often rejected (' + pct(reason.score) + ')';
      default: return label(reason.code || 'reason');
    }
  }

  /**
   * A comment as a list item: author, article, text with highlights, scores, topics and reasons, and approve /
   * reject buttons while it is held. options: {selectable, onDecide(comment, decision), articleLink}.
   */
  function commentItem(comment, options = {}) {
    const id = 'c-' + comment.id.replace(/[^A-Za-z0-9_-]/g, '_');
    const article = comment.article || {};
    const item = el('li', { class: 'item', id, tabindex: '-1', 'data-id': comment.id, 'aria-labelledby': id + '-head' });
    if (options.selectable) {
      item.append(el('div', { class: 'pick' }, el('input', { type: 'checkbox', class: 'select', id: id + '-pick',
        'aria-label': 'Select comment by ' + ((comment.author || {}).displayName || 'unknown') })));
    }
    const head = el('header', { id: id + '-head' },
      el('span', { class: 'author' }, (comment.author || {}).displayName || (comment.author || {}).id || 'unknown author'),
      el('span', { class: 'status ' + comment.status }, comment.status === 'REVIEW' ? 'held' : comment.status.toLowerCase()),
      options.articleLink && article.id
        ? el('a', { href: '/dashboard/articles/' + encodeURIComponent(comment.siteId) + '/' + encodeURIComponent(article.id) + '?site=' + encodeURIComponent(comment.siteId), class: 'article-link' }, article.title || article.id)
        : null,
      el('time', { datetime: comment.receivedAt, title: comment.receivedAt }, ago(comment.receivedAt)),
      comment.decidedBy ? el('span', {}, 'by ' + comment.decidedBy) : null);
    const body = el('div', { class: 'body' }, head,
      el('p', { class: 'text' }, highlight(comment.text || '', comment.spans)),
      comment.reasons && comment.reasons.length
        ? el('ul', { class: 'reasons', 'aria-label': 'Reasons' }, comment.reasons.map((r) => el('li', { class: 'chip reason' }, reasonText(r))))
        : null,
      comment.topics && comment.topics.length
        ? el('ul', { class: 'topics', 'aria-label': 'Topics' }, comment.topics.map((t) => el('li', { class: 'chip', title: t.code }, t.name + ' ' + pct(t.score))))
        : null);
    if (options.onDecide && comment.status === 'REVIEW') {
      body.append(el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'approve', onclick: () => options.onDecide(comment, 'APPROVE') }, 'Approve'),
        el('button', { type: 'button', class: 'reject', onclick: () => options.onDecide(comment, 'REJECT') }, 'Reject')));
    }
    item.append(body, el('aside', {}, scoreList(comment.attributes), el('div', { class: 'history' })));
    return item;
  }

  // After every page script has registered its site listener.
  document.addEventListener('DOMContentLoaded', initSitePicker);

  return { api, el, query, pct, label, duration, ago, toast, failed, onSite, site: () => currentSite, highlight, commentItem, reasonText };
})();
