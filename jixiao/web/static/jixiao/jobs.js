// Polls batch-job progress on the round page (local script, no CDN).
(function () {
  document.querySelectorAll("[data-job-url]").forEach(function (row) {
    function poll() {
      fetch(row.dataset.jobUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (job) {
        row.querySelector(".progress > span").style.width = job.percent + "%";
        row.querySelector(".job-status").textContent = job.status + " " + job.done + "/" + job.total;
        if (job.download) { var a = row.querySelector(".job-download"); a.href = job.download; a.hidden = false; }
        if (job.status === "queued" || job.status === "running") { setTimeout(poll, 1500); }
      });
    }
    poll();
  });
})();
