package dev.gazette.common.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a path supports, for the {@code Allow} header a 405 must carry. Built once from
 * the JAX-RS annotations of the resource classes.
 */
final class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

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
                        found.add(new Route(Pattern.compile(regex + "/?"), httpMethod));
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
