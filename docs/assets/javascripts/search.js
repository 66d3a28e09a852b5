/* Search the guide: a dialog in the header, backed by Pagefind.
 *
 * The build indexes every translated page with Pagefind, one index per language
 * (hooks/search_index.py). Nothing is loaded until the reader opens the dialog;
 * then Pagefind's script loads the index of this page's language (it reads
 * <html lang>) and fetches only the fragments a search needs. Results therefore
 * come from this language only, each page once.
 *
 * Result excerpts come from Pagefind as HTML with <mark> around the matches;
 * they are rebuilt here as text and <mark> elements only, so nothing in a page's
 * text can become markup.
 *
 * From file:// (the offline copy) Pagefind cannot load. There the same dialog searches
 * with MiniSearch: the offline copy holds one index script per language
 * (assets/offline-search/<lang>.js, hooks/offline_copy.py) with the language's pages
 * and the Snowball stem of every word in them, loaded with the library only when the
 * reader opens the dialog. Results come from this language only, word endings matched
 * by stem, as online.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var MIN_LENGTH = 2;

  var dialog = document.querySelector("[data-pg-search]");
  var opener = document.querySelector("[data-pg-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;

  var input = dialog.querySelector("[data-pg-search-input]");
  var form = dialog.querySelector("[data-pg-search-form]");
  var status = dialog.querySelector("[data-pg-search-status]");
  var list = dialog.querySelector("[data-pg-search-results]");
  var more = dialog.querySelector("[data-pg-search-more]");
  var text = dialog.dataset;
  var english = (text.english || "").split(" ");
  var results = [];
  var shown = 0;
  var latest = 0; // the number of the latest search: older answers are dropped
  var timer = null;
  var pagefind = null; // a promise of the loaded Pagefind module
  var offline = window.location.protocol === "file:";
  var offlineIndex = null; // from file://: a promise of the language's MiniSearch index

  function say(name, count) {
    var message = text["text" + name.charAt(0).toUpperCase() + name.slice(1)] || "";
    if (name === "results") {
      var forms = JSON.parse(message);
      var category = new Intl.PluralRules(document.documentElement.lang).select(count);
      message = (forms[category] || forms.other).replace("{count}", String(count));
    }
    status.textContent = message;
    status.setAttribute("data-pg-state", name); // hint, results, none, failed: what the status says
    // A label shown in English for want of a translation is marked as English.
    if (english.indexOf(name) !== -1) status.lang = "en"; else status.removeAttribute("lang");
  }

  function load() {
    if (!pagefind) {
      var root = new URL(text.siteRoot, window.location.href).pathname;
      pagefind = import(new URL(text.pagefind, window.location.href).href).then(function (module) {
        return Promise.resolve(module.options({ baseUrl: root, excerptLength: 24 }))
          .then(function () { return module.init(); })
          .then(function () { return module; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = src;
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  /* The offline copy's index of this page's language, searched by MiniSearch. */
  function loadOffline() {
    if (!offlineIndex) {
      var lang = document.documentElement.lang;
      var folder = new URL(text.siteRoot + "assets/offline-search/", window.location.href).href;
      offlineIndex = (window.MiniSearch ? Promise.resolve() : script(folder + "minisearch.js"))
        .then(function () { return script(folder + lang + ".js"); })
        .then(function () {
          var data = (window.PeerguideOfflineIndex || {})[lang];
          if (!data || !window.MiniSearch) throw new Error("no offline index for " + lang);
          var stem = function (term) {
            term = term.toLowerCase();
            return Object.prototype.hasOwnProperty.call(data.stems, term) ? data.stems[term] : term;
          };
          var index = new window.MiniSearch({
            fields: ["title", "text"], storeFields: ["url", "title", "text"], processTerm: stem,
            searchOptions: { prefix: true, boost: { title: 3 }, combineWith: "AND" }
          });
          index.addAll(data.documents);
          return { index: index, stem: stem };
        });
      offlineIndex.catch(function () { offlineIndex = null; });
    }
    return offlineIndex;
  }

  /* An offline result's excerpt: words around its first match, the matches in <mark>. */
  function offlineExcerpt(textOfPage, stems, stem) {
    var words = textOfPage.split(/\s+/);
    var matches = function (word) {
      var clean = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      return clean && stems.indexOf(stem(clean)) !== -1;
    };
    var first = Math.max(0, words.findIndex(matches));
    var out = document.createDocumentFragment();
    words.slice(Math.max(0, first - 8), first + 16).forEach(function (word, index) {
      if (index) out.appendChild(document.createTextNode(" "));
      if (matches(word)) out.appendChild(document.createElement("mark")).textContent = word;
      else out.appendChild(document.createTextNode(word));
    });
    return out;
  }

  function offlineItem(result, stem) {
    var li = document.createElement("li");
    li.className = "pg-search__result";
    var link = li.appendChild(document.createElement("a"));
    link.href = new URL(text.siteRoot + result.url, window.location.href).href;
    link.className = "pg-search__title";
    link.textContent = result.title;
    var summary = li.appendChild(document.createElement("p"));
    summary.className = "pg-search__excerpt";
    summary.appendChild(offlineExcerpt(result.text, result.terms, stem));
    return li;
  }

  /* Pagefind's excerpt (HTML) as DOM nodes: text and <mark> only. */
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.nodeValue));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.tagName === "MARK") copy(node, to.appendChild(document.createElement("mark")));
          else copy(node, to);
        }
      });
    })(parsed.body, out);
    return out;
  }

  /* Only links within the site: Pagefind gives paths from the site's root. */
  function safe(url) {
    return typeof url === "string" && /^\/(?!\/)/.test(url) ? url : null;
  }

  function item(data) {
    var href = safe(data.url);
    if (!href) return null;
    var li = document.createElement("li");
    li.className = "pg-search__result";
    var link = li.appendChild(document.createElement("a"));
    link.href = href;
    link.className = "pg-search__title";
    link.textContent = (data.meta && data.meta.title) || href;
    var summary = li.appendChild(document.createElement("p"));
    summary.className = "pg-search__excerpt";
    summary.appendChild(excerpt(data.excerpt || ""));
    var sections = (data.sub_results || []).filter(function (sub) {
      return safe(sub.url) && sub.url.indexOf("#") !== -1 && sub.title !== link.textContent;
    }).slice(0, 3);
    if (sections.length) {
      var sub = li.appendChild(document.createElement("ul"));
      sub.className = "pg-search__sections";
      sections.forEach(function (section) {
        var a = sub.appendChild(document.createElement("li")).appendChild(document.createElement("a"));
        a.href = safe(section.url);
        a.textContent = section.title;
      });
    }
    return li;
  }

  function showMore(search) {
    var batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = shown >= results.length;
    if (offline) {
      return loadOffline().then(function (loaded) {
        if (search !== latest) return;
        batch.forEach(function (result) { list.appendChild(offlineItem(result, loaded.stem)); });
      });
    }
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (search !== latest) return;
      pages.forEach(function (data) {
        var li = item(data);
        if (li) list.appendChild(li);
      });
    });
  }

  function run(query) {
    var search = ++latest;
    list.textContent = "";
    more.hidden = true;
    results = [];
    shown = 0;
    status.setAttribute("data-pg-state", "searching");
    if (query.trim().length < MIN_LENGTH) {
      say("hint");
      return;
    }
    var searching = offline
      ? loadOffline().then(function (loaded) { return { results: loaded.index.search(query) }; })
      : load().then(function (module) { return module.search(query); });
    searching.then(function (answer) {
      if (search !== latest || !answer) return;
      results = answer.results;
      if (!results.length) {
        say("none");
        return;
      }
      say("results", results.length);
      return showMore(search);
    }).catch(function () {
      if (search === latest) say("failed");
    });
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    if (!input.value) say("hint");
    (offline ? loadOffline() : load()).catch(function () { say("failed"); });
  }

  opener.addEventListener("click", open);
  dialog.querySelector("[data-pg-search-close]").addEventListener("click", function () { dialog.close(); });
  // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", function () { opener.focus(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  more.addEventListener("click", function () { showMore(latest); });
  // "/" opens search, unless the reader is typing somewhere.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
})();
