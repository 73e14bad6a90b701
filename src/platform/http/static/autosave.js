// Autosave for application sections and jurors' grids: saves a few seconds after typing stops and
// when a field loses focus, then says when. Without this script the page's save button does the same job.
// Every save names the version it edited, and the saves of one page are serialised: a save starts
// only once the previous one has answered, with the version that answer returned, so quick changes
// by one person never look like someone else's ("saved meanwhile" is shown only when another person
// or tab really saved). Changes made while a save is on its way are sent right after it.
// Leaving a field for a save button does not save (the button will), and a form sent while an
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

  /** What the form holds now, files left out: they are sent by the form's own buttons. */
  function body() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') params.append(name, value);
    });
    return params;
  }

  /** The input of a field: its own (`answer-<id>`), or the first of its group (participants per public…). */
  function inputOf(fieldId) {
    return (
      document.getElementById('answer-' + fieldId) ||
      form.querySelector('[name="a.' + fieldId + '"], [name^="a.' + fieldId + '."]')
    );
  }

  /** A refused answer's message next to its field (the server's own page does the same without this script). */
  function showFieldErrors(errors) {
    var shown = form.querySelectorAll('[data-autosave-error]');
    for (var i = 0; i < shown.length; i++) {
      var marked = document.getElementById(shown[i].getAttribute('data-for'));
      if (marked && !(errors && errors[shown[i].getAttribute('data-autosave-error')]))
        marked.removeAttribute('aria-invalid');
      shown[i].remove();
    }
    if (!errors) return;
    Object.keys(errors).forEach(function (fieldId) {
      var input = inputOf(fieldId);
      if (!input || !input.id) return;
      var note = document.createElement('p');
      note.className = 'error';
      note.id = 'answer-' + fieldId + '-autosave-error';
      note.setAttribute('data-autosave-error', fieldId);
      note.setAttribute('data-for', input.id);
      note.textContent = errors[fieldId];
      input.parentNode.insertBefore(note, input);
      input.setAttribute('aria-invalid', 'true');
      var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (described.indexOf(note.id) < 0) described.push(note.id);
      input.setAttribute('aria-describedby', described.join(' '));
    });
  }

  function send() {
    dirty = false;
    inflight = fetch(url, {
      method: 'POST',
      body: body(),
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
          showFieldErrors(null);
          say(status.getAttribute('data-saved-text').replace('{time}', r.data.savedAt));
        } else if (r.status === 422 && r.data.version) {
          // The rest was saved; what broke a limit or could not be read was not, and the answer says why.
          version.value = String(r.data.version);
          showFieldErrors(r.data.errors || null);
          say(r.data.message);
        } else if (r.status === 409) {
          // Someone else saved: stop, and let the save button show both versions side by side.
          stopped = true;
          say(r.data && r.data.status === 'conflict' ? status.getAttribute('data-conflict-text') : r.data.message);
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
        // What changed while this save was on its way goes now, with the version it returned.
        if (dirty && !stopped && !waitingToSubmit) send();
      });
  }

  function save() {
    if (!dirty || stopped) return;
    // One save at a time: the one on its way sends again when it is answered.
    if (inflight) return;
    send();
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

  function changed(event) {
    // Choosing a file or ticking a file for removal waits for the save button: files go with the form.
    var target = event.target;
    if (target && (target.type === 'file' || target.name === 'remove')) return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  }
  form.addEventListener('input', changed);
  // Some controls (a radio chosen with the keyboard in older browsers) only say "change".
  form.addEventListener('change', changed);
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
