package dev.gazette.common.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a GET resource hands to {@link HttpCaching}: the body plus what the caching headers are
 * derived from.
 */
public final class Representation {

    final Object body;
    byte[] raw;
    String mediaType = "application/json";
    Instant lastModified;
    Long version;
    boolean personal;
    boolean list;
    boolean etagOnly;
    String cacheControl;
    FieldSelection fields = FieldSelection.all();
    final List<String> links = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();

    private Representation(Object body) {
        this.body = body;
    }

    public static Representation of(Object body) {
        return new Representation(body);
    }

    /** A body already serialized (a feed), with its media type. */
    public static Representation raw(byte[] bytes, String mediaType) {
        Representation r = new Representation(null);
        r.raw = bytes;
        r.mediaType = mediaType;
        return r;
    }

    /** A page of a list; {@code fields} applies to each item. */
    public static Representation list(ListPage<?> page) {
        Representation r = new Representation(page);
        r.list = true;
        r.etagOnly = true;
        return r;
    }

    /**
     * A body assembled from many rows (a list, a comment thread): something can leave it without
     * moving its Last-Modified, so only {@code If-None-Match} is answered.
     */
    public Representation etagOnly() {
        this.etagOnly = true;
        return this;
    }

    public Representation lastModified(Instant at) {
        this.lastModified = at;
        return this;
    }

    /** The resource's version, carried in its ETag so {@code If-Match} can be checked against it. */
    public Representation version(long version) {
        this.version = version;
        return this;
    }

    /** The body depends on who asked (authenticated): never stored by shared caches. */
    public Representation personal(boolean personal) {
        this.personal = personal;
        return this;
    }

    /** A Cache-Control other than the configured one (e.g. {@code no-cache} for a feed clients poll). */
    public Representation cacheControl(String value) {
        this.cacheControl = value;
        return this;
    }

    public Representation fields(FieldSelection fields) {
        this.fields = fields;
        return this;
    }

    public Representation link(String uri, String rel) {
        links.add("<" + uri + ">; rel=\"" + rel + "\"");
        return this;
    }

    /** A link with the media type of its target ({@code <uri>; rel="alternate"; type=text/html}). */
    public Representation link(String uri, String rel, String type) {
        links.add("<" + uri + ">; rel=\"" + rel + "\"; type=" + type);
        return this;
    }

    /** Whether the answer carries any link yet. */
    public boolean hasLinks() {
        return !links.isEmpty();
    }

    /** A header of the answer besides the caching ones (WordPress' {@code X-WP-Total}); kept with it by the response cache. */
    public Representation header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
