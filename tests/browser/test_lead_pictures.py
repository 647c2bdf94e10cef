"""Lead pictures in a real Chromium, at 375 and 1280 px: the browser picks WebP and a
rendition no wider than the screen needs, a page's lead picture loads at once and
a card's only when it nears the screen, and each has its size before it loads, so
nothing below it moves."""

import pytest

# Its pages are the same in both modes: it runs in the full-stack pass only.
pytestmark = [pytest.mark.browser, pytest.mark.same_in_both_modes]

PRACTICE = "/practices/market-waste-composting-kumasi/"
LOADED = "image => image.complete && image.naturalWidth > 0"


@pytest.mark.parametrize("width", [375, 1280], ids=["phone", "desk"])
def test_a_practice_page_shows_its_lead_picture_in_webp_at_the_width_it_needs(
    page, page_problems, demo_site, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(demo_site.url + PRACTICE, wait_until="load")
    picture = page.locator("main picture").first
    image = picture.locator("img")
    assert image.get_attribute("alt"), "the lead picture has no alt text"
    assert image.get_attribute("loading") == "eager"
    page.wait_for_function(LOADED, arg=image.element_handle())
    source = image.evaluate("image => image.currentSrc")
    assert ".webp" in source, source
    shown = image.bounding_box()
    natural = image.evaluate("image => image.naturalWidth")
    # The smallest rendition at least as wide as the picture is shown, at most 1.5x.
    assert shown["width"] <= natural <= max(480, shown["width"] * 1.6), (natural, shown)
    assert page_problems.all() == []


def test_cards_load_their_pictures_lazily_and_keep_their_place_while_loading(
    page, page_problems, demo_site
):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_site.url + "/practices/", wait_until="load")
    images = page.locator("main .card img")
    assert images.count() >= 6
    last = images.last
    assert last.get_attribute("loading") == "lazy"
    assert last.get_attribute("width") and last.get_attribute("height")
    # Far below the first screen it has not been fetched, yet it already has its box.
    assert not last.evaluate(LOADED)
    before = last.bounding_box()
    assert before["height"] > 0
    last.scroll_into_view_if_needed()
    page.wait_for_function(LOADED, arg=last.element_handle())
    after = last.bounding_box()
    assert round(after["height"]) == round(before["height"])
    assert page_problems.all() == []
