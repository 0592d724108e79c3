// Type-ahead over names and aliases: asks the API's full-text search (same origin) as you type.
(function () {
  "use strict";
  var API = "/api/v1/entities";

  function attach(input, onPick) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    if (input.parentElement && getComputedStyle(input.parentElement).position === "static") {
      input.parentElement.style.position = "relative";
    }
    var timer = null, active = -1, items = [], seq = 0;

    function close() { list.hidden = true; active = -1; }
    function show(hits) {
      list.textContent = "";
      items = hits;
      hits.forEach(function (h, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        var a = document.createElement("a");
        a.href = "/entity/" + encodeURIComponent(h.id);
        a.textContent = h.name;
        var t = document.createElement("span");
        t.className = "type";
        t.textContent = h.type || "";
        a.appendChild(t);
        // mousedown keeps the focus (the list would close on blur before the click lands);
        // the click itself follows the link, unless the field wants the id instead.
        a.addEventListener("mousedown", function (e) { e.preventDefault(); });
        a.addEventListener("click", function (e) { if (onPick(h, a.href) === false) { e.preventDefault(); } });
        li.appendChild(a);
        list.appendChild(li);
        if (i === active) { li.className = "active"; }
      });
      list.hidden = hits.length === 0;
    }
    function mark() {
      Array.prototype.forEach.call(list.children, function (li, i) { li.className = i === active ? "active" : ""; });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch(API + "?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (page) { if (mine === seq) { active = -1; show(page.items || []); } })
          .catch(close);
      }, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) { return; }
      if (e.key === "ArrowDown") { active = Math.min(items.length - 1, active + 1); mark(); e.preventDefault(); }
      else if (e.key === "ArrowUp") { active = Math.max(-1, active - 1); mark(); e.preventDefault(); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        var href = "/entity/" + encodeURIComponent(items[active].id);
        if (onPick(items[active], href) !== false) { window.location.assign(href); }
      }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-typeahead]");
    if (box) {
      var stale = document.getElementById("suggestions");
      if (stale) { stale.remove(); }
      attach(box, function () { return true; });
    }
    // In a form field, picking a name fills the field with the entity's id (no ambiguity left).
    document.querySelectorAll("[data-typeahead-field]").forEach(function (field) {
      attach(field, function (hit) { field.value = hit.id; field.blur(); return false; });
    });
  });
})();
