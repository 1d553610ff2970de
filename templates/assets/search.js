// Site search on the index the build writes (search-index.js). Every word typed must appear in
// a page's title, summary or text; title matches rank first. No outside service, no libraries.
(function () {
  "use strict";
  var pages = window.BOARDPRESS_SEARCH || [];
  var form = document.getElementById("search-page-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !list || !status) return;

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function excerpt(text, term) {
    var at = text.toLowerCase().indexOf(term);
    if (at < 0) return text.slice(0, 180);
    var start = Math.max(0, at - 70);
    return (start > 0 ? "… " : "") + text.slice(start, start + 180) + " …";
  }

  function show(query) {
    var terms = words(query);
    list.textContent = "";
    if (!terms.length) {
      status.textContent = "";
      return;
    }
    var found = [];
    pages.forEach(function (page) {
      var title = page.title.toLowerCase();
      var body = (page.summary + " " + page.text).toLowerCase();
      var phrase = terms.join(" ");
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        if (title.indexOf(terms[i]) >= 0) score += 10;
        else if (body.indexOf(terms[i]) >= 0) score += 1;
        else return;
      }
      if (body.indexOf(phrase) >= 0 || title.indexOf(phrase) >= 0) score += 5;
      found.push({ page: page, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); });
    var root = document.querySelector('link[rel="stylesheet"]').getAttribute("href").replace(/assets\/style\.css$/, "");
    found.forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "search-results__item";
      var link = document.createElement("a");
      link.href = root + hit.page.url;
      link.textContent = hit.page.title;
      var text = document.createElement("p");
      text.textContent = excerpt(hit.page.text, terms[0]);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    status.textContent = found.length === 1 ? "1 page found" : found.length + " pages found";
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  form.value = query;
  show(query);
  form.addEventListener("input", function () { show(form.value); });
})();
