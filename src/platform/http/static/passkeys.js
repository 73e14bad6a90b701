// Passkeys: a form marked with data-passkey asks the browser for a credential (create: a new
// passkey; get: sign in with one) with the server's options, puts the answer in its hidden field
// `credential`, and sends itself. Without this script (or WebAuthn) the form stays hidden and the
// page's other ways (authenticator code, recovery code, password) remain.
(function () {
  var PKC = window.PublicKeyCredential;
  if (!PKC || !PKC.parseCreationOptionsFromJSON) return;
  var fields = document.querySelectorAll('input[data-passkey]');
  for (var i = 0; i < fields.length; i++) setUp(fields[i]);

  function setUp(field) {
    var form = field.form;
    var wrapper = form.closest('[data-passkey-form]');
    if (wrapper) wrapper.hidden = false;
    var status = form.querySelector('[data-passkey-status]');
    form.addEventListener('submit', function (event) {
      if (field.value) return;
      event.preventDefault();
      var options = JSON.parse(field.getAttribute('data-passkey-options'));
      var asked =
        field.getAttribute('data-passkey') === 'create'
          ? window.navigator.credentials.create({ publicKey: PKC.parseCreationOptionsFromJSON(options) })
          : window.navigator.credentials.get({ publicKey: PKC.parseRequestOptionsFromJSON(options) });
      asked.then(
        function (credential) {
          field.value = JSON.stringify(credential.toJSON());
          form.submit();
        },
        function () {
          status.textContent = status.getAttribute('data-passkey-failed');
        },
      );
    });
  }
})();
