"""Text from a link is shown as text: markdown or HTML in any URL parameter never becomes a link, an image (which
the browser would fetch from an address the link chose), emphasis or a tag, on any page; and a parameter given
twice with different values gets a notice instead of a silent pick.

Every element Streamlit renders as markdown (title, headers, markdown, caption, warning, info, error, success) is
rendered here with CommonMark (markdown-it) and checked for links and images pointing at the hostile address; the
text outside code spans is checked for bare addresses (http://, www.), which GitHub-flavoured markdown (Streamlit's)
makes clickable after parsing, whatever was escaped.
"""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from enforcement.i18n import plain
from tests.conftest import PROJECT
from tests.test_hostile_links import PAGE_PARAMS, PAGES, SHARED

HOST = "127.0.0.1:9999"
PAYLOADS = {
    "image": f"![x](http://{HOST}/p.png)",
    "link": f"[点此下载正式数据](http://{HOST}/get)",
    "html": f'<img src="http://{HOST}/h.png"><a href="http://{HOST}/a">x</a>',
    "autolink": f"http://{HOST}/auto www.{HOST}",
    "reference": f"[x][r]\n\n[r]: http://{HOST}/ref",
    "angle": f"<http://{HOST}/angle>",
}
MARKDOWN_KINDS = ("title", "header", "subheader", "markdown", "caption", "warning", "info", "error", "success")
_RENDER = MarkdownIt("commonmark")


def shown_markdown(at: AppTest) -> list[str]:
    return [str(element.value) for kind in MARKDOWN_KINDS for element in getattr(at, kind)]


def assert_no_link_to_the_host(texts: list[str]) -> None:
    for text in texts:
        html = _RENDER.render(text)
        assert not [tag for tag in re.findall(r"<(?:a|img)\b[^>]*>", html) if HOST in tag], (text, html)
        # GitHub-flavoured markdown links bare addresses in text after parsing, escaped or not: outside code spans
        # (which it leaves alone) no address of the host may remain.
        outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.S)
        assert f"://{HOST}" not in outside_code and f"www.{HOST}" not in outside_code, (text, html)


def test_plain_escapes_every_payload():
    for payload in PAYLOADS.values():
        escaped = plain(payload)
        assert_no_link_to_the_host([escaped, f"**{escaped}**", f"链接中的 x={escaped} 无法识别"])
        # What the reader sees is the value itself (markdown undoes the escapes), minus line breaks.
        assert re.sub(r"<[^>]+>", "", _RENDER.renderInline(escaped)).replace("&quot;", '"').replace(
            "&lt;", "<"
        ).replace("&gt;", ">").replace("&amp;", "&") == payload.replace("\n", " ")


@pytest.mark.parametrize("payload", list(PAYLOADS))
@pytest.mark.parametrize("page", list(PAGES))
def test_markdown_in_every_parameter_is_shown_as_text(sample_db, page, payload):
    at = AppTest.from_file(str(PROJECT / page), default_timeout=120)
    for param in (*SHARED, *PAGE_PARAMS):
        at.query_params[param] = PAYLOADS[payload]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    texts = shown_markdown(at)
    assert_no_link_to_the_host(texts)
    own = set(SHARED) | set(PAGES[page])
    # Each parameter the page reads is named in a notice that shows the value as text.
    named = {param for param in own if any(f" {param}=" in text for text in texts)}
    assert named == own - {"tr"} or named == own, (own - named, texts)


@pytest.mark.parametrize("page", ["app.py", "pages/5_regions.py", "pages/6_export.py"])
def test_a_parameter_given_twice_gets_a_notice(sample_db, page):
    at = AppTest.from_file(str(PROJECT / page), default_timeout=120)
    at.query_params["region"] = ["320000", "371100"]
    at.query_params["domain"] = ["market", "market"]  # the same value twice is not ambiguous
    if page == "pages/5_regions.py":
        at.query_params["ind"] = ["legal_review_rate", "exam_sampling_rate"]
    at.run()
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert any("region 出现了 2 次" in n and "320000" in n and "371100" in n for n in notices), notices
    assert not any("domain" in n for n in notices), notices
    assert at.session_state["f_region_0"] == ""  # the default, not a silent pick of either
    assert at.query_params.get("region") in (None, [])
    if page == "pages/5_regions.py":
        assert any("ind 出现了 2 次" in n for n in notices), notices
