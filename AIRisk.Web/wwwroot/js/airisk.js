// The console's few browser-side helpers. Loaded as a file: the CSP allows no inline script.
(function () {
    const pasteWatchers = new WeakMap();

    function isTyping(target) {
        return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    }

    // Ctrl+K (or Cmd+K) anywhere, or "/" when no text field has focus, jumps to the quick switcher.
    document.addEventListener("keydown", function (e) {
        const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k";
        const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
        if (!ctrlK && !slash) {
            return;
        }
        const input = document.querySelector("input[data-testid=quick-switch]");
        if (input) {
            e.preventDefault();
            input.focus();
            input.select();
        }
    });

    window.airiskConsole = {
        // A control that had focus went away (Stop acting, once acting has stopped): focus goes where staff go next,
        // instead of back to the start of the page.
        focusIfLost: function (selector) {
            const active = document.activeElement;
            // Hidden (a closed panel) counts as lost: the browser lets go of it only at its next frame.
            if (!active || active === document.body || (active.checkVisibility && !active.checkVisibility())) {
                document.querySelector(selector)?.focus();
            }
        },
        // Browser-mode sign-in: AIRisk's authorize page opens in a pop-up so the dashboard's circuit stays alive.
        openSignIn: function (url) {
            const popup = window.open(url, "airisk-signin", "popup,width=520,height=680");
            return popup !== null;
        },
        // Puts the view's deep link in the address bar without a navigation: the page is not changing, only what
        // the address says about it (history.state is Blazor's and stays as it is).
        showAddress: function (url) {
            if (location.href !== url) {
                history.replaceState(history.state, "", url);
            }
        },
        // Keeps the newest chat message in view while a reply streams in.
        scrollToEnd: function (element) {
            if (element) {
                element.scrollTop = element.scrollHeight;
            }
        },
        // The staff member's own language and time zone, for dates shown in the console.
        locale: function () {
            return { language: navigator.language || "", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "" };
        },
        // The browser silently cuts a paste at the field's maxlength; tell the app so it can say so.
        watchPaste: function (container, dotNet) {
            if (!container) {
                return;
            }
            const listener = function (e) {
                const field = e.target;
                const max = field && field.maxLength;
                const pasted = (e.clipboardData && e.clipboardData.getData("text")) || "";
                if (!max || max < 0) {
                    return;
                }
                const kept = field.value.length - Math.abs((field.selectionEnd || 0) - (field.selectionStart || 0));
                if (kept + pasted.length > max) {
                    dotNet.invokeMethodAsync("PasteTruncated", pasted.length);
                }
            };
            container.addEventListener("paste", listener);
            pasteWatchers.set(container, listener);
        },
        unwatchPaste: function (container) {
            const listener = container && pasteWatchers.get(container);
            if (listener) {
                container.removeEventListener("paste", listener);
                pasteWatchers.delete(container);
            }
        }
    };
})();
