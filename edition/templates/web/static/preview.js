// The editor's live preview (`edition preview`): the server sends an event after every rebuild; the page
// reloads itself where it was (the scroll position is kept across the reload), and the problems of the
// last check are shown at the top of the page. With `--pdf`, a box in the corner links the PDF and says how
// its background build stands. Only the preview's pages load this script.
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

  // The PDF (`edition preview --pdf`): building, up to date or failed, with links to the files built.
  function showPdf(pdf) {
    var box = document.getElementById("edition-preview-pdf");
    if (!pdf) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("aside");
      box.id = "edition-preview-pdf";
      box.setAttribute("aria-live", "polite");
      box.setAttribute("aria-label", "PDF");
      var style = box.style;  // styled here: web.css is the edition's, this box only the preview's
      style.position = "fixed"; style.right = "0.5rem"; style.bottom = "0.5rem"; style.zIndex = "10";
      style.maxWidth = "28rem"; style.maxHeight = "40vh"; style.overflow = "auto"; style.padding = "0.4rem 0.6rem";
      style.font = "0.8rem/1.3 system-ui, sans-serif"; style.background = "Canvas"; style.color = "CanvasText";
      style.border = "1px solid GrayText"; style.borderRadius = "4px";
      document.body.append(box);
    }
    box.dataset.state = pdf.state;
    box.textContent = "";
    var text = document.createElement(pdf.state === "failed" ? "pre" : "p");
    text.style.margin = "0"; text.style.textIndent = "0"; text.style.whiteSpace = "pre-wrap";
    text.textContent = pdf.text;
    box.append(text);
    pdf.links.forEach(function (item) {
      var link = document.createElement("a");
      link.href = item.href;
      link.textContent = item.text;
      link.style.marginRight = "0.8rem";
      box.append(link);
    });
  }

  var events = new EventSource("/_preview/events");
  var version = null;
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    showProblems(state.problems);
    showPdf(state.pdf);
    if (version !== null && state.version !== version) {
      window.sessionStorage.setItem(KEY, JSON.stringify([window.scrollX, window.scrollY]));
      events.close();
      window.location.reload();
    }
    version = state.version;
  });
})();
