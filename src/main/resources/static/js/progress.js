// Live progress for the console (CSP: a script of the console's own, no inline code).
// A page with [data-progress-url] and data-running="true" polls that URL once a second and writes each
// field of the JSON answer into the elements with data-field="name"; when the job has finished it reloads
// the page, which the server then renders with the outcome. Without script the page refreshes itself.
// An upload form (#upload) is sent with XMLHttpRequest: the bytes sent, then the import's progress
// (rows read, bytes of the files' size, read from the job repository), then the outcome page as usual.
(function () {
  'use strict';

  function fill(root, data) {
    root.querySelectorAll('[data-field]').forEach(function (el) {
      var name = el.getAttribute('data-field');
      if (!(name in data) || data[name] === null) {
        return;
      }
      if (el.tagName === 'PROGRESS') {
        el.value = data[name];
      } else {
        el.textContent = data[name];
      }
    });
  }

  function poll(url, root, onData) {
    var stopped = false;
    function tick() {
      if (stopped) {
        return;
      }
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (data) {
            // asked first: a finished job's page is reloaded as it is (the server renders the outcome without
            // the running step), never filled with the last answer first
            if (onData && onData(data) === false) {
              stopped = true;
              return;
            }
            fill(root, data);
          }
          setTimeout(tick, 1000);
        })
        .catch(function () { setTimeout(tick, 2000); });
    }
    tick();
    return function () { stopped = true; };
  }

  function progressPage() {
    var page = document.querySelector('[data-progress-url]');
    if (!page || page.getAttribute('data-running') !== 'true') {
      return;
    }
    poll(page.getAttribute('data-progress-url'), page, function (data) {
      if (data.finished || data.running === false) {
        window.location.reload();
        return false;
      }
      return true;
    });
  }

  function megabytes(n) {
    return (n / 1048576).toFixed(1) + ' MB';
  }

  function uploadForm() {
    var form = document.getElementById('upload');
    var box = document.getElementById('upload-progress');
    if (!form || !box || !window.XMLHttpRequest || !window.FormData) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = document.getElementById('do-upload');
      button.disabled = true;
      box.hidden = false;
      var bar = document.getElementById('upload-bar');
      var text = document.getElementById('upload-text');
      var stopPolling = null;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.max = 100;
          bar.value = Math.floor(e.loaded * 100 / e.total);
          text.textContent = '正在上传：已传 ' + megabytes(e.loaded) + ' / 共 ' + megabytes(e.total) + '（' + bar.value + '%）';
        }
      });
      xhr.upload.addEventListener('load', function () {
        text.textContent = '上传完成，正在导入…';
        bar.removeAttribute('value');
        stopPolling = poll(box.getAttribute('data-progress-url'), box, function (data) {
          if (data.running) {
            bar.max = 100;
            bar.value = data.percent;
          }
          return true;
        });
      });
      xhr.addEventListener('load', function () {
        if (stopPolling) {
          stopPolling();
        }
        var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        document.title = doc.title;
        document.body.replaceWith(document.adoptNode(doc.body));
      });
      xhr.addEventListener('error', function () {
        if (stopPolling) {
          stopPolling();
        }
        text.textContent = '上传失败：与服务器的连接中断，请重试';
        button.disabled = false;
      });
      xhr.send(new FormData(form));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    progressPage();
    uploadForm();
  });
})();
