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
 * models as its answer), through checklist-store.js. Material's instant navigation runs
 * this file again on each visit to a page that loads it: only the first run acts, on
 * every page view after it.
 */
(function () {
  "use strict";

  if (window.PeerguideChooserScript) return;
  window.PeerguideChooserScript = true;

  var Store = null; // window.PeerguideChecklistStore, once checklist-store.js has run

  var MODEL_ITEM = "organisation-model"; // the checklist item "Choose the model"

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
    this.current = 0;

    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.forward();
    });
    this.back.addEventListener("click", function () { self.show(self.current - 1, true); });
    root.querySelector("[data-pg-restart]").addEventListener("click", function () { self.restart(); });
    root.querySelector("[data-pg-write]").addEventListener("click", function () { self.write(); });
    this.steps.forEach(function (step) {
      step.addEventListener("change", function () { self.message.textContent = ""; });
    });

    this.show(0, false);
  }

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
    else this.result();
  };

  Chooser.prototype.result = function () {
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
    list(this.root, "[data-pg-reason]").forEach(function (item) {
      item.hidden = reasons.indexOf(item.dataset.pgReason) === -1;
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
    this.form.hidden = true;
    this.resultBox.hidden = false;
    this.resultBox.focus();
  };

  /* "Choose the model", ticked, with the fitting models as its answer. */
  Chooser.prototype.write = function () {
    var lang = document.documentElement.lang || "en";
    var names = list(this.root, "[data-pg-model]:not([hidden])").map(function (box) { return box.dataset.name; });
    var joined = typeof Intl.ListFormat === "function"
      ? new Intl.ListFormat(lang, { type: "disjunction" }).format(names)
      : names.join(" / ");
    var answer = Store.fill(this.text.textAnswer, { models: joined, date: Store.today() });
    var storage = Store.open();
    var state = Store.read(storage).state;
    if (state.ticked.indexOf(MODEL_ITEM) === -1) state.ticked.push(MODEL_ITEM);
    state.answers[MODEL_ITEM] = answer;
    this.written.textContent = Store.write(storage, state)
      ? Store.fill(this.text.textWritten, { answer: answer })
      : this.text.textNotSaved;
  };

  Chooser.prototype.restart = function () {
    list(this.root, "[data-pg-question] input").forEach(function (input) { input.checked = false; });
    this.resultBox.hidden = true;
    this.form.hidden = false;
    this.show(0, true);
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
