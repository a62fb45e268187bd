// Polls batch-job progress on the round page (local script, no CDN).
(function () {
  document.querySelectorAll("[data-job-url]").forEach(function (row) {
    function poll() {
      fetch(row.dataset.jobUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (job) {
        var bar = row.querySelector("progress"); bar.value = job.percent; bar.textContent = job.percent + "%";
        row.querySelector(".job-status").textContent = job.status + " " + job.done + "/" + job.total;
        if (job.download) { var a = row.querySelector(".job-download"); a.href = job.download; a.hidden = false; }
        if (job.status === "queued" || job.status === "running") { setTimeout(poll, 1500); }
      });
    }
    poll();
  });
})();
