package dev.gazette.common.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a path supports, for the {@code Allow} header a 405 must carry, and the media types
 * its operations answer with, for the detail of a 406. Built once from the JAX-RS annotations of
 * the resource classes.
 */
final class AllowedMethods {

    private record Route(Pattern path, String method, List<String> produces) {
    }

    /** What JAX-RS answers with where a resource names no type: Gazette's resources return JSON. */
    private static final List<String> DEFAULT_TYPES = List.of(MediaType.APPLICATION_JSON);

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    static String forPath(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return String.join(", ", methods);
    }

    /**
     * The media types the operations at this path answer with ({@code method}'s when it has one there, else
     * all of the path's), without parameters: "text/event-stream", "application/json". Empty for an unknown path.
     */
    static Set<String> producedAt(String path, String method) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> ofMethod = new LinkedHashSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                all.addAll(route.produces());
                if (route.method().equalsIgnoreCase(method) || ("HEAD".equalsIgnoreCase(method) && route.method().equals("GET"))) {
                    ofMethod.addAll(route.produces());
                }
            }
        }
        return ofMethod.isEmpty() ? all : ofMethod;
    }

    private static List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        String template = "/" + classPath.value() + "/" + (methodPath == null ? "" : methodPath.value());
                        String regex = template.replaceAll("/+", "/").replaceAll("(.)/$", "$1")
                                .replaceAll("\\{[^}]+}", "[^/]+");
                        Produces produces = method.getAnnotation(Produces.class) != null ? method.getAnnotation(Produces.class)
                                : type.getAnnotation(Produces.class);
                        List<String> types = produces == null ? DEFAULT_TYPES : Arrays.stream(produces.value())
                                .flatMap(v -> Arrays.stream(v.split(","))).map(t -> t.split(";")[0].trim()).filter(t -> !t.isEmpty()).toList();
                        found.add(new Route(Pattern.compile(regex + "/?"), httpMethod, types));
                    }
                }
            }
            routes = found;
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
