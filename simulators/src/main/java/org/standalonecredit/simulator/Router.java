package org.standalonecredit.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps method + path templates such as {@code /pts/v2/credits/{id}/voids} to handlers. Not thread-safe while
 * being built; read-only afterwards.
 */
public final class Router {

    /** Handles one routed request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param request   the request as received
         * @param variables values of the template's {@code {name}} segments
         */
        Reply handle(RecordedRequest request, Map<String, String> variables);
    }

    /** A registered route. */
    public record Route(String method, String template, Operation operation, Handler handler) {
    }

    /** A route that matched, with the path variables it captured. */
    public record Match(Route route, Map<String, String> variables) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route. */
    public Router add(String method, String template, Operation operation, Handler handler) {
        routes.add(new Route(method, template, operation, handler));
        return this;
    }

    /** The operation of the first route matching method and path (path without query), if any. */
    public Optional<Operation> operationOf(String method, String path) {
        return match(method, path).map(m -> m.route().operation());
    }

    /** The first route matching method and path (path without query). */
    public Optional<Match> match(String method, String path) {
        String[] actual = split(path);
        for (Route route : routes) {
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            String[] template = split(route.template());
            if (template.length != actual.length) {
                continue;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < template.length && ok; i++) {
                String t = template[i];
                if (t.startsWith("{") && t.endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        ok = false;
                    } else {
                        vars.put(t.substring(1, t.length() - 1), actual[i]);
                    }
                } else {
                    ok = t.equals(actual[i]);
                }
            }
            if (ok) {
                return Optional.of(new Match(route, Map.copyOf(vars)));
            }
        }
        return Optional.empty();
    }

    private static String[] split(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.split("/", -1);
    }
}
