package dev.gazette.common.web;

import jakarta.inject.Singleton;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters an operation of {@code /api/v1} does not take, with a 400 naming each
 * one and listing those it accepts. A typo ({@code catgory=news}) would otherwise be ignored and the
 * client would get every post, looking like a correct answer; unknown {@code fields} or
 * {@code include} values were already refused, and now unknown names are too. What an operation
 * takes is read once from its resource method ({@code @QueryParam}, {@code @RestQuery}, and those of
 * {@code @BeanParam} classes), so it cannot drift from what the operation and its spec declare.
 */
@Singleton
public class KnownParameters {

    static final String API = "api/v1";

    private final ConcurrentHashMap<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    /** After matching, before the resource method runs (and before its parameters are converted). */
    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().replaceFirst("^/", "").startsWith(API)) {
            return;
        }
        Set<String> known = accepted.computeIfAbsent(method, KnownParameters::queryParameters);
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(request.getUriInfo().getQueryParameters(true).keySet())) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, known.isEmpty() ? "unknown query parameter; this operation takes none"
                        : "unknown query parameter; accepted: " + String.join(", ", known)));
            }
        }
        if (!errors.isEmpty()) {
            String names = String.join(", ", errors.stream().map(e -> "'" + e.field() + "'").toList());
            throw new ApiException(400, "bad-request", "Bad request", "Unknown query parameter" + (errors.size() == 1 ? " " : "s ")
                    + names + (known.isEmpty() ? "; this operation takes none." : "; this operation accepts: " + String.join(", ", known) + "."),
                    errors);
        }
    }

    /** The query parameters a resource method declares, in name order. */
    static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter.getAnnotations(), parameter.getName(), parameter.getType(), names);
        }
        return Collections.unmodifiableSet(names);
    }

    private static void collect(Annotation[] annotations, String javaName, Class<?> type, Set<String> names) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                names.add(q.value());
            } else if (annotation instanceof RestQuery q) {
                names.add(q.value().isEmpty() ? javaName : q.value());
            } else if (annotation instanceof BeanParam) {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        collect(field.getAnnotations(), field.getName(), field.getType(), names);
                    }
                }
            }
        }
    }
}
