/* The decisions checklist (checklist.md and any page with <!-- checklist:list -->).
 *
 * The page already holds real checkboxes, so the list works without this
 * script. The script adds:
 *   - ticks kept in localStorage, by item id: reordering or adding items never
 *     moves a tick, and every language of the guide shows the same ticks;
 *   - a progress line announced to screen readers;
 *   - print (with the date), save to and load from a JSON file, and clear.
 * Stored data that is unreadable, from an older version or that names items
 * this page does not have never raises an error: unknown ids are kept but not
 * shown, and an unreadable value is set aside under a second key.
 * It initialises on every page view, including Material's instant navigation,
 * without adding listeners twice.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "peerguide:checklist";
  var FORMAT = "peerguide-checklist";
  var VERSION = 1;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,15}$/;
  var MAX_IDS = 1000; // far more than any checklist; a longer list is not one of ours
  var MAX_FILE = 1024 * 1024; // bytes

  var current = null; // the checklist on the page now shown

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  /* A plural label ({"one": "...", "other": "..."}, by CLDR category) for `count`. */
  function plural(forms, count) {
    var choices;
    try {
      choices = JSON.parse(forms);
    } catch (error) {
      choices = { other: forms };
    }
    var category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
    return fill(choices[category] || choices.other, { count: count });
  }

  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = STORAGE_KEY + ":probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null; // blocked, private mode or full: the checklist works for this visit
    }
  }

  /* The ticked ids in a stored value, or null if it cannot be read.
     Version 1: {"format": ..., "version": 1, "ticked": [ids]}. Before that: a bare array. */
  function readTicks(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    var ids = Array.isArray(data) ? data : data && Array.isArray(data.ticked) ? data.ticked : null;
    if (!ids) return null;
    return ids.filter(function (id) { return typeof id === "string" && ID.test(id); });
  }

  /* A saved file (or stored value) read strictly: {ids} or {problem}. Nothing is taken
     from a file with any entry that is not an item id, from another program, or from a
     newer version of the guide. */
  function parseFile(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { problem: "ImportFailed" };
    }
    var ids;
    if (Array.isArray(data)) {
      ids = data; // the first, bare format
    } else if (data && typeof data === "object" && data.format === FORMAT) {
      if (typeof data.version !== "number" || data.version < 1 || Math.floor(data.version) !== data.version) {
        return { problem: "ImportFailed" };
      }
      if (data.version > VERSION) return { problem: "ImportNewer" };
      if (!Array.isArray(data.ticked)) return { problem: "ImportFailed" };
      ids = data.ticked;
    } else {
      return { problem: "ImportFailed" };
    }
    if (ids.length > MAX_IDS) return { problem: "ImportTooLarge" };
    for (var i = 0; i < ids.length; i++) {
      if (typeof ids[i] !== "string" || !ID.test(ids[i])) return { problem: "ImportInvalid" };
    }
    return { ids: ids.slice() };
  }

  function serialise(ticked) {
    return JSON.stringify({ format: FORMAT, version: VERSION, ticked: Array.from(ticked).sort() });
  }

  function Checklist(root) {
    this.root = root;
    this.text = root.dataset;
    this.boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-pg-item]"));
    this.progress = root.querySelector("[data-pg-progress]");
    this.message = root.querySelector("[data-pg-message]");
    this.date = root.querySelector("[data-pg-date]");
    this.fileInput = root.querySelector("[data-pg-import]");
    this.storage = openStorage();
    this.ticked = new Set(this.load());

    var self = this;
    this.boxes.forEach(function (box) {
      box.addEventListener("change", function () { self.toggle(box.dataset.pgItem, box.checked); });
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-pg-action]");
      if (button) self[button.dataset.pgAction]();
    });
    this.fileInput.addEventListener("change", function () { self.readFile(self.fileInput.files[0]); });

    root.hidden = false;
    if (!this.storage) this.say(this.text.textStorageOff);
    this.show();
  }

  Checklist.prototype.load = function () {
    if (!this.storage) return [];
    var raw = this.storage.getItem(STORAGE_KEY);
    if (raw === null) return [];
    var ids = readTicks(raw);
    if (ids === null) {
      // Keep what we could not read, in case it matters to someone, and start afresh.
      try { this.storage.setItem(STORAGE_KEY + ":unreadable", raw); } catch (error) { /* nothing to lose */ }
      return [];
    }
    return ids;
  };

  /* Store the ticks; false if the browser refused (storage full, or turned off). */
  Checklist.prototype.save = function () {
    if (!this.storage) return false;
    try {
      this.storage.setItem(STORAGE_KEY, serialise(this.ticked));
      return true;
    } catch (error) {
      this.storage = null;
      this.say(this.text.textStorageOff);
      return false;
    }
  };

  Checklist.prototype.show = function () {
    var self = this;
    this.boxes.forEach(function (box) { box.checked = self.ticked.has(box.dataset.pgItem); });
    this.updateProgress();
  };

  Checklist.prototype.updateProgress = function () {
    var done = this.boxes.filter(function (box) { return box.checked; }).length;
    this.progress.textContent = fill(this.text.textProgress, { done: done, total: this.boxes.length });
  };

  Checklist.prototype.toggle = function (id, checked) {
    if (checked) this.ticked.add(id); else this.ticked.delete(id);
    this.save();
    this.updateProgress();
  };

  Checklist.prototype.say = function (text) {
    this.message.textContent = text;
  };

  /* Another tab changed the ticks. */
  Checklist.prototype.reload = function () {
    this.ticked = new Set(this.load());
    this.show();
  };

  Checklist.prototype.print = function () {
    window.print();
  };

  Checklist.prototype.export = function () {
    var data = JSON.parse(serialise(this.ticked));
    data.saved = new Date().toISOString();
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "peer-support-checklist-" + data.saved.slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  Checklist.prototype.import = function () {
    this.fileInput.value = "";
    this.fileInput.click();
  };

  Checklist.prototype.readFile = function (file) {
    if (!file) return;
    var self = this;
    if (file.size > MAX_FILE) {
      this.say(this.text.textImportTooLarge);
      return;
    }
    file.text().then(function (text) {
      self.takeFile(parseFile(text));
    }, function () {
      self.say(self.text.textImportFailed);
    });
  };

  /* Take the ticks of a read file, or say why not. All or nothing. */
  Checklist.prototype.takeFile = function (result) {
    if (result.problem) {
      this.say(this.text["text" + result.problem]);
      return;
    }
    if (!result.ids.length && this.ticked.size && !window.confirm(this.text.textImportEmptyConfirm)) {
      this.say(this.text.textImportCancelled);
      return;
    }
    var previous = this.ticked;
    this.ticked = new Set(result.ids);
    if (this.storage && !this.tryStore()) {
      this.ticked = previous; // the browser would not keep them: keep the ticks it has
      this.say(this.text.textImportNotStored);
      return;
    }
    this.show();
    var known = this.boxes.filter(function (box) { return box.checked; }).length;
    this.say(plural(this.text.textImported, known));
  };

  /* Like save(), but a refusal leaves storage on and the stored ticks as they were. */
  Checklist.prototype.tryStore = function () {
    try {
      this.storage.setItem(STORAGE_KEY, serialise(this.ticked));
      return true;
    } catch (error) {
      return false;
    }
  };

  Checklist.prototype.reset = function () {
    if (!window.confirm(this.text.textResetConfirm)) return;
    this.ticked.clear();
    this.save();
    this.show();
    this.say(this.text.textCleared);
  };

  /* Printing, from the button or the browser's menu: the date, and the help texts open. */
  Checklist.prototype.beforePrint = function () {
    var lang = document.documentElement.lang || undefined;
    var today = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    this.date.textContent = fill(this.text.textPrintedOn, { date: today });
    this.opened = Array.prototype.filter.call(
      document.querySelectorAll(".pg-checklist__help:not([open])"),
      function (details) { details.open = true; return true; }
    );
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
    if (current && event.key === STORAGE_KEY) current.reload();
  });
  window.addEventListener("beforeprint", function () { if (current) current.beforePrint(); });
  window.addEventListener("afterprint", function () { if (current) current.afterPrint(); });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material: every page view, also with instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
