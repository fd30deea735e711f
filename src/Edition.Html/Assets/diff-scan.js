/* Words and their boxes on the page image: pointing at (or focusing) a word in either text, or at a
   box on the image, lights up all three. Every element of a word carries data-w, the ids of its
   boxes; without this script the image and the texts show all the same. */
(function () {
  "use strict";
  var lit = [];
  var litIds = "";

  function clear() {
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove("lit");
    lit = [];
    litIds = "";
  }

  function light(ids) {
    if (ids === litIds) return;
    clear();
    var list = ids.split(" ");
    for (var i = 0; i < list.length; i++) {
      if (!/^w[0-9]+-[0-9]+$/.test(list[i])) continue;
      var found = document.querySelectorAll('[data-w~="' + list[i] + '"]');
      for (var j = 0; j < found.length; j++) {
        found[j].classList.add("lit");
        lit.push(found[j]);
      }
    }
    litIds = ids;
  }

  function word(target) {
    return target && target.closest ? target.closest("[data-w]") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var w = word(e.target);
    if (w) light(w.getAttribute("data-w"));
    else if (lit.length) clear();
  });
  document.addEventListener("focusin", function (e) {
    var w = word(e.target);
    if (w) light(w.getAttribute("data-w"));
  });
})();
