// The site's own behaviour, from a file: the Content-Security-Policy allows no inline script.
// <button data-print> prints the page; <form data-confirm="…"> asks before it is sent; <form data-preview>
// (a questionnaire's preview) is never sent.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    event.preventDefault();
    window.print();
  }
});
document.addEventListener("submit", function (event) {
  if (event.target.closest("form[data-preview]")) {
    event.preventDefault();
    return;
  }
  var form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
