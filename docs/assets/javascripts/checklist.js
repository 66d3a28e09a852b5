/* The decisions checklist (checklist.md and any page with <!-- checklist:list -->).
 *
 * The page already holds real checkboxes and answer fields, so the list can be read,
 * ticked, filled in and printed without this script. The script adds:
 *   - ticks, answers and the organisation's name kept in the browser, by item id
 *     (checklist-store.js holds the format): every language shows the same checklist;
 *   - a progress line announced to screen readers;
 *   - print (with the organisation, the date, the answers and the guide's address),
 *     save to and load from a file, and clear (after asking).
 * Stored data that is unreadable, older or names items this page does not have never
 * raises an error: unknown ids are kept but not shown, and an unreadable value is set
 * aside under a second key. A full or blocked storage loses nothing on the page and
 * says so. It initialises on every page view, including Material's instant
 * navigation, without adding listeners twice: instant navigation runs this file again
 * on each visit to a page that loads it, and only the first run acts.
 */
(function () {
  "use strict";

  if (window.PeerguideChecklistScript) return;
  window.PeerguideChecklistScript = true;

  var Store = null; // window.PeerguideChecklistStore, once checklist-store.js has run

  var current = null; // the checklist on the page now shown

  /* A plural label ({"one": "...", "other": "..."}, by CLDR category) for `count`. */
  function plural(forms, count) {
    var choices;
    try {
      choices = JSON.parse(forms);
    } catch (error) {
      choices = { other: forms };
    }
    var category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
    return Store.fill(choices[category] || choices.other, { count: count });
  }

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function Checklist(root) {
    this.root = root;
    this.text = root.dataset;
    this.boxes = all("input[data-pg-item]");
    this.fields = all("textarea[data-pg-answer]");
    this.organisation = root.querySelector("[data-pg-organisation]");
    this.progress = root.querySelector("[data-pg-progress]");
    this.message = root.querySelector("[data-pg-message]");
    this.date = root.querySelector("[data-pg-date]");
    this.fileInput = root.querySelector("[data-pg-import]");
    this.storage = Store.open();
    this.state = this.load();
    this.timer = null;

    var self = this;
    this.boxes.forEach(function (box) {
      box.addEventListener("change", function () { self.toggle(box.dataset.pgItem, box.checked); });
    });
    this.fields.forEach(function (field) {
      field.addEventListener("input", function () {
        self.state.answers[field.dataset.pgAnswer] = field.value;
        self.fit(field);
        self.saveSoon();
      });
    });
    this.organisation.addEventListener("input", function () {
      self.state.organisation = self.organisation.value;
      self.saveSoon();
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-pg-action]");
      if (button) self[button.dataset.pgAction]();
    });
    this.fileInput.addEventListener("change", function () { self.readFile(self.fileInput.files[0]); });

    if (!this.storage) this.say(this.text.textStorageOff);
    this.show();
  }

  Checklist.prototype.load = function () {
    var stored = Store.read(this.storage);
    if (stored.unreadable !== null) {
      // Keep what we could not read, in case it matters to someone, and start afresh.
      try { this.storage.setItem(Store.KEY + ":unreadable", stored.unreadable); } catch (error) { /* nothing to lose */ }
    }
    return stored.state;
  };

  /* Keep the state; when the browser refuses, nothing on the page is lost and it says so. */
  Checklist.prototype.save = function () {
    clearTimeout(this.timer);
    if (!this.storage) return false;
    if (Store.write(this.storage, this.state)) {
      if (this.unsaved) this.say("");
      this.unsaved = false;
      return true;
    }
    this.unsaved = true;
    this.say(this.text.textNotSaved);
    return false;
  };

  /* Typing saves a moment after the last key, not on every key. */
  Checklist.prototype.saveSoon = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.save(); }, 300);
  };

  Checklist.prototype.show = function () {
    var ticked = new Set(this.state.ticked);
    var answers = this.state.answers;
    this.boxes.forEach(function (box) { box.checked = ticked.has(box.dataset.pgItem); });
    var self = this;
    this.fields.forEach(function (field) { field.value = answers[field.dataset.pgAnswer] || ""; self.fit(field); });
    this.organisation.value = this.state.organisation || "";
    this.updateProgress();
  };

  Checklist.prototype.updateProgress = function () {
    var done = this.boxes.filter(function (box) { return box.checked; }).length;
    this.progress.textContent = Store.fill(this.text.textProgress, { done: done, total: this.boxes.length });
  };

  Checklist.prototype.toggle = function (id, checked) {
    var ticked = this.state.ticked.filter(function (other) { return other !== id; });
    if (checked) ticked.push(id);
    this.state.ticked = ticked;
    this.save();
    this.updateProgress();
  };

  Checklist.prototype.say = function (text) {
    this.message.textContent = text;
  };

  /* Another tab changed the checklist. */
  Checklist.prototype.reload = function () {
    this.state = this.load();
    this.show();
  };

  Checklist.prototype.print = function () {
    window.print();
  };

  Checklist.prototype.export = function () {
    var data = JSON.parse(Store.serialise(this.state));
    data.saved = new Date().toISOString();
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = this.fileName(data.saved.slice(0, 10));
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  /* "nsph-checklista-sv-2026-12-07.json": whose, in which language, from when. */
  Checklist.prototype.fileName = function (day) {
    var slug = function (value) {
      return (value || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    };
    var parts = [slug(this.state.organisation), slug(this.text.textFileName) || "checklist",
                 document.documentElement.lang, day];
    return parts.filter(Boolean).join("-") + ".json";
  };

  /* Answer fields grow with their text (CSS field-sizing where the browser has it). */
  Checklist.prototype.fit = function (field) {
    if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) return;
    field.style.height = "auto";
    field.style.height = field.scrollHeight + 2 + "px";
  };

  Checklist.prototype.import = function () {
    this.fileInput.value = "";
    this.fileInput.click();
  };

  Checklist.prototype.readFile = function (file) {
    if (!file) return;
    var self = this;
    if (file.size > 1024 * 1024) {
      this.say(this.text.textImportTooLarge);
      return;
    }
    file.text().then(function (text) {
      self.takeFile(Store.fromFile(text));
    }, function () {
      self.say(self.text.textImportFailed);
    });
  };

  /* Take the state of a read file, or say why not. All or nothing. */
  Checklist.prototype.takeFile = function (result) {
    if (result.problem) {
      this.say(this.text["text" + result.problem]);
      return;
    }
    var next = result.state;
    if (next.answers === null) {
      // A file of the first versions has no answers: the ones here stay.
      next.answers = this.state.answers;
      next.organisation = this.state.organisation;
    }
    // A file without a tick of this checklist (none, or only ids of items it does not have)
    // would clear the ticks here, and one that holds nothing for it everything: ask, as for
    // an empty file.
    var clearsTicks = !this.knownTicks(next) && this.knownTicks(this.state);
    var clearsAll = !this.holdsAnything(next) && this.holdsAnything(this.state);
    if ((clearsTicks || clearsAll) && !window.confirm(this.text.textImportEmptyConfirm)) {
      this.say(this.text.textImportCancelled);
      return;
    }
    if (this.storage && !Store.write(this.storage, next)) {
      this.say(this.text.textImportNotStored); // the browser would not keep it: keep what it has
      return;
    }
    this.state = next;
    this.show();
    var known = this.boxes.filter(function (box) { return box.checked; }).length;
    this.say(plural(this.text.textImported, known));
  };

  /* How many of this page's items a state ticks. */
  Checklist.prototype.knownTicks = function (state) {
    return this.boxes.filter(function (box) { return state.ticked.indexOf(box.dataset.pgItem) >= 0; }).length;
  };

  /* Whether a state has a tick, an answer or a name for this page's checklist. */
  Checklist.prototype.holdsAnything = function (state) {
    var answers = state.answers || {};
    return this.knownTicks(state) > 0 || this.boxes.some(function (box) {
      return Boolean((answers[box.dataset.pgItem] || "").trim());
    }) || Boolean((state.organisation || "").trim());
  };

  Checklist.prototype.reset = function () {
    if (!window.confirm(this.text.textResetConfirm)) return;
    this.state = Store.empty();
    this.save();
    this.show();
    this.say(this.text.textCleared);
  };

  /* Printing, from the button or the browser's menu: a document to bring to a meeting,
     with the organisation, the date, the answers as text and the guide's address. */
  Checklist.prototype.beforePrint = function () {
    this.date.textContent = Store.fill(this.text.textPrintedOn, { date: Store.today() });
    var name = this.root.querySelector("[data-pg-print-organisation]");
    name.textContent = this.state.organisation ? Store.fill(this.text.textPrintOrganisation, { name: this.state.organisation }) : "";
    // Only a site built for a public address names it (a local build would print 127.0.0.1).
    var address = this.root.querySelector("[data-pg-print-address]");
    var canonical = document.querySelector("link[rel=canonical]");
    if (address && canonical) address.textContent = Store.fill(this.text.textPrintAddress, { url: canonical.href });
    var answers = this.state.answers;
    all("[data-pg-print-answer]").forEach(function (box) {
      box.textContent = answers[box.dataset.pgPrintAnswer] || "";
    });
    this.opened = all(".pg-checklist__help:not([open])").filter(function (details) {
      details.open = true;
      return true;
    });
  };

  Checklist.prototype.afterPrint = function () {
    (this.opened || []).forEach(function (details) { details.open = false; });
    this.opened = [];
  };

  function init() {
    var root = document.querySelector("[data-pg-checklist]");
    // A page without a checklist, or one already set up (the same document seen twice).
    if (!root || root.dataset.pgReady) {
      current = root ? current : null;
      return;
    }
    root.dataset.pgReady = "true";
    current = new Checklist(root);
  }

  // Listeners on window are added once; they act on whichever checklist is shown.
  window.addEventListener("storage", function (event) {
    if (current && event.key === Store.KEY) current.reload();
  });
  window.addEventListener("beforeprint", function () { if (current) current.beforePrint(); });
  window.addEventListener("afterprint", function () { if (current) current.afterPrint(); });
  // Leaving the page before the last keystrokes were saved: save them now.
  window.addEventListener("pagehide", function () { if (current && current.timer) current.save(); });

  // checklist-store.js runs this once it is there (it may arrive after this file).
  (window.PeerguideWhenStore = window.PeerguideWhenStore || []).push(function () {
    Store = window.PeerguideChecklistStore;
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init); // Material: every page view, also with instant navigation
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  });
})();
