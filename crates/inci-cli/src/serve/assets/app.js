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
// `≤ 5 %`; nothing when anything from 0 to 100 % is possible.
function shareWords(share) {
  if (!share || share.basis === "none") return "";
  const n = (v) => String(Math.round(v * 100) / 100);
  if (share.min === share.max) return `${n(share.min)} %`;
  if (share.min <= 0) return `≤ ${n(share.max)} %`;
  return `${n(share.min)}–${n(share.max)} %`;
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
    const share = shareWords(ing.share);
    const shareCell = el("td", { "data-label": "Share", class: "share", text: share });
    rows.append(el("tr", { class: human ? "human-derived" : "", "data-index": String(i) },
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

function select(next) {
  mode = next;
  $("scan-button").setAttribute("aria-selected", String(next === "scan"));
  $("lint-button").setAttribute("aria-selected", String(next === "lint"));
  $("scan-button").tabIndex = next === "scan" ? 0 : -1;
  $("lint-button").tabIndex = next === "lint" ? 0 : -1;
  $("scan-panel").hidden = next !== "scan";
  $("lint-panel").hidden = next !== "lint";
}

async function run(next) {
  const text = $("text").value;
  if (!text.trim()) {
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
$("lint-button").addEventListener("click", () => run("lint"));
$("text").addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(mode); }
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
  const next = mode === "scan" ? "lint" : "scan";
  $(`${next}-button`).focus();
  run(next);
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

async function load(file) {
  if (!file) return;
  if (file.size > 1024 * 1024) { status(`${file.name} is over 1 MiB: one label at a time.`, true); return; }
  $("text").value = await file.text();
  status(`${file.name} loaded.`);
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
