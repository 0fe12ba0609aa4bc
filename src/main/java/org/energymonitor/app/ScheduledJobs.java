package org.energymonitor.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.support.LifecycleStrategySupport;
import org.energymonitor.jobs.JobLog;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * The scheduled jobs as the routes define them: every route from {@code quartz:energy/<name>} is the job
 * {@code <name>}, whether the product's {@code job} template made it, an operator's {@code templatedRoute} or an
 * operator's own quartz route; nothing else lists the jobs, so a new job needs no code. Learns each route as Camel
 * creates it, in the order of the route files, switched-off ones included (Camel lists only the routes it started).
 */
final class ScheduledJobs extends LifecycleStrategySupport {

    private final CamelContext context;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    ScheduledJobs(CamelContext context) {
        this.context = context;
    }

    @Override
    public void onRouteContextCreate(Route route) {
        if (route.getEndpoint() instanceof QuartzEndpoint q && JobsConfiguration.QUARTZ_GROUP.equals(q.getGroupName())) {
            routes.removeIf(r -> r.getRouteId().equals(route.getRouteId()));
            routes.add(route);
        }
    }

    /** The jobs: name, switched on (the route's autoStartup), cron expression and zone. */
    List<JobLog.Spec> specs() {
        List<JobLog.Spec> out = new ArrayList<>();
        for (Route route : routes) {
            QuartzEndpoint q = (QuartzEndpoint) route.getEndpoint();
            Object zone = q.getTriggerParameters() == null ? null : q.getTriggerParameters().get("timeZone");
            out.add(new JobLog.Spec(q.getTriggerName(), !Boolean.FALSE.equals(route.isAutoStartup()), q.getCron(),
                    zone == null ? null : String.valueOf(zone)));
        }
        return out;
    }

    /** A job's next fire time from the Quartz scheduler, null when it is not scheduled (switched off, not started). */
    Long nextFire(String job) {
        try {
            Scheduler s = context.getComponent("quartz", QuartzComponent.class).getScheduler();
            Trigger t = s == null ? null : s.getTrigger(TriggerKey.triggerKey(job, JobsConfiguration.QUARTZ_GROUP));
            return t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().getTime();
        } catch (Exception e) {
            return null;
        }
    }
}
