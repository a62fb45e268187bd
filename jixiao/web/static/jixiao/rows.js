// "添加一行" on list sections: copy the empty row from its <template>, give it the next form index
// and count it in the formset's TOTAL_FORMS, so unsaved edits on the page stay. Without script the
// button is a link that reloads the page with one more empty row.
(function () {
  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var template = document.getElementById(button.dataset.addRow);
      var total = document.querySelector("input[name$='-TOTAL_FORMS']");
      var target = template && document.getElementById(template.dataset.target);
      if (!template || !total || !target) { return; }
      event.preventDefault();
      var index = parseInt(total.value, 10);
      target.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
      total.value = String(index + 1);
      var row = target.lastElementChild;
      if (row.tagName === "DETAILS") { row.open = true; }
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    });
  });
})();
