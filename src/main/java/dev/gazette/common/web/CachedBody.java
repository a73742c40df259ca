package dev.gazette.common.web;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.jboss.resteasy.reactive.server.vertx.VertxResteasyReactiveRequestContext;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The body of an answer served from the response cache. A {@code byte[]} entity is copied into a
 * new buffer for every response: at tens of thousands of hits a second, with bodies of 5 to 75 KB,
 * that copy was most of what the JVM allocated (and collected, in pauses every ~0.2 s). This body
 * is handed to the connection as a view of the cached bytes instead: nothing is copied on the heap.
 */
public record CachedBody(byte[] bytes) {

    /** Writes a cached body without copying it (through Vert.x when RESTEasy runs on it, else as bytes). */
    @Provider
    @Produces(MediaType.WILDCARD)
    public static final class Writer implements ServerMessageBodyWriter<CachedBody> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
            return type == CachedBody.class;
        }

        @Override
        public void writeResponse(CachedBody body, Type genericType, ServerRequestContext context) {
            if (context.serverResponse() instanceof VertxResteasyReactiveRequestContext vertx) {
                // a fresh wrapper (its own indexes and reference count) around the shared, never-modified array
                vertx.end(Buffer.buffer(Unpooled.wrappedBuffer(body.bytes())));
            } else {
                context.serverResponse().end(body.bytes());
            }
        }

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == CachedBody.class;
        }

        @Override
        public void writeTo(CachedBody body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                            MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
            out.write(body.bytes());
        }
    }
}
