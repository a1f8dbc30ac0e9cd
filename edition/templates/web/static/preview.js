// The editor's live preview (`edition preview`): the server sends an event after every rebuild; the page
// reloads itself where it was (the scroll position is kept across the reload), and the problems of the
// last check are shown at the top of the page. Only the preview's pages load this script.
(function () {
  "use strict";
  var KEY = "edition-preview-scroll:" + window.location.pathname;
  var saved = window.sessionStorage.getItem(KEY);
  if (saved !== null) {
    window.sessionStorage.removeItem(KEY);
    var position = JSON.parse(saved);
    window.addEventListener("load", function () { window.scrollTo(position[0], position[1]); });
    window.scrollTo(position[0], position[1]);
  }

  function showProblems(lines) {
    var box = document.getElementById("edition-preview-problems");
    if (!lines.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "edition-preview-problems";
      box.setAttribute("role", "alert");
      document.body.prepend(box);
    }
    box.textContent = "";
    var heading = document.createElement("p");
    heading.textContent = "edition check: the page shows the last build that worked";
    var list = document.createElement("pre");
    list.textContent = lines.join("\n");
    box.append(heading, list);
  }

  var events = new EventSource("/_preview/events");
  var version = null;
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    showProblems(state.problems);
    if (version !== null && state.version !== version) {
      window.sessionStorage.setItem(KEY, JSON.stringify([window.scrollX, window.scrollY]));
      events.close();
      window.location.reload();
    }
    version = state.version;
  });
})();
