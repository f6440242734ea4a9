"""`inci serve` in a real browser: headless Chromium driven over WebDriver (chromedriver).

Pastes the flagship serum and checks the human-derived row, the CO001 finding, the vegan
verdict and a source line; opens an ingredient's explanation; pastes a Korean label and picks
markets (EU and Korea) to see their verdicts side by side; lints a pack text and applies the
safe fixes; checks two products as a routine and compares two (the several-products tab);
the phone width, the share link and printing; opens the page `inci batch
--report` writes, from disk. Every page test runs twice: against `inci serve`, and against the
static folder (scripts/build_web.sh: inci compiled to WebAssembly) opened from disk. Screenshots go to
target/browser/ (CI keeps them as artifacts).
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[4]
SHOTS = ROOT / "target" / "browser"
FLAGSHIP = (ROOT / "fixtures" / "examples" / "flagship_serum.txt").read_text()
PACK = "Ingredients: Aqua,, Glycerin, Phenoxyetanol, Parfum.\n"
CMD = ROOT / "crates" / "inci-cli" / "tests" / "cmd"
SERUM = (CMD / "routine.in" / "serum.txt").read_text()
TONER = CMD / "routine.in" / "toner.txt"
ORIGINAL = (CMD / "compare.in" / "original.txt").read_text()
DUPE = (CMD / "compare.in" / "dupe.txt").read_text()
KOREAN = "전성분: 정제수, 부틸렌글라이콜, 글리세린, 인체지방줄기세포배양액, 나이아신아마이드, 판테놀, 아데노신, 향료"


WEB = pathlib.Path(os.environ.get("INCI_WEB", ROOT / "target" / "web-page"))


@pytest.fixture(scope="module", params=["served", "static"])
def server(request):
    """The page's address: `inci serve`'s, or the static folder's index.html opened from disk
    (scripts/build_web.sh builds it; no server at all)."""
    if request.param == "static":
        index = WEB / "index.html"
        if not index.exists():
            if os.environ.get("CI") == "true":
                pytest.fail(f"{index} missing (scripts/build_web.sh), and CI=true")
            pytest.skip(f"{index} missing: run scripts/build_web.sh")
        yield index.as_uri()
        return
    binary = os.environ.get("INCI_BIN", str(ROOT / "target" / "debug" / "inci"))
    proc = subprocess.Popen(
        [binary, "serve", "--port", "0", "--verbose"],
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stderr.readline()
    match = re.search(r"http://[0-9.:]+/", line)
    assert match, f"no address in {line!r}"
    yield match.group(0)
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    if not (pathlib.Path(chromium).exists() and pathlib.Path(driver_path).exists()):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{chromium} or {driver_path} missing, and CI=true")
        pytest.skip("Chromium and chromedriver are not installed (apt install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2200",
    ]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def shot(address: str, name: str) -> str:
    """A screenshot's file name, with `static-` in front for the static page."""
    return f"static-{name}" if address.startswith("file:") else name


def paste(driver, text: str) -> None:
    box = driver.find_element(By.ID, "text")
    box.clear()
    # send_keys types character by character; setting the value is what a paste does.
    driver.execute_script("arguments[0].value = arguments[1];", box, text)


def test_scan_the_flagship_serum(server, browser):
    browser.get(server)
    assert browser.title.startswith("inci")
    if server.startswith("file:"):
        # The static page runs inci itself and says so.
        WebDriverWait(browser, 30).until(
            lambda d: d.find_element(By.ID, "version").text.startswith("inci ")
        )
        assert browser.find_element(By.ID, "static-note").is_displayed()
    paste(browser, FLAGSHIP)
    browser.find_element(By.ID, "profile").send_keys("sensitive")
    browser.find_element(By.ID, "scan-button").click()
    wait = WebDriverWait(browser, 20)
    wait.until(EC.visibility_of_element_located((By.ID, "scan-panel")))

    # The headline first: three plain sentences.
    sentences = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#headline-sentences li")]
    assert len(sentences) == 3, sentences
    assert sentences[0].startswith("Prohibited in the European Union: it lists HUMAN UMBILICAL"), sentences
    assert sentences[1].startswith("Not vegan or vegetarian"), sentences

    human = browser.find_elements(By.CSS_SELECTOR, "#ingredients tr.human-derived")
    assert len(human) == 1
    assert "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA" in human[0].text
    # What it does in plain words, the worst concern in words; no code in the table.
    assert "humectant: draws water into the skin" in human[0].text
    assert "high human origin" in human[0].text
    assert "H001" not in human[0].text
    glycerin = browser.find_element(By.CSS_SELECTOR, '#ingredients tr[data-index="1"] td.does')
    assert glycerin.text == "humectant: draws water into the skin"
    # The share each ingredient can have, as the label bounds it.
    shares = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#ingredients td.share")]
    assert shares[:7] == ["13.33–70 %", "5–37.5 %", "5–26.67 %", "5–21.25 %", "5–18 %", "5–15.83 %", "5 %"], shares

    co001 = browser.find_elements(By.CSS_SELECTOR, '#findings li[data-code="CO001"]')
    assert co001, "the CO001 finding is listed"
    assert "pore" in co001[0].text.lower()
    assert "source: " in co001[0].text

    # Worst first; the code only on the detail line.
    severities = [li.get_attribute("data-severity") for li in browser.find_elements(By.CSS_SELECTOR, "#findings li")]
    rank = ["info", "low", "moderate", "high"]
    assert severities == sorted(severities, key=rank.index, reverse=True), severities
    first = browser.find_element(By.CSS_SELECTOR, "#findings li")
    assert not first.text.split("\n")[0].split(" ", 1)[1].startswith(first.get_attribute("data-code"))

    # The concerns' notes name the ingredients behind them.
    pores = browser.find_element(By.CSS_SELECTOR, '#concerns tr[data-concern="pores"]')
    assert "ISOPROPYL MYRISTATE" in pores.text, pores.text

    vegan = browser.find_element(By.ID, "vegan")
    assert vegan.text == "Vegan: no · Vegetarian: no"
    r416 = browser.find_element(By.CSS_SELECTOR, '#findings li[data-code="R416"]')
    assert "R416 · regulation · source: Regulation (EC) 1223/2009 Annex II entry 416" in r416.text

    # The label view marks the ingredient and greys the pack text around the list.
    marked = browser.find_elements(By.CSS_SELECTOR, "#label-view .sev-high")
    assert any("Human Umbilical" in m.text for m in marked)
    skipped = browser.find_elements(By.CSS_SELECTOR, "#label-view .skipped")
    assert any("Directions" in s.text for s in skipped)
    browser.save_screenshot(str(SHOTS / shot(server, "scan.png")))

    # An ingredient's explanation, opened from the table.
    browser.find_element(By.CSS_SELECTOR, 'button.name[data-name="LINALOOL"]').click()
    wait.until(EC.visibility_of_element_located((By.ID, "explain")))
    assert browser.find_element(By.ID, "explain-title").text == "LINALOOL"
    assert "Source:" in browser.find_element(By.ID, "explain-facts").text
    browser.save_screenshot(str(SHOTS / shot(server, "explain.png")))
    browser.find_element(By.ID, "explain-close").click()


def test_an_annex_maximum_is_shown_as_an_assumption(server, browser):
    browser.get(server)
    paste(browser, "Aqua, Glycerin, Niacinamide, Phenoxyethanol, Parfum")
    browser.find_element(By.ID, "scan-button").click()
    WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.ID, "scan-panel")))
    cell = browser.find_element(By.CSS_SELECTOR, '#ingredients tr[data-index="3"] td.share')
    assert cell.text == "≤ 25 %; ≤ 1 % if compliant (Annex V entry 29)", cell.text
    assert cell.get_attribute("title").startswith("Source: Regulation (EC) 1223/2009 Annex V entry 29")


def test_a_korean_label_for_the_eu_and_korea(server, browser):
    browser.get(server)
    paste(browser, KOREAN)
    browser.find_element(By.CSS_SELECTOR, '#markets-picker input[value="kr"]').click()
    browser.find_element(By.ID, "scan-button").click()
    wait = WebDriverWait(browser, 20)
    wait.until(EC.visibility_of_element_located((By.ID, "scan-panel")))

    rows = browser.find_elements(By.CSS_SELECTOR, "#ingredients tbody tr")
    assert len(rows) == 8
    assert all(r.find_elements(By.CSS_SELECTOR, "button.name") for r in rows), [r.text for r in rows]
    sentences = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#headline-sentences li")]
    assert "South Korea: allowed if the culture medium meets the MFDS safety standard" in sentences[2], sentences
    human = browser.find_elements(By.CSS_SELECTOR, "#ingredients tr.human-derived")
    assert len(human) == 1
    assert "HUMAN ADIPOSE DERIVED STEM CELL CONDITIONED MEDIA" in human[0].text

    verdicts = {
        r.get_attribute("data-market"): r
        for r in browser.find_elements(By.CSS_SELECTOR, "#market-verdicts tbody tr")
    }
    assert set(verdicts) == {"eu", "kr"}
    assert verdicts["eu"].get_attribute("data-verdict") == "prohibited"
    assert "Annex II entry 416" in verdicts["eu"].text
    assert verdicts["kr"].get_attribute("data-verdict") == "allowed_with_conditions"
    assert "MFDS safety standard" in verdicts["kr"].text
    coverage = browser.find_element(By.CSS_SELECTOR, '#market-coverage li[data-market="kr"]').text
    assert "no rule data for KR annex limits: not checked" in coverage
    browser.save_screenshot(str(SHOTS / shot(server, "markets.png")))


def test_lint_and_apply_safe_fixes(server, browser):
    browser.get(server)
    paste(browser, PACK)
    browser.find_element(By.ID, "lint-button").click()
    wait = WebDriverWait(browser, 20)
    wait.until(EC.visibility_of_element_located((By.ID, "lint-panel")))
    codes = [li.get_attribute("data-code") for li in browser.find_elements(By.CSS_SELECTOR, "#lints li")]
    assert "L002" in codes and "L005" in codes, codes
    # Names in messages are shown as code, not between backticks; counts are in words.
    lints = browser.find_element(By.ID, "lints")
    assert "`" not in lints.text, lints.text
    assert lints.find_elements(By.CSS_SELECTOR, "code")
    summary = browser.find_element(By.ID, "lint-summary").text
    assert "1 errors" not in summary and "1 warnings" not in summary, summary
    browser.save_screenshot(str(SHOTS / shot(server, "lint.png")))

    browser.find_element(By.ID, "fix-button").click()
    wait.until(lambda d: ",," not in d.find_element(By.ID, "text").get_attribute("value"))
    # The empty item is closed up (a safe fix); the misspelling is read as PHENOXYETHANOL, so
    # its fix is unsafe and the text keeps it, and L002 still reports it.
    assert browser.find_element(By.ID, "text").get_attribute("value") == (
        "Ingredients: Aqua, Glycerin, Phenoxyetanol, Parfum.\n"
    )
    assert "safe fixes applied" in browser.find_element(By.ID, "status").text
    codes = [li.get_attribute("data-code") for li in browser.find_elements(By.CSS_SELECTOR, "#lints li")]
    assert "L002" in codes and "L005" not in codes, codes
    browser.save_screenshot(str(SHOTS / shot(server, "lint-fixed.png")))


def test_the_tabs_work_from_the_keyboard(server, browser):
    from selenium.webdriver.common.keys import Keys

    browser.get(server)
    paste(browser, PACK)
    box = browser.find_element(By.ID, "text")
    box.send_keys(Keys.CONTROL, Keys.ENTER)  # Ctrl+Enter runs the current tab (Scan)
    wait = WebDriverWait(browser, 20)
    wait.until(EC.visibility_of_element_located((By.ID, "scan-panel")))
    browser.find_element(By.ID, "scan-button").send_keys(Keys.ARROW_RIGHT)
    wait.until(EC.visibility_of_element_located((By.ID, "lint-panel")))
    lint_tab = browser.find_element(By.ID, "lint-button")
    assert lint_tab.get_attribute("aria-selected") == "true"
    assert browser.switch_to.active_element == lint_tab
    assert not browser.find_element(By.ID, "scan-panel").is_displayed()
    # On to the several-products tab, and round to Scan again.
    lint_tab.send_keys(Keys.ARROW_RIGHT)
    wait.until(EC.visibility_of_element_located((By.ID, "products-panel")))
    assert browser.find_element(By.ID, "products-button").get_attribute("aria-selected") == "true"
    browser.find_element(By.ID, "products-button").send_keys(Keys.ARROW_RIGHT)
    wait.until(EC.visibility_of_element_located((By.ID, "scan-panel")))
    assert browser.find_element(By.ID, "text").is_displayed()


def editors(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#product-editors fieldset.product")


def fill(driver, editor, name: str, text: str) -> None:
    box = editor.find_element(By.CSS_SELECTOR, ".product-name")
    box.clear()
    box.send_keys(name)
    driver.execute_script(
        "arguments[0].value = arguments[1];", editor.find_element(By.CSS_SELECTOR, ".product-text"), text
    )


def test_a_routine_of_two_products(server, browser):
    browser.get(server)
    paste(browser, SERUM)
    browser.find_element(By.ID, "products-button").click()
    wait = WebDriverWait(browser, 20)
    wait.until(EC.visibility_of_element_located((By.ID, "products-panel")))
    # The single label's box steps aside; the first product starts with its text.
    assert not browser.find_element(By.ID, "text").is_displayed()
    first, second = editors(browser)
    assert first.find_element(By.CSS_SELECTOR, ".product-text").get_attribute("value") == SERUM
    first.find_element(By.CSS_SELECTOR, ".product-name").send_keys("serum")
    # A file fills the empty editor and names it after itself.
    browser.find_element(By.ID, "product-files").send_keys(str(TONER))
    wait.until(lambda d: second.find_element(By.CSS_SELECTOR, ".product-text").get_attribute("value"))
    assert second.find_element(By.CSS_SELECTOR, ".product-name").get_attribute("value") == "toner"
    browser.find_element(By.ID, "routine-button").click()
    wait.until(EC.visibility_of_element_located((By.ID, "routine-result")))

    summaries = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#routine-products li")]
    assert len(summaries) == 2 and summaries[0].startswith("serum: ") and summaries[1].startswith("toner: "), summaries
    rx001 = browser.find_element(By.CSS_SELECTOR, '#routine-findings li[data-code="RX001"]')
    assert "RETINOL (serum) with GLYCOLIC ACID (toner)" in rx001.text, rx001.text
    assert "RX001 · source: American Academy of Dermatology" in rx001.text
    rx005 = browser.find_element(By.CSS_SELECTOR, '#routine-findings li[data-code="RX005"]')
    assert "LINALOOL" in rx005.text and "2 products" in rx005.text
    severities = [li.get_attribute("data-severity") for li in browser.find_elements(By.CSS_SELECTOR, "#routine-findings li")]
    rank = ["info", "low", "moderate", "high"]
    assert severities == sorted(severities, key=rank.index, reverse=True), severities
    assert "2 products" in browser.find_element(By.ID, "status").text
    browser.save_screenshot(str(SHOTS / shot(server, "routine.png")))

    # Nothing in common across the two: said, not left blank.
    fill(browser, first, "cream", "Aqua, Glycerin")
    fill(browser, second, "toner", "Aqua, Niacinamide")
    browser.find_element(By.ID, "routine-button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#routine-findings li.none"))


def test_two_products_compared(server, browser):
    browser.get(server)
    browser.find_element(By.ID, "products-button").click()
    wait = WebDriverWait(browser, 20)
    wait.until(EC.visibility_of_element_located((By.ID, "products-panel")))
    first, second = editors(browser)
    fill(browser, first, "original", ORIGINAL)
    fill(browser, second, "dupe", DUPE)
    browser.find_element(By.ID, "compare-button").click()
    wait.until(EC.visibility_of_element_located((By.ID, "compare-result")))

    # The same figure as the command line's.
    binary = os.environ.get("INCI_BIN", str(ROOT / "target" / "debug" / "inci"))
    cli = json.loads(
        subprocess.run(
            [binary, "compare", str(CMD / "compare.in" / "original.txt"), str(CMD / "compare.in" / "dupe.txt"), "--format", "json"],
            capture_output=True, check=True, text=True,
        ).stdout
    )
    similarity = browser.find_element(By.ID, "compare-similarity")
    assert float(similarity.get_attribute("data-similarity")) == cli["similarity"]
    assert f"Similarity {cli['similarity']:.2f}" in similarity.text
    shared = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#compare-shared tbody tr")]
    assert len(shared) == len(cli["shared"]) and shared[0] == "AQUA #1 #1", shared
    heads = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#compare-shared thead th")]
    assert heads == ["Ingredient", "original", "dupe"], heads
    assert browser.find_element(By.ID, "only-first-title").text == f"Only in original ({len(cli['only_first'])})"
    assert [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#only-second li")] == cli["only_second"]
    concerns = browser.find_elements(By.CSS_SELECTOR, "#compare-concerns tbody tr")
    assert len(concerns) == len(cli["concerns"]) + 1
    assert concerns[-1].text.startswith("Vegan verdict")
    assert browser.find_element(By.ID, "download-products").is_displayed()
    browser.save_screenshot(str(SHOTS / shot(server, "compare.png")))


def test_products_can_be_added_and_removed_within_limits(server, browser):
    browser.get(server)
    browser.find_element(By.ID, "products-button").click()
    WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.ID, "products-panel")))
    assert len(editors(browser)) == 2
    assert all(not e.find_element(By.CSS_SELECTOR, ".remove-product").is_enabled() for e in editors(browser))
    add = browser.find_element(By.ID, "add-product")
    for _ in range(8):
        add.click()
    assert len(editors(browser)) == 10 and not add.is_enabled()
    editors(browser)[0].find_element(By.CSS_SELECTOR, ".remove-product").click()
    assert len(editors(browser)) == 9 and add.is_enabled()
    legends = [e.find_element(By.CSS_SELECTOR, "legend").text for e in editors(browser)]
    assert legends == [f"Product {i}" for i in range(1, 10)], legends
    # One product with a list is not a routine: said in the status line.
    fill(browser, editors(browser)[0], "", "Aqua, Retinol")
    browser.find_element(By.ID, "routine-button").click()
    status = browser.find_element(By.ID, "status")
    assert "at least two products" in status.text and "error" in status.get_attribute("class")


def test_a_photo_is_read_on_the_served_page_and_refused_with_advice_on_the_static_one(server, browser, tmp_path):
    import shutil
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "ocr"))
    import render

    photo = tmp_path / "panel.jpg"
    fixture = next(f for f in render.FIXTURES if f.name == "cream-small-blurred")
    render.render(fixture).save(photo, quality=70)
    browser.get(server)
    browser.find_element(By.ID, "file").send_keys(str(photo))
    if server.startswith("file:"):
        WebDriverWait(browser, 20).until(lambda d: "needs inci on this machine" in d.find_element(By.ID, "status").text)
        assert "error" in browser.find_element(By.ID, "status").get_attribute("class")
        return
    if shutil.which("tesseract") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tesseract missing, and CI=true")
        pytest.skip("tesseract is not installed")
    wait = WebDriverWait(browser, 30)
    wait.until(EC.visibility_of_element_located((By.ID, "photo-view")))
    assert browser.find_element(By.ID, "scan-panel").is_displayed()
    # The transcription is in the text box, to correct; the boxes outline every item.
    assert "Caprylic/Capric Triglyceride" in browser.find_element(By.ID, "text").get_attribute("value")
    rows = browser.find_elements(By.CSS_SELECTOR, "#ingredients tbody tr")
    boxes = browser.find_elements(By.CSS_SELECTOR, "#photo-boxes .box")
    assert len(rows) == 15 and len(boxes) == 15, (len(rows), len(boxes))
    # Items read with low confidence are dashed on the photo and said in the table.
    dashed = browser.find_elements(By.CSS_SELECTOR, "#photo-boxes .box.check")
    flagged = browser.find_elements(By.CSS_SELECTOR, "#ingredients tr.to-check")
    assert dashed and len(dashed) == len(flagged)
    assert "check against the pack" in flagged[0].text
    assert "read by tesseract" in browser.find_element(By.ID, "photo-source").text
    # The same names as the command line gives for the list that was drawn, except where the
    # page says to check.
    binary = os.environ.get("INCI_BIN", str(ROOT / "target" / "debug" / "inci"))
    truth = json.loads(
        subprocess.run([binary, "scan", "--format", "json", "--text", fixture.text], capture_output=True, check=True, text=True).stdout
    )
    for row, ing in zip(rows, truth["ingredients"]):
        if "to-check" not in (row.get_attribute("class") or ""):
            assert ing["name"] in row.text, (row.text, ing["name"])
    # Each box lies over the image.
    img = browser.find_element(By.ID, "photo-img").rect
    for b in boxes:
        r = b.rect
        assert img["x"] - 4 <= r["x"] and r["x"] + r["width"] <= img["x"] + img["width"] + 4, (r, img)
    browser.save_screenshot(str(SHOTS / shot(server, "photo.png")))


def test_a_txt_file_fills_the_text_box(server, browser):
    browser.get(server)
    path = ROOT / "fixtures" / "examples" / "flagship_serum.txt"
    browser.find_element(By.ID, "file").send_keys(str(path))
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.ID, "text").get_attribute("value") == FLAGSHIP
    )
    assert "flagship_serum.txt loaded" in browser.find_element(By.ID, "status").text


def test_errors_are_shown_not_thrown(server, browser):
    browser.get(server)
    paste(browser, "   ")
    browser.find_element(By.ID, "scan-button").click()
    status = browser.find_element(By.ID, "status")
    assert "Paste an ingredient list first" in status.text
    assert "error" in status.get_attribute("class")


def test_the_batch_report_page_opens_from_a_file(browser, tmp_path):
    """`inci batch --report` over the test catalog, opened from disk (no server): the charts
    are drawn, the flagship's product is listed with its EU verdict."""
    binary = os.environ.get("INCI_BIN", str(ROOT / "target" / "debug" / "inci"))
    report = tmp_path / "report.html"
    subprocess.run(
        [
            binary,
            "batch",
            str(ROOT / "fixtures" / "catalogs" / "good.csv"),
            "--column",
            "Ingredients",
            "--id-column",
            "SKU",
            "--report",
            str(report),
            "-o",
            str(tmp_path / "out.jsonl"),
        ],
        check=True,
        capture_output=True,
    )
    browser.set_window_size(1000, 1600)
    browser.get(report.as_uri())
    vegan_bars = browser.find_elements(By.CSS_SELECTOR, "#vegan svg rect")
    assert len(vegan_bars) == 3
    widths = [float(b.get_attribute("width")) for b in vegan_bars]
    assert max(widths) > 100, widths
    assert browser.find_elements(By.CSS_SELECTOR, "#codes svg rect")
    assert browser.find_elements(By.CSS_SELECTOR, "#concerns svg rect")
    human_rows = browser.find_elements(By.CSS_SELECTOR, "#human table tr")
    assert len(human_rows) == 2  # the header and the flagship serum
    assert "eu:prohibited" in human_rows[1].text
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "batch-report.png"))


def test_the_page_fits_a_phone(server, browser):
    """At 375 px wide nothing overflows: the tables become one card per row."""
    browser.set_window_size(375, 2000)
    try:
        browser.get(server)
        paste(browser, FLAGSHIP)
        browser.find_element(By.ID, "scan-button").click()
        WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.ID, "scan-panel")))
        width = browser.execute_script("return document.documentElement.clientWidth")
        scroll = browser.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width, f"the page is {scroll} px wide in a {width} px window"
        table = browser.find_element(By.ID, "ingredients")
        assert table.size["width"] <= width
        browser.save_screenshot(str(SHOTS / shot(server, "phone.png")))
        # Two products compared fit too.
        browser.find_element(By.ID, "products-button").click()
        first, second = editors(browser)
        fill(browser, second, "dupe", DUPE)
        browser.find_element(By.ID, "compare-button").click()
        WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.ID, "compare-result")))
        scroll = browser.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width, f"the compared products are {scroll} px wide in a {width} px window"
        browser.save_screenshot(str(SHOTS / shot(server, "phone-compare.png")))
    finally:
        browser.set_window_size(1280, 2200)


def test_a_share_link_reopens_the_label_without_sending_it(server, browser):
    browser.get(server)
    paste(browser, FLAGSHIP)
    browser.find_element(By.CSS_SELECTOR, '#markets-picker input[value="kr"]').click()
    browser.find_element(By.ID, "scan-button").click()
    WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.ID, "scan-panel")))
    link = browser.find_element(By.ID, "share-link").get_attribute("href")
    base, _, fragment = link.partition("#")
    assert "Human" not in base and "label=" in fragment, link
    # A fresh page from the link scans the label with the same markets.
    browser.get("about:blank")
    browser.get(link)
    WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.ID, "scan-panel")))
    assert browser.find_element(By.ID, "text").get_attribute("value") == FLAGSHIP
    assert browser.find_element(By.CSS_SELECTOR, '#markets-picker input[value="kr"]').is_selected()
    markets = {r.get_attribute("data-market") for r in browser.find_elements(By.CSS_SELECTOR, "#market-verdicts tbody tr")}
    assert markets == {"eu", "kr"}


def test_printing_shows_the_answers_not_the_form(server, browser):
    browser.get(server)
    paste(browser, FLAGSHIP)
    browser.find_element(By.ID, "scan-button").click()
    WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.ID, "scan-panel")))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.ID, "input").is_displayed()
        assert not browser.find_element(By.ID, "share-link").is_displayed()
        assert browser.find_element(By.ID, "findings").is_displayed()
        assert browser.find_element(By.ID, "headline").is_displayed()
        pdf = browser.print_page()
        assert len(pdf) > 1000
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
