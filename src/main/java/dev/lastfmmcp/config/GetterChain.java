package dev.lastfmmcp.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.RuntimeCamelException;

/**
 * The Simple OGNL paths the routes read from their variables ({@code ${variable.call.method}},
 * {@code ${variable.lastfmFetch.outcome.name}}): a chain of no-argument methods (a record component, {@code getX},
 * {@code isX}), each looked up once per class. Camel evaluates such a path by building a new bean expression,
 * introspecting the class and copying the whole exchange for every segment of every evaluation. Other paths
 * (indexes, method arguments) and classes without such a method are left to Camel ({@link #parse} or
 * {@link #resolves} answer null / false).
 */
final class GetterChain {

    private static final Pattern PATH = Pattern.compile("\\??\\.?[A-Za-z_$][\\w$]*(\\(\\))?(\\??\\.[A-Za-z_$][\\w$]*(\\(\\))?)*");

    private static final ClassValue<ConcurrentHashMap<String, Optional<Method>>> GETTERS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final String[] names;
    private final boolean[] nullSafe;

    private GetterChain(String[] names, boolean[] nullSafe) {
        this.names = names;
        this.nullSafe = nullSafe;
    }

    /** The routes' paths, parsed once (Simple asks for the chain on every evaluation); {@link #NONE} for no chain. */
    private static final ConcurrentHashMap<String, GetterChain> PARSED = new ConcurrentHashMap<>();
    private static final GetterChain NONE = new GetterChain(new String[0], new boolean[0]);

    /** The chain of {@code path} ({@code .a.b}, {@code a?.b()}), or null when it is more than a chain of names. */
    static GetterChain parse(String path) {
        if (path == null) {
            return null;
        }
        GetterChain chain = PARSED.size() < 10_000 ? PARSED.computeIfAbsent(path, GetterChain::read) : read(path);
        return chain == NONE ? null : chain;
    }

    private static GetterChain read(String path) {
        if (!PATH.matcher(path).matches()) {
            return NONE;
        }
        String rest = path;
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Boolean> safe = new java.util.ArrayList<>();
        boolean nextSafe = false;
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '?') {
                nextSafe = true;
                i++;
                continue;
            }
            if (c == '.') {
                i++;
                continue;
            }
            int end = i;
            while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '?'
                   && rest.charAt(end) != '(') {
                end++;
            }
            names.add(rest.substring(i, end));
            safe.add(nextSafe);
            nextSafe = false;
            i = end;
            if (i < rest.length() && rest.charAt(i) == '(') {
                i += 2;
            }
        }
        boolean[] nullSafe = new boolean[safe.size()];
        for (int k = 0; k < nullSafe.length; k++) {
            nullSafe[k] = safe.get(k);
        }
        return new GetterChain(names.toArray(String[]::new), nullSafe);
    }

    /** True when the first step has a method on {@code start}'s class (or {@code start} is null). */
    boolean startsOn(Object start) {
        return start == null || getter(start.getClass(), names[0]) != null;
    }

    /** The value at the end of the chain; a null before the end is null for a {@code ?.} step, else a failure. */
    Object evaluate(Object start) {
        Object value = start;
        for (int i = 0; i < names.length; i++) {
            if (value == null) {
                if (nullSafe[i]) {
                    return null;
                }
                throw new RuntimeCamelException("cannot read " + names[i] + " of null");
            }
            Method getter = getter(value.getClass(), names[i]);
            if (getter == null) {
                throw new RuntimeCamelException("no method " + names[i] + "() on " + value.getClass().getName());
            }
            value = call(getter, value, names[i]);
        }
        return value;
    }

    private static Object call(Method getter, Object target, String name) {
        try {
            return getter.invoke(target);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new RuntimeCamelException(cause);
        } catch (IllegalAccessException e) {
            throw new RuntimeCamelException("cannot call " + name + "() on " + target.getClass().getName(), e);
        }
    }

    /** The no-argument method for {@code name} on {@code type}: {@code name()}, {@code getName()}, {@code isName()}. */
    static Method getter(Class<?> type, String name) {
        return GETTERS.get(type).computeIfAbsent(name, n -> Optional.ofNullable(find(type, n))).orElse(null);
    }

    private static Method find(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {name, "get" + capitalized, "is" + capitalized}) {
            try {
                Method method = type.getMethod(candidate);
                if (method.getReturnType() == void.class || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                // accessible even when public: Method.invoke then skips its per-call access check
                if (!method.trySetAccessible() && !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                    continue;
                }
                return method;
            } catch (NoSuchMethodException e) {
                // the next form
            }
        }
        return null;
    }
}
