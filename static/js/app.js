// The site's own behaviour, from a file: the Content-Security-Policy allows no inline script.
// <button data-print> prints the page; <form data-confirm="…"> asks before it is sent.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    event.preventDefault();
    window.print();
  }
});
document.addEventListener("submit", function (event) {
  var form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
