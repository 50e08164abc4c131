/* The header search's worker: answers Material's search box (SETUP → READY, QUERY → RESULT, as Material's own
   lunr worker does) from the index that goodpractices/search_index.py writes under search/, loading only the
   scripts a query needs. It runs as a Web Worker over http, and in Material's iframe shim from a folder. */
(function () {
  "use strict";
  var LETTERS = /*LETTERS*/{};
  var RULES = /*RULES*/{ silent: [], fallback: [], min: 4 };
  var ROOT = /*ROOT*/"../../../search/";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, TYPED = 100;  // TYPED: search_ui.js's
  var TITLE = 32, KEYWORD = 16, HEADING = 8, TF = 7;
  var TEXTS = 10;      // the best results whose text is loaded, for a snippet of the passage that matches
                       // (Material shows ten, then ten more on scrolling; each script loaded costs a few ms)
  var PASSAGE = 240;   // characters of a snippet
  var MARKED = 100;    // the best results whose words found are marked (Material shows 10, then more on scrolling)
  var LEADS = 100;     // the best results shown with the start of their text, the rest by title (each result is
                       // copied twice on its way to the page: a long list of texts costs tens of ms)
  var inPage = typeof document !== "undefined";
  var here = inPage && document.currentScript ? document.currentScript.src : self.location.href;
  var base = new URL(ROOT, here);
  var store = Object.create(null), waiting = Object.create(null);
  var own = Object.prototype.hasOwnProperty;
  var index = null, shards = null, lengths = null;

  self.__gps = function (key, data) { store[key] = data; };

  /* Load index scripts by key ("t/co"), each once: in parallel as <script> elements in the iframe shim,
     with importScripts in a worker. A missing script leaves its key unset. */
  function load(keys) {
    var todo = keys.filter(function (key) { return !(key in store); });
    if (!inPage) {
      todo.forEach(function (key) {
        try { importScripts(new URL(key + ".js", base).href); } catch (e) { /* left unset */ }
      });
      return Promise.resolve();
    }
    return Promise.all(todo.map(function (key) {
      if (!waiting[key]) {
        waiting[key] = new Promise(function (resolve) {
          var element = document.createElement("script");
          element.src = new URL(key + ".js", base).href;
          element.onload = element.onerror = function () { resolve(); };
          document.head.appendChild(element);
        });
      }
      return waiting[key];
    }));
  }

  var HYPHENS = /[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]/g;  // as search_index.py's: "3‐D" is "3-D"
  var letters = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");
  var MARKS = /\p{Mn}/gu, HIGH = /[^\x00-\x7f]/;
  /* Lower case, LETTERS spelled out, accents dropped; an ASCII text needs only the lower case (the LETTERS and
     the marks are not ASCII), which spares most texts the normalisation. */
  function fold(text) {
    var lower = text.toLowerCase();
    return HIGH.test(lower) ? lower.replace(letters, function (c) { return LETTERS[c]; }).normalize("NFKD")
      .replace(MARKS, "") : lower;
  }

  /* The titles, leads and passages shown, and their words, folded once each: the same texts are marked again
     at every keystroke (at 5,000 practices folding them anew took a third of a later keystroke's work). */
  var folded = new Map();
  function foldOnce(text) {
    var value = folded.get(text);
    if (value === undefined) {
      if (folded.size > 100000) folded.clear();
      value = fold(text);
      folded.set(text, value);
    }
    return value;
  }

  function shardName(term) {
    return Array.from(term).slice(0, 2).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }
  function shardKey(term) { var name = shardName(term); return shards.has(name) ? "t/" + name : null; }
  function shardsOf(terms) {
    return load(Array.from(new Set(terms.map(shardKey).filter(Boolean))));
  }
  function postings(term) {
    var shard = store["t/" + shardName(term)];
    return shard && own.call(shard, term) ? shard[term] : null;
  }

  /* The other spellings of a folded word under a list of (British, American) ending pairs: as spelling.py. */
  function variants(word, rules) {
    var found = [];
    if (word.length < RULES.min) return found;
    rules.forEach(function (pair) {
      [[pair[0], pair[1]], [pair[1], pair[0]]].forEach(function (change) {
        var stem = word.slice(0, word.length - change[0].length);
        if (word.endsWith(change[0]) && stem.length >= 2 &&
            !(change[1].length > change[0].length && word.endsWith(change[1]))) {
          var other = stem + change[1];
          if (other !== word && found.indexOf(other) < 0) found.push(other);
        }
      });
    });
    return found;
  }

  /* Edit distance with transpositions (optimal string alignment), or max + 1 once it exceeds max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, previous = [], current = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, before[j - 2] + 1);
        current.push(value);
        if (value < least) least = value;
      }
      if (least > max) return max + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The query's words: each run of letters and digits, hyphenated runs kept together as one group. */
  function parse(query) {
    var groups = [], pattern = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu, match, end = 0;
    query = query.normalize("NFC").replace(HYPHENS, "-");
    while ((match = pattern.exec(query))) {
      var gap = query.slice(end, match.index);
      groups.push({ text: match[0], parts: match[0].split("-").map(fold), spaced: groups.length > 0 && /^\s+$/.test(gap) });
      end = match.index + match[0].length;
    }
    return groups;
  }

  /* Each word of the query once, with what it searches for: a hyphenated word joined where a part is a single
     letter or no word and the index holds the joined word ("3-D" → 3d; "3d-printing" stays two words), a single letter joined to its neighbour across a space where that is a word
     ("3 D" → 3d, "e government" → egovernment). Two words that the index also holds joined, by a hyphen or
     a space, find the joined word too (`also`: "eco plus" and "eco-plus" find ecoplus). */
  function words(groups) {
    var list = [];
    groups.forEach(function (group) {
      var joined = group.parts.join("");
      var loose = group.parts.some(function (part) { return part.length === 1 || !postings(part); });
      if (group.parts.length > 1 && loose && postings(joined)) {
        list.push({ text: group.text, term: joined, spaced: group.spaced, also: [] });
      } else {
        var also = group.parts.length > 1 && postings(joined) ? [joined] : [];
        group.text.split("-").forEach(function (text, i) {
          list.push({ text: text, term: group.parts[i], spaced: i === 0 && group.spaced, also: also.slice() });
        });
      }
    });
    for (var i = list.length - 1; i > 0; i--) {
      var a = list[i - 1], b = list[i], joined = a.term + b.term;
      if (b.spaced && (a.text.length === 1 || b.text.length === 1) && postings(joined)) {
        list.splice(i - 1, 2, { text: a.text + b.text, term: joined, spaced: a.spaced, changed: true, also: [] });
      } else if (b.spaced && postings(joined)) {
        a.also.push(joined);
        b.also.push(joined);
      }
    }
    return list;
  }

  /* The indexed terms a word finds, each with a factor: itself, its safe spelling variants, and (unless it
     was corrected) the longer words it begins, at half weight. */
  function found(word) {
    var list = [], seen = new Set();
    function add(term, factor) {
      if (!seen.has(term) && postings(term)) { seen.add(term); list.push({ term: term, factor: factor }); }
    }
    var spelled = variants(word.term, RULES.silent);
    add(word.term, 1);
    spelled.forEach(function (term) { add(term, 1); });
    (word.also || []).forEach(function (term) { add(term, 1); });
    var shard = store["t/" + shardName(word.term)];  // a variant's too: only endings differ
    if ((!word.changed || word.open) && shard && word.term.length >= 2) {
      [word.term].concat(spelled).forEach(function (stem) {  // "organization" finds organisations too
        for (var term in shard) if (term.length > stem.length && term.startsWith(stem)) add(term, 0.5);
      });
    }
    return list;
  }

  /* When a word finds nothing: a spelling variant (or one that begins indexed words: "center" → centre, for
     centres), the word split where one side is short ("3d" → 3 d), or the nearest indexed word (one edit for
     4+ letters, two for 8+), the most frequent of the nearest. As { terms, open }: open, the terms' longer
     words are found too. */
  var corrections = new Map();  // each word that found nothing, with what it was corrected to
  function correct(word) {
    if (!corrections.has(word.term)) {
      if (corrections.size > 1000) corrections.clear();
      corrections.set(word.term, nearest(word.term));
    }
    return corrections.get(word.term);
  }

  function nearest(term) {
    var spelled = variants(term, RULES.silent.concat(RULES.fallback));
    var splits = [];
    [1, 2, term.length - 2, term.length - 1].forEach(function (at) {
      if (at > 0 && at < term.length && splits.every(function (s) { return s[0].length !== at; }))
        splits.push([term.slice(0, at), term.slice(at)]);
    });
    var max = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
    var near = [];
    for (var n = term.length - max; n <= term.length + max; n++) if (max && lengths.has(n)) near.push("w/" + n);
    var nearby = inPage ? load(near) : null;  // from a folder, loaded beside the variants' shards: one wait, not two
    return shardsOf(spelled.concat([].concat.apply([], splits))).then(function () {
      for (var i = 0; i < spelled.length; i++) if (postings(spelled[i])) return { terms: [spelled[i]], open: false };
      for (i = 0; i < spelled.length; i++) if (begins(spelled[i])) return { terms: [spelled[i]], open: true };
      for (i = 0; i < splits.length; i++) {
        if (postings(splits[i][0]) && postings(splits[i][1])) return { terms: splits[i], open: false };
      }
      return (nearby || load(near)).then(function () {
        var best = null, bestDistance = max + 1, bestCount = 0;
        near.forEach(function (key) {
          (store[key] || []).forEach(function (entry) {
            var d = distance(term, entry[0], Math.min(max, bestDistance));
            if (d < bestDistance || (d === bestDistance && d <= max && entry[1] > bestCount)) {
              best = entry[0]; bestDistance = d; bestCount = entry[1];
            }
          });
        });
        return best === null ? { terms: [], open: false }
          : shardsOf([best]).then(function () { return { terms: [best], open: false }; });
      });
    });
  }

  function begins(stem) {  // whether an indexed word is longer than `stem` and begins with it
    var shard = store["t/" + shardName(stem)];
    for (var term in shard || {}) if (term.length > stem.length && term.startsWith(stem)) return true;
    return false;
  }

  /* A page's weight for one word, from its code in the word's postings: in its title (a practice's first,
     then a partner's or theme's, then another page's; a shorter title first, then the pages' order, so that
     likely() can tell the first from titles alone), a keyword, a heading, and how often in its text. */
  function weight(code, base, titled) {
    var value = 0;
    if (code & TITLE) value = base + Math.max(0, SHORT - titled);
    if (code & KEYWORD) value = Math.max(value, 30);
    if (code & HEADING) value = Math.max(value, 8);
    var count = code & TF;
    return count && !(code & TITLE) ? value + 1 + Math.log2(count) : value;
  }
  var KINDS = { p: 100, n: 80 };  // a practice's title, a partner's or a theme's; any other page's: 40
  var SHORT = 16;  // a short title's bonus is at most 15: under the gap between two kinds
  function kind(page) { return KINDS[page[2]] || 40; }

  var titles = null;  // each page's title as a set of folded words, and how many words it has
  function foldTitles(from) {  // in steps, while the reader has not typed yet
    for (var id = from; id < Math.min(from + 500, index.pages.length); id++) titleWords(id);
    if (id < index.pages.length) setTimeout(foldTitles, 0, id);
  }
  function titleWords(id) {
    if (!titles) titles = new Array(index.pages.length);
    if (!titles[id]) {
      var words = fold(index.pages[id][1]).match(/[\p{L}\p{N}]+/gu) || [];
      titles[id] = { words: new Set(words), length: words.length };
    }
    return titles[id];
  }

  /* The pages that come first when every word of the query is in their title, read from titles alone
     (index.js) in the order rank() gives them: their texts can load with the query's shards, not after. */
  function likely(groups) {
    var terms = [];
    groups.forEach(function (group) { terms.push.apply(terms, group.parts); });
    var pages = index.pages, found = [];
    for (var id = 0; id < pages.length; id++) {
      var title = titleWords(id);
      if (terms.every(function (term) { return title.words.has(term); })) found.push(id);
    }
    found.sort(function (a, b) {
      return kind(pages[b]) - kind(pages[a]) || titleWords(a).length - titleWords(b).length || a - b;
    });
    return found.slice(0, TEXTS);
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* A text as HTML with the words a query found marked (`hits`, as wordsFound makes them); with `passage`,
     only the part around the first. A text without any, folded whole, is not read word by word, and a
     passage's text not past its end. */
  function marked(text, hits, passage) {
    var spans = [], start = 0, end = text.length, cut = passage && text.length > PASSAGE;
    if (count(foldOnce(text), hits, true) > 0) {
      var pattern = /[\p{L}\p{N}]+/gu, match;
      while ((match = pattern.exec(text)) && match.index < end) {
        if (!hits.words.has(foldOnce(match[0]))) continue;
        if (cut && !spans.length) {
          start = passageStart(text, match.index);
          end = Math.min(text.length, start + PASSAGE);
        }
        spans.push([match.index, match.index + match[0].length]);
      }
    }
    if (cut && !spans.length) end = Math.min(text.length, PASSAGE);
    if (cut && end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var out = start > 0 ? "… " : "", at = start;
    spans.forEach(function (span) {
      if (span[0] >= at && span[1] <= end) {
        out += escape(text.slice(at, span[0])) + "<mark>" + escape(text.slice(span[0], span[1])) + "</mark>";
        at = span[1];
      }
    });
    return out + escape(text.slice(at, end)) + (end < text.length ? " …" : "");
  }

  function passageStart(text, first) {  // a word's start, up to 60 characters before the first word found
    var start = Math.max(0, first - 60);
    return start > 0 ? text.indexOf(" ", start) + 1 || start : 0;
  }

  /* A loaded page's title and sections folded (each text once, by foldOnce): [title, [[heading, text], …]].
     Folding a whole text at once is much faster than word by word; counts and the words as written are read
     from it. */
  function foldedPage(id) {
    return [foldOnce(index.pages[id][1]), (store["p/" + id] || []).map(function (section) {
      return [foldOnce(section[1]), foldOnce(section[2])];
    })];
  }

  /* The words a query found: as a set, and as a list that count() looks for in a folded text. */
  function wordsFound(words) {
    return { words: words, terms: Array.from(words) };
  }

  var LETTER = /[\p{L}\p{N}]/u;  // a character of a word (one pattern, built once: each new one costs ms)
  /* How often a folded text holds the words found as whole words (each is a whole word, so none is counted
     inside another). With `one`, whether it holds any. */
  function count(text, hits, one) {
    var n = 0;
    for (var i = 0; i < hits.terms.length; i++) {
      var term = hits.terms[i];
      for (var at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
        if ((at === 0 || !LETTER.test(text[at - 1])) && !LETTER.test(text[at + term.length] || " ")) {
          if (one) return 1;
          n++;
        }
      }
    }
    return n;
  }

  /* Whether the loaded pages write `term` as a word (a hyphenated word is two: "3dprinting" is not written). */
  function written(term, ids) {
    var hits = wordsFound([term]);
    return ids.some(function (id) {
      var page = foldedPage(id), texts = [page[0]];
      page[1].forEach(function (section) { texts.push(section[0], section[1]); });
      return texts.some(function (text) { return count(text, hits, true) > 0; });
    });
  }

  /* One result: the page with its title once and the passage that matches best, then its other sections
     that match, below it (Material shows them under "more"). */
  function item(id, score, terms, hits) {
    var page = index.pages[id], sections = store["p/" + id];
    var head = { location: page[0], title: marked(page[1], hits), text: "", score: score, terms: terms };
    if (!sections) {
      head.text = marked(page[3], hits, true);
      return [head];
    }
    var folded = foldedPage(id)[1];
    var ranked = sections.map(function (section, i) {
      return { section: section, n: count(folded[i][1], hits) + count(folded[i][0], hits), i: i };
    }).filter(function (entry) { return entry.section[2] || entry.section[0]; });
    ranked.sort(function (a, b) { return b.n - a.n || a.i - b.i; });
    var best = ranked.length ? ranked[0] : null;
    if (best) head.text = marked(best.section[2] || page[3], hits, true);
    var result = [head];
    ranked.slice(1).forEach(function (entry, i) {
      if (entry.n > 0 && entry.section[0]) {
        result.push({ location: page[0] + entry.section[0], title: marked(entry.section[1], hits),
                      text: marked(entry.section[2], hits, true), score: score / (2 + i), terms: terms });
      }
    });
    return result;
  }

  function search(query) {
    var groups = parse(query);
    if (!groups.length) return Promise.resolve({ items: [] });
    var first = [];
    groups.forEach(function (group) { first.push.apply(first, group.parts.concat([group.parts.join("")])); });
    for (var i = 1; i < groups.length; i++) {
      first.push(groups[i - 1].parts[groups[i - 1].parts.length - 1] + groups[i].parts[0]);
    }
    var shardsLoaded = shardsOf(first);  // asked for first, so they are not queued behind the texts
    if (inPage) load(likely(groups).map(function (id) { return "p/" + id; }));  // in parallel, from a folder
    return shardsLoaded.then(function () {
      var list = words(groups);
      var silent = [];
      list.forEach(function (word) { silent.push.apply(silent, variants(word.term, RULES.silent)); });
      return shardsOf(silent).then(function () { return list; });
    }).then(function (list) {
      return Promise.all(list.map(function (word) {
        word.found = found(word);
        if (word.found.length && word.found[0].term !== word.term && word.found[0].factor === 1 &&
            word.also.indexOf(word.found[0].term) < 0) {
          word.text = word.found[0].term;  // only a spelling variant: say so ("digitalization" → digitalisation)
          word.changed = true;
        }
        if (word.found.length) return word;
        return correct(word).then(function (correction) {
          var terms = correction.terms;
          if (terms.length) {
            word.term = terms.join(" ");
            word.text = word.term;
            word.changed = true;
            word.found = [];
            terms.forEach(function (term) {
              word.found = word.found.concat(found({ term: term, changed: true, open: correction.open }));
            });
          }
          return word;
        });
      }));
    }).then(rank);
  }

  function rank(list) {
    var pages = index.pages, total = pages.length;
    function rarity(coded) { return Math.log(1 + total / (coded.length / 2)); }  // a term's idf (page, code pairs)
    var scores = new Float64Array(total), matched = new Uint8Array(total), words = new Uint32Array(total);
    var hits = new Set(), ids = [];
    list.forEach(function (word, w) {
      var best = new Float64Array(total);
      var exact = postings(word.term), rarest = exact ? rarity(exact) : Infinity;
      word.found.forEach(function (entry) {  // a longer form ("clusterix" for cluster) weighs no more than the word
        var coded = postings(entry.term), idf = rarity(coded), page = 0;
        if (entry.factor < 1) idf = Math.min(idf, rarest);
        hits.add(entry.term);
        for (var i = 0; i < coded.length; i += 2) {
          page += coded[i];
          var code = coded[i + 1], titled = code & TITLE ? titleWords(page).length : 0;
          var value = weight(code, kind(pages[page]), titled) * entry.factor * idf;
          if (value > best[page]) best[page] = value;
        }
      });
      for (var page = 0; page < total; page++) {
        if (best[page] > 0) {
          if (!matched[page]) ids.push(page);
          scores[page] += best[page];
          matched[page] += 1;
          words[page] |= 1 << Math.min(w, 31);
        }
      }
    });
    ids.sort(function (a, b) { return matched[b] - matched[a] || scores[b] - scores[a] || a - b; });
    return load(ids.slice(0, TEXTS).map(function (id) { return "p/" + id; })).then(function () {
      return finish(list, ids, scores, matched, words, hits);
    });
  }

  function finish(list, ids, scores, matched, words, hits) {
    var shared = new Map();  // one object per set of words found: built, copied and sent once
    var marking = wordsFound(hits);
    var items = ids.map(function (id, rank) {
      var terms = shared.get(words[id]);
      if (!terms) {
        terms = {};
        list.forEach(function (word, w) { terms[word.text] = (words[id] & (1 << Math.min(w, 31))) !== 0; });
        shared.set(words[id], terms);
      }
      var score = matched[id] * 1000 + scores[id];
      if (rank < MARKED) return item(id, score, terms, marking);
      var page = index.pages[id];  // far down the list, shown only if the reader scrolls there: not marked,
      return [{ location: page[0], title: escape(page[1]),  // and past LEADS the title alone
                text: rank < LEADS ? escape(page[3]) : "", score: score, terms: terms }];
    });
    var last = list[list.length - 1], suggest = [];
    if (last && !last.changed) {
      var longer = last.found.filter(function (entry) {
        return entry.term.length > last.term.length && entry.term.startsWith(last.term);
      }).map(function (entry) { return entry.term; });
      longer.sort(function (a, b) { return postings(b).length - postings(a).length || (a < b ? -1 : 1); });
      if (longer.length) {
        var top = ids.slice(0, TEXTS);
        var best = longer.find(function (term) { return written(term, top); });
        if (best) suggest = [best];
      }
    }
    var changed = list.some(function (word) { return word.changed && word.found.length; });
    return {
      items: items, suggest: suggest,
      gp: { corrected: changed ? list.map(function (word) { return word.text; }).join(" ") : null }
    };
  }

  var ready = null;
  function setup() {
    if (!ready) {
      ready = load(["index"]).then(function () {
        index = store.index;
        if (!index) {
          ready = null;  // tried again with the next message
          throw new Error("search/index.js did not load");
        }
        shards = new Set(index.shards);
        lengths = new Set(index.lengths);
        setTimeout(foldTitles, 0, 0);
      });
      ready.catch(function () { /* each message reports it */ });
    }
    return ready;
  }

  /* The answer to a query, begun once for the same words as written. The box's text reaches the worker
     twice: as it is typed (TYPED, from the box's input event, which search_ui.js forwards) and as Material's
     query when the key is released (or never, for text pasted with the mouse). Each is answered as soon as
     it is ready, unless a later message came in the meantime or the panel already shows the answer to that
     very text. An answer that finds nothing is left to Material's query: Material words it from its own
     query ("No matching documents", or "Type to start searching" for an empty box). */
  var begun = new Map(), latest = 0, shown = null;
  function reply(query, typed) {
    var key = JSON.stringify(parse(query).map(function (group) { return [group.text, group.spaced]; }));
    var text = query.trim().replace(/\s+/g, " "), seq = ++latest;  // as Material trims it
    if (!begun.has(key)) {
      if (begun.size >= 8) begun.delete(begun.keys().next().value);
      begun.set(key, setup().then(function () { return search(query); }).catch(function () {
        begun.delete(key);  // tried again next time: the index may load then
        return { items: [] };
      }));
    }
    begun.get(key).then(function (result) {
      if (seq !== latest || text === shown || (typed && !result.items.length)) return;
      shown = text;
      postMessage({ type: RESULT, data: result });
    });
  }

  setup();  // at once: Material starts its worker with the page, and over http sends SETUP at once too
  addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP) {
      var answer = function () { postMessage({ type: READY }); };
      setup().then(answer, answer);  // without an index, every query finds nothing
    } else if (message.type === QUERY || message.type === TYPED) {
      reply(String(message.data || ""), message.type === TYPED);
    }
  });

  self.__gpsTest = { fold: fold, variants: variants, distance: distance, shardName: shardName, parse: parse,
                     marked: marked, wordsFound: wordsFound };
})();
