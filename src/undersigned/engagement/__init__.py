"""Readers: view counts, comments, the newsletter, sharing, related statements, display settings.

How the pieces fit (details in each module):

- View counts (viewcount.py, views.statement_seen): the statement page carries a one-pixel
  image; fetching it counts the view in the shared cache only, so the page itself stays the
  same for every reader and can be served by nginx or a CDN. The worker adds the counts to
  StatementEngagement in batches (services.view_counts_flush, `undersigned flush_views`).
  Behind nginx the image never reaches the app (deploy/nginx-views.conf): nginx answers it and
  logs a line, and the worker counts the lines exactly once (viewlog.py,
  services.views_log_read), so a crowd costs the app servers nothing.
- Comments: services.comment_submit decides between published, awaiting moderation and
  awaiting the author's confirmation (COMMENTS_MODERATION). Staff moderate in the admin
  (Readers › Comments, filtered by status with counts). Comments are closed per statement on
  StatementEngagement, never on Statement.
- Newsletter: double opt-in, confirmed by POST. Publication is announced by the post_save
  signal on Statement (signals.py), which calls services.newsletter_statement_announce: any way
  of publishing (admin, import, a service) is covered, once per statement; that service may also
  be called directly. Every subscriber mail carries List-Unsubscribe and List-Unsubscribe-Post.
- Sharing: plain links, the Web Share API when the browser has it, and "send to a friend"
  with a fixed text.
- Display settings (templates engagement/_head.html and _body_start.html, core's site.css and
  site.js): a <details> panel of radio buttons. With JavaScript the choice is kept in
  localStorage and applied by an inline script in <head> before the first paint. Without it, the
  same radio buttons restyle the page through CSS :has() — for that page only, since nothing
  can be remembered without script or a server-side cookie, and a cookie would make every
  cached page personal. The browser's zoom and the device's dark, high-contrast
  (prefers-contrast, forced-colors) and reduced-motion settings always apply.
- The comment and newsletter forms sit on pages cached for everyone, so they carry no CSRF
  token (see core/origin.py); the browser's Sec-Fetch-Site / Origin headers guard them.
"""
