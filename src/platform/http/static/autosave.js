// Autosave for application sections: saves a few seconds after typing stops and when a field loses
// focus, then says when. Without this script the page's save button does the same job.
// Every save names the version it edited, so an automatic save and the form's own must never race:
// leaving a field for a save button does not save (the button will), and a form sent while an
// automatic save is on its way waits for it, then goes with the version it got back.
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
  var inflight = null;
  var waitingToSubmit = false;

  function say(text) {
    status.textContent = text;
  }

  function save() {
    if (!dirty || stopped) return;
    dirty = false;
    var body = new URLSearchParams(new FormData(form));
    inflight = fetch(url, {
      method: 'POST',
      body: body,
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (res) {
        return res.json().then(function (data) {
          return { status: res.status, data: data };
        });
      })
      .then(function (r) {
        if (r.status === 200) {
          version.value = String(r.data.version);
          say(status.getAttribute('data-saved-text').replace('{time}', r.data.savedAt));
        } else if (r.status === 422 && r.data.version) {
          // The rest was saved; what broke a limit was not, and the answer says why.
          version.value = String(r.data.version);
          say(r.data.message);
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
      })
      .then(function () {
        inflight = null;
      });
  }

  /** Sends the form again, as the button that was pressed would have (its name and value included). */
  function resubmit(submitter) {
    if (form.requestSubmit) {
      form.requestSubmit(submitter || null);
      return;
    }
    if (submitter && submitter.name) {
      var pressed = document.createElement('input');
      pressed.type = 'hidden';
      pressed.name = submitter.name;
      pressed.value = submitter.value;
      form.appendChild(pressed);
    }
    form.submit();
  }

  form.addEventListener('input', function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
  form.addEventListener('focusout', function (event) {
    var next = event.relatedTarget;
    // Focus going to one of this form's save buttons: the button saves; a pending timer still runs
    // in case the person only passes over it.
    if (next && next.form === form && next.type === 'submit') return;
    clearTimeout(timer);
    save();
  });
  form.addEventListener('submit', function (event) {
    clearTimeout(timer);
    dirty = false; // the form itself carries everything typed
    if (!inflight) return;
    event.preventDefault();
    if (waitingToSubmit) return;
    waitingToSubmit = true;
    var submitter = event.submitter;
    inflight.then(function () {
      waitingToSubmit = false;
      resubmit(submitter);
    });
  });
})();
