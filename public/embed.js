/* Auto-height for embedded timelines. Include once on the host page:
 *   <iframe src="https://…/?embed=1" data-timeline-embed …></iframe>
 *   <script src="https://…/embed.js" async></script>
 * Each timeline frame reports its height as an AMP embed-size message
 * ({sentinel: "amp", type: "embed-size", height: N}); this sets the height
 * of the frame that sent it. Messages from any other window or origin, and
 * any other shape, are ignored. No dependencies, no globals but one flag. */
(function () {
  'use strict';
  var MAX_HEIGHT = 20000;
  if (window.__timelineEmbed) return;
  window.__timelineEmbed = true;

  function originOf(frame) {
    if (!frame.getAttribute('src')) return null;
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    var frames = document.querySelectorAll('iframe[data-timeline-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== originOf(frame)) return;
      frame.style.height = Math.ceil(Math.min(height, MAX_HEIGHT)) + 'px';
      return;
    }
  });
})();
