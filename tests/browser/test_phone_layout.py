"""Phones first: no page of the HTML-validity list scrolls sideways at 320 and 390 px, and the
main navigation folds into a menu button under 768 px that works with the keyboard."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_participation_accessibility import wait_for_maps
from tests.core.test_html_validity import prepare_site
from tests.factories import current_totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390)


SMALL_TARGETS = """() => [...document.querySelectorAll(
    '.rh-header a, .rh-header button, .rh-footer a, .rh-pagination__list a, .kern-btn'
  )]
  .filter((node) => node.offsetParent !== null)
  .filter((node) => node.getBoundingClientRect().height < 44)
  .map((node) => node.tagName + ' ' + node.textContent.trim().slice(0, 30))"""


def sign_in_demo(page, email: str, settings) -> None:
    """Sign in as a demo person through the real forms (password, then the demo TOTP code)."""
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(current_totp_code(settings.DEMO_TOTP_SECRET))
        page.get_by_role("button", name="Anmelden").click()
        page.wait_for_load_state()


OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.querySelectorAll('body *')]
    .filter((node) => node.getBoundingClientRect().right > width + 0.5)
    .slice(0, 3)
    .map((node) => node.tagName + '.' + [...node.classList].join('.'));
  return document.documentElement.scrollWidth + ' > ' + width + ': ' + wide.join(', ');
}"""


# Pages whose templates this layout work changed; axe-core checks them at phone width.
AXE_CHECKED = ("/maps/", "/services/mailbox/", "/my-account/profile/", "/schedule/", "/decide/")


def test_no_page_scrolls_sideways_on_phones(browser, live_server, settings, assert_accessible):
    too_wide, too_small = [], []
    for email, paths in prepare_site().items():
        context = browser.new_context(
            base_url=live_server.url, locale="de-DE", viewport={"width": WIDTHS[0], "height": 800}
        )
        context.set_default_timeout(20_000)
        page = context.new_page()
        if email is not None:
            sign_in_demo(page, email, settings)
        for path in paths:
            page.goto(path)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                overflow = page.evaluate(OVERFLOW)
                if overflow:
                    too_wide.append(f"{email or 'visitor'} {path}: {overflow}")
            if email is None or not path.startswith("/backoffice/"):
                small = page.evaluate(SMALL_TARGETS)
                if small:
                    too_small.append(f"{email or 'visitor'} {path}: {small}")
            if path.endswith(AXE_CHECKED):
                wait_for_maps(page)
                assert_accessible(page)
        context.close()
    assert too_wide == [], "\n".join(too_wide)
    assert too_small == [], "\n".join(too_small)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", viewport={"width": 390, "height": 800}
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_menu_button_works_with_the_keyboard(phone, assert_accessible):
    phone.goto("/maps/")
    button = phone.get_by_role("button", name="Menü")
    links = phone.get_by_role("navigation", name="Hauptnavigation").get_by_role("link")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()
    assert phone.evaluate(SMALL_TARGETS) == []
    assert_accessible(phone)

    button.focus()
    phone.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    phone.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    for index in range(1, links.count()):
        phone.keyboard.press("Tab")
        expect(links.nth(index)).to_be_focused()
    assert_accessible(phone)

    phone.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(links.first).to_be_hidden()

    phone.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(links.first).to_be_visible()

    phone.set_viewport_size({"width": 1280, "height": 800})
    expect(button).to_be_hidden()
    expect(links.first).to_be_visible()


def test_navigation_stays_visible_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        locale="de-DE",
        viewport={"width": 320, "height": 800},
        java_script_enabled=False,
    )
    page = context.new_page()
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    expect(navigation.get_by_role("link", name="Beteiligung")).to_be_visible()
    expect(page.locator("[data-nav-toggle]")).to_be_hidden()
    context.close()
