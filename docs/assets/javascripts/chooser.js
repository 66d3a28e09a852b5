/* "Which model fits us?": the model chooser, one question at a time.
 *
 * The page holds the whole form and every part of the result, built from
 * docs/data/chooser.yml; this script only shows and hides them, so nothing becomes
 * markup here. The rules are those of hooks/peerguide/chooser.py:
 *   - the result is the models that every answer fits (an answer without data-fits
 *     leaves every model);
 *   - when the answers leave no model, the question named by data-decides decides,
 *     and the result says so.
 * The result can be written into the checklist ("Choose the model", ticked, with the
 * models and the date added to what the answer already says: nothing the reader wrote is
 * removed), through checklist-store.js. The answers and the step live in the page's
 * address (?purpose=...&step=3: Back, reload and a shared link restore them) and in the
 * browser's storage (a later visit without them in the address). Material's instant
 * navigation runs this file again on each visit to a page that loads it: only the first
 * run acts, on every page view after it.
 */
(function () {
  "use strict";

  if (window.PeerguideChooserScript) return;
  window.PeerguideChooserScript = true;

  var Store = null; // window.PeerguideChecklistStore, once checklist-store.js has run

  var KEPT = "peerguide:chooser"; // the answers, in the browser's storage
  var RESULT = "result"; // the step after the last question

  function list(element, selector) {
    return Array.prototype.slice.call(element.querySelectorAll(selector));
  }

  function words(value) {
    return (value || "").split(" ").filter(Boolean);
  }

  function Chooser(root) {
    this.root = root;
    this.text = root.dataset;
    this.form = root.querySelector("[data-pg-chooser-form]");
    this.steps = list(root, "[data-pg-question]");
    this.stepLine = root.querySelector("[data-pg-step]");
    this.message = root.querySelector("[data-pg-chooser-message]");
    this.back = root.querySelector("[data-pg-back]");
    this.next = root.querySelector("[data-pg-next]");
    this.nextLabel = this.next.textContent;
    this.resultBox = root.querySelector("[data-pg-result]");
    this.written = root.querySelector("[data-pg-written]");
    this.item = root.dataset.pgModelItem; // the checklist item "Choose the model"
    this.current = 0;
    this.wroteThisResult = false;

    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.forward();
    });
    this.back.addEventListener("click", function () { self.show(self.current - 1, true); self.remember(true); });
    root.querySelector("[data-pg-restart]").addEventListener("click", function () { self.restart(); });
    root.querySelector("[data-pg-write]").addEventListener("click", function () { self.write(); });
    // "Open the checklist" carries the result: written first, unless it was already.
    root.querySelector("[data-pg-open-checklist]").addEventListener("click", function () {
      if (!self.wroteThisResult) self.write();
    });
    this.steps.forEach(function (step) {
      step.addEventListener("change", function () {
        self.message.textContent = "";
        self.remember(false);
      });
    });
    window.addEventListener("popstate", function () { self.restore(self.fromAddress(), false); });

    var kept = this.fromAddress();
    if (!kept.step) kept = this.fromStorage();
    this.restore(kept, false);
    if (kept.step) this.remember(false);
  }

  /* The answers and step in the page's address: ?purpose=personal-recovery&step=2. */
  Chooser.prototype.fromAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var answers = {};
    this.steps.forEach(function (step) {
      var question = step.dataset.pgQuestion;
      if (params.has(question)) answers[question] = params.get(question);
    });
    return { answers: answers, step: params.get("step") };
  };

  Chooser.prototype.fromStorage = function () {
    var storage = Store.open();
    try {
      var kept = storage && JSON.parse(storage.getItem(KEPT) || "null");
      if (kept && typeof kept.answers === "object" && kept.answers) return { answers: kept.answers, step: String(kept.step || "") };
    } catch (error) {
      // unreadable: start afresh
    }
    return { answers: {}, step: null };
  };

  /* Tick the kept answers (ids this page knows only) and go to the kept step. */
  Chooser.prototype.restore = function (kept, focus) {
    var self = this;
    this.steps.forEach(function (step) {
      var wanted = kept.answers[step.dataset.pgQuestion];
      list(step, "input").forEach(function (input) { input.checked = input.value === wanted; });
    });
    var answered = this.steps.every(function (step) { return self.chosen(step); });
    if (kept.step === RESULT && answered) {
      this.result(focus);
      return;
    }
    this.resultBox.hidden = true;
    this.form.hidden = false;
    var index = parseInt(kept.step, 10);
    var firstOpen = this.steps.findIndex(function (step) { return !self.chosen(step); });
    index = isNaN(index) ? 0 : index - 1;
    if (firstOpen !== -1) index = Math.min(index, firstOpen); // never past an unanswered question
    this.show(index, focus);
  };

  /* Keep the answers and the step: in the address (`step` true: a new entry in the
     history, for Back) and in the browser's storage. */
  Chooser.prototype.remember = function (step) {
    var self = this;
    var answers = {};
    var params = new URLSearchParams(window.location.search);
    this.steps.forEach(function (box) {
      var chosen = self.chosen(box);
      params.delete(box.dataset.pgQuestion);
      if (chosen) {
        answers[box.dataset.pgQuestion] = chosen.value;
        params.set(box.dataset.pgQuestion, chosen.value);
      }
    });
    var where = this.resultBox.hidden ? String(this.current + 1) : RESULT;
    params.set("step", where);
    var address = window.location.pathname + "?" + params.toString() + window.location.hash;
    try {
      if (step) window.history.pushState({ pgChooser: where }, "", address);
      else window.history.replaceState({ pgChooser: where }, "", address);
    } catch (error) {
      // an address the browser will not take (file:// in some browsers): storage only
    }
    var storage = Store.open();
    try {
      if (storage) storage.setItem(KEPT, JSON.stringify({ answers: answers, step: where }));
    } catch (error) {
      // storage full or off: the address keeps them
    }
  };

  /* Show question `index`; with `focus`, move the focus to its first answer (after a
     button press), so keyboard and screen reader users are where the question is. */
  Chooser.prototype.show = function (index, focus) {
    this.current = Math.max(0, Math.min(index, this.steps.length - 1));
    var self = this;
    this.steps.forEach(function (step, i) { step.hidden = i !== self.current; });
    this.back.hidden = this.current === 0;
    var last = this.current === this.steps.length - 1;
    this.next.textContent = last ? this.next.dataset.textLast : this.nextLabel;
    this.stepLine.textContent = Store.fill(this.text.textStep, { n: this.current + 1, total: this.steps.length });
    this.message.textContent = "";
    if (focus) {
      var step = this.steps[this.current];
      (step.querySelector("input:checked") || step.querySelector("input")).focus();
    }
  };

  Chooser.prototype.chosen = function (step) {
    return step.querySelector("input:checked");
  };

  Chooser.prototype.forward = function () {
    var step = this.steps[this.current];
    if (!this.chosen(step)) {
      this.message.textContent = this.text.textChoose;
      step.querySelector("input").focus();
      return;
    }
    if (this.current < this.steps.length - 1) this.show(this.current + 1, true);
    else this.result(true);
    this.remember(true);
  };

  /* The result of the answers; with `focus`, the focus moves to it and it scrolls into
     view below the sticky header (scroll-margin in peerguide.css). */
  Chooser.prototype.result = function (focus) {
    var self = this;
    var models = list(this.root, "[data-pg-model]").map(function (box) { return box.dataset.pgModel; });
    var fitting = models.slice();
    var answers = this.steps.map(function (step) { return self.chosen(step); });
    answers.forEach(function (answer) {
      var fits = words(answer.dataset.fits);
      if (fits.length) fitting = fitting.filter(function (model) { return fits.indexOf(model) !== -1; });
    });
    var conflict = fitting.length === 0;
    if (conflict) {
      var deciding = this.root.querySelector("[data-pg-question='" + this.text.decides + "'] input:checked");
      var decided = words(deciding.dataset.fits);
      fitting = models.filter(function (model) { return decided.indexOf(model) !== -1; });
    }
    this.fitting = fitting;

    this.root.querySelector("[data-pg-conflict]").hidden = !conflict;
    list(this.root, "[data-pg-model]").forEach(function (box) {
      box.hidden = fitting.indexOf(box.dataset.pgModel) === -1;
    });
    var reasons = answers.map(function (answer) {
      return answer.closest("[data-pg-question]").dataset.pgQuestion + ":" + answer.value;
    });
    // The answers the result rests on, and only the reasons that concern the models in it
    // (an answer that fits every model concerns them all).
    list(this.root, "[data-pg-given]").forEach(function (item) { item.hidden = false; });
    list(this.root, "[data-pg-given-answer]").forEach(function (item) {
      item.hidden = reasons.indexOf(item.dataset.pgGivenAnswer) === -1;
    });
    list(this.root, "[data-pg-reason]").forEach(function (item) {
      var fits = words(item.dataset.fits);
      var concerns = !fits.length || fits.some(function (model) { return fitting.indexOf(model) !== -1; });
      item.hidden = reasons.indexOf(item.dataset.pgReason) === -1 || !concerns;
    });
    // Checklist items the answers add, unless a model's list already shows them.
    var shown = [];
    list(this.root, "[data-pg-model]:not([hidden]) a[href*='#item-']").forEach(function (link) {
      shown.push(link.getAttribute("href").split("#item-")[1]);
    });
    var also = [];
    answers.forEach(function (answer) {
      words(answer.dataset.checklist).forEach(function (item) {
        if (shown.indexOf(item) === -1 && also.indexOf(item) === -1) also.push(item);
      });
    });
    list(this.root, "[data-pg-also]").forEach(function (item) { item.hidden = also.indexOf(item.dataset.pgAlso) === -1; });
    this.root.querySelector("[data-pg-also-list]").hidden = also.length === 0;

    this.written.textContent = "";
    this.wroteThisResult = false;
    this.form.hidden = true;
    this.resultBox.hidden = false;
    if (focus) {
      this.resultBox.focus({ preventScroll: true });
      this.resultBox.scrollIntoView({ block: "start" });
    }
  };

  /* "Choose the model", ticked, with the fitting models and the date added to its answer:
     what the reader wrote there stays, and the same result is not added twice. */
  Chooser.prototype.write = function () {
    var lang = document.documentElement.lang || "en";
    // The first name opens the answer; the rest stand inside it (lower case in some languages).
    var names = list(this.root, "[data-pg-model]:not([hidden])").map(function (box, index) {
      return index ? box.dataset.nameInText : box.dataset.name;
    });
    var joined = typeof Intl.ListFormat === "function"
      ? new Intl.ListFormat(lang, { type: "disjunction" }).format(names)
      : names.join(" / ");
    var answer = Store.fill(this.text.textAnswer, { models: joined, date: Store.today() });
    var storage = Store.open();
    var state = Store.read(storage).state;
    if (state.ticked.indexOf(this.item) === -1) state.ticked.push(this.item);
    var before = (state.answers[this.item] || "").replace(/\s+$/, "");
    if (before.indexOf(answer) === -1) state.answers[this.item] = before ? before + "\n\n" + answer : answer;
    var stored = Store.write(storage, state);
    this.wroteThisResult = stored;
    this.written.textContent = stored ? Store.fill(this.text.textWritten, { answer: answer }) : this.text.textNotSaved;
  };

  Chooser.prototype.restart = function () {
    list(this.root, "[data-pg-question] input").forEach(function (input) { input.checked = false; });
    this.resultBox.hidden = true;
    this.form.hidden = false;
    this.show(0, true);
    this.remember(true);
  };

  function init() {
    var root = document.querySelector("[data-pg-chooser]");
    if (!root || root.dataset.pgReady) return;
    root.dataset.pgReady = "true";
    new Chooser(root); // eslint-disable-line no-new
  }

  // checklist-store.js runs this once it is there (it may arrive after this file).
  (window.PeerguideWhenStore = window.PeerguideWhenStore || []).push(function () {
    Store = window.PeerguideChecklistStore;
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  });
})();
