package dev.gazette.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The application's JSON writes instants exactly as {@link Instant#toString()} does, whatever their fraction. */
@QuarkusTest
class InstantJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void theApplicationsMapperUsesIt() throws Exception {
        assertEquals(InstantJson.Serializer.class,
                mapper.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass());
    }

    private void writesAsTheJdk(Instant instant) throws Exception {
        assertEquals("\"" + instant + "\"", mapper.writeValueAsString(instant), instant::toString);
    }

    @Test
    void edgesAndEveryFractionLength() throws Exception {
        for (Instant instant : List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("2026-11-27T09:05:00Z"),
                Instant.parse("2026-11-27T09:05:00.100Z"), Instant.parse("2026-11-27T09:05:00.000001Z"),
                Instant.parse("2026-11-27T09:05:00.000000001Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX)) {
            writesAsTheJdk(instant);
        }
    }

    @Test
    void randomInstantsOverFiveCenturies() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            writesAsTheJdk(Instant.ofEpochSecond(random.nextLong(from, to), nano));
        }
    }

    @Test
    void insideARecordAsInsideTheApi() throws Exception {
        record Dated(Instant at) {
        }
        assertEquals("{\"at\":\"2026-11-27T09:05:00.120Z\"}", mapper.writeValueAsString(new Dated(Instant.parse("2026-11-27T09:05:00.12Z"))));
    }
}
