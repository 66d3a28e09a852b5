/* The decisions checklist's saved state, in the browser and in files: one format for
 * the checklist (checklist.js) and the model chooser (chooser.js), which writes its
 * result into it.
 *
 * Version 2: {"format": "peerguide-checklist", "version": 2, "ticked": [ids],
 *             "answers": {id: text}, "organisation": text}
 * Version 1 had only "ticked"; before that, a bare list of ids. Both are still read.
 * Everything is keyed by item id, so reordering or adding items moves nothing, and
 * every language of the guide shows the same state. Text is only ever shown as text.
 * It also holds what both scripts share: filling message templates, today's date, and
 * starting them once this file has run (window.PeerguideWhenStore).
 */
(function () {
  "use strict";

  var KEY = "peerguide:checklist";
  var FORMAT = "peerguide-checklist";
  var VERSION = 2;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,15}$/;
  var MAX_IDS = 1000; // far more than any checklist; a longer list is not one of ours
  var MAX_ANSWER = 4000; // characters, as the answer fields allow
  var MAX_ORGANISATION = 200;

  function empty() {
    return { ticked: [], answers: {}, organisation: "" };
  }

  function isId(value) {
    return typeof value === "string" && ID.test(value);
  }

  /* The browser's storage, or null when it is blocked (the checklist then works for the visit). */
  function open() {
    try {
      var storage = window.localStorage;
      var probe = KEY + ":probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  /* A stored value, read leniently (it is our own): what cannot be read is left out.
     null when nothing can be read at all. */
  function fromStored(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    var state = empty();
    var ticked = Array.isArray(data) ? data : data && Array.isArray(data.ticked) ? data.ticked : null;
    if (!ticked) return null;
    state.ticked = ticked.filter(isId);
    if (data && data.answers && typeof data.answers === "object" && !Array.isArray(data.answers)) {
      Object.keys(data.answers).forEach(function (id) {
        if (isId(id) && typeof data.answers[id] === "string" && data.answers[id]) {
          state.answers[id] = data.answers[id].slice(0, MAX_ANSWER);
        }
      });
    }
    if (data && typeof data.organisation === "string") state.organisation = data.organisation.slice(0, MAX_ORGANISATION);
    return state;
  }

  /* A saved file, read strictly: {state} or {problem} (the name of the message to show).
     Nothing is taken from a file with any entry that is not an item id or a text, from
     another program, or from a newer version of the guide. */
  function fromFile(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { problem: "ImportFailed" };
    }
    var state = empty();
    var ticked;
    if (Array.isArray(data)) {
      ticked = data; // the first, bare format
      state.answers = null; // says nothing about answers: those there are kept
    } else if (data && typeof data === "object" && data.format === FORMAT) {
      if (typeof data.version !== "number" || data.version < 1 || Math.floor(data.version) !== data.version) {
        return { problem: "ImportFailed" };
      }
      if (data.version > VERSION) return { problem: "ImportNewer" };
      if (!Array.isArray(data.ticked)) return { problem: "ImportFailed" };
      ticked = data.ticked;
      if (data.version === 1) {
        state.answers = null;
      } else {
        var answers = data.answers === undefined ? {} : data.answers;
        if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { problem: "ImportInvalid" };
        var ids = Object.keys(answers);
        if (ids.length > MAX_IDS) return { problem: "ImportTooLarge" };
        for (var i = 0; i < ids.length; i++) {
          if (!isId(ids[i]) || typeof answers[ids[i]] !== "string") return { problem: "ImportInvalid" };
          if (answers[ids[i]].length > MAX_ANSWER) return { problem: "ImportTooLarge" };
          if (answers[ids[i]]) state.answers[ids[i]] = answers[ids[i]];
        }
        if (data.organisation !== undefined) {
          if (typeof data.organisation !== "string") return { problem: "ImportInvalid" };
          if (data.organisation.length > MAX_ORGANISATION) return { problem: "ImportTooLarge" };
          state.organisation = data.organisation;
        }
      }
    } else {
      return { problem: "ImportFailed" };
    }
    if (ticked.length > MAX_IDS) return { problem: "ImportTooLarge" };
    for (var j = 0; j < ticked.length; j++) {
      if (!isId(ticked[j])) return { problem: "ImportInvalid" };
    }
    state.ticked = ticked.slice();
    return { state: state };
  }

  function serialise(state) {
    var answers = {};
    Object.keys(state.answers).sort().forEach(function (id) {
      if (state.answers[id]) answers[id] = state.answers[id];
    });
    return JSON.stringify({
      format: FORMAT, version: VERSION, ticked: state.ticked.slice().sort(), answers: answers,
      organisation: state.organisation || ""
    });
  }

  /* {state, unreadable}: what the browser keeps (an empty state when nothing is kept). */
  function read(storage) {
    if (!storage) return { state: empty(), unreadable: null };
    var raw = storage.getItem(KEY);
    if (raw === null) return { state: empty(), unreadable: null };
    var state = fromStored(raw);
    return state ? { state: state, unreadable: null } : { state: empty(), unreadable: raw };
  }

  /* Keep `state`; false when the browser refuses (storage full or turned off). */
  function write(storage, state) {
    if (!storage) return false;
    try {
      storage.setItem(KEY, serialise(state));
      return true;
    } catch (error) {
      return false;
    }
  }

  /* Text for both pages' messages: "{name}" placeholders filled from `values`. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  /* Today's date, written out in the page's language; the guide's English is British
     ("23 November 2026"). */
  function today() {
    var lang = document.documentElement.lang || "en";
    return new Date().toLocaleDateString(lang === "en" ? "en-GB" : lang, { year: "numeric", month: "long", day: "numeric" });
  }

  window.PeerguideChecklistStore = {
    KEY: KEY, VERSION: VERSION, MAX_ANSWER: MAX_ANSWER, MAX_ORGANISATION: MAX_ORGANISATION,
    empty: empty, open: open, fromStored: fromStored, fromFile: fromFile, serialise: serialise,
    read: read, write: write, fill: fill, today: today
  };

  /* checklist.js and chooser.js start through window.PeerguideWhenStore.push(start). A
     page loads this file first, but Material's instant navigation inserts a new page's
     scripts all at once and each runs when it arrives: a script that came first has left
     its start in a list, run now; from here on, push runs a start at once. */
  var waiting = Array.isArray(window.PeerguideWhenStore) ? window.PeerguideWhenStore : [];
  window.PeerguideWhenStore = { push: function (start) { start(); } };
  waiting.forEach(function (start) { start(); });
})();
