/* Django's admin leaves some inputs without an accessible name: the cells of a tabular inline (their column
   header is not a <label>) and the date and time halves of a split date-time field. Name them from what a
   sighted user reads: the column header and the row, or the field's label. */
(function () {
  "use strict";

  function hasName(input) {
    if (input.getAttribute("aria-label") || input.getAttribute("aria-labelledby")) return true;
    return Boolean(input.id && document.querySelector('label[for="' + input.id + '"]'));
  }

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function nameTabularCells(root) {
    root.querySelectorAll(".tabular table").forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), text);
      table.querySelectorAll("tbody tr.form-row").forEach(function (row, index) {
        Array.prototype.forEach.call(row.children, function (cell, column) {
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (input) {
            if (!hasName(input) && headers[column]) {
              input.setAttribute("aria-label", headers[column] + ", строка " + (index + 1));
            }
          });
        });
      });
    });
  }

  function nameSplitDateTimes(root) {
    root.querySelectorAll("p.datetime").forEach(function (field) {
      var row = field.closest(".form-row, .fieldBox, td");
      var label = text(row && row.querySelector("label")) || "Дата и время";
      var inputs = field.querySelectorAll("input");
      ["дата", "время"].forEach(function (part, index) {
        if (inputs[index] && !inputs[index].getAttribute("aria-label")) {
          inputs[index].setAttribute("aria-label", label.replace(/:$/, "") + " — " + part);
        }
      });
    });
  }

  function nameAutocompletes(root) {
    // Select2 (autocomplete_fields) shows the choice in a span with role="textbox": name it after the field.
    root.querySelectorAll(".select2-selection__rendered[role=textbox]").forEach(function (box) {
      var id = (box.id || "").replace(/^select2-/, "").replace(/-container$/, "");
      var label = text(document.querySelector('label[for="' + id + '"]'));
      if (!label) return;
      label = label.replace(/:$/, "");
      if (!box.getAttribute("aria-label")) box.setAttribute("aria-label", label);
      // The combobox around it is labelled by the box's text, empty until something is chosen.
      var combobox = box.closest(".select2-selection[role=combobox]");
      if (combobox && !combobox.getAttribute("aria-label")) combobox.setAttribute("aria-label", label);
    });
  }

  function run(root) {
    nameTabularCells(root);
    nameSplitDateTimes(root);
    nameAutocompletes(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    run(document);
    // Select2 is set up in jQuery's ready callbacks, queued as timers when this event began: name its boxes after.
    window.setTimeout(function () { nameAutocompletes(document); }, 0);
  });
  // «Добавить ещё» copies an empty row: name its inputs too.
  document.addEventListener("formset:added", function (event) { run(event.target.closest(".inline-group") || document); });
})();
