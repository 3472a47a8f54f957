/*
 * confmail admin portal: what only the browser knows. Dates and times (<time datetime="...Z">, from the cm:time tag)
 * are shown in the viewer's language and time zone, also in parts of the page that AJAX replaces; the exact UTC
 * instant stays on hover. The dashboard chart's hours get the same treatment through its extender.
 */
(function () {
    "use strict";

    /** The browser's own variant of the page's language (en-GB for an English page in a British browser). */
    function locale() {
        var lang = (document.documentElement.lang || "en").toLowerCase();
        var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
        for (var i = 0; i < wanted.length; i++) {
            if (wanted[i] && wanted[i].split("-")[0].toLowerCase() === lang) {
                return wanted[i];
            }
        }
        return lang;
    }

    var dateTime = new Intl.DateTimeFormat(locale(), {
        year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short"
    });
    var hourOnly = new Intl.DateTimeFormat(locale(), { hour: "numeric", minute: "2-digit" });

    function show(time) {
        var instant = new Date(time.getAttribute("datetime"));
        if (!isNaN(instant.getTime()) && !time.hasAttribute("data-local")) {
            time.textContent = time.classList.contains("cm-hour") ? hourOnly.format(instant)
                : dateTime.format(instant);
            time.setAttribute("data-local", "");
        }
    }

    /** PrimeFaces renders a spinner's arrow buttons without a name (disabled ones for read-only roles too). */
    var french = (document.documentElement.lang || "en").toLowerCase().indexOf("fr") === 0;
    function nameSpinnerButton(button) {
        if (!button.hasAttribute("aria-label")) {
            var up = button.classList.contains("ui-spinner-up");
            button.setAttribute("aria-label", french ? (up ? "Augmenter" : "Diminuer") : (up ? "Increase" : "Decrease"));
        }
    }

    function showAll(root) {
        if (root.matches && root.matches("time[datetime]")) {
            show(root);
        }
        if (root.querySelectorAll) {
            root.querySelectorAll("time[datetime]").forEach(show);
            root.querySelectorAll(".ui-spinner-button").forEach(nameSpinnerButton);
        }
    }

    function start() {
        showAll(document);
        new MutationObserver(function (mutations) {
            mutations.forEach(function (m) {
                m.addedNodes.forEach(function (node) {
                    if (node.nodeType === Node.ELEMENT_NODE) {
                        showAll(node);
                    }
                });
            });
        }).observe(document.body, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }

    window.confmail = {
        /** p:chart extender: labels that are ISO instants become hours in the viewer's time zone. */
        localHours: function () {
            var labels = this.cfg.config.data.labels;
            for (var i = 0; i < labels.length; i++) {
                var instant = new Date(labels[i]);
                if (!isNaN(instant.getTime())) {
                    labels[i] = hourOnly.format(instant);
                }
            }
        }
    };
}());
