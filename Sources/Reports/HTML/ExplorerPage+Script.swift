extension ExplorerPage {
    /// Styling for a projector: system fonts, large type, thick lines, two charts a row.
    static let css = """

        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #111111;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: 22px; }
        main { max-width: 1900px; margin: 0 auto; padding: 8px 24px 16px; }
        h1 { font-size: 34px; margin: 2px 0 0; }
        .description { margin: 0 0 8px; color: #333333; }
        #controls { display: flex; flex-wrap: wrap; gap: 10px 48px; padding: 8px 18px 6px; background: #f2f4f7;
          border: 2px solid #d0d5dd; border-radius: 10px; }
        .control { flex: 1 1 420px; min-width: 320px; }
        .control label { display: block; font-weight: 600; font-size: 24px; }
        .control output { font-size: 30px; font-weight: 700; color: #0b3d91; margin-left: 10px; }
        .control input[type=range] { width: 100%; height: 30px; margin: 2px 0 0; accent-color: #0b3d91; }
        .control select { font-size: 28px; padding: 4px 12px; margin-top: 4px; min-width: 50%; }
        .ticks { display: flex; justify-content: space-between; font-size: 18px; color: #444444; padding: 0 4px; }
        .raw { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 16px; font-weight: 400; color: #666666; margin-left: 12px; }
        .failure { font-size: 26px; font-weight: 700; color: #b00020; margin: 10px 0; }
        .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px 36px; margin-top: 8px; }
        .charts.single { grid-template-columns: minmax(0, 1fr); }
        figure { margin: 0; }
        figcaption { line-height: 1.25; }
        figcaption .title { font-size: 27px; font-weight: 700; }
        figcaption .readout { font-size: 24px; font-weight: 600; margin-left: 12px; }
        .unit-line, .title-line { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        figcaption .unit { font-size: 22px; font-weight: 600; }
        figcaption .meaning { font-size: 18px; color: #555555; }
        svg { display: block; width: 100%; height: auto; }
        svg .grid { stroke: #dddddd; stroke-width: 1.5; }
        svg .frame { fill: none; stroke: #222222; stroke-width: 2.5; }
        svg .tick { font-size: 24px; fill: #222222; }
        svg .axis-title { font-size: 24px; font-weight: 600; fill: #222222; }
        svg .series { fill: none; stroke-width: 5; stroke-linejoin: round; stroke-linecap: round; }
        svg .ghost { fill: none; stroke: #a0a0a0; stroke-width: 4; stroke-linejoin: round; }
        .legend { font-size: 20px; color: #333333; margin: 6px 0 2px; }
        .dose-key { font-weight: 700; }
        footer { font-size: 16px; color: #666666; }

        """

    /// The controls' behaviour: pick the run the controls select, swap each chart's path for
    /// the precomputed one, keep the previous as the grey ghost. `#set=NAME:INDEX` (joined by
    /// `&`) moves a control and dispatches `input`, the event a user's drag fires.
    static let script = """

        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("explorer-data").textContent);
          var main = document.getElementById("explorer");
          var controls = Array.prototype.slice.call(document.querySelectorAll(".axis"));
          var shown = 0;
          function selected() {
            var k = 0;
            controls.forEach(function (control, a) {
              k = k * data.axes[a].labels.length + Number(control.value);
            });
            return k;
          }
          function draw() {
            var k = selected();
            var run = data.runs[k];
            controls.forEach(function (control, a) {
              document.getElementById("value-" + a).textContent = data.axes[a].labels[Number(control.value)];
            });
            var failure = document.getElementById("failure");
            if (run.error !== undefined) {
              failure.textContent = "This run failed: " + run.error;
              failure.hidden = false;
            } else {
              failure.textContent = "";
              failure.hidden = true;
            }
            data.columns.forEach(function (column, c) {
              var path = document.getElementById("series-" + c);
              var ghost = document.getElementById("ghost-" + c);
              if (k !== shown) { ghost.setAttribute("d", path.getAttribute("d")); }
              path.setAttribute("d", run.d ? run.d[c] : "");
              path.setAttribute("data-run", String(k));
              document.getElementById("readout-" + c).textContent = run.peak ? run.peak[c] : "run failed";
              run.doses.forEach(function (d, k) {
                document.getElementById("dose-" + c + "-" + k).setAttribute("d", d);
              });
            });
            shown = k;
            main.setAttribute("data-run", String(k));
          }
          controls.forEach(function (control) { control.addEventListener("input", draw); });
          function applyAddress() {
            var text = decodeURIComponent(window.location.hash.replace(/^#/, ""));
            text.split("&").forEach(function (part) {
              if (part.indexOf("set=") !== 0) { return; }
              var spec = part.slice(4), colon = spec.lastIndexOf(":");
              if (colon < 0) { return; }
              var name = spec.slice(0, colon), index = Number(spec.slice(colon + 1));
              controls.forEach(function (control, a) {
                if (control.getAttribute("data-name") !== name) { return; }
                if (!(index >= 0 && index < data.axes[a].labels.length && index === Math.floor(index))) { return; }
                control.value = String(index);
                control.dispatchEvent(new Event("input", { bubbles: true }));
              });
            });
          }
          draw();
          applyAddress();
          window.addEventListener("hashchange", applyAddress);
        })();

        """
}
