/* Accessibility shared by every page (WCAG 2.1 AA; loaded by templates/base.html):
   - a failed form: focus on its error summary (or its first invalid field) and «Ошибка: » before the title;
   - htmx: a swapped-in row marked data-focus-first takes the focus (its first invalid field, else its first
     control), so a keyboard user lands in the row they opened, saved or ticked;
   - Enter on a checkbox that htmx saves on change ticks it instead of submitting its form (a page reload);
   - a table that scrolls sideways gets keyboard focus and a name, so it can be scrolled without a mouse. */
(function () {
  "use strict";

  var ERROR_PREFIX = "Ошибка: ";
  var CONTROLS = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]";

  function hasErrors() {
    return document.querySelector("[data-error-summary], main [aria-invalid='true']") !== null;
  }

  function markTitle() {
    var marked = document.title.indexOf(ERROR_PREFIX) === 0;
    if (hasErrors() && !marked) document.title = ERROR_PREFIX + document.title;
    if (!hasErrors() && marked) document.title = document.title.slice(ERROR_PREFIX.length);
  }

  function focusFirst(root) {
    var target = root.querySelector("[aria-invalid='true']") || root.querySelector(CONTROLS);
    if (target) target.focus();
  }

  // A summary's link focuses its field (a plain fragment link only scrolls) and shows the field's label.
  function followSummaryLink(event) {
    var link = event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) return;
    var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!field) return;
    event.preventDefault();
    var label = document.querySelector("label[for='" + field.id + "']");
    (label || field).scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  }

  function scrollerName(box) {
    var table = box.querySelector("table");
    if (table && table.caption) return table.caption.textContent.trim();
    if (table && table.getAttribute("aria-label")) return table.getAttribute("aria-label");
    var heading = document.querySelector("main h1");
    return "Таблица" + (heading ? ": " + heading.textContent.trim() : "");
  }

  function labelScrollers() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", scrollerName(box));
        box.dataset.a11yScroller = "1";
      } else if (!scrolls && box.dataset.a11yScroller) {
        ["tabindex", "role", "aria-label", "data-a11y-scroller"].forEach(function (name) {
          box.removeAttribute(name);
        });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    labelScrollers();
    markTitle();
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    } else if (document.querySelector("main [aria-invalid='true']")) {
      focusFirst(document.querySelector("main"));
    }
  });

  document.addEventListener("click", followSummaryLink);

  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key === "Enter" && box.type === "checkbox" && box.form && box.form.hasAttribute("hx-post")) {
      event.preventDefault();
      box.click();
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    // The swapped element itself (outerHTML) or the container it went into (beforeend).
    var root = event.target;
    if (root.nodeType === 1 && root.isConnected) {
      var row = root.matches("[data-focus-first]") ? root : root.querySelector("[data-focus-first]");
      if (row) {
        row.removeAttribute("data-focus-first");
        focusFirst(row);
      } else if (root.querySelector("[aria-invalid='true']")) {
        focusFirst(root);
      }
    }
    markTitle();
    labelScrollers();
  });

  window.addEventListener("resize", labelScrollers);
})();
