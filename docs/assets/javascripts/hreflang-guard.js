/* Keep Material's "stay on page" language script from causing 404 requests.
 *
 * When a page loads, Material's bundle requests <alternate>/sitemap.xml for
 * every <link rel="alternate" hreflang> in the head. mkdocs-static-i18n points
 * those links at the same page in each language, where there is no
 * sitemap.xml, so each page view would make six failing requests. The
 * language selector does not need them: static-i18n already writes the same
 * page in every language into it. Loaded before the bundle (overrides/main.html),
 * this hides the links from the bundle's first look and then puts them back
 * unchanged, so crawlers and other scripts still find them.
 *
 * With Material's instant navigation (off on this site: it also breaks the
 * page-aware language switcher) the bundle reads the links again on every
 * page view, and hiding them at load would disturb that navigation: the guard
 * then stands aside.
 */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  try {
    if (config && JSON.parse(config.textContent).features.indexOf("navigation.instant") !== -1) return;
  } catch (error) {
    /* no readable configuration: guard as usual */
  }
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  Array.prototype.forEach.call(links, function (link) { link.setAttribute("rel", "alternate-pending"); });
  // The bundle reads the links in its own DOMContentLoaded handler, which is
  // registered after this one; restore them once all handlers have run.
  document.addEventListener("DOMContentLoaded", function () {
    setTimeout(function () {
      Array.prototype.forEach.call(links, function (link) { link.setAttribute("rel", "alternate"); });
    }, 0);
  }, { once: true });
})();
