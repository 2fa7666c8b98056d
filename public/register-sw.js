// Registers the service worker (offline reading) and tells the reader when a new version of
// the viewer is ready. Plain JS loaded from a file, so the Content-Security-Policy needs no
// exception for it.
(() => {
  if (!('serviceWorker' in navigator)) return;
  // The worker sits at the site's root, beside this file, whatever the page's depth, so
  // that its scope is the whole site.
  const workerUrl = new URL('sw.js', document.currentScript.src);
  // Only a page that was already controlled reloads when the worker changes; the first
  // visit is taken over quietly.
  const hadController = Boolean(navigator.serviceWorker.controller);
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });

  function offer(worker) {
    if (document.querySelector('[data-update-ready]')) return;
    const bar = document.createElement('div');
    bar.className = 'update-banner';
    bar.setAttribute('role', 'status');
    bar.dataset.updateReady = '';
    // The app keeps <html lang> equal to the interface language.
    const english = document.documentElement.lang === 'en';
    const text = document.createElement('span');
    text.textContent = english
      ? 'A new version of the minutes viewer is ready.'
      : '新しい版の議事概要ビューアーがあります。';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = english ? 'Update' : '更新する';
    button.addEventListener('click', () => {
      button.disabled = true;
      worker.postMessage('skip-waiting');
    });
    bar.append(text, button);
    document.body.append(bar);
  }

  // After the page has loaded: the worker's copy of the site then neither competes with
  // the page for the network nor downloads again what the page has just fetched (its
  // requests are answered from the HTTP cache after a 304).
  const register = () => navigator.serviceWorker.register(workerUrl).then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
  }).catch((err) => {
    // Offline reading is an extra; the page works without it.
    console.warn('service worker not registered:', err);
  });
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
})();
