// inci's page: reads the label with inci and shows the answers. Served by `inci serve`, it
// asks the local API; built as a static folder (scripts/build_web.sh), it runs inci itself,
// compiled to WebAssembly, and sends nothing anywhere. No framework. Every text from the label
// or the data is put in the page with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const SEVERITIES = ["info", "low", "moderate", "high"];
const CONCERN_TITLES = {
  pores: "Pores",
  irritation: "Irritation",
  allergy: "Allergy",
  human_origin_regulation: "Human origin and regulation",
  vegan: "Vegan",
};
let lastScan = null;
let lastLint = null;
let mode = "scan";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function status(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

function options() {
  const params = new URLSearchParams();
  params.set("profile", $("profile").value);
  if ($("product-type").value) params.set("product_type", $("product-type").value);
  const markets = [...document.querySelectorAll('#markets-picker input[name="market"]:checked')].map((c) => c.value);
  params.set("market", markets.length ? markets.join(",") : "eu");
  return params.toString();
}

async function post(path, text) {
  if (STATIC) return local(path, text);
  const response = await fetch(`${path}?${options()}`, {
    method: "POST",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
    body: text,
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// Several named products, `[{name, text}]`: a JSON body with the options beside them (the
// static page hands the list to inci as JSON text).
async function postProducts(path, products) {
  if (STATIC) return local(path, JSON.stringify(products));
  const o = Object.fromEntries(new URLSearchParams(options()));
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ products, ...o }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// The static page: inci in WebAssembly, loaded once from the gzipped module in
// inci_wasm_data.js (a script, so that it loads from file:// too).
const STATIC = typeof INCI_WASM_GZ_BASE64 !== "undefined";
let wasmReady = null;

function loadWasm() {
  if (!wasmReady) {
    wasmReady = (async () => {
      const gz = Uint8Array.from(atob(INCI_WASM_GZ_BASE64), (c) => c.charCodeAt(0));
      const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
      const bytes = await new Response(stream).arrayBuffer();
      await wasm_bindgen({ module_or_path: bytes });
      return wasm_bindgen;
    })();
  }
  return wasmReady;
}

// The API's answers, computed here: the same JSON, the same errors.
async function local(path, text) {
  const inci = await loadWasm();
  const o = new URLSearchParams(options());
  const market = o.get("market") || "";
  const productType = o.get("product_type") || "";
  let answer;
  if (path === "/api/scan") answer = inci.scan(text, o.get("profile") || "", productType, market);
  else if (path === "/api/lint") answer = inci.lint(text, market, productType);
  else if (path === "/api/fix") answer = inci.fix(text, market, productType, false);
  else if (path === "/api/routine") answer = inci.routine(text, o.get("profile") || "", productType, market);
  else if (path === "/api/compare") answer = inci.compare(text, o.get("profile") || "", productType, market);
  else throw new Error(`no such answer: ${path}`);
  const body = JSON.parse(answer);
  if (body.error) throw new Error(body.error);
  return body;
}

async function explainAnswer(name) {
  if (STATIC) {
    const inci = await loadWasm();
    const body = JSON.parse(inci.explain(name));
    if (body.error) throw new Error(body.error);
    return body;
  }
  const response = await fetch(`/api/explain?name=${encodeURIComponent(name)}`);
  return response.json();
}

// The API's spans are byte offsets into the UTF-8 text; JavaScript strings count UTF-16 units.
function byteSlicer(text) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  return { length: bytes.length, slice: (a, b) => decoder.decode(bytes.subarray(a, b)) };
}

// Marks stretches of `text` (byte ranges, non-overlapping after sorting) inside `container`.
function markText(container, text, marks) {
  container.replaceChildren();
  const bytes = byteSlicer(text);
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping: the first one wins
    if (m.start > at) container.append(bytes.slice(at, m.start));
    const node = el("span", { class: m.class, title: m.title }, bytes.slice(m.start, m.end));
    if (m.label) node.append(el("span", { class: "visually-hidden", text: ` (${m.label})` }));
    container.append(node);
    at = m.end;
  }
  if (at < bytes.length) container.append(bytes.slice(at, bytes.length));
}

function worstByIngredient(report) {
  const worst = new Map();
  report.findings.forEach((f) => {
    for (const i of f.ingredients) {
      const prev = worst.get(i);
      if (!prev || SEVERITIES.indexOf(f.severity) > SEVERITIES.indexOf(prev.severity)) {
        worst.set(i, f);
      }
    }
  });
  return worst;
}

function badge(level) {
  return el("span", { class: `badge sev-${level}`, text: level });
}

// A message whose `quoted` parts are names or codes: shown as code, never as backticks.
function withCode(message) {
  const node = el("span");
  message.split("`").forEach((part, i) => node.append(i % 2 ? el("code", { text: part }) : part));
  return node;
}

// An ingredient's share of the product, as the label bounds it: `5 %` printed, `85–95 %`,
// `≤ 5 %`; nothing when anything from 0 to 100 % is possible. Then the annex maximum, if the
// product complies: `≤ 25 %; ≤ 1 % if compliant (Annex V entry 29)`.
function shareWords(share) {
  if (!share || share.basis === "none") return "";
  const n = (v) => String(Math.round(v * 100) / 100);
  let words;
  if (share.min === share.max) words = `${n(share.min)} %`;
  else if (share.min <= 0) words = `≤ ${n(share.max)} %`;
  else words = `${n(share.min)}–${n(share.max)} %`;
  const cap = share.if_compliant;
  // Annex maxima go down to 0.0015 %: four decimals.
  return cap ? `${words}; ≤ ${String(Math.round(cap.max * 10000) / 10000)} % if compliant (Annex ${cap.annex} entry ${cap.reference})` : words;
}

// `1 error`, `2 errors`.
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// Plain words for a concern in a table cell.
function concernWords(f) {
  if (f.category === "human_derived") return "human origin";
  if (f.concern === "human_origin_regulation") return "regulation";
  return (CONCERN_TITLES[f.concern] || f.concern).toLowerCase();
}

// The label and options in the page's address, after `#`: a link that reopens this scan. The
// fragment is never sent to a server.
function shareLink() {
  const params = new URLSearchParams(options());
  params.set("label", $("text").value);
  return `${location.href.split("#")[0]}#${params.toString()}`;
}

function fromLink() {
  if (!location.hash.startsWith("#")) return false;
  const params = new URLSearchParams(location.hash.slice(1));
  const label = params.get("label");
  if (!label) return false;
  $("text").value = label;
  if (params.get("profile")) $("profile").value = params.get("profile");
  if (params.get("product_type")) $("product-type").value = params.get("product_type");
  const markets = (params.get("market") || "eu").split(",");
  for (const c of document.querySelectorAll('#markets-picker input[name="market"]')) {
    c.checked = markets.includes(c.value);
  }
  return true;
}

function showScan(report) {
  lastScan = report;
  if (!report.ocr) $("photo-view").hidden = true;
  const text = $("text").value;
  const worst = worstByIngredient(report);
  const marks = report.ingredients.map((ing, i) => {
    const w = worst.get(i);
    const cls = w ? `mark sev-${w.severity}` : ing.name ? "mark" : "mark sev-unknown";
    const title = `${ing.name || "unknown name"}${w ? ` · ${w.severity}: ${w.code}` : ""}`;
    return { start: ing.span[0], end: ing.span[1], class: cls, title, label: w ? `${w.severity} ${w.code}` : "" };
  });
  for (const s of report.skipped) {
    marks.push({ start: s.span[0], end: s.span[1], class: "skipped", title: `not an ingredient: ${s.reason}`, label: `skipped: ${s.reason}` });
  }
  markText($("label-view"), text, marks);

  const sentences = $("headline-sentences");
  sentences.replaceChildren(...(report.headline || []).map((h) => el("li", { text: h })));
  $("share-link").href = shareLink();

  const concerns = $("concerns").tBodies[0];
  concerns.replaceChildren();
  for (const c of report.concerns) {
    const title = CONCERN_TITLES[c.concern] || c.concern.replaceAll("_", " ");
    // The ingredients behind the concern's worst findings, then whether the profile weighs it.
    const findings = c.findings.map((i) => report.findings[i]).filter(Boolean);
    const top = Math.max(-1, ...findings.map((f) => SEVERITIES.indexOf(f.severity)));
    const names = [...new Set(findings
      .filter((f) => SEVERITIES.indexOf(f.severity) === top && f.severity !== "info")
      .map((f) => report.ingredients[f.ingredients[0]])
      .filter(Boolean)
      .map((ing) => ing.name || ing.raw.trim()))];
    const parts = [];
    if (names.length) parts.push(names.length > 2 ? `${names.slice(0, 2).join(", ")} and ${names.length - 2} more` : names.join(", "));
    if (c.weighted) parts.push("weighted for the chosen profile");
    const note = parts.join("; ");
    concerns.append(el("tr", { "data-concern": c.concern },
      el("th", { scope: "row", text: title }), el("td", {}, badge(c.level)), el("td", { text: note })));
  }
  const noList = report.findings.some((f) => f.category === "no_ingredient_list");
  $("vegan").textContent = `Vegan: ${report.vegan} · Vegetarian: ${report.vegetarian}${noList ? " (no ingredient list found)" : ""}`;
  $("vegan").dataset.vegan = report.vegan;

  const rows = $("ingredients").tBodies[0];
  rows.replaceChildren();
  report.ingredients.forEach((ing, i) => {
    const codes = report.findings.filter((f) => f.ingredients.includes(i));
    const human = codes.some((f) => f.category === "human_derived");
    const name = ing.name
      ? el("button", { type: "button", class: "name", "data-name": ing.name, text: ing.name })
      : el("span", { text: `unknown${ing.suggestions.length ? `; did you mean ${ing.suggestions.join(", ")}?` : ""}` });
    const w = worst.get(i);
    const cell = el("td", { "data-label": "Worst concern" });
    if (w && w.severity !== "info") cell.append(badge(w.severity), ` ${concernWords(w)}`);
    const read = report.ocr && report.ocr.items.find((item) => item.ingredient === i);
    if (read && read.check) {
      cell.append(el("span", { class: "check-note", text: ` check against the pack (read with confidence ${Math.round(read.confidence)})` }));
    }
    const share = shareWords(ing.share);
    const shareCell = el("td", { "data-label": "Share", class: "share", text: share });
    if (ing.share?.if_compliant) shareCell.title = `Source: ${ing.share.if_compliant.source}`;
    const rowClass = [human ? "human-derived" : "", read && read.check ? "to-check" : ""].filter(Boolean).join(" ");
    rows.append(el("tr", { class: rowClass, "data-index": String(i) },
      el("td", { "data-label": "#", text: String(i + 1) }),
      el("td", { "data-label": "As printed", text: ing.raw.trim() }),
      el("td", { "data-label": "INCI name" }, name),
      el("td", { "data-label": "What it does", class: "does", text: ing.does || "" }), shareCell, cell));
  });

  // Worst first; within a severity, the concerns in their usual order. Codes, rule names and
  // sources go on the detail line.
  const order = Object.keys(CONCERN_TITLES);
  const sorted = [...report.findings].sort((a, b) =>
    SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
    order.indexOf(a.concern) - order.indexOf(b.concern));
  const list = $("findings");
  list.replaceChildren();
  for (const f of sorted) {
    const where = f.markets && report.markets.length > 1 ? ` [${f.markets.map((m) => m.toUpperCase()).join(" ")}]` : "";
    list.append(el("li", { "data-code": f.code, "data-severity": f.severity },
      badge(f.severity), " ", withCode(`${f.message}${where}`),
      el("div", { class: "source detail", text: `${f.code} · ${concernWords(f)} · source: ${f.source}` })));
  }
  showMarkets(report);
  setDownload($("download-scan"), report);
  status(`${count(report.ingredients.length, "ingredient", "ingredients")}, ${count(report.findings.length, "finding", "findings")}.`);
}

// One row per market verdict on a human-derived ingredient, so the markets read side by side,
// then what each market had no rule data for.
function showMarkets(report) {
  const rows = $("market-verdicts").tBodies[0];
  rows.replaceChildren();
  for (const f of report.findings) {
    const v = f.market_verdict;
    if (!v) continue;
    const ing = report.ingredients[f.ingredients[0]];
    const verdict = v.verdict.replaceAll("_", " ");
    rows.append(el("tr", { "data-market": v.market, "data-verdict": v.verdict },
      el("td", { text: ing?.name || ing?.raw.trim() || "" }),
      el("th", { scope: "row", text: v.market.toUpperCase() }),
      el("td", {}, badge(f.severity), ` ${verdict}: ${v.summary}${v.inferred ? ` (inferred: ${v.inferred})` : ""}`),
      el("td", { class: "source", text: f.source })));
  }
  if (!rows.children.length) {
    rows.append(el("tr", {}, el("td", { colspan: "4", text: "No ingredient of human origin: no market rule applies." })));
  }
  const coverage = $("market-coverage");
  coverage.replaceChildren();
  for (const m of report.markets) {
    const notes = m.checks.map((c) => (c.coverage === "checked" ? `${c.check.replaceAll("_", " ")}: checked` : c.coverage === "inferred" ? `${c.check.replaceAll("_", " ")}: inferred (${c.note})` : c.note));
    coverage.append(el("li", { "data-market": m.market }, el("strong", { text: m.name }), `: ${notes.join("; ")}`));
  }
}

function showLint(doc, text) {
  lastLint = doc;
  const file = doc.files[0];
  const marks = file.lints.map((l) => ({
    start: l.span[0], end: Math.max(l.span[1], l.span[0]), class: `mark lint-${l.level}`,
    title: `${l.code}: ${l.message}`, label: `${l.level} ${l.code}`,
  }));
  markText($("lint-view"), text, marks);
  const list = $("lints");
  list.replaceChildren();
  for (const l of file.lints) {
    const item = el("li", { "data-code": l.code },
      el("span", { class: `badge lint-${l.level}`, text: l.level }), " ",
      `line ${l.start.line}, column ${l.start.column}: `, withCode(l.message));
    if (l.help) item.append(el("div", { class: "source" }, "help: ", withCode(l.help)));
    if (l.fix) item.append(el("div", { class: "source" }, `fix (${l.fix.applicability}): `, withCode(l.fix.message)));
    item.append(el("div", { class: "source detail", text: `${l.code} ${l.rule}` }));
    list.append(item);
  }
  const s = doc.summary;
  status(`${count(file.lints.length, "lint", "lints")}.`);
  $("lint-summary").textContent = file.lints.length
    ? `${count(s.error, "error", "errors")}, ${count(s.warning, "warning", "warnings")}, ${count(s.info, "note", "notes")}; ${s.fixable} with a fix.`
    : "No problems found.";
  $("fix-button").disabled = !file.lints.some((l) => l.fix && l.fix.applicability === "safe");
  setDownload($("download-lint"), doc);
}

function setDownload(link, value) {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: "application/json" }));
}

const TABS = ["scan", "lint", "products"];

function select(next) {
  mode = next;
  for (const tab of TABS) {
    $(`${tab}-button`).setAttribute("aria-selected", String(next === tab));
    $(`${tab}-button`).tabIndex = next === tab ? 0 : -1;
    $(`${tab}-panel`).hidden = next !== tab;
  }
  // The products have their own boxes: the single label's box steps aside.
  $("input").classList.toggle("several", next === "products");
}

async function run(next) {
  const text = $("text").value;
  if (!text.trim()) {
    // From the products tab, the single label's box comes back to be filled.
    if (mode === "products") { select(next); $(`${next}-panel`).hidden = true; }
    status("Paste an ingredient list first.", true);
    $("text").focus();
    return;
  }
  status("Reading…");
  try {
    if (next === "scan") showScan(await post("/api/scan", text));
    else showLint(await post("/api/lint", text), text);
    select(next);
  } catch (e) {
    status(`Could not read it: ${e.message}`, true);
  }
}

async function explain(name) {
  try {
    const e = await explainAnswer(name);
    $("explain-title").textContent = e.name || `${e.query}: not a known INCI name`;
    const facts = $("explain-facts");
    facts.replaceChildren();
    const add = (term, value, source) => {
      facts.append(el("dt", { text: term }), el("dd", { text: value }));
      if (source) facts.append(el("dd", { class: "source", text: `Source: ${source}` }));
    };
    if (e.functions?.length) add("functions", e.functions.join(", "));
    if (e.synonyms?.length) add("also printed as", e.synonyms.map((s) => s.alias).join(", "));
    for (const f of e.facts || []) add(f.topic, f.value, f.source);
    $("explain").hidden = false;
    $("explain-close").focus();
  } catch (err) {
    status(`Could not explain ${name}: ${err.message}`, true);
  }
}

$("input").addEventListener("submit", (ev) => { ev.preventDefault(); run("scan"); });
$("products-button").addEventListener("click", openProducts);
$("lint-button").addEventListener("click", () => run("lint"));
$("text").addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(mode === "products" ? "scan" : mode); }
});
$("ingredients").addEventListener("click", (ev) => {
  const button = ev.target.closest("button.name");
  if (button) explain(button.dataset.name);
});
$("explain-close").addEventListener("click", () => { $("explain").hidden = true; });
// The tabs follow the ARIA tabs pattern: arrow keys move between them and run the one reached.
document.querySelector('[role="tablist"]').addEventListener("keydown", (ev) => {
  if (ev.key !== "ArrowRight" && ev.key !== "ArrowLeft") return;
  ev.preventDefault();
  const step = ev.key === "ArrowRight" ? 1 : TABS.length - 1;
  const next = TABS[(TABS.indexOf(mode) + step) % TABS.length];
  $(`${next}-button`).focus();
  if (next === "products") openProducts();
  else run(next);
});
document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("explain").hidden = true; });
$("fix-button").addEventListener("click", async () => {
  try {
    const answer = await post("/api/fix", $("text").value);
    $("text").value = answer.text;
    showLint(answer.lint, answer.text);
    status(`${answer.applied} safe fixes applied.`);
  } catch (e) {
    status(`Could not fix it: ${e.message}`, true);
  }
});

// ---- Several products: a routine, or two compared. ----

const MAX_PRODUCTS = 10;

function productEditors() {
  return [...document.querySelectorAll("#product-editors fieldset.product")];
}

// One product's editor: a name and its list. Numbered by position; removable while more than
// two remain.
function addProduct(name = "", text = "") {
  const editors = productEditors();
  if (editors.length >= MAX_PRODUCTS) return null;
  const n = editors.length + 1;
  const nameBox = el("input", { type: "text", class: "product-name", placeholder: `product ${n}`, maxlength: "200" });
  nameBox.value = name;
  const textBox = el("textarea", { class: "product-text", rows: "6", spellcheck: "false", placeholder: "Aqua, Glycerin, ..." });
  textBox.value = text;
  const remove = el("button", { type: "button", class: "remove-product", text: "Remove" });
  const fieldset = el("fieldset", { class: "product" }, el("legend"),
    el("label", {}, "Name", nameBox), el("label", {}, "Ingredient list", textBox), remove);
  remove.addEventListener("click", () => { fieldset.remove(); renumber(); });
  textBox.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runRoutine(); }
  });
  textBox.addEventListener("dragover", (ev) => { ev.preventDefault(); textBox.classList.add("dragging"); });
  textBox.addEventListener("dragleave", () => textBox.classList.remove("dragging"));
  textBox.addEventListener("drop", async (ev) => {
    ev.preventDefault();
    textBox.classList.remove("dragging");
    const file = ev.dataTransfer.files[0];
    if (file && await fitsOneLabel(file)) fillFromFile(fieldset, file, await file.text());
  });
  $("product-editors").append(fieldset);
  renumber();
  return fieldset;
}

function renumber() {
  const editors = productEditors();
  editors.forEach((f, i) => {
    f.querySelector("legend").textContent = `Product ${i + 1}`;
    f.querySelector(".product-name").placeholder = `product ${i + 1}`;
    f.querySelector(".remove-product").disabled = editors.length <= 2;
  });
  $("add-product").disabled = editors.length >= MAX_PRODUCTS;
}

function fillFromFile(fieldset, file, text) {
  fieldset.querySelector(".product-text").value = text;
  const name = fieldset.querySelector(".product-name");
  if (!name.value) name.value = file.name.replace(/\.txt$/i, "");
}

async function fitsOneLabel(file) {
  if (file.size <= 1024 * 1024) return true;
  status(`${file.name} is over 1 MiB: one label per product.`, true);
  return false;
}

// The tab: two editors to start with, the first holding the label from the box above.
function openProducts() {
  if (!productEditors().length) {
    addProduct("", $("text").value);
    addProduct();
  }
  select("products");
}

// The products with a list, named as typed or by their position.
function productsToSend() {
  return productEditors()
    .map((f, i) => ({
      name: f.querySelector(".product-name").value.trim() || `product ${i + 1}`,
      text: f.querySelector(".product-text").value,
    }))
    .filter((p) => p.text.trim());
}

// The products with a list sent as a routine (all of them) or a comparison (the first two).
async function runProducts(path, show, take, tooFew) {
  const products = productsToSend();
  if (products.length < 2) {
    status(tooFew, true);
    return;
  }
  status("Reading…");
  try {
    show(await postProducts(path, products.slice(0, take)));
  } catch (e) {
    status(`Could not read them: ${e.message}`, true);
  }
}

const runRoutine = () => runProducts("/api/routine", showRoutine, MAX_PRODUCTS, "Paste the lists of at least two products.");
const runCompare = () => runProducts("/api/compare", showCompare, 2, "Paste the lists of two products to compare.");

function showRoutine(doc) {
  $("compare-result").hidden = true;
  const summaries = $("routine-products");
  summaries.replaceChildren();
  for (const p of doc.products) {
    const sentences = p.report.headline || [];
    summaries.append(el("li", { "data-product": p.name },
      el("strong", { text: p.name }), `: ${sentences.join(" ")}`));
  }
  const sorted = [...doc.routine].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
  const list = $("routine-findings");
  list.replaceChildren();
  for (const f of sorted) {
    list.append(el("li", { "data-code": f.code, "data-severity": f.severity },
      badge(f.severity), " ", withCode(f.message),
      el("div", { class: "source detail", text: `${f.code} · source: ${f.source}` })));
  }
  if (!sorted.length) {
    list.append(el("li", { class: "none", text: "Nothing found across these products: no pair of them clashes by inci's rules, and no allergen or ingredient of human origin is in more than one. Each product's own findings are in its scan." }));
  }
  $("routine-result").hidden = false;
  setDownload($("download-products"), doc);
  $("download-products").download = "inci-routine.json";
  $("download-products").hidden = false;
  status(`${count(doc.products.length, "product", "products")}, ${count(doc.routine.length, "finding", "findings")} across them.`);
}

function showCompare(doc) {
  $("routine-result").hidden = true;
  const [first, second] = doc.products;
  for (const th of document.querySelectorAll("#compare-result .first-name")) th.textContent = first;
  for (const th of document.querySelectorAll("#compare-result .second-name")) th.textContent = second;
  const percent = Math.round(doc.jaccard * 100);
  $("compare-similarity").textContent =
    `Similarity ${doc.similarity.toFixed(2)} (position-weighted: 1 is the same list in the same order, 0 nothing in common); ${percent} % of the names are shared.`;
  $("compare-similarity").dataset.similarity = String(doc.similarity);
  const shared = $("compare-shared").tBodies[0];
  shared.replaceChildren(...doc.shared.map((s) => el("tr", {},
    el("th", { scope: "row", text: s.name }),
    el("td", { text: `#${s.positions[0]}` }), el("td", { text: `#${s.positions[1]}` }))));
  if (!doc.shared.length) shared.append(el("tr", {}, el("td", { colspan: "3", text: "No ingredient in common." })));
  $("only-first-title").textContent = `Only in ${first} (${doc.only_first.length})`;
  $("only-second-title").textContent = `Only in ${second} (${doc.only_second.length})`;
  $("only-first").replaceChildren(...doc.only_first.map((n) => el("li", { text: n })));
  $("only-second").replaceChildren(...doc.only_second.map((n) => el("li", { text: n })));
  const concerns = $("compare-concerns").tBodies[0];
  concerns.replaceChildren(...doc.concerns.map((c) => el("tr", { "data-concern": c.concern },
    el("th", { scope: "row", text: CONCERN_TITLES[c.concern] || c.concern.replaceAll("_", " ") }),
    el("td", {}, badge(c.levels[0])), el("td", {}, badge(c.levels[1])))));
  concerns.append(el("tr", { "data-concern": "vegan_verdict" }, el("th", { scope: "row", text: "Vegan verdict" }),
    el("td", { text: doc.vegan[0] }), el("td", { text: doc.vegan[1] })));
  $("compare-result").hidden = false;
  setDownload($("download-products"), doc);
  $("download-products").download = "inci-compare.json";
  $("download-products").hidden = false;
  status(`${count(doc.shared.length, "ingredient", "ingredients")} in common; similarity ${doc.similarity.toFixed(2)}.`);
}

$("add-product").addEventListener("click", () => {
  const added = addProduct();
  if (added) added.querySelector(".product-text").focus();
});
$("routine-button").addEventListener("click", runRoutine);
$("compare-button").addEventListener("click", runCompare);
// Several files at once: they fill the empty editors first, then new ones.
$("product-files").addEventListener("change", async (ev) => {
  const files = [...ev.target.files];
  let loaded = 0;
  for (const file of files) {
    if (!(await fitsOneLabel(file))) continue;
    const empty = productEditors().find((f) => !f.querySelector(".product-text").value.trim());
    const target = empty || addProduct();
    if (!target) { status(`At most ${MAX_PRODUCTS} products at once.`, true); return; }
    fillFromFile(target, file, await file.text());
    loaded += 1;
  }
  status(`${count(loaded, "file", "files")} loaded.`);
  ev.target.value = "";
});

async function load(file) {
  if (!file) return;
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  if (isDocument(head)) { scanFile(file); return; }
  if (file.size > 1024 * 1024) { status(`${file.name} is over 1 MiB: one label at a time.`, true); return; }
  $("text").value = await file.text();
  status(`${file.name} loaded.`);
}

// A photo or a PDF, told by its first bytes (as inci tells them), not by its name.
function isDocument(b) {
  const starts = (...sig) => sig.every((v, i) => b[i] === v);
  const ascii = (at, text) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff)) return true;
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return true;
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a") || ascii(0, "II*\0") || ascii(0, "MM\0*")) return true;
  if (ascii(0, "BM") && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0) return true;
  for (let i = 0; i + 5 <= b.length; i++) if (ascii(i, "%PDF-")) return true;
  return false;
}

// Reads a photo or a PDF: the served page sends it to inci on this machine, which runs the
// OCR; the static page cannot (no OCR in the browser) and says what to use instead.
async function scanFile(file) {
  if (STATIC) {
    status("Reading photos and PDFs needs inci on this machine: run `inci serve` and open its page, or `inci scan photo.jpg`. This page reads text only.", true);
    return;
  }
  if (file.size > 20 * 1024 * 1024) { status(`${file.name} is over 20 MiB: crop the photo to the ingredient panel.`, true); return; }
  status(`Reading ${file.name}… (a photo takes a second or two)`);
  try {
    const params = new URLSearchParams(options());
    const response = await fetch(`/api/scan-file?${params}`, { method: "POST", body: file });
    const report = await response.json();
    if (!response.ok) throw new Error(report.error || `HTTP ${response.status}`);
    if (report.ocr) $("text").value = report.ocr.text;
    else $("text").value = await file.text();
    showScan(report);
    showPhoto(file, report);
    select("scan");
    const check = report.ocr ? report.ocr.to_check : 0;
    status(`${file.name}: ${count(report.ingredients.length, "ingredient", "ingredients")} read${check ? `, ${check} to check against the pack` : ""}.`);
  } catch (e) {
    status(`Could not read ${file.name}: ${e.message}`, true);
  }
}

// The photo with each ingredient outlined (boxes in percent of the image, so they follow
// its displayed size). PDFs have no picture here: their text and page lines are shown.
function showPhoto(file, report) {
  const view = $("photo-view");
  const origin = report.ocr && report.ocr.origin;
  if (!origin || origin.method !== "ocr" || origin.kind === "pdf") {
    view.hidden = !report.ocr;
    $("photo-img").hidden = true;
    $("photo-boxes").replaceChildren();
    if (report.ocr) $("photo-source").textContent = `Text ${report.ocr.source}.`;
    return;
  }
  const img = $("photo-img");
  if (img.src.startsWith("blob:")) URL.revokeObjectURL(img.src);
  img.src = URL.createObjectURL(file);
  img.hidden = false;
  $("photo-source").textContent = `Text ${report.ocr.source}.`;
  const worst = worstByIngredient(report);
  const boxes = report.ocr.items.map((item) => {
    const ing = report.ingredients[item.ingredient];
    const w = worst.get(item.ingredient);
    const [x, y, bw, bh] = item.box;
    const pct = (v, of) => `${(100 * v / of).toFixed(3)}%`;
    const cls = ["box", w && w.severity !== "info" ? `sev-${w.severity}` : "", ing && !ing.name ? "unknown" : "", item.check ? "check" : ""].filter(Boolean).join(" ");
    const title = `#${item.ingredient + 1} ${ing ? ing.name || ing.raw.trim() : ""}${w ? ` · ${w.severity} ${w.code}` : ""} · confidence ${Math.round(item.confidence ?? 100)}${item.check ? ": check against the pack" : ""}`;
    const box = el("div", { class: cls, title, "data-index": String(item.ingredient) });
    box.style.left = pct(x, origin.width);
    box.style.top = pct(y, origin.height);
    box.style.width = pct(bw, origin.width);
    box.style.height = pct(bh, origin.height);
    return box;
  });
  $("photo-boxes").replaceChildren(...boxes);
  view.hidden = false;
}
$("file").addEventListener("change", (ev) => load(ev.target.files[0]));
$("text").addEventListener("dragover", (ev) => { ev.preventDefault(); $("text").classList.add("dragging"); });
$("text").addEventListener("dragleave", () => $("text").classList.remove("dragging"));
$("text").addEventListener("drop", (ev) => {
  ev.preventDefault();
  $("text").classList.remove("dragging");
  load(ev.dataTransfer.files[0]);
});

// A link with the label after `#` scans it on arrival.
if (fromLink()) run("scan");
$("share-link").addEventListener("click", (ev) => {
  ev.preventDefault();
  const link = shareLink();
  history.replaceState(null, "", link);
  if (navigator.clipboard) navigator.clipboard.writeText(link).catch(() => {});
  status("The link to this label is in the address bar (and copied when the browser allows).");
});

if (STATIC) {
  $("served-note").hidden = true;
  $("static-note").hidden = false;
  loadWasm()
    .then((inci) => { $("version").textContent = inci.version(); })
    .catch((e) => status(`Could not start inci: ${e.message}`, true));
}
