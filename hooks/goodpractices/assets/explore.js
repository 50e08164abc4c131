/* The explore page: facets over the explore index (index.js), with counts, sorting, the state in the URL
   and the selection as CSV. Plain JavaScript, no framework, nothing fetched: it works from a folder too.
   Every text from the index goes into the page as text (textContent), never as HTML. */
(function () {
  "use strict";
  const data = window.goodpracticesExplore;
  const root = document.getElementById("gp-explore");
  if (!data || !root) return;

  /* --- the index ------------------------------------------------------------------------------------- */
  const F = {};
  data.fields.forEach((name, i) => { F[name] = i; });
  const letters = new RegExp("[" + Object.keys(data.fold).join("") + "]", "g");
  /* Lower case without accents, as the site's search index folds words (goodpractices/folding.py). */
  const fold = (text) => text.toLowerCase().replace(letters, (c) => data.fold[c])
    .normalize("NFKD").replace(/\p{Mn}/gu, "");
  const position = (list) => new Map(list.map((item, i) => [Array.isArray(item) ? item[0] : item, i]));
  const facetIndex = {
    theme: position(data.themes), partner: position(data.partners), country: position(data.countries),
    status: position(data.statuses), keyword: position(data.keywords), by: position(data.partners),
    stage: position(data.stages),
  };
  const practices = data.practices.map((row) => {
    const start = row[F.start];
    return {
      id: row[F.id], title: row[F.title], theme: row[F.theme], partner: row[F.partner], country: row[F.country],
      status: row[F.status], start: start, end: row[F.end], period: row[F.period], summary: row[F.summary],
      year: start ? parseInt(start.slice(0, 4), 10) : 0, keywords: row[F.keywords], transfers: row[F.transfers],
      text: null, card: null, rank: 0,
    };
  });
  /* The folded text of a practice, made when the text filter is first used (most visits never do). */
  const textOf = (p) => p.text || (p.text = fold(
    [p.title, p.summary].concat(p.keywords.map((k) => data.keywords[k])).join(" ")));
  practices.forEach((p, i) => { p.rank = i; });  // the index lists the practices by title
  const then = (first) => (a, b) => first(a, b) || a.rank - b.rank;
  const comparisons = {
    "year-desc": then((a, b) => (b.year || -1e9) - (a.year || -1e9)),
    year: then((a, b) => (a.year || 1e9) - (b.year || 1e9)),
    transfers: then((a, b) => b.transfers.length - a.transfers.length),
  };
  const sorted = { title: practices };  // each other order is sorted when first chosen
  const order = (name) => sorted[name] || (sorted[name] = practices.slice().sort(comparisons[name]));

  /* --- the page's controls ---------------------------------------------------------------------------- */
  const form = document.getElementById("gp-explore-filters");
  const search = document.getElementById("gp-explore-q");
  const sortSelect = document.getElementById("gp-explore-sort");
  const countEl = document.getElementById("gp-explore-count");
  const cardsEl = document.getElementById("gp-explore-cards");
  const emptyEl = document.getElementById("gp-explore-empty");
  const lastEl = document.getElementById("gp-explore-last");
  const clearAll = document.getElementById("gp-explore-clear");
  const toggle = root.querySelector(".gp-explore__toggle");
  const toggleCount = toggle.querySelector(".gp-explore__on");
  const selects = { from: form.elements.from, to: form.elements.to };
  /* Every checkbox and radio, by facet and value position (-1 for the "any" radio). */
  const MULTI = ["theme", "partner", "country", "status", "keyword"];
  const SINGLE = ["text", "from", "to", "by", "stage", "sort"];
  /* The page offers only values that match some practice, and leaves a facet out when it has none. */
  const inputs = { by: new Map(), stage: new Map() };
  for (const name of MULTI) inputs[name] = new Map();
  for (const input of form.querySelectorAll("input[type=checkbox], input[type=radio]")) {
    const at = input.value === "" ? -1 : facetIndex[input.name].get(input.value);
    inputs[input.name].set(at, {
      input: input, label: input.closest("label"), count: input.closest("label").querySelector(".gp-facet__count"),
    });
  }
  const LEGENDS = {};
  for (const fieldset of form.querySelectorAll("fieldset")) {
    LEGENDS[fieldset.dataset.facet] = fieldset.querySelector("legend").textContent;
  }
  LEGENDS.text = "Words";
  LEGENDS.from = "Start year from";
  LEGENDS.to = "Start year to";

  /* --- the state: the URL's parameters, in the order they were chosen --------------------------------- */
  let entries = [];

  function valid(name, value) {
    if (MULTI.includes(name) || name === "by" || name === "stage") {
      return facetIndex[name].has(value) && inputs[name].has(facetIndex[name].get(value));
    }
    if (name === "from" || name === "to") return /^\d{4}$/.test(value);
    if (name === "sort") return Object.prototype.hasOwnProperty.call(comparisons, value);
    return name === "text" && value.trim() !== "";
  }

  function readURL() {
    const seen = new Set();
    entries = [];
    for (const [name, value] of new URLSearchParams(location.search)) {
      const key = SINGLE.includes(name) ? name : name + "=" + value;
      if (!seen.has(key) && valid(name, value)) {
        seen.add(key);
        entries.push([name, value]);
      }
    }
  }

  function writeURL(replace) {
    const query = new URLSearchParams(entries).toString();
    const url = location.pathname + (query ? "?" + query : "");
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  function setSingle(name, value) {
    entries = entries.filter(([n]) => n !== name);
    if (value !== "" && valid(name, value)) entries.push([name, value]);
  }

  function selection() {
    const sel = { sort: "title", text: "", from: 0, to: 0, by: -1, stage: -1 };
    for (const name of MULTI) sel[name] = new Set();
    for (const [name, value] of entries) {
      if (MULTI.includes(name)) sel[name].add(facetIndex[name].get(value));
      else if (name === "by" || name === "stage") sel[name] = facetIndex[name].get(value);
      else if (name === "from" || name === "to") sel[name] = parseInt(value, 10);
      else sel[name] = value;
    }
    return sel;
  }

  /* --- filtering and counting: one pass over the practices --------------------------------------------- */
  const THEME = 0, PARTNER = 1, COUNTRY = 2, STATUS = 3, KEYWORD = 4, YEAR = 5, UPTAKE = 6;
  const zeros = (n) => new Array(n).fill(0);

  /* The highest stage at which `partner` (or anyone, if -1) took the practice up; -1 if nobody did. */
  function reach(p, partner) {
    let best = -1;
    for (let i = 0; i < p.transfers.length; i += 2) {
      if ((partner < 0 || p.transfers[i] === partner) && p.transfers[i + 1] > best) best = p.transfers[i + 1];
    }
    return best;
  }

  function compute(sel) {
    const words = fold(sel.text).split(/\s+/).filter(Boolean);
    const years = sel.from || sel.to;
    const uptake = sel.by >= 0 || sel.stage >= 0;
    const least = Math.max(sel.stage, 0);
    const c = {
      theme: zeros(data.themes.length), partner: zeros(data.partners.length),
      country: zeros(data.countries.length), status: zeros(data.statuses.length),
      keyword: zeros(data.keywords.length), by: zeros(data.partners.length), stage: zeros(data.stages.length),
      byAny: 0, stageAny: 0, years: new Map(),
    };
    const results = [];
    for (const p of order(sel.sort)) {
      if (words.length && !words.every((w) => textOf(p).includes(w))) continue;
      let fails = 0, failed = -1;
      if (sel.theme.size && !sel.theme.has(p.theme)) { fails++; failed = THEME; }
      if (sel.partner.size && !sel.partner.has(p.partner)) { fails++; failed = PARTNER; }
      if (sel.country.size && !sel.country.has(p.country)) { fails++; failed = COUNTRY; }
      if (sel.status.size && !sel.status.has(p.status)) { fails++; failed = STATUS; }
      if (fails > 1) continue;
      if (sel.keyword.size && !p.keywords.some((k) => sel.keyword.has(k))) { fails++; failed = KEYWORD; }
      if (years && !(p.year && (!sel.from || p.year >= sel.from) && (!sel.to || p.year <= sel.to))) {
        fails++; failed = YEAR;
      }
      if (uptake && reach(p, sel.by) < least) { fails++; failed = UPTAKE; }
      if (fails > 1) continue;
      if (fails === 0) results.push(p);
      if (failed === THEME || fails === 0) c.theme[p.theme]++;
      if (failed === PARTNER || fails === 0) c.partner[p.partner]++;
      if (failed === COUNTRY || fails === 0) c.country[p.country]++;
      if ((failed === STATUS || fails === 0) && p.status >= 0) c.status[p.status]++;
      if (failed === KEYWORD || fails === 0) for (const k of p.keywords) c.keyword[k]++;
      if ((failed === YEAR || fails === 0) && p.year) c.years.set(p.year, (c.years.get(p.year) || 0) + 1);
      if (failed === UPTAKE || fails === 0) {
        if (sel.stage < 0 || reach(p, -1) >= least) c.byAny++;
        for (let i = 0; i < p.transfers.length; i += 2) if (p.transfers[i + 1] >= least) c.by[p.transfers[i]]++;
        const best = reach(p, sel.by);
        if (sel.by < 0 || best >= 0) c.stageAny++;
        for (let s = 0; s <= best; s++) c.stage[s]++;
      }
    }
    return { results: results, counts: c };
  }

  /* --- drawing ------------------------------------------------------------------------------------------ */
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");

  function card(p) {
    if (p.card) return p.card;
    const [themeKey, themeTitle] = data.themes[p.theme];
    const li = el("li", "gp-card gp-theme--" + themeKey);
    const h3 = li.appendChild(el("h3", "gp-card__title"));
    const link = h3.appendChild(el("a", "", p.title));
    link.href = "../practices/" + p.id + ".html";
    const meta = li.appendChild(el("p", "gp-card__meta"));
    const badge = meta.appendChild(el("a", "gp-theme gp-theme--" + themeKey, themeTitle));
    badge.href = "?theme=" + encodeURIComponent(themeKey);
    badge.dataset.theme = themeKey;
    meta.append(" ", el("span", "gp-card__by",
      "Presented by " + data.partners[p.partner][1] + " · " + data.countries[p.country][1]));
    li.appendChild(el("p", "gp-card__summary", p.summary));
    const facts = li.appendChild(el("p", "gp-card__facts"));
    if (p.period) facts.appendChild(el("span", "", p.period));
    if (p.status >= 0) facts.appendChild(el("span", "", data.statuses[p.status][1]));
    facts.appendChild(el("span", "gp-card__transfers", plural(p.transfers.length / 2, "transfer")));
    return (p.card = li);
  }

  function showCount(item, count) {
    if (item.count.textContent !== String(count)) item.count.textContent = count;
    const none = count === 0;
    item.input.disabled = none && !item.input.checked;
    item.label.classList.toggle("gp-facet__value--none", none);
  }

  function yearOptions(select, counts, sel, isFrom) {
    for (const option of select.options) {
      if (!option.value) continue;
      const year = parseInt(option.value, 10);
      let n = 0;
      for (const [y, k] of counts) {
        if (isFrom ? y >= year && (!sel.to || y <= sel.to) : y <= year && (!sel.from || y >= sel.from)) n += k;
      }
      const text = year + " (" + n + ")";
      if (option.text !== text) option.text = text;
      option.disabled = n === 0 && !option.selected;
    }
  }

  function describe([name, value]) {
    if (name === "text") return LEGENDS.text + ": " + value;
    if (name === "from" || name === "to") return LEGENDS[name] + " " + value;
    const item = inputs[name].get(facetIndex[name].get(value));
    return LEGENDS[name] + ": " + item.label.querySelector(".gp-facet__name").textContent;
  }

  function syncControls(sel) {
    for (const name of MULTI) for (const [at, item] of inputs[name]) item.input.checked = sel[name].has(at);
    for (const name of ["by", "stage"]) for (const [at, item] of inputs[name]) item.input.checked = sel[name] === at;
    selects.from.value = sel.from ? String(sel.from) : "";
    selects.to.value = sel.to ? String(sel.to) : "";
    if (fold(search.value.trim()) !== fold(sel.text.trim())) search.value = sel.text;
    sortSelect.value = sel.sort;
  }

  function draw() {
    const sel = selection();
    syncControls(sel);
    const { results, counts } = compute(sel);
    for (const name of MULTI) for (const [at, item] of inputs[name]) showCount(item, counts[name][at]);
    for (const name of ["by", "stage"]) {
      for (const [at, item] of inputs[name]) {
        showCount(item, at < 0 ? counts[name === "by" ? "byAny" : "stageAny"] : counts[name][at]);
      }
    }
    yearOptions(selects.from, counts.years, sel, true);
    yearOptions(selects.to, counts.years, sel, false);
    const status = plural(results.length, "practice");
    if (countEl.textContent !== status) countEl.textContent = status;
    const before = current.slice(0, drawn);
    current = results;
    drawn = Math.min(results.length, PAGE);
    if (drawn !== before.length || before.some((p, i) => p !== results[i])) {  // else the cards stay as they are
      cardsEl.replaceChildren(...results.slice(0, drawn).map(card));
    }
    showMore();
    const filters = entries.filter(([name]) => name !== "sort");
    clearAll.hidden = filters.length === 0;
    const on = filters.length ? " (" + filters.length + " on)" : "";  // phones: how many filters the button hides
    if (toggleCount.textContent !== on) toggleCount.textContent = on;
    emptyEl.hidden = results.length > 0;
    if (!results.length) {
      lastEl.textContent = filters.length ? "The last filter chosen: " + describe(filters[filters.length - 1]) + "." : "";
      emptyEl.querySelector("button").hidden = filters.length === 0;
    }
  }
  let current = [];  // the practices that match, in order

  /* Cards are drawn a page at a time: laying out thousands at each click would take far longer than the
     100 ms a click may take. The next page comes when the end of the list nears the screen, or on the button. */
  const PAGE = 100;
  let drawn = 0;
  const more = document.getElementById("gp-explore-more");
  const moreButton = more.querySelector("button");
  const nearEnd = "IntersectionObserver" in window
    ? new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) drawMore(false); },
      { rootMargin: "0px 0px 1200px 0px" })
    : null;

  function showMore() {
    more.hidden = drawn >= current.length;
    if (!more.hidden) {
      moreButton.textContent = "Show more (" + drawn.toLocaleString("en") + " of " +
        current.length.toLocaleString("en") + " shown)";
    }
    if (nearEnd) {
      nearEnd.disconnect();
      if (!more.hidden) nearEnd.observe(more);  // observing again reports at once whether it is in reach
    }
  }

  function drawMore(focus) {
    const next = current.slice(drawn, drawn + PAGE).map(card);
    if (!next.length) return;
    drawn += next.length;
    cardsEl.append(...next);
    if (focus) next[0].querySelector("a").focus();
    showMore();
  }

  /* --- events --------------------------------------------------------------------------------------------- */
  let typing = false;  // a run of keystrokes in the text box is one step of the history

  function change(update, replace) {
    update();
    writeURL(replace);
    draw();
  }

  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target === search) return;
    typing = false;
    change(() => {
      if (target.type === "checkbox") {
        entries = entries.filter(([n, v]) => !(n === target.name && v === target.value));
        if (target.checked) entries.push([target.name, target.value]);
      } else {
        setSingle(target.name, target.value);
      }
    });
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  search.addEventListener("input", () => {
    change(() => setSingle("text", search.value), typing);
    typing = true;
  });
  search.addEventListener("blur", () => { typing = false; });
  sortSelect.addEventListener("change", () => { typing = false; change(() => setSingle("sort", sortSelect.value)); });
  clearAll.addEventListener("click", () => {
    typing = false;
    change(() => { entries = entries.filter(([name]) => name === "sort"); });
    search.focus();
  });
  emptyEl.querySelector("button").addEventListener("click", () => {
    typing = false;
    change(() => {
      for (let i = entries.length - 1; i >= 0; i--) {
        if (entries[i][0] !== "sort") { entries.splice(i, 1); break; }
      }
    });
    countEl.focus();
  });
  cardsEl.addEventListener("click", (event) => {
    const badge = event.target.closest("a[data-theme]");
    if (!badge || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    typing = false;
    change(() => {
      entries = entries.filter(([name]) => name !== "theme");
      entries.push(["theme", badge.dataset.theme]);
    });
  });
  document.getElementById("gp-explore-csv").addEventListener("click", () => download(current));
  moreButton.addEventListener("click", () => drawMore(true));
  window.addEventListener("popstate", () => { typing = false; readURL(); draw(); });
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    root.classList.toggle("gp-explore--open", open);
  });

  /* --- the selection as CSV --------------------------------------------------------------------------------- */
  function cell(value) {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // no spreadsheet formulas from the data
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* A practice's address: absolute where the site has a published address (site_url, which gives every page
     its canonical link), so that the file works wherever it is opened; else relative to the site's top. */
  const canonical = document.querySelector('link[rel="canonical"]');
  function address(id) {
    const path = "practices/" + encodeURIComponent(id) + ".html";
    return canonical ? new URL("../" + path, canonical.href).href : path;
  }

  function download(selected) {
    const rows = [["id", "title", "url", "theme", "presented_by", "country", "status", "start", "end", "keywords",
      "transfers", "taken_up_by", "summary"]];
    for (const p of selected) {
      const taken = [];
      for (let i = 0; i < p.transfers.length; i += 2) {
        taken.push(data.partners[p.transfers[i]][1] + " (" + data.stages[p.transfers[i + 1]][1].toLowerCase() + ")");
      }
      rows.push([p.id, p.title, address(p.id), data.themes[p.theme][1], data.partners[p.partner][1],
        data.countries[p.country][1], p.status >= 0 ? data.statuses[p.status][0] : "", p.start, p.end,
        p.keywords.map((k) => data.keywords[k]).join("; "), p.transfers.length / 2, taken.join("; "), p.summary]);
    }
    // As the site's other CSV files: a byte-order mark (spreadsheets then read UTF-8) and CRLF line ends.
    const csv = "\ufeff" + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
    const link = el("a");
    link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    link.download = "practices-selection.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  readURL();
  draw();
  root.classList.add("gp-explore--ready");
  /* For the benchmark (scripts/bench_explore.py): when the page is ready, and when that is on screen. */
  performance.mark("gp-explore-ready");
  requestAnimationFrame(() => setTimeout(() => performance.mark("gp-explore-painted")));
})();
