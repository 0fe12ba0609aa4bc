package org.energymonitor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.BindToRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.energymonitor.app.RunningService;
import org.junit.jupiter.api.Test;

/**
 * The route tier of the event surface (camel-test-main-junit5, no service and no broker): the {@code event:}
 * component with a queue of two per consuming route, one fast and one stuck consumer of {@code event:reading-stored}
 * as an operator writes them, and a producer. The fast route gets every event while the stuck one holds its thread;
 * the stuck route's queue keeps two, the rest is dropped for that route alone and counted. (A burst faster than a
 * route drains its queue is dropped for it too: the queue bounds memory, docs/routes.md "Events".)
 */
class EventQueuesTest extends CamelMainTestSupport {

    private static final int QUEUE = 2;
    private final EventCounters counters = new EventCounters();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch slowHasOne = new CountDownLatch(1);

    /** The component as the service binds it (docs/routes.md: energy.events.queue-size). */
    public final class EventBeans implements org.apache.camel.CamelConfiguration {
        @BindToRegistry("event")
        public EventComponent event() {
            return new EventComponent(QUEUE, counters);
        }
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(new EventBeans());
    }

    /** Only this test's routes, not the product's (application.properties names those). */
    @Override
    protected java.util.Properties useOverridePropertiesWithPropertiesComponent() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("camel.main.routes-include-pattern", "classpath:no-product-routes/*.yaml");
        return p;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:store").routeId("product").to("event:reading-stored");
                from("event:reading-stored").routeId("fast-operator-route").to("mock:fast");
                from("event:reading-stored").routeId("stuck-operator-route")
                        .process(e -> {
                            slowHasOne.countDown();
                            assertTrue(release.await(60, TimeUnit.SECONDS), "released");
                        })
                        .to("mock:slow");
            }
        };
    }

    @Test
    void a_stuck_operator_route_loses_only_its_own_events_beyond_its_queue_and_the_others_get_all() throws Exception {
        MockEndpoint fast = getMockEndpoint("mock:fast");
        MockEndpoint slow = getMockEndpoint("mock:slow");
        fast.expectedMessageCount(10);
        template.sendBody("direct:store", Map.of("meter", "m", "ts", 1L));
        assertTrue(slowHasOne.await(60, TimeUnit.SECONDS), "the stuck route holds its first event");
        for (int i = 2; i <= 10; i++) {
            template.sendBody("direct:store", List.of(Map.of("meter", "m", "ts", (long) i)));
            // the fast route keeps up (one event at a time), while the stuck one does not move
            int sent = i;
            RunningService.await(Duration.ofSeconds(60), "event " + i + " at the fast route",
                    () -> fast.getReceivedCounter() >= sent);
        }
        fast.assertIsSatisfied(60_000);
        assertEquals(Map.of("meter", "m", "ts", 10L), fast.getExchanges().get(9).getMessage().getBody(Map.class));

        EventCounters.Counts counts = counters.counts().get("reading-stored");
        // ten to the fast route; to the stuck one the first (in hand) and a full queue of two, seven dropped
        assertEquals(10 + 1 + QUEUE, counts.published(), counts.toString());
        assertEquals(10 - 1 - QUEUE, counts.dropped(), counts.toString());

        slow.expectedMessageCount(1 + QUEUE);
        release.countDown();
        slow.assertIsSatisfied(60_000);
    }
}
