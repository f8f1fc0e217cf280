// Search page helpers, both optional: title suggestions while typing, and "use my location" to fill the
// near field. Without JavaScript the form works as a plain GET form.
(function () {
    "use strict";
    var form = document.querySelector("form.discovery");
    if (!form) return;
    var input = form.querySelector('input[name="q"]');
    var list = document.getElementById("place-suggestions");
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
            var prefix = input.value.trim();
            if (prefix.length < 2 || prefix === last) return;
            last = prefix;
            fetch(form.dataset.suggestUrl + "&q=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    list.replaceChildren.apply(list, data.suggestions.map(function (s) {
                        var option = document.createElement("option");
                        option.value = s.title;
                        return option;
                    }));
                })
                .catch(function () { /* offline: the form still works */ });
        }, 200);
    });
    var nearMe = form.querySelector("[data-near-me]");
    if (nearMe && "geolocation" in navigator) {
        nearMe.hidden = false;
        nearMe.addEventListener("click", function () {
            navigator.geolocation.getCurrentPosition(function (position) {
                form.elements.near.value = position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
                form.submit();
            });
        });
    }
})();
