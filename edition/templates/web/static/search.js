// Offline search over the text and the notes. The index (search-index.js, written at build time) is an
// array of [href, page title, label, text]; every word of the query must occur in an entry, case and
// accents ignored. Results are built as DOM nodes (never as HTML strings). No network, no library.
(function () {
  "use strict";
  var index = window.editionSearchIndex || [];
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var LIMIT = 100;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = index.map(function (entry) { return fold(entry[3]); });

  function snippet(text, word) {
    var at = fold(text).indexOf(word);
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + word.length + 100);
    return { before: (start > 0 ? "…" : "") + text.slice(start, at), hit: text.slice(at, at + word.length),
             after: text.slice(at + word.length, end) + (end < text.length ? "…" : "") };
  }

  function show(query) {
    list.textContent = "";
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < index.length && found < LIMIT; i++) {
      var text = folded[i];
      if (!words.every(function (word) { return text.indexOf(word) !== -1; })) continue;
      found++;
      var entry = index[i];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry[0];
      link.textContent = entry[1] + (entry[2] ? ", " + entry[2] : "");
      var excerpt = document.createElement("p");
      var part = snippet(entry[3], words[0]);
      var mark = document.createElement("mark");
      mark.textContent = part.hit;
      excerpt.append(part.before, mark, part.after);
      item.append(link, excerpt);
      list.append(item);
    }
    status.textContent = found
      ? status.dataset.found.replace("{count}", found + (found === LIMIT ? "+" : "")).replace("{query}", query)
      : status.dataset.none;
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
})();
