// Sets the theme before the first paint, so a dark-theme user never sees a white flash. A file of its
// own, loaded by a plain blocking <script src>, because the Content-Security-Policy allows no inline
// script. It must agree with src/lib/theme.ts, which takes over once the app has loaded.
(function () {
  var saved = null;
  try {
    saved = localStorage.getItem('focusmate.theme');
  } catch {
    // Storage blocked: follow the system.
  }
  var dark = saved === 'dark' || (saved !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
