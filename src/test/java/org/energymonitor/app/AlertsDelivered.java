package org.energymonitor.app;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;

/**
 * Test helper for "no more alerts were sent": instead of sleeping, it queues a marker alert behind everything the
 * service has queued so far and waits until the fake Telegram received it; the alert queue delivers in order, so
 * whatever was queued before the marker has been delivered by then.
 */
final class AlertsDelivered {

    private AlertsDelivered() {
    }

    /** The messages Telegram received before a marker queued now (the marker itself is left out). */
    static List<FakeTelegram.Request> before(RunningService service, FakeTelegram fake) throws Exception {
        String marker = "delivery-marker-" + UUID.randomUUID();
        ProducerTemplate template = service.context().createProducerTemplate();
        try {
            template.sendBody("direct:send-alert", marker);
        } finally {
            template.stop();
        }
        RunningService.await(Duration.ofSeconds(60), "the marker alert",
                () -> fake.messages().stream().anyMatch(r -> r.body().contains(marker)));
        return fake.messages().stream().takeWhile(r -> !r.body().contains(marker)).toList();
    }
}
