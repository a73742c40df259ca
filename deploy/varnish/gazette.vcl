# Varnish in front of Gazette: caches public answers, purges them by key when content changes.
#
# Gazette sends the keys of what each answer shows in an `xkey` header (read by the xkey module of
# varnish-modules) and, on each committed change, a `PURGE` request with the changed keys in an
# `xkey-purge` header to every configured purge URL (gazette.http.edge.purge-urls). Answers are then
# kept for their `s-maxage` and dropped exactly when what they show changes.
#
# The backends and the addresses allowed to purge are in site.vcl beside this file, written by
# deploy/varnish/run.sh (or by hand: see site.vcl.example).
vcl 4.1;

import xkey;
import directors;
import std;

include "./site.vcl";

sub vcl_recv {
    set req.backend_hint = gazette.backend();

    if (req.method == "PURGE") {
        if (!(client.ip ~ purgers)) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "PURGE needs an xkey-purge header"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # a post's live comment stream (server-sent events) never ends: nothing to keep, nor to wait for
    if (req.url ~ "^/api/v1/posts/[^/?]+/comments/stream") {
        return (pass);
    }
    # while Gazette answers its readiness check, a stale answer is served for at most the
    # stale-while-revalidate time (30 s) while a fresh one is fetched; while no backend is ready
    # (its database is down) answers are served for as long as their stale-if-error allows
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    # a token's, a post password's or a signed-in commenter's answer is personal: never from the shared cache
    if (req.http.Authorization || req.http.X-Post-Password || req.http.X-Id-Token || req.http.Cookie) {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    # an answer to a visitor (X-Visitor-Id) may show their likes: Gazette marks those private, so the
    # public ones are the same for every visitor; only whether one was named is part of the key
    if (req.http.X-Visitor-Id) {
        hash_data("visitor");
    }
    if (req.http.Accept) {
        hash_data(req.http.Accept);
    }
}

sub vcl_backend_response {
    # one stored variant for every visitor (see vcl_hash); Authorization and X-Post-Password never get here
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,\s*)(Authorization|X-Visitor-Id|X-Post-Password|X-Id-Token)(?=,|$)", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # errors are not kept (a 503 while Gazette's database is down, a 404 of a post about to be published)
    if (beresp.status >= 400) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # stale-if-error: how long past its TTL an answer may be served while no backend is ready
    if (beresp.http.Cache-Control ~ "stale-if-error=\d+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, ".*stale-if-error=(\d+).*", "\1s"), 30s);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
    # the keys are for caches, not for browsers
    if (!req.http.X-Debug-Keys) {
        unset resp.http.xkey;
        unset resp.http.Surrogate-Key;
        unset resp.http.Cache-Tag;
    }
}
