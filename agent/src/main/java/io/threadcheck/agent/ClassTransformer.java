package io.threadcheck.agent;

import io.threadcheck.core.instrument.Instrumenter;
import io.threadcheck.core.instrument.ScopeFilter;
import io.threadcheck.core.record.Hooks;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Instruments each class in scope as it loads. Whatever goes wrong, the class is left as it
 * was and one line says so: the program must load and run exactly as without the agent.
 */
final class ClassTransformer implements ClassFileTransformer {

    private final Instrumenter instrumenter;
    private final ScopeFilter scope;
    private final Instrumentation instrumentation;
    private final Module hooksModule = Hooks.class.getModule();
    private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();
    private final AtomicLong instrumented = new AtomicLong();

    ClassTransformer(Instrumenter instrumenter, ScopeFilter scope, Instrumentation instrumentation) {
        this.instrumenter = instrumenter;
        this.scope = scope;
        this.instrumentation = instrumentation;
    }

    long instrumentedClasses() {
        return instrumented.get();
    }

    /** True for program classes threadcheck instruments: not the JDK's, not its own, in scope. */
    boolean inScope(ClassLoader loader, String className) {
        return className != null && loader != null && loader != platformLoader && scope.includes(className);
    }

    /** True for JDK classes that happens-before models hook (executors, futures, Thread.start, ...). */
    boolean isModelledJdkClass(ClassLoader loader, String className) {
        return className != null && (loader == null || loader == platformLoader) && instrumenter.hasJdkRules(className);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        boolean jdk = isModelledJdkClass(loader, className);
        if (!jdk && !inScope(loader, className)) return null;
        try {
            Instrumenter.Result result = jdk ? instrumenter.instrumentJdk(classfileBuffer, loader, className)
                    : instrumenter.instrument(classfileBuffer, loader, classBeingRedefined == null);
            for (String method : result.skippedMethods()) {
                System.err.println("threadcheck: left " + className.replace('/', '.') + "." + method
                        + " uninstrumented (too large or not safely instrumentable)");
            }
            for (String rule : result.unmatchedRules()) {
                System.err.println("threadcheck: model rule " + rule + " matched nothing in " + className.replace('/', '.')
                        + " on this JDK; its happens-before edges are missing");
            }
            if (result.bytes() == null) return null;
            // Code in a named module must be able to read the hooks' (unnamed) module.
            if (module != null && module.isNamed() && !module.canRead(hooksModule)) {
                instrumentation.redefineModule(module, Set.of(hooksModule), Map.of(), Map.of(), Set.of(), Map.of());
            }
            if (!jdk) instrumented.incrementAndGet(); // the report counts program classes
            return result.bytes();
        } catch (Throwable e) {
            System.err.println("threadcheck: could not instrument " + className.replace('/', '.')
                    + ", left as it was: " + e);
            return null;
        }
    }
}
