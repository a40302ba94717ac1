/* Show or hide form fields whose condition depends on answers in the same step.
 * The server decides what counts (hidden answers are dropped); this only spares people
 * questions that do not apply to them. Without JavaScript every field stays visible. */
(function () {
  "use strict";

  function isEmpty(value) {
    if (value === null || value === undefined || value === "" || value === false) return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).every(function (key) { return isEmpty(value[key]); });
    return false;
  }

  function comparable(value) {
    if (value === null || value === undefined || value === "") return null;
    if (typeof value === "boolean") return { kind: "number", value: value ? 1 : 0 };
    var text = String(value).trim();
    var number = Number(text.replace(",", "."));
    if (text !== "" && !isNaN(number)) return { kind: "number", value: number };
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { kind: "date", value: text };
    return { kind: "text", value: text };
  }

  function same(left, right) {
    if (typeof left === "boolean" || typeof right === "boolean") return Boolean(left) === Boolean(right);
    var a = comparable(left), b = comparable(right);
    if (a && b && a.kind === b.kind) return a.value === b.value;
    return String(left) === String(right);
  }

  function order(op, left, right) {
    var a = comparable(left), b = comparable(right);
    if (!a || !b || a.kind !== b.kind) return false;
    if (op === "gt") return a.value > b.value;
    if (op === "ge") return a.value >= b.value;
    if (op === "lt") return a.value < b.value;
    return a.value <= b.value;
  }

  function evaluate(condition, answers) {
    if (!condition) return true;
    if (condition.all) return condition.all.every(function (part) { return evaluate(part, answers); });
    if (condition.any) return condition.any.some(function (part) { return evaluate(part, answers); });
    if (condition.not) return !evaluate(condition.not, answers);
    var value = answers[condition.field];
    var expected = condition.value;
    switch (condition.op || "equals") {
      case "equals": return same(value, expected);
      case "not_equals": return !same(value, expected);
      case "in": return [].concat(expected).some(function (option) { return same(value, option); });
      case "not_in": return ![].concat(expected).some(function (option) { return same(value, option); });
      case "filled": return !isEmpty(value);
      case "empty": return isEmpty(value);
      case "checked": return value === true;
      case "not_checked": return value !== true;
      default: return order(condition.op, value, expected);
    }
  }

  function currentAnswers(form) {
    var answers = JSON.parse(form.getAttribute("data-known-answers") || "{}");
    var radios = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.name.charAt(0) === "_") return;
      if (element.type === "checkbox") answers[element.name] = element.checked;
      else if (element.type === "radio") {
        if (!radios[element.name]) { radios[element.name] = true; answers[element.name] = ""; }
        if (element.checked) answers[element.name] = element.value;
      } else if (element.type !== "file") answers[element.name] = element.value;
    });
    return answers;
  }

  function refresh(form) {
    var answers = currentAnswers(form);
    form.querySelectorAll("[data-show-if]").forEach(function (item) {
      item.hidden = !evaluate(JSON.parse(item.getAttribute("data-show-if")), answers);
    });
  }

  document.querySelectorAll("form.es-step").forEach(function (form) {
    refresh(form);
    form.addEventListener("change", function () { refresh(form); });
    form.addEventListener("input", function () { refresh(form); });
  });
})();
