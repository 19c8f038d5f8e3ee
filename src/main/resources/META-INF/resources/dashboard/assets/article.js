/* An article's whole thread, replies nested under their parents, each comment with its state. */
'use strict';
(() => {
  const { api, el, failed, toast } = Dash;
  const root = document.getElementById('article');
  const site = root.dataset.site;
  const articleId = root.dataset.article;
  const thread = document.getElementById('thread');

  async function decide(comment, decision) {
    try {
      const updated = await api('POST', '/api/v1/comments/' + encodeURIComponent(site) + '/' + encodeURIComponent(comment.id) + '/decision',
        { decision, expectedRevision: comment.revision });
      toast((decision === 'APPROVE' ? 'Approved' : 'Rejected') + ' comment by ' + ((comment.author || {}).displayName || 'unknown'));
      const old = document.getElementById('c-' + comment.id.replace(/[^A-Za-z0-9_-]/g, '_'));
      const replies = old.querySelector(':scope > ol.thread');
      const fresh = Dash.commentItem(updated, { onDecide: decide });
      if (replies) fresh.append(replies);
      old.replaceWith(fresh);
      fresh.focus();
    } catch (e) {
      if (e.status === 409) { toast('The comment changed meanwhile; reloaded.', { error: true }); load(); } else failed(e);
    }
  }

  async function load() {
    try {
      const data = await api('GET', '/api/v1/articles/' + encodeURIComponent(site) + '/' + encodeURIComponent(articleId) + '/comments');
      document.getElementById('article-title').textContent = data.title || 'Article ' + articleId;
      const held = data.comments.filter((c) => c.status === 'REVIEW').length;
      document.getElementById('article-meta').replaceChildren(
        data.url ? el('a', { href: data.url, rel: 'noopener noreferrer' }, data.url) : '',
        ' · ' + data.comments.length + ' comments, ' + held + ' held');
      const children = new Map();
      const ids = new Set(data.comments.map((c) => c.id));
      data.comments.forEach((c) => {
        const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(c);
      });
      const branch = (parent) => (children.get(parent) || []).map((c) => {
        const item = Dash.commentItem(c, { onDecide: decide });
        if (children.has(c.id)) item.append(el('ol', { class: 'thread', 'aria-label': 'Replies' }, branch(c.id)));
        return item;
      });
      thread.replaceChildren(...branch(null));
      if (!data.comments.length) thread.replaceChildren(el('li', { class: 'empty' }, 'No comments on this article yet.'));
    } catch (e) {
      if (e.status === 404) thread.replaceChildren(el('li', { class: 'empty' }, 'No such article.'));
      else failed(e);
    }
  }

  load();
})();
