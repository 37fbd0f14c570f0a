// The offline page in the reader's language (their saved choice, else the browser's), and back to the app
// as soon as the connection (or the server) returns. A file of its own: the Content-Security-Policy allows no inline script.
(function () {
  function savedLanguage() {
    try {
      var saved = localStorage.getItem('focusmate.language');
      return saved === 'ko' || saved === 'en' ? saved : null;
    } catch {
      return null;
    }
  }

  function browserLanguage() {
    var tags = navigator.languages || [navigator.language];
    for (var i = 0; i < tags.length; i++) {
      var primary = String(tags[i]).toLowerCase().split('-')[0];
      if (primary === 'ko' || primary === 'en') return primary;
    }
    return 'en';
  }

  function show(language) {
    document.documentElement.lang = language;
    var blocks = document.querySelectorAll('[data-language]');
    for (var i = 0; i < blocks.length; i++) {
      var shown = blocks[i].getAttribute('data-language') === language;
      blocks[i].hidden = !shown;
      blocks[i].querySelector('h1').id = shown ? 'offline-title' : '';
    }
    if (language === 'ko') document.title = 'FocusMate — 오프라인';
  }

  function retry() {
    location.reload();
  }

  // The `online` event does not come when the device stayed online and only the server was away: ask it.
  function pollHealth() {
    fetch('/health', { cache: 'no-store' })
      .then(function (response) {
        if (response.ok) retry();
      })
      .catch(function () {
        // Still away.
      });
  }

  show(savedLanguage() || browserLanguage());
  var buttons = document.querySelectorAll('.offline__retry');
  for (var i = 0; i < buttons.length; i++) buttons[i].addEventListener('click', retry);
  window.addEventListener('online', retry);
  setInterval(pollHealth, 3000);
})();
