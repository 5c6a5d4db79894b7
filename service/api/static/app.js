// newsdesk reading room: plain JavaScript, no dependency, nothing fetched but this server's API.
// Article text is untrusted: every element is built with createElement and text nodes, never innerHTML.
// The API's offsets count Unicode code points (Python); JavaScript strings count UTF-16 code units,
// so offsets are converted (utf16Index) before any slice.
"use strict";

const KEY_STORAGE = "newsdesk-api-key";
const VIEWS = ["ask", "disagreements", "articles"];
const KIND_WORDS = {
  conflict: "Conflict: figures from different sources that cannot both hold at the same time.",
  update: "Update: one source's figure changing over time.",
  assertion: "Contradicting statements.",
  answers: "The documents give different answers to the question.",
};
const state = { view: "ask", loaded: {}, asking: null, reader: 0, summaryDoc: null, summaryAbort: null };
const $ = (id) => document.getElementById(id);

// --- DOM helpers --------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false && child !== "") node.append(child);
  }
  return node;  // append() turns strings into text nodes: no markup is ever parsed
}

function clear(node) {
  node.replaceChildren();
  return node;
}

function say(node, text, kind = "info") {
  node.textContent = text;
  node.dataset.kind = kind;
}

function startProgress(node, text) {
  const started = Date.now();
  const show = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    const patience = seconds >= 10 ? " The model runs on this machine's CPU: this can take a minute." : "";
    say(node, `${text}… ${seconds} s${patience}`, "progress");
  };
  show();
  const timer = setInterval(show, 1000);
  return { stop: () => clearInterval(timer), seconds: () => (Date.now() - started) / 1000 };
}

// --- offsets: code points (the API) to UTF-16 indices (JavaScript) -------------------------------

function isPairAt(text, index) {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function utf16Index(text, points) {
  let index = 0;
  for (let seen = 0; seen < points && index < text.length; seen += 1) index += isPairAt(text, index) ? 2 : 1;
  return index;
}

// --- the API ------------------------------------------------------------------------------------

function requestHeaders(json) {
  const headers = { Accept: "application/json" };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers.Authorization = `Bearer ${key}`;
  if (json) headers["Content-Type"] = "application/json";
  return headers;
}

async function send(path, { method = "GET", body, signal, accept } = {}) {
  const headers = requestHeaders(body !== undefined);
  if (accept) headers.Accept = accept;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return fetch(path, { method, headers, body: payload, signal });
}

async function call(path, options = {}) {
  let response;
  try {
    response = await send(path, options);
  } catch (error) {
    if (error.name === "AbortError") throw error;
    return { ok: false, status: 0, data: null, headers: new Headers() };
  }
  return resultOf(response);
}

async function resultOf(response) {
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  return { ok: response.ok, status: response.status, data, headers: response.headers };
}

// --- errors in words ----------------------------------------------------------------------------

function detailText(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map(problemText).join("; ");
  return "";
}

function problemText(problem) {
  const where = (problem.loc || []).filter((part) => part !== "body" && part !== "query").join(" ");
  return where ? `${where}: ${problem.msg}` : String(problem.msg);
}

function retryWords(headers) {
  const seconds = Number.parseInt(headers && headers.get("Retry-After"), 10);
  return Number.isFinite(seconds) ? `try again in ${seconds} s (Retry-After)` : "try again shortly";
}

function errorWords(result, what) {
  const detail = detailText(result.data && result.data.detail);
  const because = detail ? `: ${detail}` : "";
  switch (result.status) {
    case 0:
      return `${what}: the newsdesk server cannot be reached. Is it running?`;
    case 401:
      showKeyBox();
      return `${what}: the API key is missing or wrong (401${because}). Type it under “API key” above.`;
    case 404:
      return `${what}: not found (404${because}).`;
    case 409:
      return `${what}: this id is already taken (409${because}).`;
    case 413:
      return `${what}: the text is too large (413${because}).`;
    case 422:
      return `${what}: the input was refused (422) — ${detail || "it is not valid"}.`;
    case 429:
      return `${what}: the chat model is busy (429); ${retryWords(result.headers)}.`;
    case 503:
      return `${what}: the chat model is down or cannot be reached (503${because}). `
        + "Search and reading the articles still work.";
    default:
      return `${what}: the server answered ${result.status}${because}.`;
  }
}

// --- the API key --------------------------------------------------------------------------------

function showKeyBox() {
  $("key-box").open = true;
  say($("key-status"), "This server needs its API key.", "error");
}

function saveKey(event) {
  event.preventDefault();
  const key = $("key-input").value.trim();
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
  $("key-input").value = "";
  say($("key-status"), key ? "The key is kept for this tab; try again." : "No key is sent.", "ok");
}

function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
  say($("key-status"), "The key is forgotten.", "ok");
}

// --- links to passages --------------------------------------------------------------------------

function passageHash(passage, view = state.view) {
  const params = new URLSearchParams({ view, doc: passage.doc_id });
  if (passage.start !== undefined && passage.start !== null) {
    params.set("start", passage.start);
    params.set("end", passage.end);
  }
  return `#${params}`;
}

function passageLink(passage, label, extra = {}) {
  const open = (event) => {
    event.preventDefault();
    openPassage(passage, { summary: state.summaryDoc === passage.doc_id });
  };
  return el("a", { href: passageHash(passage), onclick: open, ...extra }, label);
}

function linkedText(text, citations) {
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const citation = byNumber.get(Number(match[1]));
    if (!citation) continue;
    const title = `${citation.title}: open the passage`;
    nodes.push(text.slice(last, match.index), passageLink(citation, match[0], { className: "cite", title }));
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

function citationList(citations) {
  return el("ol", { className: "citations" }, citations.map((citation) => el("li", {},
    passageLink(citation, `[${citation.n}]`, { className: "cite" }), " ",
    el("cite", {}, citation.title), citation.published ? ` (${citation.published})` : "",
    el("blockquote", {}, citation.quote))));
}

// --- asking -------------------------------------------------------------------------------------

async function ask(question) {
  if (state.asking) state.asking.abort();
  const controller = new AbortController();
  state.asking = controller;
  const box = clear($("answer"));
  clear($("search-results"));
  const draft = el("p", { className: "draft", id: "draft" });
  box.append(el("p", { className: "badge" }, "Draft, as the model writes it (not yet verified):"), draft);
  const progress = startProgress($("ask-status"), "Waiting for the answer");
  try {
    const response = await send("/ask/stream", {
      method: "POST", body: { question }, signal: controller.signal, accept: "text/event-stream",
    });
    if (!response.ok) return showAskError(await resultOf(response));
    const ended = await readEvents(response, (event, data) => onAskEvent(event, data, draft));
    if (!ended) showAskError({ status: 0, data: { detail: "the answer stream ended early" } });
  } catch (error) {
    if (error.name !== "AbortError") showAskError({ status: 0, data: null });
  } finally {
    progress.stop();
    if (state.asking === controller) state.asking = null;
  }
  return null;
}

function onAskEvent(event, data, draft) {
  if (event === "token") draft.append(data.text);
  else if (event === "done") renderAnswer(data);
  else if (event === "error") showAskError({ status: data.status, data: { detail: data.detail } });
  return event === "done" || event === "error";
}

function showAskError(result) {
  clear($("answer")).append(el("p", { className: "status", "data-kind": "error", role: "alert" },
    errorWords(result, "No answer")));
  say($("ask-status"), "");
}

async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const parsed = parseEvent(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (parsed) ended = onEvent(parsed.event, parsed.data) || ended;
      cut = buffer.indexOf("\n\n");
    }
    if (done) return ended;
  }
}

function parseEvent(block) {
  let event = "message";
  const data = [];
  for (const line of block.replace(/\r/g, "").split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length ? { event, data: JSON.parse(data.join("\n")) } : null;
}

function renderAnswer(answer) {
  const box = clear($("answer"));
  const seconds = ((answer.timings_ms && answer.timings_ms.total) || 0) / 1000;
  say($("ask-status"), `Answered in ${seconds.toFixed(1)} s by ${answer.model}.`, "ok");
  const verdict = answer.abstained
    ? "No answer: the articles do not support one (the desk abstained)."
    : "Verified answer: each [n] is an exact passage of an article.";
  const block = el("article", { className: answer.abstained ? "answer abstained" : "answer", id: "verified" },
    el("p", { className: "badge", "data-kind": answer.abstained ? "abstained" : "ok" }, verdict),
    el("p", { className: "answer-text" }, linkedText(answer.answer, answer.citations)));
  if (answer.citations.length) block.append(el("h3", {}, "Sources"), citationList(answer.citations));
  if (answer.disagreements.length) {
    block.append(el("h3", {}, "Where the sources disagree"), disagreementBlocks(answer.disagreements));
  }
  box.append(block);
}

async function search(query) {
  const box = clear($("search-results"));
  say($("ask-status"), "Searching…", "progress");
  const result = await call(`/search?${new URLSearchParams({ q: query, k: 8 })}`);
  if (!result.ok) return say($("ask-status"), errorWords(result, "Search"), "error");
  say($("ask-status"), `${result.data.results.length} passages found (search does not use the chat model).`);
  box.append(el("h3", {}, "Passages"), el("ol", { className: "results" }, result.data.results.map((hit) =>
    el("li", {}, passageLink(hit, hit.title), el("blockquote", {}, hit.text)))));
  return null;
}

// --- disagreements ------------------------------------------------------------------------------

function disagreementBlocks(disagreements) {
  return el("div", { className: "disagreements" }, disagreements.map(disagreementBlock));
}

function disagreementBlock(disagreement) {
  const claims = disagreement.kind === "update" ? timeline(disagreement.claims)
    : el("ul", { className: "claims" }, disagreement.claims.map((claim) => el("li", {}, claimParts(claim))));
  return el("article", { className: `disagreement ${disagreement.kind}` },
    el("h4", {}, disagreement.topic), el("p", { className: "kind" }, KIND_WORDS[disagreement.kind] || ""),
    claims);
}

function claimDate(claim) {
  return claim.date || claim.published || "";
}

function timeline(claims) {
  const ordered = [...claims].sort((a, b) => (claimDate(a) || "9999").localeCompare(claimDate(b) || "9999"));
  return el("ol", { className: "timeline" }, ordered.map((claim) => el("li", {},
    el("time", { datetime: claimDate(claim) || null }, claimDate(claim) || "date not stated"),
    claimParts(claim))));
}

function claimParts(claim) {
  const figure = [claim.qualifier, claim.value, claim.counted].filter(Boolean).join(" ");
  return [
    el("strong", { className: "value" }, figure),
    el("span", { className: "facts" },
      el("span", {}, `Source: ${claim.source || "not stated"}`),
      el("span", {}, `Date: ${claimDate(claim) || "not stated"}`),
      el("span", {}, `Place: ${claim.place || "not stated"}`)),
    el("span", { className: "from" }, "In ", el("cite", {}, claim.title || claim.doc_id), " · ",
      passageLink(claim, "show the passage", { className: "passage" })),
  ];
}

async function loadDisagreements() {
  state.loaded.disagreements = true;
  const assertions = $("with-assertions").checked;
  const status = $("disagreements-status");
  const progress = startProgress(status, "Finding disagreements");
  const result = await call(`/disagreements?assertions=${assertions}`);
  progress.stop();
  const list = clear($("disagreements-list"));
  if (!result.ok) return say(status, errorWords(result, "Disagreements"), "error");
  const found = result.data.disagreements;
  say(status, found.length ? `${found.length} disagreements.` : "The articles do not disagree on a figure.");
  list.append(disagreementBlocks(found));
  return null;
}

// --- articles -----------------------------------------------------------------------------------

async function loadArticles() {
  state.loaded.articles = true;
  const status = $("articles-status");
  say(status, "Loading the articles…", "progress");
  const result = await call("/documents");
  const list = clear($("articles-list"));
  if (!result.ok) return say(status, errorWords(result, "The list of articles"), "error");
  const documents = result.data.documents;
  say(status, documents.length ? `${documents.length} articles.` : "No article yet: add one below.");
  list.append(...documents.map(articleItem));
  return null;
}

function articleItem(doc) {
  const flags = doc.flags.length
    ? el("span", { className: "flag" }, `${doc.flags.length} sentence(s) of instructions to an AI: `
      + "never used as evidence")
    : null;
  return el("li", { "data-doc": doc.id },
    articleLink(doc),
    el("span", { className: "facts" }, doc.published ? `Published ${doc.published}` : "Date not stated",
      doc.author ? ` · by ${doc.author}` : "",
      ` · ${doc.chars.toLocaleString("en")} characters · id ${doc.id}`),
    flags);
}

function articleLink(doc) {
  const passage = { doc_id: doc.id };
  const open = (event) => {
    event.preventDefault();
    openPassage(passage, { summary: true });
  };
  return el("a", { href: passageHash(passage, "articles"), className: "title", onclick: open }, doc.title);
}

async function addArticle(event) {
  event.preventDefault();
  const body = { text: $("add-text").value };
  const title = $("add-title").value.trim();
  const id = $("add-id").value.trim();
  if (title) body.title = title;
  if (id) body.id = id;
  const status = $("add-status");
  $("add-button").disabled = true;
  say(status, "Adding and indexing the article…", "progress");
  const result = await call("/documents", { method: "POST", body });
  $("add-button").disabled = false;
  if (!result.ok) return say(status, errorWords(result, "The article was not added"), "error");
  const added = result.data.document;
  say(status, `Added “${added.title}” (id ${added.id}, ${result.data.chunks} chunks).`, "ok");
  $("add-form").reset();
  return loadArticles();
}

// --- the reader: an article, its highlighted passage, its summary -------------------------------

async function openPassage(passage, { summary = false } = {}) {
  const ticket = (state.reader += 1);
  showReader(true);
  const status = $("reader-status");
  say(status, "Opening the article…", "progress");
  if (state.summaryDoc !== passage.doc_id) resetSummary(passage.doc_id, summary);
  const result = await call(`/documents/${encodeURIComponent(passage.doc_id)}`);
  if (ticket !== state.reader) return;
  if (!result.ok) {
    clear($("reader-text"));
    say(status, errorWords(result, "The article"), "error");
    return;
  }
  say(status, "");
  renderArticle(result.data, passage);
  history.replaceState(null, "", passageHash(passage));
}

function renderArticle(doc, passage) {
  $("reader-title").textContent = doc.title;
  say($("reader-meta"), [doc.published ? `Published ${doc.published}` : "Date not stated",
    doc.author ? `by ${doc.author}` : "", `id ${doc.id}`].filter(Boolean).join(" · "));
  clear($("reader-flags")).append(...doc.flags.map((flag) => el("li", {}, "Not used as evidence, ",
    `addressed to an AI (${flag.reason}): `, passageLink({ doc_id: doc.id, ...flag }, flag.text))));
  const mark = highlight($("reader-text"), doc.text, passage.start, passage.end);
  if (mark) {
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  } else {
    $("reader-text").scrollTop = 0;
  }
}

function highlight(container, text, start, end) {
  clear(container);
  if (start === undefined || start === null || end === undefined || end === null) {
    container.append(text);
    return null;
  }
  const from = utf16Index(text, start);
  const to = utf16Index(text, end);
  const mark = el("mark", { id: "highlight", tabindex: "-1" }, text.slice(from, to));
  container.append(text.slice(0, from), mark, text.slice(to));
  return mark;
}

function showReader(open) {
  $("reader").hidden = !open;
  $("room").classList.toggle("reading", open);
}

function closeReader() {
  state.reader += 1;
  showReader(false);
  resetSummary(null, false);
  history.replaceState(null, "", `#view=${state.view}`);
  $("views").focus();  // back where the reader was opened from (on a phone, the article is below)
}

function resetSummary(docId, load) {
  if (state.summaryAbort) state.summaryAbort.abort();
  state.summaryDoc = null;
  const box = clear($("summary"));
  if (!docId) return;
  if (load) {
    loadSummary(docId);
    return;
  }
  box.append(el("button", { type: "button", onclick: () => loadSummary(docId) }, "Summarize this article"));
}

async function loadSummary(docId) {
  const controller = new AbortController();
  Object.assign(state, { summaryDoc: docId, summaryAbort: controller });
  const status = el("p", { className: "status", role: "status" });
  clear($("summary")).append(el("h3", {}, "Summary"), status);
  const progress = startProgress(status, "The chat model is writing the summary (stored once written)");
  let result;
  try {
    result = await call(`/documents/${encodeURIComponent(docId)}/summary`, { signal: controller.signal });
  } catch {
    return;  // another article was opened
  } finally {
    progress.stop();
  }
  if (state.summaryDoc !== docId) return;
  if (!result.ok) say(status, errorWords(result, "No summary"), "error");
  else renderSummary(result.data, status);
}

function renderSummary(summary, status) {
  const verdict = summary.verified ? "Verified: each [n] is an exact passage of this article."
    : `Not verified: ${summary.problems.join("; ") || "see the passages"}.`;
  say(status, `${verdict} Written by ${summary.model} in ${summary.seconds.toFixed(1)} s.`,
    summary.verified ? "ok" : "error");
  $("summary").append(el("p", { className: "summary-text" }, linkedText(summary.summary, summary.citations)));
  if (summary.quoted.length) {
    $("summary").append(el("p", {}, "Quoted as written:"),
      el("ul", {}, summary.quoted.map((sentence) => el("li", {}, sentence))));
  }
}

// --- views and start-up -------------------------------------------------------------------------

function showView(name) {
  if (state.view !== name) window.scrollTo(0, 0);
  state.view = name;
  for (const view of VIEWS) $(`view-${view}`).hidden = view !== name;
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    if (link.dataset.view === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (name === "disagreements" && !state.loaded.disagreements) loadDisagreements();
  if (name === "articles" && !state.loaded.articles) loadArticles();
}

function route() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const view = VIEWS.includes(params.get("view")) ? params.get("view") : "ask";
  showView(view);
  const doc = params.get("doc");
  if (!doc) return;
  const start = params.get("start");
  const end = params.get("end");
  const passage = { doc_id: doc };
  if (/^\d+$/.test(start || "") && /^\d+$/.test(end || "")) {
    Object.assign(passage, { start: Number(start), end: Number(end) });
  }
  openPassage(passage, { summary: view === "articles" });
}

function onQuestionKey(event) {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $("ask-form").requestSubmit();
  }
}

function start() {
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    ask($("question").value);
  });
  $("question").addEventListener("keydown", onQuestionKey);
  $("search-button").addEventListener("click", () => {
    if ($("question").reportValidity()) search($("question").value);
  });
  $("disagreements-reload").addEventListener("click", loadDisagreements);
  $("add-form").addEventListener("submit", addArticle);
  $("key-form").addEventListener("submit", saveKey);
  $("key-forget").addEventListener("click", forgetKey);
  $("reader-close").addEventListener("click", closeReader);
  window.addEventListener("hashchange", route);
  route();
}

document.addEventListener("DOMContentLoaded", start);
