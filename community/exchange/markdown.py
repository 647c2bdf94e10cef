"""Markdown to safe HTML: markdown-it-py renders (raw HTML is not passed through),
then nh3 keeps only an explicit allow-list of tags, attributes and URL schemes, and
gives every link `rel="nofollow noopener"`. Mentions of known members are found during
rendering, so they are never matched inside code or links, and stored as
`<span class="mention" data-user="<id>">@handle</span>`: the person, not their name,
which `community.exchange.mentions` shows as it is when the post is read.
"""

import re
from collections.abc import Mapping

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
    "tr", "th", "td", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    # Only the renderer writes spans (raw HTML is not passed through): the mentions.
    "span": {"data-user"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
ALLOWED_CLASSES = {"span": {"mention"}}
URL_SCHEMES = {"http", "https", "mailto"}

MENTION_RE = re.compile(r"@([a-z0-9][a-z0-9-]{0,48}[a-z0-9]|[a-z0-9])", re.IGNORECASE)


def _mention_rule(handles: Mapping[str, int]):
    def rule(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != "@":
            return False
        # Only at a word start: "ana@example.org" is an address, not a mention.
        if state.pos > 0 and (
            state.src[state.pos - 1].isalnum() or state.src[state.pos - 1] in "._-"
        ):
            return False
        match = MENTION_RE.match(state.src, state.pos)
        if not match or match.group(1).lower() not in handles:
            return False
        if not silent:
            token = state.push("mention", "span", 0)
            token.content = match.group(1).lower()
            token.meta = {"user": handles[token.content]}
        state.pos = match.end()
        return True

    return rule


def _render_mention(self, tokens, idx, options, env) -> str:
    from html import escape

    token = tokens[idx]
    user = int(token.meta["user"])
    return f'<span class="mention" data-user="{user}">@{escape(token.content)}</span>'


def _parser(handles: Mapping[str, int] | None = None) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True})
    md.enable(["linkify", "table", "strikethrough"])
    md.inline.ruler.before("emphasis", "mention", _mention_rule(handles or {}))
    md.add_render_rule("mention", _render_mention)
    return md


def _shift_headings(html: str) -> str:
    """Headings inside a post start below the page's own h1 and h2."""
    return re.sub(
        r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 2, 6)}>", html
    )


def render_markdown(text: str, *, handles: Mapping[str, int] | None = None) -> str:
    """`handles`: the members who may be mentioned, handle -> user id."""
    html = _shift_headings(_parser(handles).render(text))
    return sanitise_html(html)


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )


def rich_text_html(html: str) -> str:
    """Post HTML, sanitised again, in the form Wagtail's rich text stores: void elements
    closed (`<br/>`, `<hr/>`). The editor's parser pairs every start tag with an end tag,
    and a bare `<br>` inside a paragraph made the page editor fail to open."""
    return re.sub(r"<(br|hr)>", r"<\1/>", sanitise_html(html))


def count_links(text: str) -> int:
    """Links a post would carry once rendered: explicit ones and bare URLs alike."""
    count = 0
    for token in _parser().parse(text):
        for child in token.children or ():
            if child.type == "link_open":
                count += 1
    return count


def mentioned_handles(text: str, handles: Mapping[str, int]) -> set[str]:
    """The known handles the text mentions, found the way rendering finds them."""
    found: set[str] = set()
    for token in _parser(handles).parse(text):
        for child in token.children or ():
            if child.type == "mention":
                found.add(child.content)
    return found
