// Finance re-score on the submission page without a page reload (local script, no CDN).
// Each row's form posts with fetch and asks for JSON; the row, the 合计 and the sidebar's
// score card are updated from the answer, and a refused value is shown next to its input.
// Without this script the form posts normally and the page redirects back.
(function () {
  function setText(id, text) {
    var node = document.getElementById(id);
    if (node) { node.textContent = text; }
  }
  function clearErrors(form) {
    form.querySelectorAll("[data-error-for]").forEach(function (box) { box.hidden = true; box.textContent = ""; });
    form.querySelectorAll("input").forEach(function (input) { input.removeAttribute("aria-invalid"); });
  }
  function showError(form, field, message) {
    var box = form.querySelector('[data-error-for="' + (field || "points") + '"]');
    var input = form.querySelector('[name="' + (field || "points") + '"]');
    if (box) { box.textContent = message; box.hidden = false; }
    if (input) { input.setAttribute("aria-invalid", "true"); input.focus(); }
  }
  function update(form, data) {
    var row = form.closest("tr");
    row.querySelector(".rescore-points").textContent = data.item.rescore;
    row.querySelector(".rescore-comment").textContent = data.item.comment;
    setText("rescore-total", data.rescore_total + (data.final.grade ? " " + data.final.grade : ""));
    setText("final-total", data.final.text);
    setText("final-grade", data.final.grade);
    setText("final-label", data.final.heading);
  }
  document.querySelectorAll("form[data-rescore]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(form);
      var status = form.querySelector(".rescore-status");
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (answer) {
        if (answer.ok) {
          update(form, answer.data);
          if (status) { status.textContent = answer.data.saved; }
        } else {
          showError(form, answer.data.field, answer.data.message);
        }
      }).catch(function () {
        form.submit();  // the network or the server failed: fall back to the plain form post
      }).finally(function () {
        button.disabled = false;
      });
    });
  });
})();
