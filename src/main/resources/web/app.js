// news-harvester serve: the one script (bundled; it fetches nothing). The pages work without it; it adds
// relative times, chart legends that show and hide series, and a count of what a diff marks.
(function () {
  "use strict";
  var now = Date.parse(document.body.getAttribute("data-now")) || Date.now();

  function ago(ms) {
    var m = Math.round(ms / 60000);
    if (m < 1) return "just now";
    if (m < 60) return m + " min ago";
    var h = Math.round(m / 60);
    if (h < 48) return h + " h ago";
    return Math.round(h / 24) + " days ago";
  }

  document.querySelectorAll("time[datetime]").forEach(function (t) {
    var at = Date.parse(t.getAttribute("datetime"));
    if (!isNaN(at)) {
      t.title = ago(now - at) + " (" + new Date(at).toLocaleString() + " local time)";
      t.setAttribute("data-ago", ago(now - at));
    }
  });

  document.querySelectorAll("figure.chart").forEach(function (fig) {
    fig.querySelectorAll("ul.legend li[data-series]").forEach(function (li) {
      li.title = "show or hide this outlet";
      li.addEventListener("click", function () {
        var off = li.classList.toggle("off");
        fig.querySelectorAll("g.series").forEach(function (g) {
          if (g.getAttribute("data-series") === li.getAttribute("data-series")) g.classList.toggle("off", off);
        });
      });
    });
  });

  var stats = document.getElementById("diff-stats");
  if (stats) {
    var removed = document.querySelectorAll("table.diff del").length;
    var added = document.querySelectorAll("table.diff ins").length;
    stats.textContent = removed + " passage(s) removed, " + added + " passage(s) added";
  }
  document.documentElement.setAttribute("data-js", "ready");
})();
