package dev.lastfmmcp.observe;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.modelmbean.InvalidTargetObjectTypeException;
import javax.management.modelmbean.ModelMBean;
import javax.management.modelmbean.ModelMBeanInfo;
import javax.management.modelmbean.RequiredModelMBean;

import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedInstance;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.api.management.NotificationSenderAware;
import org.apache.camel.spi.ManagementMBeanAssembler;
import org.apache.camel.support.management.MBeanInfoAssembler;
import org.apache.camel.support.management.MixinRequiredModelMBean;
import org.apache.camel.support.management.NotificationSenderAdapter;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel's MBean assembler with each managed class's {@link ModelMBeanInfo} built once. Camel's own assembler builds
 * the info (every attribute and operation of the {@code @Managed*} annotations, each validated by the JDK) again for
 * every MBean it registers: at start-up that is about 130 route MBeans and the endpoints and services, a few classes
 * in all, and it took a tenth of the main thread's start-up (and the JIT compiled the JDK's descriptor validation
 * for it). The info depends on the class only (names, descriptions, mask flags; no attribute caches a value, so
 * nothing in it changes), and {@link RequiredModelMBean} keeps its own copy of what it is given, so one per class
 * serves every instance. An object whose managed instance has annotations of its own (an endpoint, a component) gets
 * Camel's mixin: one MBean calls the instance, and the managed object's standard attributes go to a second one.
 */
public final class SharedMBeanInfo extends ServiceSupport implements ManagementMBeanAssembler {

    private final CamelContext context;
    private final MBeanInfoAssembler infos;
    private final Map<Kind, Infos> byClass = new ConcurrentHashMap<>();
    private final AtomicInteger assembled = new AtomicInteger();

    public SharedMBeanInfo(CamelContext context) {
        this.context = context;
        this.infos = new MBeanInfoAssembler(context);
    }

    @Override
    public ModelMBean assemble(MBeanServer server, Object managed, ObjectName name) throws JMException {
        if (Proxy.isProxyClass(managed.getClass())) {
            return null; // as Camel's: no MBean for a proxy
        }
        Object custom = customInstance(managed);
        Kind kind = new Kind(managed.getClass(), custom == null ? null : custom.getClass());
        Infos shared = byClass.get(kind);
        if (shared == null) {
            shared = new Infos(infos.getMBeanInfo(context, managed, custom, name.toString()),
                    custom == null ? null : infos.getMBeanInfo(context, managed, null, name.toString()));
            byClass.putIfAbsent(kind, shared);
        }
        // with a custom instance the MBean calls it, and the standard attributes and operations go to a mixin MBean
        // on the managed object (as Camel's assembler does)
        RequiredModelMBean standard = null;
        Object target = managed;
        if (custom != null) {
            standard = new RequiredModelMBean(shared.standard());
            setResource(standard, managed);
            target = custom;
        }
        RequiredModelMBean mbean = new MixinRequiredModelMBean(shared.all(), masked(), shared.standard(), standard);
        setResource(mbean, target);
        if (target instanceof NotificationSenderAware aware) {
            aware.setNotificationSender(new NotificationSenderAdapter(mbean));
        }
        assembled.incrementAndGet();
        return mbean;
    }

    /** MBeans assembled from a shared info. */
    public int assembled() {
        return assembled.get();
    }

    /** Infos built: one per managed class (and custom instance class). */
    public int built() {
        return byClass.size();
    }

    private static Object customInstance(Object managed) {
        if (managed instanceof ManagedInstance instance) {
            Object custom = instance.getInstance();
            if (custom != null && custom.getClass().isAnnotationPresent(ManagedResource.class)) {
                return custom;
            }
        }
        return null;
    }

    private static void setResource(RequiredModelMBean mbean, Object resource) throws JMException {
        try {
            mbean.setManagedResource(resource, "ObjectReference");
        } catch (InvalidTargetObjectTypeException e) {
            throw new JMException(e.getMessage());
        }
    }

    private boolean masked() {
        return Boolean.TRUE.equals(context.getManagementStrategy().getManagementAgent().getMask());
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(infos);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(infos);
        byClass.clear();
    }

    /** A managed object's class, and its custom instance's when it has one. */
    private record Kind(Class<?> managed, Class<?> custom) {
    }

    /** All attributes and operations; and the managed object's own when a custom instance adds to them. */
    private record Infos(ModelMBeanInfo all, ModelMBeanInfo standard) {
    }
}
