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

  // Each problem: at the top of the page (with a link to its passage, when known), and beside the passage
  // itself when that is on this page.
  function showProblems(problems) {
    document.querySelectorAll(".edition-preview-here").forEach(function (mark) { mark.remove(); });
    var box = document.getElementById("edition-preview-problems");
    if (!problems.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "edition-preview-problems";
      box.setAttribute("role", "alert");
      document.body.prepend(box);
    }
    box.textContent = "";
    var heading = document.createElement("p");
    heading.textContent = "edition check: the page shows the last build that worked";
    box.append(heading);
    var here = window.location.pathname.split("/").pop() || "index.html";
    problems.forEach(function (problem) {
      var text = document.createElement("pre");
      text.textContent = problem.text;
      box.append(text);
      if (!problem.href) return;
      var link = document.createElement("a");
      link.href = problem.href;
      link.textContent = "→ " + problem.where;
      box.append(link);
      var parts = problem.href.split("#");
      var target = parts[0] === here ? document.getElementById(parts[1]) : null;
      if (!target) return;
      var mark = document.createElement("div");
      mark.className = "edition-preview-here";
      mark.setAttribute("role", "note");
      mark.textContent = problem.text.split("\n")[0];
      target.before(mark);
    });
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
