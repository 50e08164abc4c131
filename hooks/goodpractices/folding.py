"""Accent and case folding for search: 'Skåne' and 'skane' are the same word to a reader looking for it."""

from __future__ import annotations

import json
import re
import unicodedata

#: Letters that Unicode does not split into a base letter and a mark, with their usual ASCII spelling.
#: The explore page folds its text filter with the same table (it is part of the explore index).
LETTERS: dict[str, str] = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                           "ı": "i", "ħ": "h"}

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Return `text` in lower case without accents: 'Rhône' → 'rhone', 'Øresund' → 'oresund'."""
    text = "".join(LETTERS.get(char, char) for char in text.lower())
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def folded_forms(text: str) -> str:
    """Return the folded form of every word of `text` that folding changes beyond its case, once each, in order
    and space-separated: the words a search index adds so that 'Skane' finds 'Skåne'. Empty if there are none."""
    if text.isascii():  # most of a library's text: nothing to fold
        return ""
    forms: dict[str, None] = {}
    for word in dict.fromkeys(word for word in _WORD.findall(text) if not word.isascii()):
        folded = fold(word)
        if folded != word.lower():
            forms[folded] = None
    return " ".join(forms)


#: Material's search, accent-blind in the query too: each accented word goes to the search worker with its
#: accent-free form added ('Rhône' → 'Rhône rhone'), so that a page that writes 'Rhone' is found as well.
#: Material creates its worker (or, from a folder, the iframe-worker shim) before this runs, and calls
#: postMessage through the prototype, so wrapping the prototype's method covers both.
_QUERY_SCRIPT = """(function () {
  "use strict";
  var QUERY = 2;  // Material's SearchMessageType.QUERY
  var letters = %s;
  var pattern = new RegExp("[" + Object.keys(letters).join("") + "]", "g");
  function fold(word) {
    return word.toLowerCase().replace(pattern, function (c) { return letters[c]; })
      .normalize("NFKD").replace(/\\p{Mn}/gu, "");
  }
  var send = window.Worker && window.Worker.prototype.postMessage;
  if (!send) return;
  window.Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var extra = (message.data.match(/[\\p{L}\\p{M}\\p{N}]+/gu) || []).filter(function (word) {
        return /[^\\x00-\\x7f]/.test(word) && fold(word) !== word.toLowerCase();
      }).map(fold);
      if (extra.length) message = { type: message.type, data: message.data + " " + extra.join(" ") };
    }
    return send.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();
"""


def query_script() -> str:
    """Return the script that folds the accented words of a search query (see _QUERY_SCRIPT)."""
    return _QUERY_SCRIPT % json.dumps(LETTERS, ensure_ascii=False)
