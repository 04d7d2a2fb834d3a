// Chart.js (the pinned UMD build, loaded by index.html as window.Chart) with the palette's colours.
const palette = ['#0b4fc4', '#a3161a', '#12632a', '#7a4a00', '#6b2fa0', '#00677a'];

export function color(i) { return palette[i % palette.length]; }

/** A chart in a sized box; returns the box. The canvas carries an accessible name. */
export function chart(id, title, config) {
  const canvas = document.createElement('canvas');
  canvas.id = id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title);
  const box = document.createElement('div');
  box.className = 'chart';
  box.append(canvas);
  config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
  config.options.plugins = { title: { display: true, text: title }, ...config.options.plugins };
  // Chart.js measures its box, so it is created once the box is in the document.
  queueMicrotask(() => new window.Chart(canvas, config));
  return box;
}
