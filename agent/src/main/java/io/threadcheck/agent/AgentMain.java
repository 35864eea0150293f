package io.threadcheck.agent;

import io.threadcheck.core.instrument.Instrumenter;
import io.threadcheck.core.model.CallModels;
import io.threadcheck.core.record.Hooks;
import io.threadcheck.core.record.Recorder;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts threadcheck inside the target JVM, loaded by the bootstrap loader (see {@link Agent}).
 *
 * <p>Start-up uses no lambdas: bootstrapping one while our own transformer is being installed
 * can recurse into class loading (seen as ClassCircularityError on JDK 17).
 */
public final class AgentMain {

    private AgentMain() {}

    /** Called reflectively by {@link Agent}. */
    public static void start(String args, Instrumentation inst, boolean attached) {
        try {
            long startNanos = System.nanoTime();
            AgentOptions options = AgentOptions.parse(args);
            for (String error : options.errors) System.err.println("threadcheck: " + error);

            SymbolTable symbols = new SymbolTable();
            ThreadTable threads = new ThreadTable();
            Recorder recorder = new Recorder(symbols, threads);
            Analyses analyses = new Analyses(options.modes, recorder);
            Instrumenter instrumenter = new Instrumenter(symbols, Analyses.recording(options.modes));
            warmUp();

            openJdkPackages(inst);
            ClassTransformer transformer = new ClassTransformer(instrumenter, options.scope, inst);
            inst.addTransformer(transformer, true);
            retransformLoaded(inst, transformer, attached);
            recorder.start(analyses.chain());
            ReportOnExit report = new ReportOnExit(options, recorder, analyses, transformer, startNanos);
            if (options.watchdogMillis > 0) {
                DeadlockWatchdog watchdog = new DeadlockWatchdog(options.watchdogMillis, recorder, analyses,
                        new OnDeadlock(options, report));
                report.watch(watchdog);
                watchdog.start();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(report, "threadcheck-report"));
        } catch (Throwable e) {
            System.err.println("threadcheck: the agent could not start; the program runs unchecked: " + e);
        }
    }

    /** Loads the instrumenter's classes now, so no class of ours is first loaded inside a transform. */
    private static void warmUp() throws Exception {
        CallModels.get();
        try (InputStream in = AgentMain.class.getResourceAsStream("AgentMain.class")) {
            if (in != null) new Instrumenter(new SymbolTable()).instrument(in.readAllBytes(), null);
        }
    }

    /**
     * Models read a few JDK-internal fields (which lock a read lock belongs to), so the packages
     * of java.util.concurrent are opened to the hooks' module; and java.base must read that
     * module to call the hooks from the JDK classes the models instrument.
     */
    private static void openJdkPackages(Instrumentation inst) {
        Module hooks = Hooks.class.getModule();
        Module base = Object.class.getModule();
        Map<String, Set<Module>> opens = new HashMap<>();
        for (String pkg : new String[] {"java.util.concurrent", "java.util.concurrent.locks",
                "java.util.concurrent.atomic", "java.util", "java.lang"}) {
            Set<Module> to = new HashSet<>();
            to.add(hooks);
            opens.put(pkg, to);
        }
        Set<Module> reads = new HashSet<>();
        reads.add(hooks);
        inst.redefineModule(base, reads, Map.of(), opens, Set.of(), Map.of());
    }

    /**
     * Retransforms the loaded classes the transformer wants: the JDK classes with model rules
     * (Thread is loaded long before any agent), and after an attach the program's classes too.
     */
    private static void retransformLoaded(Instrumentation inst, ClassTransformer transformer, boolean programClasses) {
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (!inst.isModifiableClass(c)) continue;
            String name = c.getName().replace('.', '/');
            if (transformer.isModelledJdkClass(c.getClassLoader(), name)
                    || (programClasses && transformer.inScope(c.getClassLoader(), name))) {
                targets.add(c);
            }
        }
        for (Class<?> c : targets) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable e) {
                System.err.println("threadcheck: could not instrument loaded class " + c.getName()
                        + " (its checks or happens-before edges are missing): " + e);
            }
        }
    }
}
