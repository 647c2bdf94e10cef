"""A corpus of XSS payloads in titles, bodies, tags, file names and people's names
never reaches a page unescaped: every page that shows them is checked for the markers
that only an executed payload would leave in the HTML."""

import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from community.exchange.actions import do_create_thread, do_flag_post, do_post_reply
from community.exchange.markdown import render_markdown

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![img](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<details open ontoggle=alert(1)>",
    "'';!--\"<XSS>=&{()}",
    '[x](https://example.org "title" onmouseover=alert(1))',
    "<form action=https://evil.example><button>x</button></form>",
    "<<script>script>alert(1)<</script>/script>",
    "@handle<script>alert(1)</script>",
    "```\n</code><script>alert(1)</script>\n```",
    "<base href=https://evil.example/>",
    "<meta http-equiv=refresh content=0;url=https://evil.example>",
]

FORBIDDEN_TAGS = {"iframe", "svg", "math", "style", "form", "base", "meta", "object", "embed"}
SAFE_URL = re.compile(r"^(https?:|mailto:|/|#|\?)", re.IGNORECASE)


class ActiveContentFinder(HTMLParser):
    """Walks a page as a browser's tokenizer would and lists anything that could run:
    event-handler attributes, script or style that is not the site's own static file,
    forbidden elements, and URLs with other schemes than http(s), mailto or relative."""

    def __init__(self, *, own_forms: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.own_forms = own_forms
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            url_attribute = name in ("href", "src", "action", "xlink:href", "formaction")
            if url_attribute and value and not SAFE_URL.match(value.strip()):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self.problems.append(f"<{tag} style={value!r}>")
        if tag == "script":
            if not (attrs.get("src") or "").startswith("/static/"):
                self.problems.append("<script> without the site's own src")
            self.in_script = True
        if tag == "img" and not (attrs.get("src") or "").startswith("/static/"):
            self.problems.append(f"<img src={attrs.get('src')!r}>")
        if tag == "form" and not self.own_forms:
            self.problems.append("<form>")
        if tag == "form" and (attrs.get("action") or "").startswith("http"):
            self.problems.append(f"<form action={attrs['action']!r}>")
        if tag == "meta" and "http-equiv" in attrs:
            self.problems.append("<meta http-equiv>")
        if tag in FORBIDDEN_TAGS - {"form", "meta"}:
            self.problems.append(f"<{tag}>")

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append(f"inline script: {data[:60]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False


def active_content(html: str, *, own_forms: bool = False) -> list[str]:
    finder = ActiveContentFinder(own_forms=own_forms)
    finder.feed(html)
    finder.close()
    return finder.problems


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendered_markdown_carries_no_active_content(payload):
    html = render_markdown(payload, handles={"handle": 1})
    assert active_content(html) == [], html


def test_links_get_nofollow_noopener_and_only_safe_schemes():
    html = render_markdown("[a](https://example.org) <https://x.example> [m](mailto:a@b.org)")
    assert html.count('rel="nofollow noopener"') == 3
    assert 'href="https://example.org"' in html


def test_payloads_everywhere_on_every_page_stay_escaped(client, people):
    payload = " ".join(PAYLOADS)
    people.participant.first_name = '<script>alert("name")</script>'
    people.participant.save()
    thread = do_create_thread(
        space=people.space,
        author=people.participant,
        title='<script>alert("title")</script><img src=x onerror=alert(1)>',
        body=payload,
        tags=['<script>alert("tag")</script>', '"><svg/onload=alert(1)>'],
        files=[
            SimpleUploadedFile(
                '"><img src=x onerror=alert(1)>.txt', b"plain text", content_type="text/plain"
            )
        ],
    )
    reply = do_post_reply(thread=thread, author=people.facilitator, body=payload)
    do_flag_post(post=reply, reporter=people.participant, reason="spam", note=payload[:500])
    opening = thread.posts.get(is_opening=True)
    space = people.space.pk
    pages = [
        reverse("exchange:threads", args=[space]),
        thread.get_absolute_url(),
        f"{thread.get_absolute_url()}?quote={reply.pk}",
        reverse("exchange:post_history", args=[space, opening.pk]),
        reverse("exchange:flag_post", args=[space, reply.pk]),
        reverse("exchange:moderation", args=[space]),
        reverse("exchange:notifications"),
        reverse("exchange:activity"),
    ]
    client.force_login(people.host)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert active_content(html, own_forms=True) == [], page
        # The payload's own text is there, escaped: nothing was silently dropped.
        if page == thread.get_absolute_url():
            assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in html
    # The JSON for mention completion is data, never HTML.
    response = client.get(reverse("exchange:mention_candidates", args=[space]))
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    names = [member["name"] for member in response.json()["members"]]
    assert '<script>alert("name")</script> Souza' in names
    # The attachment's name is cleaned before it is ever stored or sent as a header.
    attachment = opening.attachments.get()
    assert "<" not in attachment.filename and '"' not in attachment.filename
    response = client.get(reverse("exchange:attachment", args=[space, attachment.pk]))
    assert response.status_code == 200
    assert "<" not in response["Content-Disposition"]
