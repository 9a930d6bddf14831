// The findings list (CSP: a script of the console's own, no inline code): "全选本页" ticks or clears every
// row's box of the page, and the count of ticked rows is shown beside the bulk buttons. Without script each
// row is ticked by hand.
(function () {
  'use strict';
  function count() {
    var n = document.querySelectorAll('input.pick:checked').length;
    var el = document.getElementById('picked');
    if (el) {
      el.textContent = '已选 ' + n + ' 条';
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var all = document.getElementById('pick-all');
    if (all) {
      all.addEventListener('change', function () {
        document.querySelectorAll('input.pick').forEach(function (box) {
          box.checked = all.checked;
        });
        count();
      });
    }
    document.querySelectorAll('input.pick').forEach(function (box) {
      box.addEventListener('change', count);
    });
    count();
  });
}());
