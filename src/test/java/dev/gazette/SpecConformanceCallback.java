package dev.gazette;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Makes {@link SpecConformance} active in every {@code @QuarkusTest} (registered as a service). */
public class SpecConformanceCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        SpecConformance.install();
    }
}
