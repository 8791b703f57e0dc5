package io.scaleguard.adapters.rest.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * The JVM and process meters of Micrometer's binders (memory, GC, threads, class loading, CPU, uptime, file
 * descriptors), bound while the application is served. The GC binder listens to JMX notifications, so it is
 * closed with the container rather than left listening into a registry nobody reads.
 */
final class JvmMetrics implements ContainerLifecycleListener {

    private final MeterRegistry registry;
    private JvmGcMetrics gc;

    JvmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public synchronized void onStartup(Container container) {
        new JvmInfoMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    @Override
    public void onReload(Container container) {
        // The meters read the JVM, not the application: a reload changes nothing they report.
    }

    @Override
    public synchronized void onShutdown(Container container) {
        if (gc != null) {
            gc.close();
            gc = null;
        }
    }
}
