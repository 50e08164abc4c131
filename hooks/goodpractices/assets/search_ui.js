/* The header search's note above the results (Material's panel, our worker): "Showing results for …" when the
   worker searched for other words than those typed, and, when nothing is found, the Explore page with the
   words as its text filter. Also gives the worker the box's text as soon as it is typed (its input event),
   which it answers at once: Material queries only when a key is released. Material creates its worker
   (from a folder, the iframe shim) before this runs and calls postMessage through the prototype, so wrapping
   it reaches every search worker of the page. */
(function () {
  "use strict";
  var RESULT = 3;  // Material's SearchMessageType.RESULT
  var TYPED = 100;  // the worker's own message: the box's text as typed
  var send = window.Worker && window.Worker.prototype.postMessage;
  if (!send) return;
  var watched = new WeakSet(), workers = [];
  window.Worker.prototype.postMessage = function () {
    if (!watched.has(this)) {
      watched.add(this);
      workers.push(this);
      this.addEventListener("message", show);  // after Material's own listener: its panel is filled first
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (box instanceof HTMLInputElement && box.classList.contains("md-search__input")) {
      workers.forEach(function (worker) { send.call(worker, { type: TYPED, data: box.value }); });
    }
  }, true);

  function explore(query) {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    var address = new URL("explore/index.html", new URL(base.replace(/\/?$/, "/"), location.href));
    address.search = new URLSearchParams({ text: query }).toString();
    return address.href;
  }

  function show(event) {
    var message = event.data;
    if (!message || message.type !== RESULT || !message.data) return;
    var result = document.querySelector(".md-search-result");
    var meta = result && result.querySelector(".md-search-result__meta");
    var input = document.querySelector(".md-search__input");
    if (!meta || !input) return;
    var note = result.querySelector(".gp-search-note");
    if (!note) {
      note = document.createElement("div");
      note.className = "md-search-result__meta gp-search-note";
      note.setAttribute("role", "status");
      meta.after(note);
    }
    note.textContent = "";
    var query = input.value.trim(), data = message.data, corrected = data.gp && data.gp.corrected;
    if (corrected && data.items.length) {
      var words = document.createElement("strong");
      words.textContent = corrected;
      note.append("Showing results for ", words);
    } else if (query && !data.items.length) {
      var link = document.createElement("a");
      var label = document.createElement("span");
      label.setAttribute("data-md-score", "-1");  // Enter in the box follows it (Material's "best result")
      label.textContent = "Explore the practices for “" + query + "”";
      link.href = explore(query);
      link.style.color = "var(--md-typeset-a-color)";  // a link, in the panel's small print
      link.style.textDecoration = "underline";
      link.append(label);
      note.append(link);
    }
    note.hidden = !note.firstChild;
  }
})();
