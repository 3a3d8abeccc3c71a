// The campaign form: show only the fields the chosen audience needs (a file: the CSP allows no inline script).
// Show only the fields the chosen audience needs.
(function () {
  var audience = document.getElementById("id_audience");
  if (!audience) return;
  var needs = {form: ["form"], group: ["group"], pairs: ["pairs"], people: ["people"]};
  function update() {
    var wanted = needs[audience.value] || [];
    document.querySelectorAll("[data-audience-field]").forEach(function (field) {
      var name = field.getAttribute("data-audience-field");
      if (name === "baseline") return;
      var wrapper = field.closest(".mb-3") || field.parentElement;
      wrapper.style.display = wanted.indexOf(name) >= 0 ? "" : "none";
    });
  }
  audience.addEventListener("change", update);
  update();
})();
