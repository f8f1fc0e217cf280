# Varnish in front of the app servers (deploy/stack.sh starts it; Varnish 7.1, Debian's package).
#
# Public pages are cached for what they say (Cache-Control: s-maxage=CACHE_MAX_AGE) and purged by the app
# servers when a publication changes them (wagtail.contrib.frontend_cache, FRONTEND_CACHE_PURGE_URL). The admin,
# /q/ scans (every one must be counted), editors (session cookie) and anything but GET/HEAD go straight through.
# Both app servers are health-checked; a request a dead server cannot answer is retried on the other.
#
# On several machines: one backend per app server host, their addresses in `purgers`.
vcl 4.1;

import directors;

probe app_health {
    .url = "/robots.txt";  # answered by Django itself: a live process, not just an open port
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8101";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 35s;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8102";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 35s;
}

# Who may PURGE: the app servers, nobody else.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    # The app servers trust X-Forwarded-Proto (TRUST_PROXY_HEADERS=true) because only Varnish reaches them, so
    # Varnish says it itself and no client can. On the one-machine stack nothing is in front: plain HTTP. In a
    # deployment TLS ends in front of Varnish (a load balancer, hitch, nginx): set "https" here instead.
    set req.http.X-Forwarded-Proto = "http";
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is for the app servers"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|q)(/|$)") {
        return (pass);
    }
    # The tracking parameters that social networks, ads and newsletters add to a shared link change nothing on
    # a page: without them a link shared a million times is one cached page, not a million misses. The same
    # list as the app's page cache (site/home/page_cache.py, TRACKING).
    if (req.url ~ "[?&](utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|igshid|ttclid|twclid|li_fat_id|mc_cid|mc_eid|_ga|_gl)(=|&|$)") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|igshid|ttclid|twclid|li_fat_id|mc_cid|mc_eid|_ga|_gl)(=[^&]*)?(&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);  # an editor sees pages as they are
    }
    unset req.http.Cookie;  # the language is in the path; no cookie changes a public answer
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    # One site: the path is the page, whichever Host the visitor (or a purge, which names the canonical host)
    # came with.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    set bereq.backend = apps.backend();  # again on each retry: the next healthy server
}

sub vcl_backend_response {
    if (beresp.status >= 500 && bereq.retries < 4 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_backend_error {
    # The server went away (refused, reset, silent): GET and HEAD are safe to ask again elsewhere.
    if (bereq.retries < 4 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
