// Browser-mode sign-in: AIRisk's authorize page opens in a pop-up so the dashboard's circuit stays alive.
window.airiskConsole = {
    openSignIn: function (url) {
        const popup = window.open(url, "airisk-signin", "popup,width=520,height=680");
        return popup !== null;
    },
    // Keeps the newest chat message in view while a reply streams in.
    scrollToEnd: function (element) {
        if (element) {
            element.scrollTop = element.scrollHeight;
        }
    }
};
