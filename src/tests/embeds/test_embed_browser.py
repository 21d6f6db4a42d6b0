"""In Chromium: a page on another origin frames the embed; no other page lets itself be framed."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("english"),
]


@pytest.fixture
def member_site(live_server, settings):
    """Serve a member organisation's page from another origin, framing two of our pages."""
    settings.SITE_URL = live_server.url
    ours = live_server.url
    html = (
        "<!doctype html><html lang='en'><head><title>Member site</title></head><body>"
        "<main><h1>Our network's statement</h1>"
        f"<iframe id='embed' name='embed' title='Statement' width='600' height='480' "
        f"src='{ours}/en/embed/on-free-elections/'></iframe>"
        f"<iframe id='page' name='page' title='Full page' width='600' height='480' "
        f"src='{ours}/en/statements/on-free-elections/'></iframe>"
        "</main></body></html>"
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # "localhost" and another port: another origin than the live server's 127.0.0.1.
    yield f"http://localhost:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_embed_renders_in_a_frame_on_another_origin_and_the_page_refuses(
    chromium, member_site, open_data_archive
):
    context = chromium.new_context(locale="en-US")
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(member_site)

    embed = page.frame_locator("#embed")
    assert embed.locator("h1").inner_text().strip().startswith("On free elections")
    assert "5 signatories" in embed.locator("h2").inner_text()
    link = embed.get_by_role("link", name="Read the whole statement and see who signed")
    assert link.get_attribute("target") == "_blank"
    page.wait_for_load_state("load")
    framed_page = page.frame(name="page")
    assert framed_page is not None
    # Chromium shows its own error page instead of a page that forbids framing.
    assert framed_page.locator("article.statement").count() == 0
    assert any("X-Frame-Options" in text or "frame" in text for text in refused), refused
    context.close()


def test_embed_inside_the_frame_has_no_accessibility_violation(
    chromium, member_site, open_data_archive, axe_source
):
    # axe-core is injected as an inline script, which the embed's own CSP rightly refuses.
    context = chromium.new_context(locale="en-US", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(member_site)
    page.frame_locator("#embed").locator("h1").wait_for()
    frame = page.frame(name="embed")

    frame.add_script_tag(path=str(axe_source))
    violations = frame.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' ')))"
    )
    assert violations == []
    context.close()


def test_copy_button_copies_the_embed_code(page, live_server, open_data_archive, settings):
    settings.SITE_URL = live_server.url
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/en/statements/on-free-elections/")

    page.get_by_role("button", name="Copy embed code").click()

    # The clipboard answers asynchronously: wait for the status, as a reader would.
    expect(page.get_by_role("status").filter(has_text="Copied.")).to_have_count(1)
    assert "/en/embed/on-free-elections/" in page.evaluate("navigator.clipboard.readText()")
