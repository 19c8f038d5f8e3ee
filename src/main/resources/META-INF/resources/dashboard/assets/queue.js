/* The review queue: held comments, keyboard decisions, bulk decisions, undo, and polling for new comments. */
'use strict';
(() => {
  const { api, el, query, toast, failed } = Dash;
  const list = document.getElementById('queue');
  const empty = document.getElementById('queue-empty');
  const count = document.getElementById('queue-count');
  const loadMore = document.getElementById('load-more');
  const selectedCount = document.getElementById('selected-count');
  const bulkApprove = document.getElementById('bulk-approve');
  const bulkReject = document.getElementById('bulk-reject');
  const help = document.getElementById('help');
  const filters = document.getElementById('filters');
  const UNDO_MS = 9000;   // a little under the server's default undo window (10 s)
  const POLL_MS = 5000;
  const PAGE = 100;

  let comments = [];             // in display order
  let current = 0;
  let cursor = null;
  let generation = 0;            // discards answers to superseded loads
  const selected = new Set();
  const recentlyDecided = new Set();
  const pending = new Set();     // ids with a decision on its way
  const authors = new Map();     // authorId -> promise of the author summary
  let lastUndo = null;
  let edits = 0;                 // decisions and undos made here, so a poll answer from before them is dropped

  const filterValues = () => ({
    siteId: Dash.site(),
    status: filters.status.value,
    sort: filters.sort.value,
    topic: filters.topic.value,
    attribute: filters.attribute.value,
    articleId: filters.articleId.value.trim(),
  });

  async function fetchPage(after) {
    return api('GET', '/api/v1/queue?' + query({ ...filterValues(), cursor: after, limit: PAGE }));
  }

  async function load() {
    if (!Dash.site()) {
      count.textContent = 'Choose a site.';
      return;
    }
    const mine = ++generation;
    try {
      const page = await fetchPage(null);
      if (mine !== generation) return;
      comments = page.items;
      cursor = page.nextCursor;
      selected.clear();
      current = 0;
      render();
    } catch (e) { failed(e); }
  }

  async function more() {
    const mine = generation;
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation) return;
      const known = new Set(comments.map((c) => c.id));
      comments.push(...page.items.filter((c) => !known.has(c.id)));
      cursor = page.nextCursor;
      render();
    } catch (e) { failed(e); }
  }

  /** New comments appear without a reload: merge the first page into the list, keeping the user's place. */
  async function poll() {
    if (document.hidden || !Dash.site() || help.open) return;
    const [mine, since] = [generation, edits];
    try {
      const page = await fetchPage(null);
      if (mine !== generation || since !== edits) return;   // stale: the list changed while it was asked
      const known = new Set(comments.map((c) => c.id));
      const fresh = page.items.filter((c) => !known.has(c.id) && !recentlyDecided.has(c.id));
      // When both lists are complete, what the server no longer lists was decided elsewhere.
      const listed = new Set(page.items.map((c) => c.id));
      const gone = !cursor && !page.nextCursor ? comments.filter((c) => !listed.has(c.id)).map((c) => c.id) : [];
      if (!fresh.length && !gone.length) return;
      const currentId = comments[current] && comments[current].id;
      comments = comments.filter((c) => !gone.includes(c.id));
      gone.forEach((id) => selected.delete(id));
      page.items.forEach((c, index) => {
        if (fresh.includes(c)) comments.splice(Math.min(index, comments.length), 0, c);
      });
      current = Math.max(0, comments.findIndex((c) => c.id === currentId));
      render();
      if (fresh.length) toast(fresh.length === 1 ? '1 new comment' : fresh.length + ' new comments');
    } catch (e) { /* a failed poll is retried by the next one */ }
  }

  function render() {
    const hadFocus = list.contains(document.activeElement);
    list.replaceChildren(...comments.map((c) => {
      const item = Dash.commentItem(c, { selectable: true, articleLink: true, onDecide: (comment, decision) => decide([comment], decision) });
      item.querySelector('input.select').checked = selected.has(c.id);
      item.classList.toggle('selected', selected.has(c.id));
      return item;
    }));
    const status = filters.status.value;
    empty.hidden = comments.length > 0;
    empty.textContent = status === 'REVIEW' ? 'Nothing held for review. New comments appear here by themselves.' : 'No comments match.';
    count.textContent = comments.length + (cursor ? '+' : '') + ' ' + (status === 'REVIEW' ? 'held' : status.toLowerCase());
    loadMore.hidden = !cursor;
    current = Math.min(current, Math.max(0, comments.length - 1));
    mark(hadFocus);
    updateSelection();
  }

  function items() {
    return [...list.children];
  }

  function mark(focus) {
    items().forEach((item, index) => item.classList.toggle('current', index === current));
    const item = items()[current];
    if (!item) return;
    if (focus) {
      item.focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
    }
    showAuthor(comments[current], item);
  }

  function move(step) {
    if (!comments.length) return;
    current = Math.max(0, Math.min(comments.length - 1, current + step));
    mark(true);
  }

  function showAuthor(comment, item) {
    const author = comment.author && comment.author.id;
    if (!author) return;
    if (!authors.has(author)) {
      authors.set(author, api('GET', '/api/v1/authors/' + encodeURIComponent(comment.siteId) + '/' + encodeURIComponent(author)).catch(() => null));
    }
    authors.get(author).then((summary) => {
      const box = item.querySelector('.history');
      if (!summary || !box || box.childElementCount) return;
      const counts = summary.counts || {};
      const others = (summary.recent || []).filter((c) => c.id !== comment.id).slice(0, 3);
      box.append(el('strong', {}, 'Author history'),
        el('div', {}, (counts.APPROVED || 0) + ' approved · ' + (counts.REJECTED || 0) + ' rejected · ' + (counts.REVIEW || 0) + ' held'));
      if (others.length) {
        box.append(el('ul', {}, others.map((c) => el('li', {}, el('span', { class: 'status ' + c.status }, c.status.toLowerCase()), ' ',
          (c.text || '').length > 80 ? c.text.slice(0, 80) + '…' : c.text))));
      }
    });
  }

  function updateSelection() {
    selectedCount.textContent = selected.size + ' selected';
    bulkApprove.disabled = bulkReject.disabled = selected.size === 0;
  }

  function toggle(id) {
    if (selected.has(id)) selected.delete(id); else selected.add(id);
    const item = items().find((i) => i.dataset.id === id);
    if (item) {
      item.classList.toggle('selected', selected.has(id));
      item.querySelector('input.select').checked = selected.has(id);
    }
    updateSelection();
  }

  function remove(ids) {
    ids.forEach((id) => { selected.delete(id); recentlyDecided.add(id); });
    const currentId = comments[current] && comments[current].id;
    const before = comments.length;
    comments = comments.filter((c) => !ids.includes(c.id));
    if (ids.includes(currentId)) current = Math.min(current, comments.length - 1);
    else current = Math.max(0, comments.findIndex((c) => c.id === currentId));
    if (comments.length !== before) render();
  }

  const pastTense = (decision) => decision === 'APPROVE' ? 'Approved' : 'Rejected';

  async function decide(chosen, decision) {
    const targets = chosen.filter((c) => !pending.has(c.id));   // a key pressed twice decides once
    if (!targets.length) return;
    targets.forEach((c) => pending.add(c.id));
    edits++;
    const site = Dash.site();
    try {
      let done;
      if (targets.length === 1) {
        const c = targets[0];
        await api('POST', '/api/v1/comments/' + encodeURIComponent(c.siteId) + '/' + encodeURIComponent(c.id) + '/decision',
          { decision, expectedRevision: c.revision });
        done = [c];
      } else {
        const answer = await api('POST', '/api/v1/decisions',
          { siteId: site, decisions: targets.map((c) => ({ id: c.id, decision })) });
        const ok = new Set(answer.results.filter((r) => r.status === 200).map((r) => r.id));
        done = targets.filter((c) => ok.has(c.id));
        const failures = answer.results.filter((r) => r.status !== 200);
        if (failures.length) toast(failures.length + ' could not be decided (changed meanwhile or gone)', { error: true });
      }
      edits++;
      const positions = done.map((c) => ({ comment: c, index: comments.findIndex((x) => x.id === c.id) }));
      remove(done.map((c) => c.id));
      const who = done.length === 1 ? 'comment by ' + ((done[0].author || {}).displayName || 'unknown') : done.length + ' comments';
      const undo = () => undoDecisions(positions);
      if (lastUndo) lastUndo.close();   // only the last decision can be undone
      lastUndo = { run: undo, until: Date.now() + UNDO_MS };
      lastUndo.close = toast(pastTense(decision) + ' ' + who, { action: 'Undo', onAction: undo, timeout: UNDO_MS });
    } catch (e) {
      if (e.status === 409) {
        toast('That comment changed meanwhile; the queue is reloaded.', { error: true });
        load();
      } else failed(e);
    } finally {
      targets.forEach((c) => pending.delete(c.id));
    }
  }

  async function undoDecisions(positions) {
    lastUndo = null;
    edits++;
    let restored = 0;
    for (const { comment, index } of positions.sort((a, b) => a.index - b.index)) {
      try {
        const back = await api('POST', '/api/v1/comments/' + encodeURIComponent(comment.siteId) + '/' + encodeURIComponent(comment.id) + '/undo');
        recentlyDecided.delete(comment.id);
        if (!comments.some((c) => c.id === back.id)) comments.splice(Math.max(0, Math.min(index, comments.length)), 0, back);
        current = comments.findIndex((c) => c.id === back.id);
        restored++;
      } catch (e) { failed(e); }
    }
    edits++;
    if (restored) {
      render();
      mark(true);
      toast('Undone');
    }
  }

  /* ---- Events */
  filters.addEventListener('change', load);
  filters.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  loadMore.addEventListener('click', more);
  bulkApprove.addEventListener('click', () => decide(comments.filter((c) => selected.has(c.id)), 'APPROVE'));
  bulkReject.addEventListener('click', () => decide(comments.filter((c) => selected.has(c.id)), 'REJECT'));
  document.getElementById('select-all').addEventListener('click', () => {
    const all = selected.size < comments.length;
    comments.forEach((c) => { if (all) selected.add(c.id); else selected.delete(c.id); });
    render();
  });
  document.getElementById('help-button').addEventListener('click', () => help.showModal());
  list.addEventListener('change', (e) => {
    if (e.target.matches('input.select')) toggle(e.target.closest('.item').dataset.id);
  });
  list.addEventListener('click', (e) => {
    const item = e.target.closest('.item');
    if (!item || e.target.closest('button, a, input')) return;
    current = items().indexOf(item);
    mark(true);
  });
  list.addEventListener('focusin', (e) => {
    const item = e.target.closest('.item');
    if (item && items().indexOf(item) !== current) {
      current = items().indexOf(item);
      mark(false);
    }
  });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || help.open) return;
    if (e.target.closest('input, select, textarea, [contenteditable]') && !e.target.matches('input.select')) return;
    const target = comments[current];
    const chosen = comments.filter((c) => selected.has(c.id));
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'a': decide(chosen.length ? chosen : target ? [target] : [], 'APPROVE'); break;
      case 'r': decide(chosen.length ? chosen : target ? [target] : [], 'REJECT'); break;
      case 'x': if (target) toggle(target.id); break;
      case 'u': if (lastUndo && Date.now() < lastUndo.until) { lastUndo.close(); lastUndo.run(); } break;
      case 'o': { const link = items()[current] && items()[current].querySelector('a.article-link'); if (link) link.click(); break; }
      case '?': help.showModal(); break;
      default: return;
    }
    e.preventDefault();
  });

  Dash.onSite(load);
  setInterval(poll, POLL_MS);
})();
