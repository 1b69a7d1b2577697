package dev.lastfmmcp.config;

import dev.lastfmmcp.support.ResultMemo;
import org.apache.camel.BeanScope;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.language.bean.BeanLanguage;
import org.apache.camel.spi.BeanProcessorFactory;
import org.apache.camel.spi.IdAware;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.support.PluginHelper;

/**
 * The routes' bean steps ({@code bean: {ref, method}}), bean expressions ({@code method: {ref, method}} in
 * {@code setVariable}, {@code setBody}, {@code filter}, {@code when}) and the Simple OGNL paths on variables
 * ({@code ${variable.call.method}}), run without Camel's per-call reflection and without the copy of the whole
 * exchange that Camel's bean language makes for every evaluation (see {@link BeanCall} and {@link GetterChain}).
 * Nothing in the YAML changes: a route reads exactly as before, and what this cannot bind stays with Camel.
 *
 * <p>The difference from Camel's bean language: the bean runs on the exchange itself, not on a copy, so a bean used
 * as an expression must not change the message (none here does: beans take and return plain values).
 */
public final class DirectBeans {

    /** The registry name under which Camel looks for a replacement of its {@code bean} language. */
    static final String LANGUAGE_BEAN = "bean-language";
    /** The registry name of the {@link ResultMemo} that {@code @Memoized} bean steps keep their results in. */
    static final String RESULT_MEMO = "resultMemo";

    private DirectBeans() {
    }

    /** Installs the bean step factory and the bean language; call before the routes are built. */
    public static void install(CamelContext context) throws Exception {
        BeanProcessorFactory camels = PluginHelper.getBeanProcessorFactory(context);
        context.getCamelContextExtension().addContextPlugin(BeanProcessorFactory.class, new StepFactory(camels));
        Language language = new Language();
        language.setCamelContext(context);
        language.start();
        context.getRegistry().bind(LANGUAGE_BEAN, language);
    }

    /** {@code bean} steps on a named singleton bean; the rest go to Camel's factory. */
    static final class StepFactory implements BeanProcessorFactory {
        private final BeanProcessorFactory camels;

        StepFactory(BeanProcessorFactory camels) {
            this.camels = camels;
        }

        @Override
        public Processor createBeanProcessor(CamelContext context, Object bean, java.lang.reflect.Method method)
                throws Exception {
            return camels.createBeanProcessor(context, bean, method);
        }

        @Override
        public Processor createBeanProcessor(CamelContext context, Object bean, String beanType, Class<?> beanClass,
                String ref, String method, BeanScope scope) throws Exception {
            if (bean == null && beanType == null && beanClass == null && ref != null
                && (scope == null || scope == BeanScope.Singleton)) {
                BeanCall call = BeanCall.of(context, context.getRegistry().lookupByName(ref), method,
                        context.getRegistry().lookupByNameAndType(RESULT_MEMO, ResultMemo.class));
                if (call != null) {
                    return new Step(call);
                }
            }
            return camels.createBeanProcessor(context, bean, beanType, beanClass, ref, method, scope);
        }
    }

    /**
     * A bean step: the method's result (if it has one) becomes the body; its failure, the exchange's exception. A
     * service, as Camel's bean processor is: Camel registers a step's JMX MBean (Hawtio's per-step statistics) only
     * for processors that are services.
     */
    static final class Step extends org.apache.camel.support.service.ServiceSupport
            implements Processor, IdAware, RouteIdAware {
        private final BeanCall call;
        private String id;
        private String routeId;

        Step(BeanCall call) {
            this.call = call;
        }

        @Override
        public void process(Exchange exchange) {
            Object result;
            try {
                result = call.invoke(exchange);
            } catch (Exception e) {
                exchange.setException(e);
                return;
            } catch (Error e) {
                exchange.setException(new RuntimeCamelException(e));
                return;
            }
            if (!call.isVoid()) {
                exchange.getMessage().setBody(result);
            }
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String toString() {
            return "bean[" + call.describe() + "]";
        }
    }

    /**
     * Camel's bean language with two fast paths: a named singleton bean's method ({@code method: {ref, method}}),
     * and a chain of getters on a value (how Simple evaluates {@code ${variable.x.y}}).
     */
    static final class Language extends BeanLanguage {

        @Override
        public Expression createExpression(String expression, Object[] properties) {
            Class<?> resultType = property(Class.class, properties, 0, null);
            Object bean = property(Object.class, properties, 1, null);
            String method = property(String.class, properties, 2, null);
            Class<?> beanType = property(Class.class, properties, 3, null);
            String ref = property(String.class, properties, 4, null);
            Object scope = property(Object.class, properties, 5, null);
            boolean singleton = scope == null || BeanScope.Singleton.equals(scope)
                                || "Singleton".equalsIgnoreCase(scope.toString());
            if (bean != null && beanType == null && ref == null && method != null) {
                GetterChain chain = GetterChain.parse(method);
                if (chain != null && chain.startsOn(bean)) {
                    return new Path(bean, chain, resultType);
                }
            } else if (bean == null && beanType == null && ref != null && method != null && singleton) {
                BeanCall call = BeanCall.of(getCamelContext(), getCamelContext().getRegistry().lookupByName(ref),
                        method);
                if (call != null && !call.isVoid()) {
                    return new Call(call, resultType);
                }
            }
            return super.createExpression(expression, properties);
        }
    }

    /** Converts a result to the asked type (and to the expression's result type when one is set). */
    private abstract static class Evaluated implements Expression, Predicate {
        private final Class<?> resultType;

        Evaluated(Class<?> resultType) {
            this.resultType = resultType;
        }

        abstract Object value(Exchange exchange);

        public Object evaluate(Exchange exchange) {
            return value(exchange);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluate(Exchange exchange, Class<T> type) {
            Object result = value(exchange);
            Class<?> wanted = type == Object.class && resultType != null ? resultType : type;
            if (wanted == Object.class || result == null && !wanted.isPrimitive() || wanted.isInstance(result)) {
                return (T) result;
            }
            return (T) exchange.getContext().getTypeConverter().convertTo(wanted, exchange, result);
        }

        @Override
        public boolean matches(Exchange exchange) {
            return ObjectHelper.evaluateValuePredicate(value(exchange));
        }

        @Override
        public void init(CamelContext context) {
            // bound when created
        }
    }

    /** A bean method as an expression: its failure becomes the exchange's exception and the value null, as Camel's. */
    static final class Call extends Evaluated {
        private final BeanCall call;

        Call(BeanCall call, Class<?> resultType) {
            super(resultType);
            this.call = call;
        }

        @Override
        Object value(Exchange exchange) {
            try {
                return call.invoke(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            } catch (Error e) {
                exchange.setException(new RuntimeCamelException(e));
            }
            return null;
        }

        @Override
        public String toString() {
            return "method[" + call.describe() + "]";
        }
    }

    /** A getter chain on a value (Simple OGNL). */
    static final class Path extends Evaluated {
        private final Object start;
        private final GetterChain chain;

        Path(Object start, GetterChain chain, Class<?> resultType) {
            super(resultType);
            this.start = start;
            this.chain = chain;
        }

        @Override
        Object value(Exchange exchange) {
            return chain.evaluate(start);
        }
    }
}
