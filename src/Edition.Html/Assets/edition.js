/* Notes beside their references: pointing at or focusing a reference shows the note in a small
   panel; the link itself still goes to the note, so nothing depends on this script. */
(function () {
  "use strict";
  var pop = document.createElement("div");
  pop.className = "note-pop";
  pop.id = "note-pop";
  pop.setAttribute("role", "tooltip");
  pop.hidden = true;
  document.body.appendChild(pop);
  var current = null;
  var timer = 0;

  function noteFor(a) {
    var href = a.getAttribute("href") || "";
    return href.charAt(0) === "#" ? document.getElementById(href.slice(1)) : null;
  }

  function show(a) {
    var note = noteFor(a);
    if (!note) return;
    clearTimeout(timer);
    if (current === a && !pop.hidden) return;
    hide();
    while (pop.firstChild) pop.removeChild(pop.firstChild);
    var paragraphs = note.querySelectorAll("p");
    for (var i = 0; i < paragraphs.length; i++) {
      var copy = paragraphs[i].cloneNode(true);
      var inner = copy.querySelectorAll("[id], .backlink");
      for (var j = 0; j < inner.length; j++) {
        if (inner[j].classList.contains("backlink")) inner[j].remove();
        else inner[j].removeAttribute("id");
      }
      pop.appendChild(copy);
    }
    pop.hidden = false;
    var r = a.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + r.left - width / 2, window.scrollX + document.documentElement.clientWidth - width - 8));
    var top = window.scrollY + r.bottom + 8;
    if (r.bottom + pop.offsetHeight + 16 > window.innerHeight && r.top > pop.offsetHeight + 16)
      top = window.scrollY + r.top - pop.offsetHeight - 8;
    pop.style.left = left + "px";
    pop.style.top = top + "px";
    a.setAttribute("aria-describedby", "note-pop");
    current = a;
  }

  function hide() {
    pop.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(hide, 250);
  }

  function reference(target) {
    return target && target.closest ? target.closest('a[role="doc-noteref"]') : null;
  }

  document.addEventListener("mouseover", function (e) {
    var a = reference(e.target);
    if (a) show(a);
    else if (pop.contains(e.target)) clearTimeout(timer);
  });
  document.addEventListener("mouseout", function (e) {
    if (reference(e.target) || pop.contains(e.target)) later();
  });
  document.addEventListener("focusin", function (e) {
    var a = reference(e.target);
    if (a) show(a); else if (current) hide();
  });
  document.addEventListener("click", function (e) {
    if (reference(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && current) hide();
  });
})();
