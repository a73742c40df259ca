package dev.gazette.common.outage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.h2.tools.Server;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The test database, reached through a {@link TcpProxy} the test can cut: PostgreSQL's server as
 * the suite's other tests use it ({@code -Dtest-db.url}), or an in-memory H2 database served by an H2
 * TCP server started here (the suite's H2 database lives inside the test JVM, with no connection to
 * cut). Test fields annotated {@link Proxy} receive the proxy.
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.FIELD)
    public @interface Proxy {
    }

    private TcpProxy proxy;
    private Server h2;

    @Override
    public Map<String, String> start() {
        try {
            if ("postgresql".equals(System.getProperty("test-db.kind"))) {
                String url = System.getProperty("test-db.url");
                URI target = URI.create(url.substring("jdbc:".length()));
                proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
                String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                return Map.of("quarkus.datasource.jdbc.url", proxied);
            }
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            proxy = new TcpProxy("127.0.0.1", h2.getPort());
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:outage-"
                    + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        } catch (Exception e) {
            throw new IllegalStateException("could not start the database proxy", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(Proxy.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (Exception ignored) {
            // the JVM ends
        }
        if (h2 != null) {
            h2.stop();
        }
    }
}
