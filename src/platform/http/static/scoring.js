// The running weighted total of an evaluation grid, updated as scores are typed, with the
// thresholds signalled in words. Without this script the page shows the total of the last save.
(function () {
  var grid = document.querySelector('[data-grid]');
  if (!grid) return;
  var inputs = grid.querySelectorAll('[data-score]');
  var output = grid.querySelector('[data-total]');
  var label = grid.querySelector('[data-total-label]');
  var card = grid.querySelector('[data-total-card]');
  var belowOverall = grid.querySelector('[data-below-overall]');
  var half = grid.getAttribute('data-half') === 'true';
  var lang = document.documentElement.lang || 'fr';
  var format = new Intl.NumberFormat(lang + '-BE', { maximumFractionDigits: 2 });

  // "14,5", "14.5" and "14" are scores; anything else is not (yet).
  function read(text) {
    var s = text.trim().replace(',', '.');
    if (!/^\d+(\.\d+)?$/.test(s)) return null;
    return Number(s);
  }

  function valid(score, max) {
    if (score === null || score < 0 || score > max) return false;
    return half ? Number.isInteger(score * 2) : Number.isInteger(score);
  }

  function update() {
    var weights = 0;
    var sum = 0;
    var complete = true;
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var max = Number(input.getAttribute('data-max'));
      var weight = Number(input.getAttribute('data-weight'));
      var threshold = input.getAttribute('data-threshold');
      var score = read(input.value);
      var ok = valid(score, max);
      weights += weight;
      if (ok) sum += (weight * score) / max;
      else complete = false;
      var marker = grid.querySelector('[data-below-for="' + input.getAttribute('data-criterion') + '"]');
      if (marker) marker.hidden = !(ok && threshold !== null && score < Number(threshold));
    }
    var total = weights ? Math.round((sum / weights) * 10000) / 100 : 0;
    output.textContent = format.format(total);
    if (label) label.textContent = label.getAttribute('data-live-text');
    var overall = card && card.getAttribute('data-overall-threshold');
    if (belowOverall && overall !== null) belowOverall.hidden = !(complete && total < Number(overall));
  }

  grid.addEventListener('input', function (event) {
    if (event.target && event.target.hasAttribute && event.target.hasAttribute('data-score')) update();
  });
  update();
})();
