package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.energymonitor.events.EventComponent;
import org.energymonitor.events.EventCounters;
import org.energymonitor.routes.OperatorRoutes;
import org.junit.jupiter.api.Test;

/**
 * The bean classes of {@link Service#beanClasses()} keep the rule of {@link CoreConfiguration}'s comment, so Camel
 * builds every bean after the beans it takes, and they bind every bean the product's routes call.
 */
class BeanClassesTest {

    /** A {@code @BindToRegistry} method of the {@code index}-th bean class. */
    private record Factory(int index, Method method) {

        String name() {
            String value = method.getAnnotation(BindToRegistry.class).value();
            return value.isEmpty() ? method.getName() : value;
        }

        /** Camel builds the beans of java.* types of a class before its others. */
        boolean javaType() {
            return method.getReturnType().getName().startsWith("java.");
        }

        @Override
        public String toString() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
    }

    private static List<Factory> factories() {
        List<Factory> all = new ArrayList<>();
        List<CamelConfiguration> classes = Service.beanClasses();
        for (int i = 0; i < classes.size(); i++) {
            for (Method m : classes.get(i).getClass().getDeclaredMethods()) {
                if (m.isAnnotationPresent(BindToRegistry.class)) {
                    all.add(new Factory(i, m));
                }
            }
        }
        return all;
    }

    @Test
    void each_bean_method_takes_only_beans_that_camel_builds_before_it() {
        List<Factory> all = factories();
        List<String> problems = new ArrayList<>();
        for (Factory f : all) {
            for (Class<?> type : f.method().getParameterTypes()) {
                if (type == CamelContext.class) {
                    continue;
                }
                List<Factory> makers = all.stream().filter(m -> type.isAssignableFrom(m.method().getReturnType())).toList();
                if (makers.size() != 1) {
                    problems.add(f + " takes a " + type.getSimpleName() + ", which " + makers.size() + " methods make");
                } else if (!before(makers.get(0), f, all)) {
                    problems.add(f + " takes the bean of " + makers.get(0) + ", which Camel may build later");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void every_bean_name_is_bound_once_and_every_bean_the_product_routes_call_is_bound() throws Exception {
        List<String> names = factories().stream().map(Factory::name).sorted().toList();
        assertEquals(new TreeSet<>(names).size(), names.size(), "a name bound twice: " + names);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:application.properties");
            context.addComponent("event", new EventComponent(1, new EventCounters()));
            context.build();
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList()) {
                    PluginHelper.getRoutesLoader(context).loadRoutes(
                            PluginHelper.getResourceLoader(context).resolveResource("file:" + file));
                }
            }
            Set<String> called = new TreeSet<>(OperatorRoutes.productBeans(context));
            assertTrue(called.size() > 20, "the routes were read: " + called);
            called.removeAll(names);
            assertEquals(Set.of(), called, "beans the product routes call that no bean class binds");
        }
    }

    /** Whether Camel calls {@code maker} before {@code user} (DefaultCamelBeanPostProcessor's order). */
    private static boolean before(Factory maker, Factory user, List<Factory> all) {
        if (maker.index() != user.index()) {
            return maker.index() < user.index();
        }
        if (maker.javaType() != user.javaType()) {
            return maker.javaType();
        }
        return level(maker, all) < level(user, all);
    }

    /** 0 without parameters, 1 when no parameter is a bean its class makes with parameters, else 2. */
    private static int level(Factory f, List<Factory> all) {
        if (f.method().getParameterCount() == 0) {
            return 0;
        }
        boolean usesItsClass = Arrays.stream(f.method().getParameterTypes()).anyMatch(type -> all.stream().anyMatch(
                m -> m.index() == f.index() && m.javaType() == f.javaType() && m.method().getParameterCount() > 0
                        && type.isAssignableFrom(m.method().getReturnType())));
        return usesItsClass ? 2 : 1;
    }
}
