// Autosave for application sections: saves a few seconds after typing stops and when a field loses
// focus, then says when. Without this script the page's save button does the same job.
(function () {
  var actions = document.querySelector('[data-autosave-url]');
  if (!actions || !window.fetch) return;
  var form = actions.closest('form');
  var url = actions.getAttribute('data-autosave-url');
  var status = actions.querySelector('.save-status');
  var version = form.querySelector('[data-version]');
  var timer = null;
  var dirty = false;
  var stopped = false;

  function say(text) {
    status.textContent = text;
  }

  function save() {
    if (!dirty || stopped) return;
    dirty = false;
    var body = new URLSearchParams(new FormData(form));
    fetch(url, { method: 'POST', body: body, headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.json().then(function (data) {
          return { status: res.status, data: data };
        });
      })
      .then(function (r) {
        if (r.status === 200) {
          version.value = String(r.data.version);
          say(status.getAttribute('data-saved-text').replace('{time}', r.data.savedAt));
        } else if (r.status === 409) {
          // Someone else saved: stop, and let the save button show both versions side by side.
          stopped = true;
          say(status.getAttribute('data-conflict-text'));
        } else {
          say(status.getAttribute('data-error-text'));
        }
      })
      .catch(function () {
        dirty = true;
        say(status.getAttribute('data-error-text'));
      });
  }

  form.addEventListener('input', function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
  form.addEventListener('focusout', function () {
    clearTimeout(timer);
    save();
  });
})();
