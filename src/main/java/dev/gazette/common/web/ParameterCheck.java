package dev.gazette.common.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * The parameter side of {@link TextInput}: a path or query parameter holding a control
 * character or invalid Unicode (after %-decoding: {@code ?q=a%00b}, {@code /posts/a%00b}) is
 * refused with a 400 problem naming the parameter, before any resource, service or database
 * sees it. Parameters never legitimately carry controls, not even tab or line feed.
 */
public class ParameterCheck {

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Response check(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/wp-json")) {
            return null; // WordPress' routes refuse these in WordPress' shape (wordpress/WpArgs)
        }
        ApiException problem = refused(request.getUriInfo().getPathParameters(), "path parameter");
        if (problem == null) {
            problem = refused(request.getUriInfo().getQueryParameters(), "query parameter");
        }
        return problem == null ? null : ProblemMapper.toResponse(problem, request.getUriInfo().getRequestUri().getRawPath());
    }

    private static ApiException refused(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (ControlCharacters.firstRefused(name, false) != null) {
                return ApiException.badRequest(kind, "a " + kind + " name " + ControlCharacters.MESSAGE);
            }
            for (String value : parameter.getValue()) {
                String refused = ControlCharacters.firstRefused(value, false);
                if (refused != null) {
                    return ApiException.badRequest(name, ControlCharacters.message(refused));
                }
            }
        }
        return null;
    }
}
